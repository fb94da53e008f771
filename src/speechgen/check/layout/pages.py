"""Section and footer rules of the .docx layout check: A4, margins, grid, page numbers."""

from __future__ import annotations

from speechgen import style
from speechgen.check.draft import Draft
from speechgen.check.findings import Finding
from speechgen.check.read.docx_styles import (
    StyleSheet,
    east_asia_font,
    first,
    justification,
    paragraph_style_id,
    q,
    same_font,
    size_half_points,
)

_TOLERANCE_MM = 0.5  # Word rounds centimetres to twips; anything within half a millimetre is right
_MARGINS = (("上", "top_margin", style.MARGIN_TOP_MM), ("下", "bottom_margin", style.MARGIN_BOTTOM_MM),
            ("左", "left_margin", style.MARGIN_LEFT_MM), ("右", "right_margin", style.MARGIN_RIGHT_MM))
# Landscape pages of wide tables (clause 8): the portrait 版心 turned a quarter, 225 × 156 mm.
# Turned to the left (the table head at the binding edge, as speechgen writes it) or to the right.
_LANDSCAPE_MARGINS = (
    (("上", "top_margin", style.LANDSCAPE_MARGIN_TOP_MM), ("下", "bottom_margin", style.LANDSCAPE_MARGIN_BOTTOM_MM),
     ("左", "left_margin", style.LANDSCAPE_MARGIN_LEFT_MM), ("右", "right_margin", style.LANDSCAPE_MARGIN_RIGHT_MM)),
    (("上", "top_margin", style.LANDSCAPE_MARGIN_BOTTOM_MM), ("下", "bottom_margin", style.LANDSCAPE_MARGIN_TOP_MM),
     ("左", "left_margin", style.LANDSCAPE_MARGIN_RIGHT_MM), ("右", "right_margin", style.LANDSCAPE_MARGIN_LEFT_MM)),
)
_LANDSCAPE_FIX = (f"横排页（GB/T 9704 第8章）的页边距设为：上{style.LANDSCAPE_MARGIN_TOP_MM:g}毫米、"
                  f"下{style.LANDSCAPE_MARGIN_BOTTOM_MM:g}毫米、左{style.LANDSCAPE_MARGIN_LEFT_MM:g}毫米、"
                  f"右{style.LANDSCAPE_MARGIN_RIGHT_MM:g}毫米（版心转为225×156毫米）")


def check_sections(draft: Draft, document) -> list[Finding]:
    """Return page-size, margin and grid findings for every section; a landscape section (the
    wide tables of clause 8) is held to the portrait 版心 turned a quarter."""
    out: list[Finding] = []
    for number, section in enumerate(document.sections, 1):
        where = f"第{number}节" if len(document.sections) > 1 else "页面"
        width = section.page_width.mm if section.page_width is not None else 0
        height = section.page_height.mm if section.page_height is not None else 0
        short, long_ = sorted((width, height))
        if abs(short - style.PAGE_WIDTH_MM) > _TOLERANCE_MM or abs(long_ - style.PAGE_HEIGHT_MM) > _TOLERANCE_MM:
            out.append(draft.finding(
                "layout-page-size", "error", None, "",
                f"{where}纸张为{width:.1f}×{height:.1f}毫米，应为A4（210×297毫米）",
                "在“布局—纸张大小”中选择A4"))
        if width > height:
            wrong = min((_wrong_margins(section, margins) for margins in _LANDSCAPE_MARGINS), key=len)
            fix, where = _LANDSCAPE_FIX, f"{where}（横排）"
        else:
            wrong = _wrong_margins(section, _MARGINS)
            fix = "页边距设为：上37毫米、下35毫米、左28毫米、右26毫米（版心156×225毫米）"
        if wrong:
            out.append(draft.finding(
                "layout-margins", "error", None, "",
                f"{where}页边距不符合 GB/T 9704：" + "，".join(wrong), fix))
        out.extend(_grid(draft, section, where))
    return out


def _wrong_margins(section, margins) -> list[str]:
    """Return "上30.0毫米（应为37）" for each margin of ``section`` off its wanted value."""
    wrong = []
    for name, attribute, want in margins:
        length = getattr(section, attribute)
        actual = length.mm if length is not None else 0.0
        if abs(actual - want) > _TOLERANCE_MM:
            wrong.append(f"{name}{actual:.1f}毫米（应为{want:g}）")
    return wrong


