"""How full the page is where an attachment's table ends, so that the 版记 can be told it will
not fit below it (body.render_blocks then starts the 版记 on a page of its own).

The 版记 floats at the foot of the last page (gongwen.imprint). When the page where the last
table ends has no room left for it, LibreOffice (7.4) moves the table together with the 版记's
anchor to the next page, leaving the attachment's title alone on its page; Word moves the anchor
only. Starting the anchor on a new page gives both the same pages: the title with its table,
the 版记 at the foot of the page after. Only what an attachment page holds is measured — its
heading and tables, whose every line height is fixed by style.py — in lines as Word counts them.
"""

from __future__ import annotations

from collections.abc import Sequence

from speechgen import document as d
from speechgen import style
from speechgen.writers import titles
from speechgen.writers.docx import geometry
from speechgen.writers.docx.table_layout import CELL_MARGIN, TableLayout, layout_table, line_count

_LINE = geometry.pt(style.LINE_PITCH_PT)  # one 3号 line of the body, the label, the title
_ROW_EXTRA = geometry.pt(1)  # a row's borders and the rounding of its lines: measured in LibreOffice
_IMPRINT_SLACK = _LINE  # a line's margin for what the count cannot know (fonts, autospace)


def page_fill(blocks: Sequence[d.Block], page: geometry.Page) -> int | None:
    """Return the twips used on the page where ``blocks`` end, the first of them starting a page;
    None when a block is one this module does not measure."""
    used = 0
    for block in blocks:
        if isinstance(block, d.AttachmentHeading):
            lines = 1 if not block.title else 3 + len(titles.title_lines(block.title, titles.title_width_chars(page)))
            used += lines * _LINE
        elif isinstance(block, d.Table):
            fitted = layout_table(block, page.text_width)
            if fitted is None:
                continue
            used = _table_end(fitted, used, page.text_height)
        else:
            return None
    return used


def _table_end(fitted: TableLayout, used: int, height: int) -> int:
    """Return the twips used on the page where the table ends (rows are never split; the header
    row repeats on each page)."""
    header = _row_height(fitted, fitted.header)
    used += header
    for row in fitted.rows:
        row_height = _row_height(fitted, row)
        if used + row_height > height:
            used = header
        used += row_height
    return used


def _row_height(fitted: TableLayout, cells: Sequence[str]) -> int:
    em = geometry.pt(fitted.size_pt)
    lines = max((line_count(cell, (width - 2 * CELL_MARGIN) / em) for cell, width in zip(cells, fitted.widths,
                                                                                          strict=True)), default=1)
    return lines * geometry.pt(fitted.text_style.line_pitch_pt or style.TABLE_LINE_PITCH_PT) + _ROW_EXTRA


def imprint_height(block: d.Imprint, page: geometry.Page) -> int:
    """Return the twips the 版记 takes: its rows of 4号 text on exact 3号 lines."""
    chars = (page.text_width - 2 * geometry.char_twips(1, style.STYLE_IMPRINT.size_pt, grid=False)) / geometry.pt(
        style.STYLE_IMPRINT.size_pt)
    rows = (line_count(f"抄送：{block.cc}", chars) if block.cc else 0) + (1 if block.printer or block.print_date else 0)
    return rows * _LINE


def imprint_fits(blocks: Sequence[d.Block], block: d.Imprint, page: geometry.Page) -> bool:
    """Return False when the 版记 will not fit below ``blocks`` (the blocks of its page, as in
    page_fill); True when it will, or when the page is not one this module measures."""
    used = page_fill(blocks, page)
    return used is None or used + imprint_height(block, page) + _IMPRINT_SLACK <= page.text_height
