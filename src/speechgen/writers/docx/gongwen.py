"""The 公文 elements with prescribed positions: 版头, 附件说明, 署名和成文日期, 附件标识, 版记.

Positions are GB/T 9704-2012 clauses (in comments) turned into twips from ``style.py`` numbers.
Alignment comes from indents, tab stops and paragraph borders, never from spaces.
"""

from __future__ import annotations

from speechgen import document as d
from speechgen import style
from speechgen.writers import titles
from speechgen.writers.docx import geometry
from speechgen.writers.docx.options import DocxOptions
from speechgen.writers.docx.xml import (
    BLANK_LINE,
    HAIRLINE,
    KEEP_NEXT,
    Para,
    Piece,
    border,
    exact_spacing,
    justification,
    paragraph,
    run,
)

# Times New Roman advance widths in em: attachment numbers "1." are digits and a full stop.
_LATIN_EM = {".": 0.25, **{digit: 0.5 for digit in "0123456789"}}
_NOTE_LABEL = "附件："
_DATE_SHIFT_CHARS = 2  # 7.3.5.2: 成文日期首字比发文机关署名首字右移二字 (as in style.signature_indents_chars)


def blank_line(height_twips: int) -> Para:
    """Return an empty paragraph of an exact height (twips), to bring what follows onto the grid."""
    return paragraph(None, "", exact_spacing(height_twips))


def red_header(block: d.RedHeader, options: DocxOptions) -> list[Piece]:
    """Return the 版头: 发文机关标志, two blank lines, 发文字号 over the red rule, two blank lines.

    7.2.4: the mark's top edge lies 35 mm below the type area's top. Its line is exactly as high
    as its font, so the glyph's em box fills the line whether the application centres the text
    in an exact line (Word) or not, and the space before is the 35 mm itself. The blank line after
    the mark absorbs the rest of the grid line, so the 发文字号 and everything after sit on the grid.
    """
    size_pt = style.issuer_mark_size_pt(block.issuer)
    line = geometry.pt(size_pt)
    before = geometry.mm(style.ISSUER_MARK_TOP_MM)
    mark = paragraph(style.STYLE_ISSUER_MARK.style_id,
                     run(block.issuer, size_half_points=geometry.half_points(size_pt)),
                     exact_spacing(line, before))
    pitch = geometry.LINE_PITCH
    rest_of_grid_line = -(before + line) % pitch
    # 7.2.7: the red rule 4 mm below the 发文字号 (whose glyphs sit centred in the exact line),
    # as wide as the type area: the bottom border of the 发文字号 paragraph.
    number_size = style.STYLE_DOC_NUMBER.size_pt
    gap_pt = style.RED_RULE_BELOW_NUMBER_MM / style.MM_PER_PT - (style.LINE_PITCH_PT - number_size) / 2
    space_pt = max(0, round(gap_pt))
    rule = border("bottom", geometry.eighth_points(style.RED_RULE_WIDTH_PT), space_pt, style.RED)
    number = paragraph(style.STYLE_DOC_NUMBER.style_id, run(block.doc_number) if block.doc_number else "",
                       f"<w:pBdr>{rule}</w:pBdr>")
    rule_height = geometry.pt(space_pt + style.RED_RULE_WIDTH_PT)
    return [
        mark,
        blank_line(pitch + rest_of_grid_line),  # 7.2.5: 发文字号 两行 below the mark
        BLANK_LINE,
        number,
        blank_line(pitch - rule_height),  # 7.3.1: title two lines below the rule, back on the grid
        BLANK_LINE,
    ]


