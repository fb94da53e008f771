"""Layout of a .docx against GB/T 9704 as speechgen.style writes it down: page size, margins,
fonts and sizes of title/headings/body, exact line pitch, and the "— N —" page numbers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from speechgen import style
from speechgen.check.draft import Draft
from speechgen.check.findings import Finding
from speechgen.check.layout.pages import check_page_numbers, check_sections
from speechgen.check.read.docx_reader import damaged_docx, docx_paragraphs, open_docx
from speechgen.check.read.docx_styles import (
    StyleSheet,
    east_asia_font,
    first,
    line_spacing,
    paragraph_style_id,
    q,
    run_text,
    same_font,
    size_half_points,
    snap_to_grid,
)
from speechgen.check.structure.markers import heading_after

_SIZE_NAMES = {42.0: "初号", 36.0: "小初", 26.0: "一号", 24.0: "小一", 22.0: "二号", 18.0: "小二",
               16.0: "三号", 15.0: "小三", 14.0: "四号", 12.0: "小四", 10.5: "五号", 9.0: "小五"}
_ROLE_NAMES = {
    style.STYLE_BODY.style_id: "正文", style.STYLE_TITLE.style_id: "标题",
    style.STYLE_SUBTITLE.style_id: "副标题", style.STYLE_HEADING_1.style_id: "一级标题",
    style.STYLE_HEADING_2.style_id: "二级标题", style.STYLE_HEADING_3.style_id: "三级标题",
    style.STYLE_HEADING_4.style_id: "四级标题",
}
_BY_ID = {s.style_id: s for s in style.PARAGRAPH_STYLES}
_BY_NAME = {s.name.lower(): s for s in style.PARAGRAPH_STYLES}


def size_name(size_pt: float) -> str:
    """Return "三号（16磅）"."""
    name = _SIZE_NAMES.get(size_pt)
    shown = f"{size_pt:g}磅"
    return f"{name}（{shown}）" if name else shown


@dataclass(frozen=True)
class Segment:
    """Characters [start, end) of a paragraph and the style they should look like."""

    start: int
    end: int
    expected: style.ParagraphStyle


def check_layout(draft: Draft) -> list[Finding]:
    """Return the layout findings of a .docx draft, held to the draft's fonts (none for .txt/.md)."""
    if draft.source.format != "docx":
        return []
    fonts = draft.fonts
    document = open_docx(draft.source.data, draft.source.name)
    with damaged_docx(draft.source.name):
        sheet = StyleSheet(document.styles.element)
        findings = check_sections(draft, document)
        findings.extend(check_page_numbers(draft, document, sheet, fonts))
        findings.extend(_paragraphs(draft, document, sheet, fonts))
    return findings


def _paragraphs(draft: Draft, document, sheet: StyleSheet, fonts: style.FontSet) -> list[Finding]:
    """Return font, size and line-pitch findings, one per kind of deviation with its paragraphs."""
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    grid = _grid_pitch(document)
    # A run-on paragraph is read as several (check/read/runon.py), all with its number: the
    # layout of the Word paragraph is checked once, against its first piece.
    first_index = {p.number: i for i, p in reversed(list(enumerate(draft.source.paragraphs)))}
    for para, paragraph in docx_paragraphs(document):
        index = first_index[para.number]
        element = paragraph._p
        style_id = paragraph_style_id(element)
        segments = _segments(draft, index, para, style_id)
        if not segments:
            continue
        raw = "".join(run_text(run) for run in element.iter(q("r")))
        lead = len(raw) - len(raw.lstrip(" \u3000\t"))
        for run in element.iter(q("r")):
            text = run_text(run)
            if not text.strip():
                continue
            offset = _offset(element, run) - lead + len(para.prefix)
            expected = next((s.expected for s in segments if s.start <= offset < s.end), segments[-1].expected)
            rprs = sheet.run_props(run, style_id)
            _font(groups, index, expected, first(rprs, east_asia_font), fonts)
            _size(groups, index, expected, first(rprs, size_half_points))
        _pitch(groups, index, segments[0].expected, sheet.paragraph_props(element, style_id), grid)
    return [_grouped(draft, key, indices) for key, indices in groups.items()]


def _segments(draft: Draft, index: int, para, style_id: str | None) -> list[Segment]:
    """Return what each part of a paragraph should look like; [] for paragraphs not checked
    (tables, 版头 and 版记 of a foreign template, subtitle lines of a hand-made document)."""
    length = len(para.text) + 1000  # runs may hold characters the stripped text lost
    ours = _BY_ID.get(style_id or "") or _BY_NAME.get((para.style or "").lower())
    if ours is not None and ours is not style.STYLE_BODY:
        if ours in (style.STYLE_ISSUER_MARK, style.STYLE_PAGE_NUMBER):
            return []
        return [Segment(0, length, ours)]
    found = draft.structure
    if index in found.title_lines:
        return [Segment(0, length, style.STYLE_TITLE)]
    if para.role == "table" or index in found.skipped:
        return []
    heading = _heading_style(draft, index)
    if heading is None:
        return [Segment(0, length, style.STYLE_BODY)]
    expected, marker = heading
    text = found.texts[index]
    title, alone = heading_after(text, marker)
    if alone:
        return [Segment(0, length, expected)]
    if len(text) != len(para.text):
        return []  # the analysis text was cleaned: offsets would not line up
    cut = marker.end + len(title) + 1
    return [Segment(0, cut, expected), Segment(cut, length, style.STYLE_BODY)]


