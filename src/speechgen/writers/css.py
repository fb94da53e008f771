"""The preview stylesheet: GB/T 9704 geometry and the named paragraph styles as CSS Paged Media.

Every number comes from speechgen.style; this module only converts units and names the rules.
Positions follow one convention (docs in benchmarks/README.md and the tests): a line of 3号 text
sits in a 28.95 pt line box and its ideographic em box (the glyph's top edge for the standard's
measurements) is centred in it, so the em box top lies half a leading below the line box top.
The page area is shifted up by that half leading: the first body glyph's top edge lands at
37 mm, as GB/T 9704 5.2.1 measures the 天头, and 22 line boxes fill the 225 mm 版心.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from speechgen import style as s
from speechgen.writers.docx.table_layout import CELL_MARGIN
from speechgen.writers.options import PageNumbers

FontKey = tuple[s.FontRole, bool]  # (font role, bold)
LATIN_FAMILY = "SG Latin"  # @font-face name restricted to ASCII: digits and Latin in Times New Roman
# Without the space: the strut (the line box's own height and baseline) is measured with a space in
# the first face that has one, and it must be the Chinese face, whose em box the grid is built on.
LATIN_RANGE = "U+0021-007E"
TABLE_BORDER_PT = 0.5  # as the .docx tables' single borders (w:sz="4" = 0.5 pt)
HALF_LEADING_PT = (s.LINE_PITCH_PT - s.BODY_SIZE_PT) / 2  # 6.475 pt between line box and em box
# Pango rounds advances to 1/1024 pt; without this margin the 28th character of a full line can
# overflow the 442.2 pt measure by a rounding error and wrap, leaving 27.
LETTER_SPACING_SAFETY_PT = 0.002
LANDSCAPE_PAGE = "landscape"  # the named @page of attachments set landscape (clause 8)
LANDSCAPE_CLASS = "Landscape"  # the <section> holding such an attachment


@dataclass(frozen=True)
class FontChoice:
    """A CSS font-family list and weight for one (role, bold) pair."""

    families: tuple[str, ...]
    weight: int = 400


@dataclass(frozen=True)
class CssFonts:
    """The fonts a stylesheet names: one choice per (role, bold), and the Latin faces' local names."""

    choices: Mapping[FontKey, FontChoice]
    latin_regular: tuple[str, ...]
    latin_bold: tuple[str, ...]
    portable: bool = False  # for browsers: adds what WeasyPrint does not know (font-synthesis)
    page_number: FontChoice | None = None  # default: the page-number style's role


def portable_fonts(fonts: s.FontSet = s.DEFAULT_FONTS) -> CssFonts:
    """Return the full preview stacks (Word names first) for an .html file viewed anywhere."""
    choices: dict[FontKey, FontChoice] = {}
    for role in ("title", "body", "hei", "kai", "song"):
        stack = s.preview_stack(s.font_name(role, fonts), role)
        # 小标宋's stand-in is a bold Song; font-synthesis: none keeps a real 小标宋 unemboldened.
        choices[(role, False)] = FontChoice(stack, 700 if role == "title" else 400)
        choices[(role, True)] = FontChoice(stack, 700)
    latin = s.preview_stack(fonts.latin, "latin")
    return CssFonts(choices, latin, tuple(f"{name} Bold" for name in latin), portable=True)


def mm(value_mm: float) -> str:
    """Return a CSS length in millimetres."""
    return f"{value_mm:.3f}mm"


def pt(value_pt: float) -> str:
    """Return a CSS length in points."""
    return f"{value_pt:.3f}pt"


def chars(n: float, size_pt: float = s.BODY_SIZE_PT, *, grid: bool = True) -> str:
    """Return the width of n characters: on the 3号 character grid, or n ems at other sizes
    (and at 3号 when the unit sets text off the grid)."""
    return pt(n * (s.CHAR_PITCH_PT if grid and size_pt == s.BODY_SIZE_PT else size_pt))


