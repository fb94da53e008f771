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
from speechgen.writers import titles
from speechgen.writers.docx import geometry, gongwen, tables
from speechgen.writers.docx.footers import section_xml
from speechgen.writers.docx.options import DocxOptions
from speechgen.writers.docx.page_fill import imprint_fits
from speechgen.writers.docx.xml import (
    BLANK_LINE,
    HAIRLINE,
    NS_DECL,
    PAGE_BREAK,
    PAGE_BREAK_BEFORE,
    XML_DECL,
    Para,
    Piece,
    justification,
    keep_with_next,
    paragraph,
    pieces_xml,
    run,
)

_NO_INDENT = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'


def document_xml(doc: d.Document, options: DocxOptions, landscape: frozenset[int] = frozenset()) -> bytes:
    """Return the bytes of word/document.xml for ``doc``; the blocks whose indices are in
    ``landscape`` are set in landscape sections (clause 8)."""
    pieces, last_section = render_blocks(doc.blocks, options, landscape)
    body = pieces_xml(pieces) or BLANK_LINE.xml()  # Word wants one paragraph
    return f"{XML_DECL}<w:document {NS_DECL}><w:body>{body}{last_section}</w:body></w:document>".encode()


def render_blocks(blocks: tuple[d.Block, ...], options: DocxOptions,
                  landscape: frozenset[int] = frozenset()) -> tuple[list[Piece], str]:
    """Return the XML pieces of the blocks in order, with the blank lines between them, and the
    ``<w:sectPr>`` of the last section. Where the orientation changes, the last paragraph before
    the change carries the ``<w:sectPr>`` of the section it ends (a next-page section break)."""
    out: list[Piece] = []
    previous: d.Block | None = None
    break_pending = False
    page: geometry.Page | None = None
    sections = 0
    on_page: list[d.Block] = []  # the blocks since the last page break (page_fill measures them)
    for index, block in enumerate(blocks):
        if isinstance(block, d.PageBreak):
            break_pending = True
            continue
        wanted = geometry.LANDSCAPE if index in landscape else geometry.PORTRAIT
        new_section = page is not None and wanted != page and bool(out)
        if new_section:
            _end_section(out, section_xml(options, page, first=sections == 0))
            sections += 1
            previous, break_pending = None, False  # the section break starts the new page
            on_page = []
        page = wanted
        after_break = break_pending
        blanks = 0 if break_pending else blank_lines_before(previous, block, options)
        pieces = [BLANK_LINE] * blanks + render_block(block, options, page)
        if not pieces:  # an empty 版记
            continue
        if isinstance(block, d.AttachmentHeading):
            break_pending = previous is not None  # 7.3.7: an attachment starts a new page
        if break_pending:
            pieces = _break_before(pieces)
            break_pending, on_page = False, []
        if isinstance(block, d.Imprint) and options.imprint_at_bottom and not imprint_fits(on_page, block, page):
            pieces = _break_before(pieces)  # no room below the last table: the 版记 at the foot of the next page
        on_page.append(block)
        if isinstance(previous, d.Table) and isinstance(pieces[0], str):
            out.append(BLANK_LINE)  # two adjacent tables would merge into one
        if isinstance(block, d.AttachmentNote | d.Signature) and not after_break and previous is not None:
            # 7.3.5: the signature never stands alone on a page ("此页无正文"); the last body
            # line, the 附件说明 and the signature lines move together instead.
            out[-1] = keep_with_next(out[-1])
            pieces = [keep_with_next(p) for p in pieces[:-1]] + pieces[-1:]
            if isinstance(block, d.AttachmentNote):
                pieces[-1] = keep_with_next(pieces[-1])
        out.extend(pieces)
        previous = block
    if break_pending:
        out.append(PAGE_BREAK)
    if out and isinstance(out[-1], str):
        out.append(BLANK_LINE)  # the body must not end with a table
    return out, section_xml(options, page or geometry.PORTRAIT, first=sections == 0)


def _end_section(out: list[Piece], sect_pr: str) -> None:
    """Put ``sect_pr`` in the last paragraph of ``out`` (its place in ``w:pPr`` is the schema's),
    or in a one-point paragraph after a table."""
    last = out[-1]
    if isinstance(last, Para):
        out[-1] = last.add(sect_pr)
    else:
        out.append(HAIRLINE.add(sect_pr))


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


def render_block(block: d.Block, options: DocxOptions, page: geometry.Page = geometry.PORTRAIT) -> list[Piece]:
    """Return the paragraphs (or table) of one block on a page of ``page``'s geometry."""
    match block:
        case d.RedHeader():
            return gongwen.red_header(block, options)
        case d.FormTitle(text=text, number=number):
            broken = titles.broken_title(text, titles.title_width_chars(page))
            title = paragraph(style.STYLE_FORM_TITLE.style_id, run(broken))
            return [title] + ([paragraph(style.STYLE_FORM_NUMBER.style_id, run(f"编号：{number}"))] if number else [])
        case d.Title(text=text):
            broken = titles.broken_title(text, titles.title_width_chars(page))
            return [paragraph(style.STYLE_TITLE.style_id, run(broken))]
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
        case d.Table(form=True):
            return tables.render_form(block, options, page)
        case d.Table():
            return tables.render_table(block, options, page)
        case d.PageBreak():
            return [PAGE_BREAK]
        case d.AttachmentNote():
            return gongwen.attachment_note(block, options)
        case d.Signature():
            return gongwen.signature(block, options)
        case d.AttachmentHeading():
            return gongwen.attachment_heading(block, page)
        case d.Imprint():
            return gongwen.imprint(block, options, page)
        case _:
            assert_never(block)


def body_paragraph(block: d.Paragraph) -> Para:
    """Return a 正文 paragraph; bold runs take the lead-sentence character style."""
    lead_style = style.CHAR_STYLE_LEAD[0]
    content = "".join(run(r.text, char_style=lead_style if r.bold else None) for r in block.runs if r.text)
    props = () if block.indent else (_NO_INDENT,)
    if block.align != "justify":
        props += (justification(block.align),)
    return paragraph(None, content, *props)


def _break_before(pieces: list[Piece]) -> list[Piece]:
    """Return ``pieces`` with the first paragraph starting a new page (``w:pageBreakBefore``).

    A page-break run would leave an empty line at the top of the new page; a table cannot carry
    the property, so a table gets a break paragraph before it.
    """
    first = pieces[0]
    if isinstance(first, str):
        return [PAGE_BREAK, *pieces]
    return [first.add(PAGE_BREAK_BEFORE), *pieces[1:]]
