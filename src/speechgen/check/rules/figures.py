"""Figures against the ledger: every amount, percentage, 百分点 and project count in the text
must equal a figure the Facts back, after rounding the Facts at the printed precision."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from speechgen.check.draft import Draft
from speechgen.check.figures_index import Candidate, Kind
from speechgen.check.findings import Finding, excerpt
from speechgen.rounding import WAN_PER_YI, round_half_up
from speechgen.zh import format_percent, format_points, format_wan, format_yi

_NUMBER = r"(\d+(?:\.\d+)?)"
_PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("amount", re.compile(rf"{_NUMBER}\s*(亿元|万元)")),
    ("points", re.compile(rf"{_NUMBER}\s*个百分点")),
    ("percent", re.compile(rf"{_NUMBER}\s*[%％]")),
    ("count", re.compile(r"(\d+)\s*[个项](?=[^\d，。；：、,;:（）()]{0,8}?项目)")),
    ("count", re.compile(r"(?:开工|在建|竣工|投产|前期|滞后|落后|未开工)(?:的)?(?:项目)?(\d+)\s*[个项]")),
)
# "近5亿元", "约30%", "300多万元": approximations are not traced.
_APPROX_BEFORE = ("近", "约", "逾", "接近", "将近", "大约", "不到", "超过", "达到近")
_APPROX_AFTER = ("多", "余")


@dataclass(frozen=True)
class Written:
    """A figure as the text writes it: kind, value in the printed unit, decimals, unit."""

    kind: Kind
    value: Decimal
    places: int
    unit: str
    text: str
    listed: bool = False  # a count after 等 ("甲、乙等13个项目"): a named list's size


def check_figures(draft: Draft, candidates: list[Candidate]) -> Iterator[Finding]:
    """Yield a finding for every figure that matches none of the candidates."""
    by_kind: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_kind.setdefault(candidate.kind, []).append(candidate)
    skipped = draft.structure.skipped
    for index, text in draft.text_paragraphs():
        if index in skipped and draft.para(index).role != "table":
            continue
        for written, start, end in find_figures(text):
            pool = by_kind.get(written.kind, [])
            extra = by_kind.get("rest", []) if written.listed else []
            if any(matches(written, c) for c in (*pool, *extra)):
                continue
            yield _finding(draft, index, excerpt(text, start, end, 8), written, pool)


def find_figures(text: str) -> Iterator[tuple[Written, int, int]]:
    """Yield (figure, start, end) for each figure of a kind the ledger can back."""
    taken: set[int] = set()
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if match.start(1) in taken or _approximate(text, match):
                continue
            taken.update(range(match.start(1), match.end()))
            number = match.group(1)
            places = len(number.partition(".")[2])
            unit = match.group(2) if kind == "amount" else {"points": "个百分点", "percent": "%"}.get(kind, "个")
            listed = kind == "count" and text[: match.start()].endswith("等")
            written = Written(kind, Decimal(number), places, unit, f"{number}{unit}", listed)
            yield written, match.start(), match.end()


def _approximate(text: str, match: re.Match[str]) -> bool:
    before = text[: match.start()]
    after = text[match.start(1) + len(match.group(1)):]
    return before.endswith(_APPROX_BEFORE) or after.startswith(_APPROX_AFTER)


def in_written_unit(written: Written, candidate: Candidate) -> Decimal:
    """Return the candidate in the written figure's unit (亿元 for "12.5亿元")."""
    if written.kind == "amount" and written.unit == "亿元":
        return candidate.value / WAN_PER_YI
    return candidate.value


def matches(written: Written, candidate: Candidate) -> bool:
    """Return True when the candidate, rounded half-up at the printed precision, is the figure."""
    return round_half_up(in_written_unit(written, candidate), written.places) == written.value


def _finding(draft: Draft, index: int, quote: str, written: Written,
             pool: list[Candidate]) -> Finding:
    nearest = min(pool, key=lambda c: abs(in_written_unit(written, c) - written.value), default=None)
    if nearest is None:
        return draft.finding("figure-unknown", "warning", index, quote,
                             f"“{written.text}”在台账中找不到对应的数",
                             "请核对这个数的来源；来自台账以外的数据请确认无误")
    near_value = in_written_unit(written, nearest)
    shown = _format(written, nearest)
    step = Decimal(1).scaleb(-written.places)
    close = abs(near_value - written.value) <= max(written.value * Decimal("0.2"), 2 * step)
    if close:
        return draft.finding("figure-mismatch", "error", index, quote,
                             f"写作 {written.text}，台账计算为 {shown}（{nearest.label}）",
                             f"请改为“{shown}”，或核对台账")
    return draft.finding("figure-unknown", "warning", index, quote,
                         f"“{written.text}”在台账中找不到对应的数（最接近的是{nearest.label} {shown}）",
                         "请核对这个数的来源；来自台账以外的数据请确认无误")


def _format(written: Written, candidate: Candidate) -> str:
    """Return the candidate printed the way the text prints this kind of figure (speechgen.zh)."""
    if written.kind == "amount":
        return format_yi(candidate.value) if written.unit == "亿元" else format_wan(candidate.value)
    if written.kind == "percent":
        return format_percent(candidate.value)
    if written.kind == "points":
        return format_points(candidate.value)
    return f"{candidate.value}个"