def quote_family(name: str) -> str:
    """Return a CSS string for a font family name."""
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def family_list(fonts: CssFonts, key: FontKey, latin: bool = True) -> str:
    """Return the font-family value for a role: the Latin face first, then the role's stack."""
    names = ([LATIN_FAMILY] if latin else []) + list(fonts.choices[key].families)
    return ", ".join(quote_family(name) for name in names)


def font_faces(fonts: CssFonts) -> str:
    """Return @font-face rules mapping ASCII to the Times New Roman stand-in, regular and bold.

    Only ASCII: quotes, dashes and ellipses stay in the Chinese face, as Word users expect.
    """
    rules = []
    for weight, names in ((400, fonts.latin_regular), (700, fonts.latin_bold)):
        src = ", ".join(f"local({quote_family(name)})" for name in names)
        rules.append(f"@font-face {{ font-family: {quote_family(LATIN_FAMILY)}; src: {src}; "
                     f"font-weight: {weight}; unicode-range: {LATIN_RANGE}; }}")
    return "\n".join(rules)


def page_area_mm(top_mm: float = s.MARGIN_TOP_MM, bottom_mm: float = s.MARGIN_BOTTOM_MM) -> tuple[float, float]:
    """Return the @page top and bottom margins in mm: the 版心 shifted up by half a leading."""
    shift = HALF_LEADING_PT * s.MM_PER_PT
    return top_mm - shift, bottom_mm + shift


def page_rules(fonts: CssFonts, page_numbers: PageNumbers = "odd_even") -> str:
    """Return @page rules: A4, margins, and "— n —" odd pages right, even pages left (7.5), or
    centred on every page; the named page ``landscape`` for attachments set landscape (clause 8)."""
    top, bottom = page_area_mm()
    # The number's em box top lies PAGE_NUMBER_GAP_MM below the 版心 bottom (262 mm → 269 mm);
    # the margin box starts at the bottom of the page area.
    number_top = s.PAGE_HEIGHT_MM - s.MARGIN_BOTTOM_MM + s.PAGE_NUMBER_GAP_MM
    padding_top = number_top - (s.PAGE_HEIGHT_MM - bottom)
    side = chars(s.PAGE_NUMBER_SIDE_CHARS, s.SIZE_4HAO_PT)
    number = f"{_page_number(fonts)}; vertical-align: top; padding-top: {mm(padding_top)}"
    if page_numbers == "center":
        numbers = [f"@page {{ @bottom-center {{ {number}; text-align: center; }} }}"]
    else:
        numbers = [f"@page :right {{ @bottom-right {{ {number}; text-align: right; padding-right: {side}; }} }}",
                   f"@page :left {{ @bottom-left {{ {number}; text-align: left; padding-left: {side}; }} }}"]
    return "\n".join([
        f"@page {{ size: A4; margin: {mm(top)} {mm(s.MARGIN_RIGHT_MM)} {mm(bottom)} "
        f"{mm(s.MARGIN_LEFT_MM)}; }}",
        *numbers,
        landscape_page_rules(fonts, page_numbers),
    ])


def _page_number(fonts: CssFonts) -> str:
    """Return the declarations of a "— n —" margin box: content, font, size, line."""
    before, after = s.page_number_text("\0").split("\0")
    if fonts.page_number:  # the PDF's choice: digits in the Latin face, dashes in a small 宋体 face
        latin = [LATIN_FAMILY] if fonts.latin_regular else []
        family = ", ".join(quote_family(name) for name in [*latin, *fonts.page_number.families])
    else:
        family = family_list(fonts, (s.STYLE_PAGE_NUMBER.font, False), latin=False)
    return (f'content: "{before}" counter(page) "{after}"; font-family: {family}; '
            f"font-size: {pt(s.SIZE_4HAO_PT)}; line-height: {pt(s.SIZE_4HAO_PT)}")


