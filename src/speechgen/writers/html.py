"""Document → HTML: one element per block, classed with the named paragraph style it stands for.

The markup is well-formed XML (every text escaped, void elements closed) so the PDF writer can walk
it to learn which font draws each character. Layout lives in the stylesheet (writers.css).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import assert_never

from speechgen import style as s
from speechgen.document import (
    Addressee,
    AttachmentHeading,
    AttachmentNote,
    Block,
    Document,
    FormTitle,
    Heading,
    Imprint,
    PageBreak,
    Paragraph,
    RedHeader,
    Run,
    Salutation,
    Signature,
    Subtitle,
    Table,
    Title,
)
from speechgen.writers.css import LANDSCAPE_CLASS, build_css, chars, portable_fonts, pt
from speechgen.writers.options import PageNumbers, RenderOptions
from speechgen.writers.titles import broken_title, title_width_chars


@dataclass(frozen=True)
class HtmlOptions:
    """Options of the HTML writer: the unit's font names and layout choices (as the .docx's, see
    DocxOptions), and whether to embed the stylesheet."""

    fonts: s.FontSet = s.DEFAULT_FONTS
    embed_css: bool = True
    page_numbers: PageNumbers = "odd_even"
    char_grid: bool = True
    imprint_at_bottom: bool = True

    @classmethod
    def of(cls, options: RenderOptions) -> HtmlOptions:
        """Return the HTML writer's part of the one options record."""
        return cls(options.fonts, options.embed_css, options.page_numbers, options.char_grid,
                   options.imprint_at_bottom)


def render_html(doc: Document, options: HtmlOptions = HtmlOptions()) -> str:
    """Return the document as a standalone HTML page laid out for print (CSS Paged Media)."""
    return build_html(doc, portable_css(options) if options.embed_css else None, char_grid=options.char_grid,
                      imprint_at_bottom=options.imprint_at_bottom)


@cache
def portable_css(options: HtmlOptions) -> str:
    """Return the stylesheet naming the Word fonts first, for viewing the .html anywhere."""
    return build_css(portable_fonts(options.fonts), page_numbers=options.page_numbers,
                     char_grid=options.char_grid, imprint_at_bottom=options.imprint_at_bottom)


def build_html(doc: Document, css: str | None, head_extra: str = "", *, char_grid: bool = True,
               imprint_at_bottom: bool = True) -> str:
    """Return the HTML page; css is embedded in a <style> element unless None. ``char_grid`` is
    the unit's choice the inline indents follow (28 characters a line, or the natural 27);
    ``imprint_at_bottom`` the stylesheet's place for the 版记 (writers.css.imprint_rules)."""
    head = ['<meta charset="utf-8"/>', f"<title>{text(doc.title or _first_title(doc))}</title>"]
    if head_extra:
        head.append(head_extra)
    if css is not None:
        head.append(f"<style>\n{css}</style>")
    body = "\n".join(render_blocks(doc.blocks, char_grid=char_grid, imprint_at_bottom=imprint_at_bottom))
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n{chr(10).join(head)}\n</head>\n'
            f'<body class="kind-{doc.kind}">\n{body}\n</body>\n</html>\n')


def _first_title(doc: Document) -> str:
    return next((b.text.replace("\n", "") for b in doc.blocks if isinstance(b, Title)), "")


def text(value: str) -> str:
    """Return value escaped for HTML text and attributes."""
    return escape(value, quote=True)


def span(value: str) -> str:
    """Return escaped text in a <span>: inline boxes carry no line height, so a line mixing faces
    keeps the paragraph's exact pitch (see writers.css)."""
    return f"<span>{text(value)}</span>"


def lines(value: str) -> str:
    """Return escaped text with the author's line breaks kept."""
    return "<br/>".join(span(part) for part in value.split("\n"))


def para(style: s.ParagraphStyle, content: str, extra: str = "", attrs: str = "") -> str:
    """Return a <p> of a named style; content is already escaped."""
    classes = f"{style.style_id} {extra}".strip()
    return f'<p class="{classes}"{attrs}>{content}</p>'


def render_blocks(blocks: tuple[Block, ...], *, char_grid: bool = True, imprint_at_bottom: bool = False) -> list[str]:
    """Return the HTML of the blocks; an attachment set landscape (clause 8, decided as for the
    .docx) is wrapped in a <section> on the named page ``landscape``. A 版记 at the bottom is put
    inside the last line before it (see ``_carry_imprint``)."""
    from speechgen.writers.docx.table_layout import landscape_blocks

    landscape = landscape_blocks(blocks)
    out: list[str] = []
    for index, block in enumerate(blocks):
        turned = index in landscape
        if turned and index - 1 not in landscape:
            out.append(f'<section class="{LANDSCAPE_CLASS}">')
        html = render_block(block, landscape=turned, char_grid=char_grid)
        previous = blocks[index - 1] if index else None
        if not (imprint_at_bottom and isinstance(block, Imprint) and _carry_imprint(out, html, previous)):
            out.append(html)
        if turned and index + 1 not in landscape:
            out.append("</section>")
    return out


