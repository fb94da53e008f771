"""Tables: 四号仿宋 cells, a bold header row repeated on every page, widths that fill the 版心.

Column widths come from the text: each column wants its longest cell on one line; when the
columns want more than the 156 mm type area, the widest are capped (water-filling) but none
drops below its longest unbreakable token (a number, a date). ``w:tblGrid`` is always written,
because WPS drops widths given only on cells (dolanmiu/docx #272), and the grid sums to the
版心 width exactly.
"""

from __future__ import annotations

import re

from speechgen import document as d
from speechgen import style
from speechgen.writers.docx import geometry
from speechgen.writers.docx.options import DocxOptions
from speechgen.writers.docx.xml import paragraph, run

CELL_MARGIN = geometry.mm(1)  # left and right padding of each cell, twips
_BORDER_PT = 0.5
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?[%‰]?$")
_SERIAL = re.compile(r"^\d{1,3}$")
_UNBREAKABLE = re.compile(r"[\x21-\x7e]+")  # a run of ASCII: digits, dates, codes stay whole
_HEADER_LINES = 3  # a header may wrap into this many lines
_HEADER_WORD_CHARS = 4  # a header word up to this long ("完成率", "项目名称") stays on one line
_UNIT_CHARS = 4  # "（万元）", "（%）": a unit this short stays whole
_AUTOSPACE_EM = 0.25
_SCRIPT_CHANGE = re.compile(r"(?<=[\x21-\x7e])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[\x21-\x7e])")
_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def render_table(block: d.Table, options: DocxOptions) -> list[str]:
    """Return an optional caption paragraph and the ``<w:tbl>`` of ``block``."""
    columns = max([len(block.header), *(len(row) for row in block.rows)])
    out = [paragraph(style.STYLE_TABLE_CAPTION.style_id, run(block.caption))] if block.caption else []
    if columns == 0:
        return out or ["<w:p/>"]
    header = _pad(block.header, columns)
    rows = [_pad(row, columns) for row in block.rows]
    widths = column_widths([header, *rows], geometry.TEXT_WIDTH)
    aligns = column_aligns(block, rows, widths)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    header = tuple(header_text(cell, width) for cell, width in zip(header, widths, strict=True))
    body = _row(header, widths, None, header=True) + "".join(_row(r, widths, aligns) for r in rows)
    out.append(f"<w:tbl>{_table_properties()}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")
    return out


def _pad(cells: tuple[str, ...], columns: int) -> tuple[str, ...]:
    return cells + ("",) * (columns - len(cells))