def landscape_page_rules(fonts: CssFonts, page_numbers: PageNumbers = "odd_even") -> str:
    """Return the named page ``landscape``: A4 turned, the 版心 turned with it, the number turned.

    Clause 8 keeps the page number where the portrait pages have it on the paper. The page is
    the portrait sheet turned a quarter to the left (style.py), so the portrait foot is the
    left edge here: the number runs top to bottom in the left margin, its top 7 mm left of the
    版心, odd pages one character above the 版心's bottom, even ones one below its top. The
    @left-middle box is made as long as the 版心 is high and one line deep, then turned a
    quarter to the right about its centre and moved into place. An over-wide left box keeps its
    right edge on the page area (CSS Paged Media's margin constraints), so its centre lies half
    its length left of the page area, and the page area is shifted up by half a leading.
    Centred page numbers stand at the middle of the 版心's height on every page.
    """
    top, bottom = page_area_mm(s.LANDSCAPE_MARGIN_TOP_MM, s.LANDSCAPE_MARGIN_BOTTOM_MM)
    length = s.PAGE_WIDTH_MM - s.LANDSCAPE_MARGIN_TOP_MM - s.LANDSCAPE_MARGIN_BOTTOM_MM  # 156 mm
    depth_mm = s.SIZE_4HAO_PT * s.MM_PER_PT
    shift_x = length / 2 - s.PAGE_NUMBER_GAP_MM - depth_mm / 2
    shift_y = HALF_LEADING_PT * s.MM_PER_PT
    side = chars(s.PAGE_NUMBER_SIDE_CHARS, s.SIZE_4HAO_PT)
    number = (f"{_page_number(fonts)}; box-sizing: border-box; width: {mm(length)}; "
              f"height: {pt(s.SIZE_4HAO_PT)}; margin: 0; padding: 0 {side}; "
              f"transform: translate({mm(shift_x)}, {mm(shift_y)}) rotate(90deg)")
    portrait_boxes = ("@bottom-center",) if page_numbers == "center" else ("@bottom-right", "@bottom-left")
    off = " ".join(f"{box} {{ content: none; }}" for box in portrait_boxes)  # not on turned pages
    sides = [] if page_numbers == "center" else [
        f"@page {LANDSCAPE_PAGE}:right {{ @left-middle {{ text-align: right; }} }}",
        f"@page {LANDSCAPE_PAGE}:left {{ @left-middle {{ text-align: left; }} }}",
    ]
    return "\n".join([
        f"@page {LANDSCAPE_PAGE} {{ size: A4 landscape; margin: {mm(top)} {mm(s.LANDSCAPE_MARGIN_RIGHT_MM)} "
        f"{mm(bottom)} {mm(s.LANDSCAPE_MARGIN_LEFT_MM)}; {off} "
        f"@left-middle {{ {number}; text-align: center; }} }}",
        *sides,
        f"section.{LANDSCAPE_CLASS} {{ page: {LANDSCAPE_PAGE}; }}",
    ])


def paragraph_rule(style: s.ParagraphStyle, fonts: CssFonts, char_grid: bool = True) -> str:
    """Return the rule for one named paragraph style (the class is its style id)."""
    key: FontKey = (style.font, style.bold)
    choice = fonts.choices[key]
    on_grid = char_grid and style.snap_to_grid and style.size_pt == s.BODY_SIZE_PT
    decls = [
        f"font-family: {family_list(fonts, key)}",
        f"font-weight: {choice.weight}",
        f"font-size: {pt(style.size_pt)}",
        f"line-height: {pt(style.line_pitch_pt) if style.line_pitch_pt else '1'}",
        f"text-align: {style.align}",
        f"text-indent: {chars(style.first_line_chars, style.size_pt, grid=char_grid)}",
        f"letter-spacing: {pt(s.LETTER_SPACING_PT - LETTER_SPACING_SAFETY_PT) if on_grid else 'normal'}",
        f"color: #{style.color or '000000'}",
        "margin: 0",
    ]
    if fonts.portable:
        decls.append("font-synthesis: none")
    if style.keep_next:
        decls.append("break-after: avoid")
    return f".{style.style_id} {{ {'; '.join(decls)}; }}"


