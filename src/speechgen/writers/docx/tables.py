"""Tables: cells in a 表格文字 style of the table's size, a bold header row repeated on every page.

Size, column widths, header breaks and alignments come from ``table_layout`` (shared with the
HTML writer); this module writes them as WordprocessingML.
"""

from __future__ import annotations

from speechgen import document as d
from speechgen import style
from speechgen.writers.docx import geometry
from speechgen.writers.docx.options import DocxOptions
from speechgen.writers.docx.table_layout import CELL_MARGIN, TableLayout, layout_table
from speechgen.writers.docx.xml import BLANK_LINE, Piece, justification, paragraph, paragraph_xml, run

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
    cells_xml = []
    for i, (cell, width) in enumerate(zip(cells, fitted.widths, strict=True)):
        align = aligns[i] if aligns else cell_style.align
        props = () if align == cell_style.align else (justification(align),)
        content = run(cell) if cell else ""
        cells_xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/>'
                         f"</w:tcPr>{paragraph_xml(cell_style.style_id, content, *props)}</w:tc>")
    return f"<w:tr>{trpr}{''.join(cells_xml)}</w:tr>"
