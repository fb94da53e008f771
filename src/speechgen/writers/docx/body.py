"""word/document.xml: the Document's blocks as paragraphs and tables, then the section properties.

Each block kind has one renderer; ``render_block`` is a ``match`` over the closed block union
ending in ``assert_never``. Blank lines that GB/T 9704 prescribes between elements ("标题下空一行")
are empty body paragraphs, one grid line each: that is what a secretary types, it keeps every line
on the 22-line grid, and Word, WPS and LibreOffice agree on it (space-before they do not).
"""

from __future__ import annotations

from typing import assert_never

from speechgen import document as d
from speechgen import style
from speechgen.writers.docx import gongwen, tables
from speechgen.writers.docx.footers import section_xml
from speechgen.writers.docx.options import DocxOptions
from speechgen.writers.docx.xml import BLANK_LINE, NS_DECL, XML_DECL, keep_with_next, paragraph, run

_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def document_xml(doc: d.Document, options: DocxOptions) -> bytes:
    """Return the bytes of word/document.xml for ``doc``."""
    body = "".join(render_blocks(doc.blocks, options)) or BLANK_LINE  # Word wants one paragraph
    return f"{XML_DECL}<w:document {NS_DECL}><w:body>{body}{section_xml(options)}</w:body></w:document>".encode()


def render_blocks(blocks: tuple[d.Block, ...], options: DocxOptions) -> list[str]:
    """Return the XML pieces of the blocks in order, with the blank lines between them."""
    out: list[str] = []
    previous: d.Block | None = None
    break_pending = False
    for block in blocks:
        if isinstance(block, d.PageBreak):
            break_pending = True
            continue
        after_break = break_pending
        blanks = 0 if break_pending else blank_lines_before(previous, block, options)
        pieces = [BLANK_LINE] * blanks + render_block(block, options)
        if not pieces:  # an empty 版记
            continue
        if isinstance(block, d.AttachmentHeading):
            break_pending = previous is not None  # 7.3.7: an attachment starts a new page
        if break_pending:
            pieces = _break_before(pieces)
            break_pending = False
        if isinstance(previous, d.Table) and pieces[0].startswith("<w:tbl>"):
            out.append(BLANK_LINE)  # two adjacent tables would merge into one
        if isinstance(block, d.AttachmentNote | d.Signature) and not after_break and out:
            # 7.3.5: the signature never stands alone on a page ("此页无正文"); the last body
            # line, the 附件说明 and the signature lines move together instead.
            out[-1] = keep_with_next(out[-1])
            pieces = [keep_with_next(p) for p in pieces[:-1]] + pieces[-1:]
            if isinstance(block, d.AttachmentNote):
                pieces[-1] = keep_with_next(pieces[-1])
        out.extend(pieces)
        previous = block
    if break_pending:
        out.append(_PAGE_BREAK)
    if out and out[-1].startswith("<w:tbl>"):
        out.append(BLANK_LINE)  # the body must not end with a table
    return out


def blank_lines_before(previous: d.Block | None, block: d.Block, options: DocxOptions) -> int:
    """Return the number of blank lines GB/T 9704 puts between ``previous`` and ``block``."""
    if previous is None or isinstance(previous, d.PageBreak):
        return 0
    match block:
        case d.AttachmentNote():
            return 1  # 7.3.4: 正文下空一行
        case d.Signature(sealed=sealed):
            return 2 if sealed else 1  # 7.3.5: the seal needs room above the signature
        case d.Imprint():
            return 0 if options.imprint_at_bottom else 1
        case d.Title() | d.Subtitle():
            return 0
    if isinstance(previous, d.Title | d.Subtitle) and not isinstance(block, d.AttachmentHeading):
        return 1  # 7.3.2: 标题下空一行 before 主送机关 (or the speech's 称谓)
    return 0


def render_block(block: d.Block, options: DocxOptions) -> list[str]:
    """Return the paragraphs (or table) of one block."""
    match block:
        case d.RedHeader():
            return gongwen.red_header(block, options)
        case d.Title(text=text):
            return [paragraph(style.STYLE_TITLE.style_id, run(text))]
        case d.Subtitle(text=text):
            return [paragraph(style.STYLE_SUBTITLE.style_id, run(text))]
        case d.Salutation(text=text):
            return [paragraph(style.STYLE_SALUTATION.style_id, run(text))]
        case d.Addressee(text=text):
            return [paragraph(style.STYLE_ADDRESSEE.style_id, run(text))]
        case d.Heading(level=level):
            heading_style = style.HEADING_STYLES[min(max(level, 1), len(style.HEADING_STYLES)) - 1]
            return [paragraph(heading_style.style_id, run(block.full_text))]
        case d.Paragraph():
            return [body_paragraph(block)]
        case d.Table():
            return tables.render_table(block, options)
        case d.PageBreak():
            return [_PAGE_BREAK]
        case d.AttachmentNote():
            return gongwen.attachment_note(block, options)
        case d.Signature():
            return gongwen.signature(block, options)
        case d.AttachmentHeading():
            return gongwen.attachment_heading(block)
        case d.Imprint():
            return gongwen.imprint(block, options)
        case _:
            assert_never(block)


def body_paragraph(block: d.Paragraph) -> str:
    """Return a 正文 paragraph; bold runs take the lead-sentence character style."""
    lead_style = style.CHAR_STYLE_LEAD[0]
    content = "".join(run(r.text, char_style=lead_style if r.bold else None) for r in block.runs if r.text)
    ppr = "" if block.indent else '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
    if block.align != "justify":
        ppr += f'<w:jc w:val="{_ALIGN[block.align]}"/>'
    return paragraph(None, content, ppr)


def _break_before(pieces: list[str]) -> list[str]:
    """Return ``pieces`` with the first paragraph starting a new page (``w:pageBreakBefore``).

    A page-break run would leave an empty line at the top of the new page; a table cannot carry
    the property, so a table gets a break paragraph before it.
    """
    first = pieces[0]
    if first.startswith("<w:tbl>"):
        return [_PAGE_BREAK, *pieces]
    if first == BLANK_LINE:
        first = "<w:p><w:pPr><w:pageBreakBefore/></w:pPr></w:p>"
    elif first.startswith("<w:p><w:pPr>"):
        # w:pageBreakBefore follows w:pStyle, w:keepNext and w:keepLines in the schema.
        at = len("<w:p><w:pPr>")
        for element in ("<w:pStyle ", "<w:keepNext/>", "<w:keepLines/>"):
            if first.startswith(element, at):
                at = first.index("/>", at) + 2
        first = f"{first[:at]}<w:pageBreakBefore/>{first[at:]}"
    else:
        first = first.replace("<w:p>", "<w:p><w:pPr><w:pageBreakBefore/></w:pPr>", 1)
    return [first, *pieces[1:]]