def lead_rule(fonts: CssFonts) -> str:
    """Return the rule for a bold lead sentence inside body text."""
    choice = fonts.choices[("body", True)]
    return (f".{s.CHAR_STYLE_LEAD[0]} {{ font-family: {family_list(fonts, ('body', True))}; "
            f"font-weight: {choice.weight}; }}")


LINE = pt(s.LINE_PITCH_PT)  # one blank line (空一行)
TWO_LINES = pt(2 * s.LINE_PITCH_PT)


def base_rules() -> str:
    """Return resets and the rule that keeps every line box at the paragraph's exact pitch."""
    return "\n".join([
        "body { margin: 0; orphans: 1; widows: 1; }",  # fill every page with 22 lines, as Word
        "h1, h2, h3, h4, h5, p { margin: 0; font-weight: inherit; }",
        "strong { font-weight: inherit; }",
        # Inline boxes without height: each line box is exactly the paragraph's strut, whatever
        # faces (Latin digits, a bold lead) the line mixes.
        "body span, body strong { line-height: 0; }",
        ".align-left { text-align: left; } .align-center { text-align: center; }",
        ".align-right { text-align: right; } .align-justify { text-align: justify; }",
        ".no-indent { text-indent: 0; }",
        ".PageBreak { break-after: page; height: 0; }",
    ])


def header_rules() -> str:
    """Return the 版头 and title positions (7.2.4–7.2.7, 7.3.1)."""
    top, _ = page_area_mm()
    mark_top = s.MARGIN_TOP_MM + s.ISSUER_MARK_TOP_MM - top  # 7.2.4: 35 mm below the 版心 top
    # 7.2.7: the red rule 4 mm below the 发文字号's em box, which ends half a leading above its line box.
    rule_gap = s.RED_RULE_BELOW_NUMBER_MM - HALF_LEADING_PT * s.MM_PER_PT
    return "\n".join([
        f".IssuerMark {{ margin-top: {mm(mark_top)}; white-space: nowrap; }}",
        f".DocNumber {{ margin-top: {TWO_LINES}; }}",
        f".RedRule {{ border: none; border-top: {pt(s.RED_RULE_WIDTH_PT)} solid #{s.RED}; "
        f"margin: {mm(rule_gap)} 0 0 0; height: 0; }}",
        f".RedHeader.no-number .RedRule {{ margin-top: {mm(s.RED_RULE_BELOW_NUMBER_MM)}; }}",
        f".RedHeader + .Title {{ margin-top: {TWO_LINES}; }}",  # 7.3.1: two lines below the rule
        # One blank line after the title block; a speech's byline sits right under the title.
        f".Title + *, .Subtitle + :not(.Subtitle), .FormTitle + * {{ margin-top: {LINE}; }}",
        ".Title + .Subtitle { margin-top: 0; }",
    ])


def closing_rules() -> str:
    """Return 附件说明, signature and date (7.3.4, 7.3.5) and the attachment pages (7.3.7)."""
    return "\n".join([
        # 7.3.5: never a signature alone on a page; it takes the last body line with it.
        f".attachment-note, .signature {{ margin-top: {LINE}; break-inside: avoid; break-before: avoid; }}",
        f".signature.sealed {{ margin-top: {TWO_LINES}; }}",  # room for the seal
        ".signature p { text-indent: 0; }",
        ".AttachmentLabel { break-before: page; break-after: avoid; }",  # label on line 1 of a new page
        ".AttachmentTitle { break-after: avoid; }",  # never a page holding the title alone
        f".AttachmentLabel + .AttachmentTitle {{ margin-top: {LINE}; }}",  # title on line 3
        f".AttachmentTitle + * {{ margin-top: {LINE}; }}",
    ])