_LAST_LINE_END = re.compile(r"</(?:td|p|h[1-5])>")


def _carry_imprint(out: list[str], imprint_html: str, previous: Block | None) -> bool:
    """Put the 版记 inside the last cell or paragraph before it; return False where there is none.

    At the bottom the 版记 is a footnote (writers.css), whose call is where the element stands.
    With ``footnote-policy: line`` a 版记 that does not fit takes the line of its call to the
    next page: standing in the last table row or text line, it takes that row or line with it,
    and no page is left holding the 版记 alone. After a page break it stays on its own.
    """
    if previous is None or isinstance(previous, PageBreak):
        return False
    for position in range(len(out) - 1, -1, -1):
        ends = list(_LAST_LINE_END.finditer(out[position]))
        if ends:
            at = ends[-1].start()
            out[position] = out[position][:at] + imprint_html + out[position][at:]
            return True
    return False


def render_block(block: Block, *, landscape: bool = False, char_grid: bool = True) -> str:
    """Return the HTML of one block (on a landscape page: tables fitted to its wider 版心)."""
    match block:
        case RedHeader():
            return red_header(block)
        case FormTitle(text=title, number=number):
            head = f'<h1 class="{s.STYLE_FORM_TITLE.style_id}">{lines(broken_title(title, title_width(landscape)))}'
            return head + "</h1>" + (f"\n{para(s.STYLE_FORM_NUMBER, span(f'编号：{number}'))}" if number else "")
        case Title(text=title):
            return f'<h1 class="{s.STYLE_TITLE.style_id}">{lines(broken_title(title, title_width(landscape)))}</h1>'
        case Subtitle(text=value):
            return para(s.STYLE_SUBTITLE, span(value))
        case Salutation(text=value):
            return para(s.STYLE_SALUTATION, span(value))
        case Addressee(text=value):
            return para(s.STYLE_ADDRESSEE, span(value))
        case Heading(level=level):
            style = s.HEADING_STYLES[min(max(level, 1), 4) - 1]
            tag = f"h{min(max(level, 1), 4) + 1}"
            return f'<{tag} class="{style.style_id}">{span(block.full_text)}</{tag}>'
        case Paragraph():
            return paragraph(block)
        case Table(form=True):
            return form_table(block)
        case Table():
            return table(block, landscape=landscape)
        case PageBreak():
            return '<div class="PageBreak"></div>'
        case AttachmentNote(items=items):
            return attachment_note(items, char_grid=char_grid)
        case Signature():
            return signature(block, char_grid=char_grid)
        case AttachmentHeading(label=label, title=title):
            parts = [para(s.STYLE_ATTACHMENT_LABEL, span(label))]
            if title:
                parts.append(para(s.STYLE_ATTACHMENT_TITLE, lines(broken_title(title, title_width(landscape)))))
            return "\n".join(parts)
        case Imprint():
            return imprint(block)
        case _:
            assert_never(block)


def title_width(landscape: bool) -> float:
    """Return the characters a title line holds on the page (the .docx writer's breaks)."""
    from speechgen.writers.docx import geometry

    return title_width_chars(geometry.LANDSCAPE if landscape else geometry.PORTRAIT)


def red_header(block: RedHeader) -> str:
    """Return the 版头: red 发文机关标志 sized to fit one line, 发文字号 and the red rule (7.2)."""
    size = s.issuer_mark_size_pt(block.issuer)
    parts = [para(s.STYLE_ISSUER_MARK, span(block.issuer), attrs=f' style="font-size: {pt(size)}"')]
    if block.doc_number:
        parts.append(para(s.STYLE_DOC_NUMBER, span(block.doc_number)))
    parts.append('<hr class="RedRule"/>')
    extra = "" if block.doc_number else " no-number"
    return f'<header class="RedHeader{extra}">\n' + "\n".join(parts) + "\n</header>"


def run_html(run: Run) -> str:
    """Return one inline run; a bold lead sentence gets the lead character style."""
    if run.bold:
        return f'<strong class="{s.CHAR_STYLE_LEAD[0]}">{text(run.text)}</strong>'
    return span(run.text)


def paragraph(block: Paragraph) -> str:
    """Return a body paragraph; alignment and indent differ from the style only when asked."""
    extra = []
    if block.align != s.STYLE_BODY.align:
        extra.append(f"align-{block.align}")
    if not block.indent:
        extra.append("no-indent")
    return para(s.STYLE_BODY, "".join(run_html(run) for run in block.runs), " ".join(extra))


