"""WordprocessingML string building: namespaces, escaping, and the run and paragraph shapes.

The writer builds XML as strings: a document is a few hundred paragraphs of a handful of shapes,
and string joining is several times faster than building an lxml tree and serialising it.
Every piece of user text passes through ``text`` (escaping, control characters dropped).
"""

from __future__ import annotations

import re

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# The root element of document.xml, footers and the like: w and r are all the body ever uses.
NS_DECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
BLANK_LINE = "<w:p/>"  # an empty body paragraph: one grid line, as GB/T 9704's "空一行"
# A one-point paragraph, for an anchor or a section break that must take no room. Off the grid:
# LibreOffice would otherwise give it a whole 28.95 pt grid line, exact spacing or not.
HAIRLINE_PPR = '<w:snapToGrid w:val="0"/><w:spacing w:line="20" w:lineRule="exact"/>'
HAIRLINE = f"<w:p><w:pPr>{HAIRLINE_PPR}</w:pPr></w:p>"

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
# XML 1.0 forbids most C0 controls; one stray \x0b from a pasted Excel cell would make Word
# refuse the whole file, so they are dropped (tab and newline are handled before this), and so
# are lone surrogates, which cannot even be encoded as UTF-8.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text(value: str) -> str:
    """Return ``value`` escaped for XML character data or an attribute value."""
    return _ILLEGAL.sub("", value).translate(_ESCAPES)


def needs_east_asia_hint(value: str) -> bool:
    """Return True when ``value`` holds a non-ASCII character.

    Quotes “ ”, dashes — and ellipses … sit in Unicode ranges Word gives to the Latin font
    (Times New Roman) unless the run says ``w:hint="eastAsia"``, which is what Word itself
    writes for text typed with a Chinese input method (GBT9704.md §3.2). ASCII digits and
    letters stay in the Latin font whatever the hint.
    """
    return not value.isascii()


def t(value: str) -> str:
    """Return ``<w:t>`` for one stretch of text without tabs or line breaks."""
    escaped = text(value)
    if escaped != escaped.strip() or "  " in escaped:
        return f'<w:t xml:space="preserve">{escaped}</w:t>'
    return f"<w:t>{escaped}</w:t>"


def run_content(value: str) -> str:
    """Return the run content for ``value``: ``w:t`` pieces, ``w:tab`` for tabs, ``w:br`` for "\\n"."""
    if "\n" not in value and "\t" not in value:
        return t(value)
    pieces: list[str] = []
    for i, line in enumerate(value.split("\n")):
        if i:
            pieces.append("<w:br/>")
        for j, part in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if part:
                pieces.append(t(part))
    return "".join(pieces)


def run(value: str, *, char_style: str | None = None, size_half_points: int | None = None) -> str:
    """Return a ``<w:r>`` holding ``value``; a character style and size are the only run formatting."""
    props = ""
    if char_style:
        props += f'<w:rStyle w:val="{char_style}"/>'
    if needs_east_asia_hint(value):
        props += '<w:rFonts w:hint="eastAsia"/>'
    if size_half_points:
        props += f'<w:sz w:val="{size_half_points}"/><w:szCs w:val="{size_half_points}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{run_content(value)}</w:r>"


def paragraph(style_id: str | None, content: str = "", ppr: str = "") -> str:
    """Return a ``<w:p>`` with a paragraph style, extra paragraph properties and runs.

    ``ppr`` must already be in schema order after ``w:pStyle`` (keepNext, pBdr, tabs, spacing,
    ind, jc …).
    """
    style_ref = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""
    props = style_ref + ppr
    return f"<w:p><w:pPr>{props}</w:pPr>{content}</w:p>" if props else f"<w:p>{content}</w:p>"


def exact_spacing(line_twips: int, before: int = 0) -> str:
    """Return ``<w:spacing>`` with an exact line height and space before, both in twips."""
    before_attr = f' w:before="{before}"' if before else ""
    return f'<w:spacing{before_attr} w:line="{line_twips}" w:lineRule="exact"/>'


def border(side: str, width_eighths: int, space_pt: int = 0, color: str = "auto") -> str:
    """Return one single-line paragraph border (``w:top``, ``w:bottom``) in eighths of a point."""
    return f'<w:{side} w:val="single" w:sz="{width_eighths}" w:space="{space_pt}" w:color="{color}"/>'


def keep_with_next(piece: str) -> str:
    """Return a ``<w:p>`` with ``w:keepNext`` added (a table or a paragraph that has it: unchanged).

    ``w:keepNext`` follows ``w:pStyle`` in the schema, so it goes right after the style reference.
    """
    if not piece.startswith("<w:p") or "<w:keepNext/>" in piece:
        return piece
    if piece == BLANK_LINE:
        return "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>"
    if piece.startswith("<w:p><w:pPr>"):
        at = len("<w:p><w:pPr>")
        if piece.startswith("<w:pStyle ", at):
            at = piece.index("/>", at) + 2
        return f"{piece[:at]}<w:keepNext/>{piece[at:]}"
    return piece.replace("<w:p>", "<w:p><w:pPr><w:keepNext/></w:pPr>", 1)
