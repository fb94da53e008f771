"""One figure against the ledger: the figures of a text, the facts a figure's label allows,
whether one of them is the figure at the printed precision, and the finding (with the nearest
of those facts) when not."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from speechgen.check.draft import Draft
from speechgen.check.figure_labels import Label
from speechgen.check.figures_index import Candidate, FigureIndex, Kind
from speechgen.check.findings import Finding
from speechgen.rounding import WAN_PER_YI, round_half_up
from speechgen.zh import format_percent, format_points, format_wan, format_yi

_NUMBER = r"(\d+(?:\.\d+)?)"
_PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("amount", re.compile(rf"{_NUMBER}\s*(亿元|万元)")),
    ("points", re.compile(rf"{_NUMBER}\s*个百分点")),
    ("percent", re.compile(rf"{_NUMBER}\s*[%％]")),
    ("count", re.compile(r"(\d+)\s*[个项](?=[^\d，。；：、,;:（）()]{0,8}?项目)")),
    ("count", re.compile(r"(?:开工|在建|竣工|投产|前期(?:阶段)?|滞后|落后|未开工)(?:的)?(?:项目)?(\d+)\s*[个项]")),
    ("count", re.compile(r"项目(?:总数|总计)?(?:共有?|合计|总数为?|有)(\d+)\s*[个项]")),
    ("count", re.compile(r"(\d+)\s*个(?=(?:投资)?(?:进度)?(?:滞后|落后)或逾期未开工的(?:重点)?项目)")),
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
    fixed: bool = False  # a table cell: the ledger value is shown at the printed decimals


def find_figures(text: str) -> Iterator[tuple[Written, int, int]]:
    """Yield (figure, start, end) for each figure of a kind the ledger can back; start is its
    first digit, end the end of its unit."""
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
            yield written, match.start(1), match.end()


def _approximate(text: str, match: re.Match[str]) -> bool:
    before = text[: match.start()]
    after = text[match.start(1) + len(match.group(1)):]
    return before.endswith(_APPROX_BEFORE) or after.startswith(_APPROX_AFTER)


@dataclass(frozen=True)
class Choice:
    """The facts a figure may be: ``pool`` to match, ``preferred`` to name the nearest from,
    ``certain`` when the label pins down one fact (a mismatch is then an error however far)."""

    pool: list[Candidate]
    preferred: list[Candidate]
    certain: bool = False


class Pools:
    """The candidates by kind, and the choice a label makes among them."""

    def __init__(self, index: FigureIndex):
        self.by_kind: dict[str, list[Candidate]] = {}
        for candidate in index.candidates:
            self.by_kind.setdefault(candidate.kind, []).append(candidate)

    def choose(self, written: Written, label: Label) -> Choice:
        """Return the facts of the label's metric and subject; of its metric alone when no
        subject is named or the subject has none; all of the kind when no metric word was found
        (the nearest then named from the subject's). Figures of no one subject (时序进度) stay
        in every subject's choice; the ledger's own words (metric None) only in their
        project's, or where the metric is unknown."""
        kind_pool = self.by_kind.get(written.kind, []) + (self.by_kind.get("rest", []) if written.listed else [])
        named = [c for c in kind_pool if c.metric is not None]
        subjects = label.subjects
        quoted = [c for c in kind_pool if c.metric is None and c.subject in subjects]
        if label.metric is not None:
            same = [c for c in named if c.metric == label.metric]
            own = [c for c in same if c.subject in subjects]
            if own:
                return Choice(own + [c for c in same if c.subject is None] + quoted, own, True)
            if same:
                return Choice(same + quoted, same, all(c.subject is None for c in same))
        own = [c for c in named if c.subject in subjects]
        return Choice(kind_pool, own or kind_pool)  # no metric word: any fact, the subject's named


def in_written_unit(written: Written, candidate: Candidate) -> Decimal:
    """Return the candidate in the written figure's unit (亿元 for "12.5亿元")."""
    if written.kind == "amount" and written.unit == "亿元":
        return candidate.value / WAN_PER_YI
    return candidate.value


def matches(written: Written, candidate: Candidate) -> bool:
    """Return True when the candidate, rounded half-up at the printed precision, is the figure."""
    return round_half_up(in_written_unit(written, candidate), written.places) == written.value


def judge(draft: Draft, index: int, quote: str, written: Written, choice: Choice) -> Finding | None:
    """Return None when a fact of the choice is the figure, else the finding naming the nearest.

    A figure near the fact (within a fifth, or two steps of its last digit) is a mismatch
    (error). When the label pins down the fact, so is one within a half of it or that looks
    like a slip of the pen (digits swapped, one digit wrong: 开工率28.0% for 82.0%), and any
    table cell (its column and row name the fact). Anything else may come from outside the
    ledger (全社会固定资产投资 from the statistics office) and is a warning.
    """
    if any(matches(written, c) for c in choice.pool):
        return None
    nearest = min(choice.preferred or choice.pool,
                  key=lambda c: abs(in_written_unit(written, c) - written.value), default=None)
    if nearest is None:
        return draft.finding("figure-unknown", "warning", index, quote,
                             f"“{written.text}”在台账中找不到对应的数",
                             "请核对这个数的来源；来自台账以外的数据请确认无误")
    near_value = round_half_up(in_written_unit(written, nearest), written.places)
    shown = _format(written, nearest)
    step = Decimal(1).scaleb(-written.places)
    # Near: within a fifth, or — when the label pins down the fact — within a half of the larger.
    share = max(written.value, near_value) / 2 if choice.certain else written.value / 5
    close = abs(near_value - written.value) <= max(share, 2 * step)
    if close or (choice.certain and (written.fixed or _slip(written, near_value))):
        return draft.finding("figure-mismatch", "error", index, quote,
                             f"写作 {written.text}，台账计算为 {shown}（{nearest.label}）",
                             f"请改为“{shown}”，或核对台账")
    if choice.certain:
        return draft.finding("figure-unknown", "warning", index, quote,
                             f"写作 {written.text}，台账中{nearest.label}为 {shown}",
                             f"如是笔误请改为“{shown}”；如引自台账以外的数据，请核对来源")
    return draft.finding("figure-unknown", "warning", index, quote,
                         f"“{written.text}”在台账中找不到对应的数（最接近的是{nearest.label} {shown}）",
                         "请核对这个数的来源；来自台账以外的数据请确认无误")


def _slip(written: Written, value: Decimal) -> bool:
    """Return True when the written digits are the ledger's with two swapped or one changed."""
    ours, theirs = f"{written.value:.{written.places}f}", f"{value:.{written.places}f}"
    if len(ours) != len(theirs):
        return False
    return sorted(ours) == sorted(theirs) or sum(a != b for a, b in zip(ours, theirs, strict=True)) == 1


def _format(written: Written, candidate: Candidate) -> str:
    """Return the candidate printed the way the text prints this kind of figure (speechgen.zh);
    a table cell at its column's decimals ("14.00亿元")."""
    if written.fixed:
        value = round_half_up(in_written_unit(written, candidate), written.places)
        return f"{value}{written.unit}"
    if written.kind == "amount":
        return format_yi(candidate.value) if written.unit == "亿元" else format_wan(candidate.value)
    if written.kind == "percent":
        return format_percent(candidate.value)
    if written.kind == "points":
        return format_points(candidate.value)
    return f"{candidate.value}个"