def attachment_note(block: d.AttachmentNote, options: DocxOptions) -> list[Piece]:
    """Return the 附件说明 (7.3.4): "附件：1.甲" and "2.乙" aligned under "1.".

    Each item is a paragraph whose wrapped lines align with the first character of the name:
    a hanging indent of the number's width (and of "附件：" on the first item).
    """
    grid = options.char_grid
    indent = geometry.char_twips(style.STYLE_ATTACHMENT_NOTE.first_line_chars, grid=grid)
    after_label = geometry.char_twips(style.STYLE_ATTACHMENT_NOTE.first_line_chars + len(_NOTE_LABEL),
                                      grid=grid)
    numbered = len(block.items) > 1
    out: list[Piece] = []
    for i, line in enumerate(d.attachment_note_lines(block.items), 1):
        number = _latin_twips(f"{i}.", options) if numbered else 0
        left = after_label + number
        first_line_start = indent if i == 1 else after_label
        ind = (f'<w:ind w:leftChars="0" w:left="{left}" w:firstLineChars="0" '
               f'w:hangingChars="0" w:hanging="{left - first_line_start}"/>')
        out.append(paragraph(style.STYLE_ATTACHMENT_NOTE.style_id, run(line), ind))
    return out


def _latin_twips(value: str, options: DocxOptions) -> int:
    """Return the width of 3号 Times New Roman text such as "12." in twips, spacing included."""
    spacing = geometry.CHAR_SPACING_TWIPS if options.char_grid else 0
    size = geometry.pt(style.STYLE_ATTACHMENT_NOTE.size_pt)
    return round(sum(_LATIN_EM.get(ch, 0.5) * size + spacing for ch in value))


def signature(block: d.Signature, options: DocxOptions) -> list[Piece]:
    """Return 发文机关署名 and 成文日期 placed per 7.3.5, indents in characters from style.py.

    Unsealed, with the signature the longer (the usual case), the date starts two characters
    right of the signature's first character (7.3.5.2). The date is then set flush left from
    that point rather than flush right: its width depends on digit widths and on the automatic
    space Word and LibreOffice put between hanzi and digits, while the signature's (all hanzi)
    does not. Otherwise both lines are set flush right with the right indents of
    ``style.signature_indents_chars``.
    """
    sig_chars, date_chars = style.signature_indents_chars(block.issuer, block.date, block.sealed)
    date_props: tuple[str, ...] = (_right_indent(date_chars, options),)
    out: list[Piece] = []
    if block.issuer:
        out.append(paragraph(style.STYLE_SIGNATURE.style_id, run(block.issuer),
                             _right_indent(sig_chars, options)))
        sig_width = style.text_width_chars(block.issuer)
        if not block.sealed and sig_width - _DATE_SHIFT_CHARS >= style.text_width_chars(block.date):
            start = geometry.TEXT_WIDTH - geometry.char_twips(sig_chars + sig_width - _DATE_SHIFT_CHARS,
                                                              grid=options.char_grid)
            date_props = (f'<w:ind w:leftChars="0" w:left="{start}" w:rightChars="0" w:right="0"/>',
                          justification("left"))
    out.append(paragraph(style.STYLE_DATE.style_id, run(block.date), *date_props))
    return out


def _right_indent(chars: float, options: DocxOptions) -> str:
    twips = geometry.char_twips(chars, grid=options.char_grid)
    return f'<w:ind w:rightChars="{round(chars * 100)}" w:right="{twips}"/>'


def attachment_heading(block: d.AttachmentHeading, page: geometry.Page = geometry.PORTRAIT) -> list[Piece]:
    """Return "附件1" flush left on line 1 and the title centred on line 3 (7.3.7), turned between
    words; every line is kept with the next, so the title never ends a page without the table or
    text it heads.

    The page break before it is added by the caller (body.render_blocks).
    """
    label = paragraph(style.STYLE_ATTACHMENT_LABEL.style_id, run(block.label), KEEP_NEXT)
    if not block.title:
        return [label]
    title = titles.broken_title(block.title, titles.title_width_chars(page))
    return [label, BLANK_LINE.add(KEEP_NEXT),
            paragraph(style.STYLE_ATTACHMENT_TITLE.style_id, run(title), KEEP_NEXT), BLANK_LINE.add(KEEP_NEXT)]


