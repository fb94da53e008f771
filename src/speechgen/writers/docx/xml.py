"""WordprocessingML string building: namespaces, escaping, runs, and paragraphs whose properties
keep the schema's order.

The writer builds XML as strings: a document is a few hundred paragraphs of a handful of shapes,
and string joining is several times faster than building an lxml tree and serialising it.
Every piece of user text passes through ``text`` (escaping, control characters dropped).
A paragraph stays a value (``Para``) until the body is joined, so the body can still give it
``w:keepNext``, ``w:pageBreakBefore`` or ``w:sectPr``; ``PPr`` puts each property where the
schema wants it, as python-docx's ``CT_PPr._tag_seq`` does, instead of splicing finished XML.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# The root element of document.xml, footers and the like: w and r are all the body ever uses.
NS_DECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

# The children of w:pPr in the order of ECMA-376 Part 1 §17.3.1.26 (CT_PPrBase, then CT_PPr's
# rPr, sectPr, pPrChange); python-docx's CT_PPr._tag_seq is the same list.
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)
_RANK = {tag: rank for rank, tag in enumerate(PPR_ORDER)}
_TAG = re.compile(r"<w:([A-Za-z]+)")

KEEP_NEXT = "<w:keepNext/>"
PAGE_BREAK_BEFORE = "<w:pageBreakBefore/>"
OFF_GRID = '<w:snapToGrid w:val="0"/>'


@functools.lru_cache(maxsize=4096)
def _rank(element: str) -> int:
    """Return the position of a pPr child element in the schema's sequence."""
    found = _TAG.match(element)
    rank = _RANK.get(found.group(1)) if found else None
    if rank is None:
        raise ValueError(f"not a paragraph property: {element[:60]}")
    return rank


class PPr:
    """A paragraph's properties (``w:pPr`` children, each a finished element), held in schema order.

    The order the elements are given in does not matter; a second element of a tag replaces the
    first, so ``add`` can set a property that a paragraph may already have. ``xml`` is the
    ``<w:pPr>`` element, written once when the value is made (nothing when there are none).
    """

    __slots__ = ("elements", "xml")
    elements: tuple[str, ...]
    xml: str

    def __init__(self, *elements: str) -> None:
        if len(elements) > 1:
            by_rank = {_rank(element): element for element in elements}
            elements = tuple(by_rank[rank] for rank in sorted(by_rank))
        elif elements:
            _rank(elements[0])
        self.elements = elements
        self.xml = f"<w:pPr>{''.join(elements)}</w:pPr>" if elements else ""

    def add(self, *elements: str) -> PPr:
        """Return these properties with ``elements`` added, each in its place."""
        return PPr(*self.elements, *elements)

    def __contains__(self, element: object) -> bool:
        return element in self.elements

    def __bool__(self) -> bool:
        return bool(self.elements)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PPr) and other.elements == self.elements

    def __hash__(self) -> int:
        return hash(self.elements)

    def __repr__(self) -> str:
        return f"PPr{self.elements!r}"


_NO_PROPS = PPr()


class Para(NamedTuple):
    """A ``<w:p>`` not yet written out: its properties and its runs (already XML)."""

    ppr: PPr = _NO_PROPS
    content: str = ""

    def add(self, *elements: str) -> Para:
        """Return the paragraph with these properties added (or replaced), in schema order."""
        return Para(self.ppr.add(*elements), self.content)

    def xml(self) -> str:
        """Return the paragraph as WordprocessingML."""
        ppr = self.ppr.xml
        return f"<w:p>{ppr}{self.content}</w:p>" if ppr or self.content else "<w:p/>"


_new_para = tuple.__new__  # Para's own __new__ is a Python function; this is the per-paragraph path


# What the body is made of: paragraphs, still open to properties, and finished tables (str).
Piece = Para | str

BLANK_LINE = Para()  # an empty body paragraph: one grid line, as GB/T 9704's "空一行"
# A one-point paragraph, for an anchor or a section break that must take no room. Off the grid:
# LibreOffice would otherwise give it a whole 28.95 pt grid line, exact spacing or not.
HAIRLINE = Para(PPr(OFF_GRID, '<w:spacing w:line="20" w:lineRule="exact"/>'))
PAGE_BREAK = Para(content='<w:r><w:br w:type="page"/></w:r>')  # a page-break run in its own paragraph


def pieces_xml(pieces: list[Piece]) -> str:
    """Return the pieces of a body as WordprocessingML, joined."""
    return "".join([piece if isinstance(piece, str) else piece.xml() for piece in pieces])


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


@functools.cache
def paragraph_style(style_id: str) -> str:
    """Return the ``<w:pStyle>`` element naming a paragraph style."""
    return f'<w:pStyle w:val="{style_id}"/>'


def paragraph(style_id: str | None, content: str = "", *props: str) -> Para:
    """Return a paragraph of a named style (None: Normal) with extra properties, in any order."""
    return _new_para(Para, (paragraph_properties(style_id, *props), content))


def paragraph_xml(style_id: str | None, content: str = "", *props: str) -> str:
    """Return a paragraph that is final when built (a footer's) as XML at once."""
    ppr = paragraph_properties(style_id, *props).xml
    return f"<w:p>{ppr}{content}</w:p>" if ppr or content else "<w:p/>"


@functools.lru_cache(maxsize=4096)
def paragraph_properties(style_id: str | None, *props: str) -> PPr:
    """Return the PPr of a paragraph style and extra properties: a document has a few dozen
    shapes of paragraph, and sharing one value per shape keeps the ordering (and the writing of
    ``<w:pPr>``) off the per-paragraph path."""
    return PPr(paragraph_style(style_id), *props) if style_id else PPr(*props)


def exact_spacing(line_twips: int, before: int = 0) -> str:
    """Return ``<w:spacing>`` with an exact line height and space before, both in twips."""
    before_attr = f' w:before="{before}"' if before else ""
    return f'<w:spacing{before_attr} w:line="{line_twips}" w:lineRule="exact"/>'


def border(side: str, width_eighths: int, space_pt: int = 0, color: str = "auto") -> str:
    """Return one single-line paragraph border (``w:top``, ``w:bottom``) in eighths of a point."""
    return f'<w:{side} w:val="single" w:sz="{width_eighths}" w:space="{space_pt}" w:color="{color}"/>'


def justification(align: str) -> str:
    """Return ``<w:jc>`` for "left", "center", "right" or "justify" (OOXML's "both")."""
    return f'<w:jc w:val="{_JC[align]}"/>'


_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def keep_with_next(piece: Piece) -> Piece:
    """Return a paragraph with ``w:keepNext`` (a table: unchanged, it cannot carry the property)."""
    return piece if isinstance(piece, str) else piece.add(KEEP_NEXT)