def _heading_style(draft: Draft, index: int):
    """Return (style, marker) when the paragraph opens with a 一级 or （一）-style 二级 heading."""
    for part in draft.structure.parts:
        if part.marker.para == index and part.marker.lead:
            return style.STYLE_HEADING_1, part.marker
        for child in part.children:
            if child.marker.para == index and child.marker.lead and child.marker.family == "paren":
                return style.STYLE_HEADING_2, child.marker
    return None


def _offset(paragraph, target) -> int:
    """Return the character offset at which a run starts in its paragraph."""
    offset = 0
    for run in paragraph.iter(q("r")):
        if run is target:
            return offset
        offset += len(run_text(run))
    return offset


def _label(expected: style.ParagraphStyle) -> str:
    return _ROLE_NAMES.get(expected.style_id) or expected.name


def _font(groups, index: int, expected: style.ParagraphStyle, font, fonts: style.FontSet) -> None:
    want = style.font_name(expected.font, fonts)
    if font is not None and font.theme:
        groups[("layout-font", _label(expected), f"主题字体（{font.theme}）→{want}")].append(index)
    elif font is None or not font.name:
        groups[("layout-font", _label(expected), f"未指定中文字体→{want}")].append(index)
    elif not same_font(font.name, want):
        groups[("layout-font", _label(expected), f"{font.name}→{want}")].append(index)


def _size(groups, index: int, expected: style.ParagraphStyle, half_points: int | None) -> None:
    actual = (half_points or 20) / 2  # Word's default is 10 pt
    if actual != expected.size_pt:
        groups[("layout-size", _label(expected), f"{size_name(actual)}→{size_name(expected.size_pt)}")].append(index)


def _grid_pitch(document) -> int | None:
    """Return the document grid's line pitch in twips when the grid snaps lines, else None."""
    grid = document.sections[-1]._sectPr.find(q("docGrid")) if document.sections else None
    if grid is None or grid.get(q("type")) not in ("lines", "linesAndChars"):
        return None
    pitch = grid.get(q("linePitch"))
    return int(pitch) if pitch and pitch.isdigit() else None


def _pitch(groups, index: int, expected: style.ParagraphStyle, pprs: list, grid: int | None) -> None:
    """A paragraph keeps the 22-line grid by an exact line spacing of the style's pitch, or by
    single spacing snapped to a document grid of that pitch."""
    if expected.line_pitch_pt is None:
        return
    want = round(expected.line_pitch_pt * style.TWIPS_PER_PT)
    spacing = first(pprs, line_spacing) or (240, "auto")
    line, rule = spacing
    if rule == "exact" and abs(line - want) <= 2:
        return
    snapped = first(pprs, snap_to_grid) is not False
    if rule == "auto" and line == 240 and snapped and grid is not None and abs(grid - want) <= 2:
        return
    actual = f"固定值{line / 20:g}磅" if rule == "exact" else (
        f"{line / 240:g}倍行距" if rule == "auto" else f"最小值{line / 20:g}磅")
    groups[("layout-line-pitch", _label(expected), f"{actual}→固定值{want / 20:g}磅")].append(index)


_MESSAGES = {
    "layout-font": ("{what}的中文字体为“{actual}”，应为“{want}”",
                    "在 Word/WPS 中把“{what}”所用样式的中文字体改为“{want}”（不要用主题字体），"
                    "或用 speechgen render 重新排版"),
    "layout-size": ("{what}的字号为{actual}，应为{want}", "把“{what}”的字号改为{want}"),
    "layout-line-pitch": ("{what}的行距为{actual}，应为{want}（每页22行）", "段落行距设为“{want}”"),
}


def _grouped(draft: Draft, key: tuple[str, str, str], indices: list[int]) -> Finding:
    rule, what, change = key
    actual, _, want = change.partition("→")
    unique = sorted(set(indices))
    shown = "、".join(str(draft.para(i).number) for i in unique[:8]) + ("…" if len(unique) > 8 else "")
    message, fix = _MESSAGES[rule]
    quote = draft.para(unique[0]).text[:16]
    text = message.format(what=what, actual=actual, want=want) + f"（共{len(unique)}段：第{shown}段）"
    return draft.finding(rule, "error", unique[0], quote, text, fix.format(what=what, want=want))