def imprint(block: d.Imprint, options: DocxOptions, page: geometry.Page = geometry.PORTRAIT) -> list[Piece]:
    """Return the 版记 (7.4) as a one-column table: 抄送 and 印发机关/印发日期 between rules.

    The rules are the table's borders: thick above and below, thin between the elements
    (7.4.1), each as wide as the type area whatever the text's one-character indents. With
    ``imprint_at_bottom`` the table floats, its bottom edge on the bottom of the type area of
    the page it lands on (the last page), so the last rule coincides with the 版心's bottom
    edge; it is anchored horizontally to the page at the left margin, because LibreOffice keeps
    a full-width table anchored to the margin in the text flow. On a landscape page (clause 8)
    the rules span the turned 版心, 225 mm.
    """
    size = style.STYLE_IMPRINT.size_pt
    one_char = geometry.char_twips(1, size, grid=False)  # 7.4.2: 左右各空一字 (四号)
    rows: list[Para] = []
    if block.cc:
        label = "抄送："  # wrapped lines align after the colon
        hang = geometry.char_twips(len(label), size, grid=False)
        ind = (f'<w:ind w:leftChars="0" w:left="{one_char + hang}" w:rightChars="0" w:right="{one_char}" '
               f'w:firstLineChars="0" w:hangingChars="0" w:hanging="{hang}"/>')
        rows.append(paragraph(style.STYLE_IMPRINT.style_id, run(f"{label}{block.cc}"), ind))
    if block.printer or block.print_date:
        # 7.4.3: organ one character from the left, date one character from the right: a right tab.
        tab = f'<w:tabs><w:tab w:val="right" w:pos="{page.text_width - one_char}"/></w:tabs>'
        ind = f'<w:ind w:leftChars="0" w:left="{one_char}" w:firstLineChars="0" w:firstLine="0"/>'
        date = f"{block.print_date}印发" if block.print_date else ""
        rows.append(paragraph(style.STYLE_IMPRINT.style_id, run(f"{block.printer or ''}\t{date}"), tab, ind))
    if not rows:
        return []
    if not options.imprint_at_bottom:  # in the flow: keep the rows on one page
        return [_imprint_table([*(row.add(KEEP_NEXT) for row in rows[:-1]), rows[-1]], options, page)]
    # The floating table needs a paragraph before it (two adjacent tables merge) and one after
    # (its anchor, and a body may not end with a table); one-point paragraphs take no room that
    # the 版记 itself could need at the foot of a full last page.
    return [HAIRLINE, _imprint_table(rows, options, page), HAIRLINE]


def _imprint_table(paragraphs: list[Para], options: DocxOptions, page: geometry.Page) -> str:
    width = page.text_width
    thick = geometry.eighth_points(style.IMPRINT_RULE_THICK_PT)
    thin = geometry.eighth_points(style.IMPRINT_RULE_THIN_PT)
    position = (
        '<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0" '
        f'w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="{page.left}" w:tblpYSpec="bottom"/>'
        '<w:tblOverlap w:val="never"/>'
    ) if options.imprint_at_bottom else ""
    borders = (
        f'<w:top w:val="single" w:sz="{thick}" w:space="0" w:color="auto"/><w:left w:val="nil"/>'
        f'<w:bottom w:val="single" w:sz="{thick}" w:space="0" w:color="auto"/><w:right w:val="nil"/>'
        f'<w:insideH w:val="single" w:sz="{thin}" w:space="0" w:color="auto"/><w:insideV w:val="nil"/>'
    )
    properties = (
        f'<w:tblPr>{position}<w:tblW w:w="{width}" w:type="dxa"/>'
        f"<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )
    # cantSplit keeps each element whole; the rows of a floating table never split anyway.
    rows = "".join(f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                   f"</w:tcPr>{p.xml()}</w:tc></w:tr>" for p in paragraphs)
    return f'<w:tbl>{properties}<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>{rows}</w:tbl>'
