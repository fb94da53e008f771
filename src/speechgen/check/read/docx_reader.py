"""A .docx (read-only, python-docx) → paragraphs with their style names and roles."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

from speechgen import style
from speechgen.check.model import Para, Role
from speechgen.check.read.docx_numbering import Numbering
from speechgen.check.read.docx_styles import StyleSheet
from speechgen.errors import InputError, Problem

# Our own styles (by id and by name) and Word's built-in names (stored in English in every
# language version: "heading 1" shows as 标题 1).
_ROLES: dict[str, tuple[Role, int | None]] = {
    **{s.style_id.lower(): ("heading", i) for i, s in enumerate(style.HEADING_STYLES, 1)},
    **{s.name.lower(): ("heading", i) for i, s in enumerate(style.HEADING_STYLES, 1)},
    **{f"heading {i}": ("heading", i) for i in range(1, 10)},
}
for _style, _role in (
    (style.STYLE_TITLE, "title"), (style.STYLE_SUBTITLE, "subtitle"),
    (style.STYLE_SALUTATION, "salutation"), (style.STYLE_ADDRESSEE, "addressee"),
    (style.STYLE_ISSUER_MARK, "header"), (style.STYLE_DOC_NUMBER, "header"),
    (style.STYLE_SIGNATURE, "signature"), (style.STYLE_DATE, "date"),
    (style.STYLE_ATTACHMENT_NOTE, "attachment"), (style.STYLE_ATTACHMENT_LABEL, "attachment"),
    (style.STYLE_ATTACHMENT_TITLE, "attachment"), (style.STYLE_IMPRINT, "imprint"),
    (style.STYLE_TABLE_TEXT, "table"), (style.STYLE_TABLE_HEADER, "table"),
    (style.STYLE_TABLE_CAPTION, "table"), (style.STYLE_PAGE_NUMBER, "meta"),
):
    _ROLES[_style.style_id.lower()] = (_role, None)  # type: ignore[assignment]
    _ROLES[_style.name.lower()] = (_role, None)  # type: ignore[assignment]


_RESAVE_HINT = "请在 Word/WPS 中打开后“另存为”.docx 再检查"


@contextmanager
def damaged_docx(name: str) -> Iterator[None]:
    """Turn what python-docx and lxml raise on a damaged package into InputError: python-docx
    reads parts lazily, so a missing relationship or a malformed part can fail at first use."""
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    try:
        yield
    except (OpcError, LxmlError, zipfile.BadZipFile, KeyError, ValueError, AttributeError, TypeError,
            IndexError) as error:
        from speechgen.sources.files import damage  # here: the sources package loads openpyxl and yaml

        raise InputError(Problem(f"无法读取 .docx，{damage(error)}", file=name,
                                 hint=_RESAVE_HINT)) from None


def open_docx(data: bytes, name: str):
    """Return the python-docx Document for data; InputError if it is not a readable .docx."""
    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(Problem("这不是有效的 .docx 文件（文件已损坏，或是改了扩展名的 .doc/.wps）",
                                 file=name, hint=_RESAVE_HINT))
    with damaged_docx(name):
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    if "word/document.xml" not in names:  # a zip, but not a Word document: say what it looks like
        looks = "，看起来是改了扩展名的 Excel 工作簿（.xlsx）" if "xl/workbook.xml" in names else ""
        raise InputError(Problem(f"这不是 Word 文档{looks}", file=name,
                                 hint="请提供 Word/WPS 保存的 .docx 稿件；台账请用 --data 传入"))
    with damaged_docx(name):
        return docx.Document(io.BytesIO(data))


def read_docx_paragraphs(data: bytes, name: str) -> list[Para]:
    """Return the body's paragraphs and table cells in reading order, with style and role."""
    document = open_docx(data, name)
    with damaged_docx(name):
        return [para for para, _ in docx_paragraphs(document)]


def docx_paragraphs(document) -> list[tuple[Para, object]]:
    """Return (Para, python-docx paragraph) for every paragraph with text, in reading order:
    body paragraphs, and the cells of tables row by row. The layout rules use the same list, so
    paragraph numbers agree."""
    from docx.table import Table

    numbering = Numbering(document, StyleSheet(document.styles.element))
    out: list[tuple[Para, object]] = []
    tables = 0
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row_index, row in enumerate(item.rows):
                for column, cell in _unique_cells(row.cells):
                    for paragraph in cell.paragraphs:
                        _append(out, paragraph, numbering.marker(paragraph._p), forced_role="table",
                                cell=(tables, row_index, row.grid_cols_before + column))
            tables += 1
        else:
            _append(out, item, numbering.marker(item._p))
    return out


def _unique_cells(cells):
    """Yield (grid column, cell) for each cell once (merged cells repeat in python-docx's
    row.cells, once per grid column they span)."""
    seen: set[int] = set()
    for column, cell in enumerate(cells):
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            yield column, cell


def _append(out: list[tuple[Para, object]], paragraph, prefix: str,
            forced_role: Role | None = None, cell: tuple[int, int, int] | None = None) -> None:
    # A line break inside a paragraph (a title turned over two lines) joins without a space.
    text = paragraph.text.replace("\t", " ").replace("\n", "").strip()
    if not text:
        return
    prefix = prefix.replace("\t", "").strip()
    text = prefix + text
    style_name = paragraph.style.name if paragraph.style is not None else None
    role, level = forced_role, None
    if role is None and paragraph.style is not None:
        role, level = _ROLES.get((paragraph.style.style_id or "").lower(), (None, None))
        if role is None:
            role, level = _ROLES.get((style_name or "").lower(), (None, None))
    out.append((Para(len(out) + 1, text, role, level, None, style_name, prefix, cell), paragraph))
