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
from speechgen.writers.docx.xml import NS_DECL, XML_DECL, run

FOOTER_ODD = "footer1.xml"  # the "default" footer: odd pages, or every page when centred
FOOTER_EVEN = "footer2.xml"
# Relationship ids of the footers in word/_rels/document.xml.rels (package.py writes them).
FOOTER_RIDS = {FOOTER_ODD: "rIdFooterOdd", FOOTER_EVEN: "rIdFooterEven"}


def footer_names(options: DocxOptions) -> tuple[str, ...]:
    """Return the footer part names the options need."""
    return (FOOTER_ODD, FOOTER_EVEN) if options.page_numbers == "odd_even" else (FOOTER_ODD,)


@functools.cache
def footer_xml(name: str, options: DocxOptions) -> bytes:
    """Return the bytes of one footer part holding the page number paragraph."""
    one_char = geometry.char_twips(style.PAGE_NUMBER_SIDE_CHARS, style.STYLE_PAGE_NUMBER.size_pt,
                                   grid=False)
    chars = style.PAGE_NUMBER_SIDE_CHARS * 100
    # An exact line as high as the 四号 font: style.FOOTER_DISTANCE_MM puts the top of that
    # line 7 mm below the type area, whatever line height the font would give a single line.
    size = geometry.pt(style.STYLE_PAGE_NUMBER.size_pt)
    spacing = f'<w:spacing w:line="{size}" w:lineRule="exact"/>'
    if options.page_numbers == "center":
        ppr = f'{spacing}<w:jc w:val="center"/>'
    elif name == FOOTER_ODD:
        ppr = f'{spacing}<w:ind w:rightChars="{chars}" w:right="{one_char}"/><w:jc w:val="right"/>'
    else:
        ppr = f'{spacing}<w:ind w:leftChars="{chars}" w:left="{one_char}"/><w:jc w:val="left"/>'
    before, after = style.page_number_text("\0").split("\0")
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    paragraph = (f'<w:p><w:pPr><w:pStyle w:val="{style.STYLE_PAGE_NUMBER.style_id}"/>{ppr}</w:pPr>'
                 f"{run(before)}{field}{run(after)}</w:p>")
    return f"{XML_DECL}<w:ftr {NS_DECL}>{paragraph}</w:ftr>".encode()


@functools.cache
def section_xml(options: DocxOptions) -> str:
    """Return the closing ``<w:sectPr>``: footers, A4, margins and the 22 × 28 document grid."""
    refs = f'<w:footerReference w:type="default" r:id="{FOOTER_RIDS[FOOTER_ODD]}"/>'
    if options.page_numbers == "odd_even":
        refs += f'<w:footerReference w:type="even" r:id="{FOOTER_RIDS[FOOTER_EVEN]}"/>'
    # Lines only: the 28 characters come from the styles' character spacing (geometry.py).
    grid = f'<w:docGrid w:type="lines" w:linePitch="{geometry.LINE_PITCH}"/>'
    return (
        f"<w:sectPr>{refs}"
        f'<w:pgSz w:w="{geometry.PAGE_WIDTH}" w:h="{geometry.PAGE_HEIGHT}"/>'
        f'<w:pgMar w:top="{geometry.MARGIN_TOP}" w:right="{geometry.MARGIN_RIGHT}" '
        f'w:bottom="{geometry.MARGIN_BOTTOM}" w:left="{geometry.MARGIN_LEFT}" '
        f'w:header="{geometry.mm(15)}" w:footer="{geometry.FOOTER_DISTANCE}" w:gutter="0"/>'
        '<w:pgNumType w:start="1"/><w:cols w:space="425"/>'
        f"{grid}</w:sectPr>"
    )