def table(block: Table, *, landscape: bool = False) -> str:
    """Return a table with its header in <thead>, which WeasyPrint repeats on every page.

    Size, column widths, alignments and header wrapping are the .docx writer's
    (writers.docx.table_layout), so the preview's table matches the document's.
    """
    from speechgen.writers.docx import geometry
    from speechgen.writers.docx.table_layout import is_figure, layout_table

    caption = para(s.STYLE_TABLE_CAPTION, span(block.caption)) + "\n" if block.caption else ""
    page = geometry.LANDSCAPE if landscape else geometry.PORTRAIT
    fitted = layout_table(block, page.text_width)
    if fitted is None:
        return caption
    widths = fitted.widths
    cols = "".join(f'<col style="width: {100 * w / sum(widths):.3f}%"/>' for w in widths)
    head = "".join(f'<th class="{fitted.header_style.style_id}">{lines(v)}</th>' for v in fitted.header)
    body = "\n".join(
        "<tr>" + "".join(f'<td class="{fitted.text_style.style_id} align-{a}{" figure" * is_figure(v)}">'
                         f"{lines(v)}</td>" for v, a in zip(row, fitted.aligns, strict=True)) + "</tr>"
        for row in fitted.rows
    )
    return (f'{caption}<table class="Table">\n<colgroup>{cols}</colgroup>\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>")


def form_table(block: Table) -> str:
    """Return a form's table (督办单): labels in <th>, values left-aligned, an empty value's row
    tall enough to write in (the .docx writer's render_form)."""
    rows = []
    for row in (block.header, *block.rows):
        label, *values = row
        blank = " class=\"blank\"" if not any(value.strip() for value in values) else ""
        cells = "".join(f'<td class="{s.STYLE_FORM_TEXT.style_id}">{lines(value)}</td>' for value in values)
        rows.append(f'<tr{blank}><th class="{s.STYLE_TABLE_HEADER.style_id}">{lines(label)}</th>{cells}</tr>')
    return '<table class="Table Form">\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def attachment_note(items: tuple[str, ...], *, char_grid: bool = True) -> str:
    """Return 附件说明: "附件：" two characters in, wrapped lines aligned with the names (7.3.4)."""
    label = s.text_width_chars("附件：")
    first_indent = s.STYLE_ATTACHMENT_NOTE.first_line_chars
    out = []
    for number, name in enumerate(items, 1):
        marker = f"{number}." if len(items) > 1 else ""
        hang = s.text_width_chars(marker) + (label if number == 1 else 0)
        start = first_indent + label + s.text_width_chars(marker)
        prefix = ("附件：" if number == 1 else "") + marker
        style = f' style="padding-left: {chars(start, grid=char_grid)}; text-indent: {chars(-hang, grid=char_grid)}"'
        out.append(para(s.STYLE_ATTACHMENT_NOTE, span(prefix + name), attrs=style))
    return '<div class="attachment-note">\n' + "\n".join(out) + "\n</div>"


def signature(block: Signature, *, char_grid: bool = True) -> str:
    """Return 发文机关署名 and 成文日期 with the right indents of 7.3.5."""
    sig_right, date_right = s.signature_indents_chars(block.issuer, block.date, block.sealed)
    parts = []
    if block.issuer:
        parts.append(para(s.STYLE_SIGNATURE, span(block.issuer),
                          attrs=f' style="margin-right: {chars(sig_right, grid=char_grid)}"'))
    parts.append(para(s.STYLE_DATE, span(block.date),
                      attrs=f' style="margin-right: {chars(date_right, grid=char_grid)}"'))
    sealed = " sealed" if block.sealed else ""
    return f'<div class="signature{sealed}">\n' + "\n".join(parts) + "\n</div>"


def imprint(block: Imprint) -> str:
    """Return 版记: 抄送 and 印发机关/印发日期 between rules (7.4). Phrasing content only (spans set
    as blocks by the stylesheet), so that it may stand inside the paragraph or cell before it."""
    parts = []
    if block.cc:
        parts.append(_imprint_line(span(f"抄送：{block.cc}"), "cc"))
    if block.printer or block.print_date:
        printer = f'<span class="printer">{text(block.printer or "")}</span>'
        date = f'<span class="print-date">{text(block.print_date)}印发</span>' if block.print_date else ""
        parts.append(_imprint_line(printer + date, "printed"))
    return '<span class="imprint-block">' + "".join(parts) + "</span>"


def _imprint_line(content: str, extra: str) -> str:
    return f'<span class="{s.STYLE_IMPRINT.style_id} {extra}">{content}</span>'