def table_rules() -> str:
    """Return table rules: full width, the .docx's cell margins, header row repeated (thead)."""
    return "\n".join([
        "table.Table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0; }",
        f"table.Table th, table.Table td {{ border: {pt(TABLE_BORDER_PT)} solid #000000; "
        f"padding: 0 {pt(CELL_MARGIN / s.TWIPS_PER_PT)}; vertical-align: middle; }}",
        "table.Table tr { break-inside: avoid; }",
        "table.Table td.figure { white-space: nowrap; }",  # "108.1%" never loses its unit to the next line
        # A blank line under an attachment title, as in the .docx (table.Table's margin would win).
        f".AttachmentTitle + table.Table {{ margin-top: {LINE}; }}",
        # A form (督办单): the label column as wide as the .docx's, rows a form's height, an empty
        # value room to write in by hand.
        f"table.Form th {{ width: {pt(s.FORM_LABEL_CHARS * s.SIZE_4HAO_PT + 2 * CELL_MARGIN / s.TWIPS_PER_PT)}; }}",
        f"table.Form tr {{ height: {pt(s.FORM_ROW_MIN_PT)}; }}",
        f"table.Form tr.blank {{ height: {pt(s.FORM_BLANK_LINES * s.TABLE_LINE_PITCH_PT)}; }}",
        f".FormTitle + .FormNumber {{ margin-top: 0; }} .FormNumber + table.Form {{ margin-top: {LINE}; }}",
    ])


def imprint_rules(at_bottom: bool = True) -> str:
    """Return the 版记 (7.4): rules as wide as the 版心, thick outside and thin between.

    At the bottom, it floats into WeasyPrint's footnote area, at the foot of the page where it
    occurs (the last). The page area ends half a leading above the 版心 bottom (page_area_mm), so
    the footnote area is pulled down by that much and the last rule lies on the 版心 bottom itself
    (7.4.1). Otherwise it follows the text after a blank line, kept on one page. Its lines are
    spans set as blocks (``.imprint-block > span``): see writers.html.imprint.
    """
    thick, thin = pt(s.IMPRINT_RULE_THICK_PT), pt(s.IMPRINT_RULE_THIN_PT)
    side_pt = s.SIZE_4HAO_PT  # 7.4.2: one 4号 character of space at both ends
    cc_label_pt = s.text_width_chars("抄送：") * s.SIZE_4HAO_PT  # wrapped lines align after it
    # footnote-policy: a 版记 that does not fit takes the line of its call (the last row or text
    # line, writers.html._carry_imprint) to the next page, never leaving it alone there.
    place = ("float: footnote; footnote-display: block; footnote-policy: line" if at_bottom
             else f"display: block; margin-top: {LINE}")
    no_call = [".imprint-block::footnote-call, .imprint-block::footnote-marker { content: none; }"]
    area = [f"@page {{ @footnote {{ margin: 0 0 {pt(-HALF_LEADING_PT)} 0; padding: 0; border: none; }} }}"]
    if not at_bottom:
        no_call = area = []
    return "\n".join([
        f".imprint-block {{ {place}; border-top: {thick} solid #000000; "
        f"border-bottom: {thick} solid #000000; break-inside: avoid; }}",
        *no_call,
        f".imprint-block > span {{ display: block; padding: 0 {pt(side_pt)}; }}",
        f".imprint-block > span + span {{ border-top: {thin} solid #000000; }}",
        f".imprint-block .cc {{ padding-left: {pt(side_pt + cc_label_pt)}; text-indent: {pt(-cc_label_pt)}; }}",
        ".imprint-block .printed { display: flex; justify-content: space-between; }",
        ".imprint-block .printed > span { line-height: inherit; }",  # flex items are blocks
        *area,
    ])


def build_css(fonts: CssFonts, *, page_numbers: PageNumbers = "odd_even", char_grid: bool = True,
              imprint_at_bottom: bool = True) -> str:
    """Return the whole stylesheet for the given fonts and the unit's layout choices (see
    writers.options.RenderOptions)."""
    return "\n".join([
        font_faces(fonts),
        page_rules(fonts, page_numbers),
        *(paragraph_rule(style, fonts, char_grid) for style in s.PARAGRAPH_STYLES),
        lead_rule(fonts),
        base_rules(),
        header_rules(),
        closing_rules(),
        table_rules(),
        imprint_rules(imprint_at_bottom),
    ]) + "\n"
