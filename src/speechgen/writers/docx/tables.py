"""Tables: cells in a 表格文字 style of the table's size, a bold header row repeated on every page.

Size, column widths, header breaks and alignments come from ``table_layout`` (shared with the
HTML writer); this module writes them as WordprocessingML.
"""

from __future__ import annotations

import functools

from speechgen import document as d
from speechgen import style
from speechgen.writers.docx import geometry
from speechgen.writers.docx.options import DocxOptions
from speechgen.writers.docx.table_layout import CELL_MARGIN, TableLayout, layout_table
from speechgen.writers.docx.xml import (
    BLANK_LINE,
    KEEP_NEXT,
    Piece,
    justification,
    paragraph,
    paragraph_properties,
    run,
)

_BORDER_PT = 0.5


def render_table(block: d.Table, options: DocxOptions, page: geometry.Page = geometry.PORTRAIT) -> list[Piece]:
    """Return an optional caption paragraph and the ``<w:tbl>`` of ``block``, as wide as the
    版心 of ``page``."""
    out: list[Piece] = [paragraph(style.STYLE_TABLE_CAPTION.style_id, run(block.caption))] if block.caption else []
    fitted = layout_table(block, page.text_width)
    if fitted is None:
        return out or [BLANK_LINE]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in fitted.widths)
    body = _row(fitted, fitted.header, None) + "".join(_row(fitted, r, fitted.aligns) for r in fitted.rows)
    out.append(f"<w:tbl>{_table_properties(page.text_width)}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")
    return out


def _table_properties(width: int) -> str:
    size = geometry.eighth_points(_BORDER_PT)
    sides = "".join(f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="auto"/>'
                    for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (
        f'<w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{sides}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )


def _row(fitted: TableLayout, cells: tuple[str, ...], aligns: tuple[str, ...] | None) -> str:
    """Return one ``<w:tr>``; ``aligns`` None marks the header row."""
    header = aligns is None
    # cantSplit keeps a row on one page; tblHeader repeats the header row on every page.
    trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
    cell_style = fitted.header_style if header else fitted.text_style
    # keepNext on the header's paragraphs keeps it with the first body row (Word): a title and a
    # header never end a page without a row under them.
    pprs = _cell_properties(cell_style.style_id, cell_style.align, aligns or (cell_style.align,) * len(cells),
                            keep_next=header)
    cells_xml = [f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                 f"<w:p>{ppr}{run(cell) if cell else ''}</w:p></w:tc>"
                 for cell, width, ppr in zip(cells, fitted.widths, pprs, strict=True)]
    return f"<w:tr>{trpr}{''.join(cells_xml)}</w:tr>"


@functools.lru_cache(maxsize=256)
def _cell_properties(style_id: str, style_align: str, aligns: tuple[str, ...],
                     keep_next: bool = False) -> tuple[str, ...]:
    """Return the ``<w:pPr>`` of each column's cells: the cell style, keepNext if asked, and the
    column's alignment where it differs from the style's (built once per table shape, not once
    per cell)."""
    keep = (KEEP_NEXT,) if keep_next else ()
    return tuple(paragraph_properties(style_id, *keep, *(() if align == style_align else (justification(align),))).xml
                 for align in aligns)


def render_form(block: d.Table, options: DocxOptions, page: geometry.Page = geometry.PORTRAIT) -> list[Piece]:
    """Return the ``<w:tbl>`` of a form (督办单): a label column of FORM_LABEL_CHARS 四号 characters
    in the header style, the rest of the 版心 for the values (left, wrapping); every row at least
    FORM_ROW_MIN_PT high, a row with no value FORM_BLANK_LINES lines high (to write in by hand)."""
    rows = [block.header, *block.rows]
    columns = max(len(row) for row in rows)
    label = geometry.char_twips(style.FORM_LABEL_CHARS, style.SIZE_4HAO_PT, grid=False) + 2 * CELL_MARGIN
    rest = page.text_width - label
    values = [rest // (columns - 1) + (1 if i < rest % (columns - 1) else 0) for i in range(columns - 1)] or [rest]
    widths = [label, *values][:max(columns, 1)]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = "".join(_form_row(tuple(row) + ("",) * (columns - len(row)), widths) for row in rows)
    return [f"<w:tbl>{_table_properties(page.text_width)}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"]


def _form_row(cells: tuple[str, ...], widths: list[int]) -> str:
    blank = not any(cell.strip() for cell in cells[1:])
    height = geometry.pt(style.FORM_BLANK_LINES * style.TABLE_LINE_PITCH_PT if blank else style.FORM_ROW_MIN_PT)
    trpr = f'<w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="atLeast"/></w:trPr>'
    styles = [style.STYLE_TABLE_HEADER, *[style.STYLE_FORM_TEXT] * (len(cells) - 1)]
    tcs = [f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
           f"<w:p>{paragraph_properties(cell_style.style_id).xml}{run(cell) if cell else ''}</w:p></w:tc>"
           for cell, width, cell_style in zip(cells, widths, styles, strict=True)]
    return f"<w:tr>{trpr}{''.join(tcs)}</w:tr>"
