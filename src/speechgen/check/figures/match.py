"""One figure against the ledger: the facts a figure's label allows, whether one of them is the
figure at the printed precision, and the finding (with the nearest of those facts) when not."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from speechgen.check.draft import Draft
from speechgen.check.figures.index import Candidate, FigureIndex
from speechgen.check.figures.labels import Label
from speechgen.check.figures.written import Written
from speechgen.check.findings import Finding
from speechgen.rounding import WAN_PER_YI, round_half_up
from speechgen.zh import format_percent, format_points, format_wan, format_yi


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
