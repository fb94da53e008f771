"""Page-number footers and the section properties (page size, margins, grid, footer references).

GB/T 9704 7.5: "— 1 —" in 四号半角宋体 below the type area; odd pages right and even pages left,
one character in. Word shows different odd and even footers only when settings.xml carries
``w:evenAndOddHeaders`` (see settings.py); the "center" option uses one centred footer.
"""

from __future__ import annotations

import functools

from speechgen import style
from speechgen.writers.docx import geometry
from speechgen.writers.docx.options import DocxOptions
from speechgen.writers.docx.xml import HAIRLINE, NS_DECL, XML_DECL, justification, paragraph_xml, run

FOOTER_ODD = "footer1.xml"  # the "default" footer: odd pages, or every page when centred
FOOTER_EVEN = "footer2.xml"
FOOTER_LANDSCAPE_ODD = "footer3.xml"  # the same numbers turned, for landscape sections (clause 8)
FOOTER_LANDSCAPE_EVEN = "footer4.xml"
# Relationship ids of the footers in word/_rels/document.xml.rels (package.py writes them).
FOOTER_RIDS = {FOOTER_ODD: "rIdFooterOdd", FOOTER_EVEN: "rIdFooterEven",
               FOOTER_LANDSCAPE_ODD: "rIdFooterLandscapeOdd", FOOTER_LANDSCAPE_EVEN: "rIdFooterLandscapeEven"}


def footer_names(options: DocxOptions, landscape: bool = False) -> tuple[str, ...]:
    """Return the footer part names the options need (and the turned ones for landscape sections)."""
    odd_even = options.page_numbers == "odd_even"
    names = (FOOTER_ODD, FOOTER_EVEN) if odd_even else (FOOTER_ODD,)
    if landscape:
        names += (FOOTER_LANDSCAPE_ODD, FOOTER_LANDSCAPE_EVEN) if odd_even else (FOOTER_LANDSCAPE_ODD,)
    return names


@functools.cache
def footer_xml(name: str, options: DocxOptions) -> bytes:
    """Return the bytes of one footer part holding the page number paragraph."""
    odd = name in (FOOTER_ODD, FOOTER_LANDSCAPE_ODD)
    number = _number_paragraph(odd, options)
    if name in (FOOTER_LANDSCAPE_ODD, FOOTER_LANDSCAPE_EVEN):
        number = _turned(number)
    return f"{XML_DECL}<w:ftr {NS_DECL}>{number}</w:ftr>".encode()


def _number_paragraph(odd: bool, options: DocxOptions) -> str:
    """Return the "— N —" paragraph: odd pages right, even pages left, one character in."""
    one_char = geometry.char_twips(style.PAGE_NUMBER_SIDE_CHARS, style.STYLE_PAGE_NUMBER.size_pt,
                                   grid=False)
    chars = style.PAGE_NUMBER_SIDE_CHARS * 100
    # An exact line as high as the 四号 font: style.FOOTER_DISTANCE_MM puts the top of that
    # line 7 mm below the type area, whatever line height the font would give a single line.
    size = geometry.pt(style.STYLE_PAGE_NUMBER.size_pt)
    spacing = f'<w:spacing w:line="{size}" w:lineRule="exact"/>'
    if options.page_numbers == "center":
        props = (spacing, justification("center"))
    elif odd:
        props = (spacing, f'<w:ind w:rightChars="{chars}" w:right="{one_char}"/>', justification("right"))
    else:
        props = (spacing, f'<w:ind w:leftChars="{chars}" w:left="{one_char}"/>', justification("left"))
    before, after = style.page_number_text("\0").split("\0")
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return paragraph_xml(style.STYLE_PAGE_NUMBER.style_id, f"{run(before)}{field}{run(after)}", *props)


def _turned(number: str) -> str:
    """Return the page number of a landscape page (clause 8): where the portrait pages have it
    on the paper, so turned a quarter and set in the left margin.

    A landscape page is the portrait sheet turned a quarter to the left (style.py), so the
    portrait foot is the landscape page's left edge: the number stands in a one-cell floating
    table anchored to the page, one 四号 line wide, whose right edge lies 7 mm left of the
    版心 (7.5) and which runs the 版心's height; its text runs top to bottom (``tbRl``), so the
    paragraph's right indent and alignment put odd numbers one character above the 版心's
    bottom and even numbers one character below its top, as on the portrait pages. Word and
    LibreOffice both lay out a floating table in a footer and vertical text in a cell.
    """
    page = geometry.LANDSCAPE
    width = geometry.pt(style.STYLE_PAGE_NUMBER.size_pt)
    x = page.left - geometry.mm(style.PAGE_NUMBER_GAP_MM) - width
    zero = "".join(f'<w:{side} w:w="0" w:type="dxa"/>' for side in ("top", "left", "bottom", "right"))
    table = (
        '<w:tbl><w:tblPr><w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" '
        f'w:bottomFromText="0" w:vertAnchor="page" w:horzAnchor="page" w:tblpX="{x}" w:tblpY="{page.top}"/>'
        f'<w:tblW w:w="{width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        f"<w:tblCellMar>{zero}</w:tblCellMar></w:tblPr>"
        f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>'
        f'<w:tr><w:trPr><w:trHeight w:val="{page.text_height}" w:hRule="exact"/></w:trPr>'
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:textDirection w:val="tbRl"/></w:tcPr>'
        f"{number}</w:tc></w:tr></w:tbl>"
    )
    return table + HAIRLINE.xml()  # a table must be followed by a paragraph (its anchor)


@functools.cache
def section_xml(options: DocxOptions, page: geometry.Page = geometry.PORTRAIT, first: bool = True) -> str:
    """Return a ``<w:sectPr>``: footers, paper, margins and the 22-line grid of ``page``.

    Only the first section starts the page numbers at 1; later ones continue them (7.3.7).
    """
    odd, even = ((FOOTER_LANDSCAPE_ODD, FOOTER_LANDSCAPE_EVEN) if page.landscape
                 else (FOOTER_ODD, FOOTER_EVEN))
    refs = f'<w:footerReference w:type="default" r:id="{FOOTER_RIDS[odd]}"/>'
    if options.page_numbers == "odd_even":
        refs += f'<w:footerReference w:type="even" r:id="{FOOTER_RIDS[even]}"/>'
    orient = ' w:orient="landscape"' if page.landscape else ""
    numbering = '<w:pgNumType w:start="1"/>' if first else ""
    # Lines only: the 28 characters come from the styles' character spacing (geometry.py).
    grid = f'<w:docGrid w:type="lines" w:linePitch="{geometry.LINE_PITCH}"/>'
    return (
        f"<w:sectPr>{refs}"
        f'<w:pgSz w:w="{page.width}" w:h="{page.height}"{orient}/>'
        f'<w:pgMar w:top="{page.top}" w:right="{page.right}" '
        f'w:bottom="{page.bottom}" w:left="{page.left}" '
        f'w:header="{geometry.mm(15)}" w:footer="{geometry.FOOTER_DISTANCE}" w:gutter="0"/>'
        f'{numbering}<w:cols w:space="425"/>'
        f"{grid}</w:sectPr>"
    )