def _grid(draft: Draft, section, where: str) -> list[Finding]:
    grid = section._sectPr.find(q("docGrid"))
    if grid is None or grid.get(q("type")) not in ("lines", "linesAndChars"):
        return []
    pitch = grid.get(q("linePitch"))
    if pitch and pitch.isdigit() and abs(int(pitch) - style.LINE_PITCH_TWIPS) > 2:
        return [draft.finding(
            "layout-line-pitch", "error", None, "",
            f"{where}文档网格行距为{int(pitch) / 20:g}磅，应为{style.LINE_PITCH_PT:g}磅（每页22行）",
            "在“页面设置—文档网格”中设为每页22行")]
    return []


def _has_page_field(footer) -> bool:
    element = footer._element
    for simple in element.iter(q("fldSimple")):
        if "PAGE" in (simple.get(q("instr")) or "").upper().split():
            return True
    return any("PAGE" in (t.text or "").upper().split() for t in element.iter(q("instrText")))


def _footer_text(footer) -> str:
    return "".join(t.text or "" for t in footer._element.iter(q("t")))


def check_page_numbers(draft: Draft, document, sheet: StyleSheet, fonts: style.FontSet) -> list[Finding]:
    """Return findings on the page numbers (GB/T 9704 7.5): present as a PAGE field, "— N —",
    4号 宋体, odd pages right and even pages left."""
    if not document.sections:
        return []
    section = document.sections[0]
    odd = section.footer
    if odd.is_linked_to_previous or not _has_page_field(odd):
        return [draft.finding("layout-page-number", "error", None, "", "文档没有页码",
                              "在页脚插入页码域，写成“— 1 —”：单页居右、双页居左，各空一字，4号宋体")]
    out: list[Finding] = []
    if _footer_text(odd).count(style.PAGE_NUMBER_DASH) < 2:
        out.append(draft.finding("layout-page-number", "warning", None, _footer_text(odd).strip(),
                                 "页码两侧没有一字线", "页码写成“— 1 —”（一字线为全角“—”）"))
    out.extend(_footer_font(draft, odd, sheet, fonts))
    if not document.settings.odd_and_even_pages_header_footer:
        out.append(draft.finding("layout-page-number", "info", None, "",
                                 "单页、双页页码位置相同", "GB/T 9704 7.5：单页码居右空一字，双页码居左空一字；"
                                 "在页眉页脚设置中勾选“奇偶页不同”"))
        return out
    even = section.even_page_footer
    if even.is_linked_to_previous or not _has_page_field(even):
        out.append(draft.finding("layout-page-number", "error", None, "", "双页没有页码",
                                 "在双页页脚插入页码域，居左空一字"))
        return out
    for footer, want, name in ((odd, "right", "单页"), (even, "left", "双页")):
        paragraphs = footer._element.findall(q("p"))
        alignments = {justification(sheet.paragraph_props(p, paragraph_style_id(p))) for p in paragraphs}
        if want not in alignments:
            side = "居右" if want == "right" else "居左"
            out.append(draft.finding("layout-page-number", "warning", None, "",
                                     f"{name}页码不是{side}", f"GB/T 9704 7.5：{name}页码{side}空一字"))
    return out


def _footer_font(draft: Draft, footer, sheet: StyleSheet, fonts: style.FontSet) -> list[Finding]:
    want_size = style.STYLE_PAGE_NUMBER.size_pt
    want_font = style.font_name(style.STYLE_PAGE_NUMBER.font, fonts)
    for paragraph in footer._element.findall(q("p")):
        for run in paragraph.iter(q("r")):
            if not "".join(t.text or "" for t in run.iter(q("t"))).strip():
                continue
            rprs = sheet.run_props(run, paragraph_style_id(paragraph))
            size = (first(rprs, size_half_points) or 20) / 2
            font = first(rprs, east_asia_font)
            if size != want_size or font is None or not font.name or not same_font(font.name, want_font):
                return [draft.finding("layout-page-number", "warning", None, "",
                                      f"页码字体字号不对（应为4号{want_font}）",
                                      f"把页码设为4号（{want_size:g}磅）{want_font}")]
    return []
