"""The styles part (word/styles.xml), generated from the named styles of ``speechgen.style``.

Every paragraph style states its fonts, size, alignment, spacing, indent and grid behaviour in
full, so nothing leaks from Normal (a 2-character indent in a title) or from an application's
built-in defaults (LibreOffice's bold "Heading 1"). Fonts are named: no theme font attribute
(``w:asciiTheme``, ``w:eastAsiaTheme`` …) appears anywhere, because a theme attribute overrides
the named font (ECMA-376 §17.3.2.26) and WPS then asks for missing theme fonts.
"""

from __future__ import annotations

import functools

from speechgen import style
from speechgen.writers.docx import geometry
from speechgen.writers.docx.options import DocxOptions
from speechgen.writers.docx.xml import KEEP_NEXT, NS_DECL, OFF_GRID, XML_DECL, PPr, justification, text

# Word recognises its built-in styles by name and shows them localised (heading 1 → 标题 1);
# the priorities are Word's own, so the styles sort as users expect in the gallery.
_BUILT_IN_PRIORITY = {"Normal": 0, "Title": 10, "Subtitle": 11}


@functools.cache
def styles_xml(options: DocxOptions) -> bytes:
    """Return the bytes of word/styles.xml for ``options`` (built once per process and options)."""
    parts = [
        XML_DECL,
        f"<w:styles {NS_DECL}>",
        _doc_defaults(options),
        *(_paragraph_style(s, options) for s in style.PARAGRAPH_STYLES),
        _lead_sentence_style(),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
        '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        "</w:styles>",
    ]
    return "".join(parts).encode("utf-8")


def run_fonts(east_asia: str, latin: str) -> str:
    """Return ``<w:rFonts>`` naming the East Asian font and the Latin font (digits, letters)."""
    return (f'<w:rFonts w:ascii="{text(latin)}" w:eastAsia="{text(east_asia)}" '
            f'w:hAnsi="{text(latin)}" w:cs="{text(latin)}"/>')


def _doc_defaults(options: DocxOptions) -> str:
    size = geometry.half_points(style.BODY_SIZE_PT)
    fonts = run_fonts(options.fonts.body, options.fonts.latin)
    # widowControl off: Word's orphan control would move lines and leave pages of 21 lines.
    # Word's automatic space between hanzi and digits/Latin (autoSpaceDE/DN) stays at its
    # default, on: LibreOffice cannot turn it off, and the two should set the same lines.
    return (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{fonts}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:widowControl w:val="0"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )


def _paragraph_style(ps: style.ParagraphStyle, options: DocxOptions) -> str:
    built_in = ps.name in _BUILT_IN_PRIORITY or ps.name.startswith("heading ")
    is_default = ps is style.STYLE_BODY
    head = '<w:style w:type="paragraph"'
    head += ' w:default="1"' if is_default else ""
    head += "" if built_in else ' w:customStyle="1"'
    head += f' w:styleId="{ps.style_id}"><w:name w:val="{text(ps.name)}"/>'
    if not is_default:
        head += f'<w:basedOn w:val="{style.STYLE_BODY.style_id}"/><w:next w:val="{style.STYLE_BODY.style_id}"/>'
    priority = _BUILT_IN_PRIORITY.get(ps.name, 9 if built_in else 20)
    head += f'<w:uiPriority w:val="{priority}"/><w:qFormat/>'
    return f"{head}{style_ppr(ps, options)}{_style_rpr(ps, options)}</w:style>"


def style_ppr(ps: style.ParagraphStyle, options: DocxOptions) -> str:
    """Return the ``<w:pPr>`` of a paragraph style, every property explicit, in schema order."""
    props = [KEEP_NEXT] if ps.keep_next else []
    if not ps.snap_to_grid:
        props.append(OFF_GRID)
    if ps.line_pitch_pt is None:
        props.append('<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>')
    else:
        line = geometry.pt(ps.line_pitch_pt)
        props.append(f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>')
    grid = options.char_grid and ps.snap_to_grid
    first = geometry.char_twips(ps.first_line_chars, ps.size_pt, grid=grid)
    chars = round(ps.first_line_chars * 100)
    props.append(f'<w:ind w:left="0" w:right="0" w:firstLineChars="{chars}" w:firstLine="{first}"/>')
    props.append(justification(ps.align))
    if ps.outline_level is not None:
        props.append(f'<w:outlineLvl w:val="{ps.outline_level}"/>')
    return PPr(*props).xml


def _style_rpr(ps: style.ParagraphStyle, options: DocxOptions) -> str:
    east_asia = style.font_name(ps.font, options.fonts)
    # 7.5: page numbers are 四号半角宋体 digits, so the Latin slot is 宋体 too; everywhere else
    # digits and Latin letters are Times New Roman (local practice, GBT9704.md §3.2).
    latin = east_asia if ps is style.STYLE_PAGE_NUMBER else options.fonts.latin
    size = geometry.half_points(ps.size_pt)
    bold = "<w:b/><w:bCs/>" if ps.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    color = f'<w:color w:val="{ps.color}"/>' if ps.color else ""
    # 28 characters a line: 3号 text on the grid is condensed (geometry.py explains the −5 twips).
    on_grid = options.char_grid and ps.snap_to_grid and ps.size_pt == style.BODY_SIZE_PT
    spacing = f'<w:spacing w:val="{geometry.CHAR_SPACING_TWIPS if on_grid else 0}"/>'
    return (f"<w:rPr>{run_fonts(east_asia, latin)}{bold}{color}{spacing}"
            f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>')


def _lead_sentence_style() -> str:
    style_id, name = style.CHAR_STYLE_LEAD
    return (f'<w:style w:type="character" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{text(name)}"/><w:basedOn w:val="DefaultParagraphFont"/>'
            '<w:uiPriority w:val="1"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>')