def _table_properties() -> str:
    size = geometry.eighth_points(_BORDER_PT)
    sides = "".join(f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="auto"/>'
                    for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (
        f'<w:tblPr><w:tblW w:w="{geometry.TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{sides}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )


def _row(cells: tuple[str, ...], widths: list[int], aligns: list[str] | None, *, header: bool = False) -> str:
    # cantSplit keeps a row on one page; tblHeader repeats the header row on every page.
    trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
    style_id = (style.STYLE_TABLE_HEADER if header else style.STYLE_TABLE_TEXT).style_id
    default = (style.STYLE_TABLE_HEADER if header else style.STYLE_TABLE_TEXT).align
    cells_xml = []
    for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        align = aligns[i] if aligns else default
        jc = "" if align == default else f'<w:jc w:val="{_ALIGN[align]}"/>'
        content = run(cell) if cell else ""
        cells_xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/>'
                         f"</w:tcPr>{paragraph(style_id, content, jc)}</w:tc>")
    return f"<w:tr>{trpr}{''.join(cells_xml)}</w:tr>"


def _text_twips(value: str) -> int:
    """Return the printed width of the longest line of ``value`` in 四号 twips.

    Word and LibreOffice add about a quarter of a character between hanzi and digits or Latin
    letters, so each such transition counts too.
    """
    size = geometry.pt(style.STYLE_TABLE_TEXT.size_pt)
    widths = (style.text_width_chars(line) + _AUTOSPACE_EM * len(_SCRIPT_CHANGE.findall(line))
              for line in value.split("\n"))
    return round(max(widths, default=0) * size)


def _token_twips(value: str) -> int:
    size = style.STYLE_TABLE_TEXT.size_pt
    longest = max((len(token) for token in _UNBREAKABLE.findall(value)), default=0)
    return round(longest * 0.5 * geometry.pt(size))


def column_widths(rows: list[tuple[str, ...]], total: int) -> list[int]:
    """Return column widths in twips that sum to ``total``; ``rows[0]`` is the header row.

    A body cell wants its whole text on one line. A header may wrap into three lines, with its
    unit ("（万元）") kept whole on a line of its own (see ``header_text``). No column is narrower
    than two characters or its longest run of digits and Latin letters. When the wants exceed
    the 版心, the widest columns are capped to a common width (water-filling).
    """
    pad = 2 * CELL_MARGIN + geometry.pt(1)
    two_chars = 2 * geometry.pt(style.STYLE_TABLE_TEXT.size_pt)
    columns = list(zip(*rows, strict=True))
    floors = [max(two_chars, *(_token_twips(c) for c in col)) + pad for col in columns]
    wants = [max([_header_twips(col[0]), *(_text_twips(c) for c in col[1:])]) + pad for col in columns]
    wants = [max(w, f) for w, f in zip(wants, floors, strict=True)]
    if sum(wants) <= total:
        widths = [w * total / sum(wants) for w in wants]  # spare room shared in proportion
    elif sum(floors) >= total:
        widths = [f * total / sum(floors) for f in floors]  # even the floors overflow: shrink them
    else:
        cap = _water_level(wants, floors, total)
        widths = [max(f, min(w, cap)) for w, f in zip(wants, floors, strict=True)]
    return _integral(widths, total)


def _split_unit(header: str) -> tuple[str, str]:
    """Return ("年度计划投资", "（万元）") for a header ending in a short bracketed unit."""
    label, bracket, unit = header.partition("（")
    if bracket and label and unit.endswith("）") and style.text_width_chars(bracket + unit) <= _UNIT_CHARS:
        return label, bracket + unit
    return header, ""


def _header_twips(header: str) -> int:
    """Return the width a header wants: short words whole, long ones in two or three lines."""
    label, unit = _split_unit(header)
    label_width = _text_twips(label)
    short_word = min(label_width, _HEADER_WORD_CHARS * geometry.pt(style.STYLE_TABLE_TEXT.size_pt))
    lines = 2 if unit else _HEADER_LINES  # with a unit, the unit takes the third line
    return max(short_word, -(-label_width // lines), _text_twips(unit))


def header_text(header: str, width: int) -> str:
    """Return the header cell text: the unit moved to its own line when the header wraps."""
    label, unit = _split_unit(header)
    if unit and _text_twips(header) > width - 2 * CELL_MARGIN:
        return f"{label}\n{unit}"
    return header


def _water_level(wants: list[int], floors: list[int], total: int) -> float:
    """Return the cap c with sum(max(floor, min(want, c))) == total (bisection)."""
    low, high = 0.0, float(max(wants))
    for _ in range(60):
        mid = (low + high) / 2
        if sum(max(f, min(w, mid)) for w, f in zip(wants, floors, strict=True)) > total:
            high = mid
        else:
            low = mid
    return low


def _integral(widths: list[float], total: int) -> list[int]:
    result = [int(w) for w in widths]
    widest = max(range(len(result)), key=result.__getitem__)
    result[widest] += total - sum(result)
    return result


def column_aligns(block: d.Table, rows: list[tuple[str, ...]], widths: list[int]) -> list[str]:
    """Return each column's alignment: the author's when given, else by content.

    Figures are right-aligned so that magnitudes line up, serial numbers centred; short text that fits its column on
    one line is centred; text that wraps reads best justified.
    """
    if block.align:
        return [block.align[i] if i < len(block.align) else "center" for i in range(len(widths))]
    aligns = []
    for i, width in enumerate(widths):
        cells = [row[i].strip() for row in rows if row[i].strip()]
        if cells and all(_SERIAL.match(c) for c in cells):
            aligns.append("center")  # 序号: 1, 2, 3 … centred
        elif cells and all(_NUMBER.match(c) for c in cells):
            aligns.append("right")
        elif all(_text_twips(c) <= width - 2 * CELL_MARGIN for c in cells):
            aligns.append("center")
        else:
            aligns.append("justify")
    return aligns
