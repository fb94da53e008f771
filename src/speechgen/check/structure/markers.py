"""Enumeration markers of Chinese speeches and 公文: "一、" "第一，" "（一）" "一是" "1." "首先" ….

A marker belongs to a *family* (how it counts) and has a *form* (how it is written: "第一，"
and "第一," are one family in two forms). Leading markers open a paragraph; run-in markers
("……。二是……", "：一要……") open a sentence inside one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from speechgen.zh.markers import MARKER_NUMERALS
from speechgen.zh.numerals import parse_small_numeral

Family = Literal["dun", "ordinal", "seq", "paren", "shi", "arabic", "paren_arabic", "circled"]

# The order a reader expects levels in when more than one family leads paragraphs
# (GB/T 9704 7.3.3: 一、 （一） 1. （1）; speeches put 第一， at the top, and 一是 lowest).
FAMILY_RANK: tuple[Family, ...] = ("dun", "ordinal", "seq", "paren", "arabic", "paren_arabic",
                                   "circled", "shi")
# Families that count in the same series: "首先……第二……第三" is one list in two styles.
COMPATIBLE: dict[Family, Family] = {"seq": "ordinal", "ordinal": "seq"}

_CN = MARKER_NUMERALS
_SEQ_VALUES = {"首先": 1, "其次": 2, "再次": 3, "再者": 3}  # 最后 continues whatever came before
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_LEAD_PATTERNS: tuple[tuple[Family, re.Pattern[str]], ...] = (
    ("dun", re.compile(rf"([{_CN}]{{1,3}})([、．.])")),
    ("ordinal", re.compile(rf"第([{_CN}]{{1,3}})([，,、：:.．]|是)")),
    ("seq", re.compile(r"(首先|其次|再次|再者|最后)([，,：:]|是)")),
    ("paren", re.compile(rf"([（(])([{_CN}]{{1,3}})([）)])")),
    ("arabic", re.compile(r"(\d{1,2})([、.．])(?![\d%％])")),
    ("paren_arabic", re.compile(r"([（(])(\d{1,2})([）)])")),
    ("circled", re.compile(rf"([{_CIRCLED}])")),
    ("shi", re.compile(rf"([{_CN}]{{1,3}})(是要|是|要(?![素求点]))")),
)
_RUN_IN = frozenset({"ordinal", "seq", "paren", "paren_arabic", "circled", "shi"})
# An ASCII full stop ends a sentence too where a draft typed in an English input mode uses it
# between Chinese words ("看到成绩.今年以来"); never inside "1.5" or after a marker's digit.
_ASCII_STOP = r"(?<=[\u4e00-\u9fff”’）)])\.(?=[\u4e00-\u9fff“‘（(]|\s|$)"
SENTENCE_END = re.compile(rf"[。！？!?]|{_ASCII_STOP}")
# A run-in marker opens a sentence: it follows a full stop, semicolon or colon.
_BOUNDARY = re.compile(rf"(?:[。；;！？!?：:]|{_ASCII_STOP})\s*")


@dataclass(frozen=True)
class Marker:
    """One marker found in a paragraph (``para`` is the index into the analysed list)."""

    para: int
    start: int  # offset of the marker in the paragraph text
    end: int  # offset just after the marker
    family: Family
    number: int | None  # 1, 2, 3 …; None for 最后 (it continues the series)
    text: str  # the marker as written: "第一，", "（二）", "三是"
    form: str  # how it is written, for mixed-style checks: "第N，", "(N)", "N是"
    lead: bool  # opens the paragraph

    @property
    def key(self) -> tuple[int, int]:
        return (self.para, self.start)


def _parse(family: Family, match: re.Match[str]) -> tuple[int | None, str] | None:
    """Return (number, form) for a pattern match, or None if it is not a real marker."""
    groups = match.groups()
    if family == "seq":
        return _SEQ_VALUES.get(groups[0]), f"S{_sep(groups[1])}"
    if family in ("paren", "paren_arabic"):
        value = parse_small_numeral(groups[1]) if family == "paren" else int(groups[1])
        return value, f"{groups[0]}N{groups[2]}"
    if family == "circled":
        return _CIRCLED.index(groups[0]) + 1, "①"
    if family == "arabic":
        return int(groups[0]), f"N{groups[1]}"
    value = parse_small_numeral(groups[0])
    if value is None:
        return None
    prefix = "第" if family == "ordinal" else ""
    return value, f"{prefix}N{_sep(groups[1])}"


def _sep(separator: str) -> str:
    """Return the form of a separator: the character itself, with 是要 counted as 是."""
    return "是" if separator.startswith("是") else separator


def _match_at(text: str, pos: int, para: int, lead: bool) -> Marker | None:
    for family, pattern in _LEAD_PATTERNS:
        if not lead and family not in _RUN_IN:
            continue
        match = pattern.match(text, pos)
        if match is None:
            continue
        parsed = _parse(family, match)
        if parsed is None or (parsed[0] is None and not match.group(0).startswith("最后")):
            continue
        number, form = parsed
        return Marker(para, pos, match.end(), family, number, match.group(0), form, lead)
    return None


def find_markers(text: str, para: int) -> list[Marker]:
    """Return the markers of one paragraph: the leading one, then every run-in one."""
    found: list[Marker] = []
    start = len(text) - len(text.lstrip(" \u3000"))
    lead = _match_at(text, start, para, lead=True)
    if lead is not None:
        found.append(lead)
    for boundary in _BOUNDARY.finditer(text):
        marker = _match_at(text, boundary.end(), para, lead=False)
        if marker is not None and (lead is None or marker.start >= lead.end):
            found.append(marker)
    return found


def leading_marker(text: str) -> Marker | None:
    """Return the marker that opens text, if any."""
    markers = find_markers(text, 0)
    return markers[0] if markers and markers[0].lead else None


# A notice's run-in label: "会议时间：2026年6月12日上午8:30" (not the colon of a time, "8:30").
_LABEL = re.compile(r"([^，,、；;：:。！？!?]{2,12}?)(?:：|(?<!\d):|:(?!\d))\s*(?=\S)")


def heading_after(text: str, marker: Marker, *, label: bool = False) -> tuple[str, bool]:
    """Return the heading a marker opens and whether it stands alone.

    The heading is the text after the marker up to the first full stop (a run-in heading,
    "一、保持清醒认识，以更高站位攻坚项目。重点项目……"), or the whole rest of the paragraph
    (a heading on its own line); its final 。 is dropped. Stand-alone means nothing follows it.
    With ``label`` (the outline), a short label before a colon that has text after it is the
    heading of a notice's item ("一、会议时间：2026年6月12日" → "会议时间").
    """
    rest = text[marker.end:]
    if label and (found := _LABEL.match(rest)) is not None:
        return found.group(1).strip(), False
    end = SENTENCE_END.search(rest)
    if end is None:
        return rest.strip().rstrip("；;，,"), True
    heading = rest[: end.start()].strip()
    return heading, not rest[end.end():].strip()
