"""Hand-built .xlsx packages for the limit tests and the fuzz harness: one sheet, XML as given.

openpyxl refuses to write most hostile workbooks (a cell past XFD1048576, a dimension out of
range, 2 GB of spaces), so these write the package's parts directly.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{_REL}">'
    '<sheets><sheet name="项目表" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
HEADER = ("项目名称", "县区", "责任单位", "总投资", "年度计划投资", "完成投资", "项目状态")
PROJECT = ("甲项目", "东城区", "发改局", 1000, 500, 100, "在建")


def cell(ref: str, value: object) -> str:
    """Return one <c> element: a number, or an inline string."""
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def row(number: int, values: Iterable[object], first_column: int = 0) -> str:
    cells = "".join(cell(f"{chr(65 + first_column + i)}{number}", v) for i, v in enumerate(values))
    return f'<row r="{number}">{cells}</row>'


def sheet(rows: str = "", *, extra: str = "", dimension: str | None = None, after: str = "") -> str:
    """Return a worksheet's XML: a header and one project, then ``extra`` rows; ``after`` follows sheetData."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    body = rows or row(1, HEADER) + row(2, PROJECT)
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dim}<sheetData>{body}{extra}' \
           f"</sheetData>{after}</worksheet>"


def package(sheet_xml: str | bytes, shared: str = "", *, raw_parts: dict[str, bytes] | None = None) -> bytes:
    """Return the bytes of an .xlsx whose only sheet is ``sheet_xml``."""
    shared_xml = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">{shared}</sst>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _ROOT_RELS),
                           ("xl/workbook.xml", _WORKBOOK), ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
                           ("xl/sharedStrings.xml", shared_xml)):
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, data in (raw_parts or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def whitespace_bomb(unpacked: int) -> bytes:
    """Return an .xlsx whose sheet is a header, then ``unpacked`` bytes of spaces: packed ~1000:1,
    written in chunks so that building a 2 GB bomb needs no 2 GB of memory."""
    head = sheet().encode().split(b"</sheetData>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _ROOT_RELS),
                           ("xl/workbook.xml", _WORKBOOK), ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)):
            archive.writestr(name, text)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=unpacked > 2**31) as part:
            part.write(head[0])
            chunk = b" " * 1_000_000
            for _ in range(unpacked // len(chunk)):
                part.write(chunk)
            part.write(b"</sheetData>" + head[1])
    return out.getvalue()

