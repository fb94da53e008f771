"""The flags snippets are chosen by (docs/snippets.md), with every threshold written down once."""

from __future__ import annotations

from decimal import Decimal

from speechgen.facts.types import PROBLEM_TYPES, Facts

# Thresholds (百分点 and percent of projects). Gaps are compared after the facts layer's
# rounding, so "ahead" means a printed gap of at least +0.1 个百分点.
FAR_BEHIND_POINTS = Decimal(-10)  # far_behind: gap ≤ −10 百分点
MANY_NOT_STARTED_PERCENT = Decimal(30)  # many_not_started: ≥ 30 % of projects not started
FEW_NOT_STARTED_PERCENT = Decimal(10)  # few_not_started: < 10 % not started (but some)
UNEVEN_SPREAD_POINTS = Decimal(20)  # uneven: best − worst district ≥ 20 百分点
EARLY_YEAR_LAST_MONTH = 4  # early_year: as_of month 1–4
MID_YEAR_LAST_MONTH = 8  # mid_year: 5–8; late_year: 9–12

SITUATION_FLAGS = ("ahead", "behind", "on_track", "far_behind")
START_FLAGS = ("many_not_started", "few_not_started", "all_started")
LIST_FLAGS = ("has_laggards", "no_laggards", "has_overdue", "has_problems", "has_reporters", "uneven")
SEASON_FLAGS = ("early_year", "mid_year", "late_year")
PROBLEM_FLAGS = tuple(f"problem_{name}" for name in PROBLEM_TYPES)
KNOWN_FLAGS: frozenset[str] = frozenset(
    SITUATION_FLAGS + START_FLAGS + LIST_FLAGS + SEASON_FLAGS + PROBLEM_FLAGS
)


def _situation(gap: Decimal | None) -> set[str]:
    """Return ahead/behind/on_track/far_behind for a gap in 百分点 (None: no completion rate)."""
    if gap is None:
        return set()
    if gap == 0:
        return {"on_track"}
    flags = {"ahead"} if gap > 0 else {"behind"}
    if gap <= FAR_BEHIND_POINTS:
        flags.add("far_behind")
    return flags


def _starts(projects: int, not_started: int) -> set[str]:
    """Return the flags about how many projects have not started."""
    if projects == 0:
        return set()
    if not_started == 0:
        return {"all_started"}
    share = Decimal(not_started) * 100 / projects
    if share >= MANY_NOT_STARTED_PERCENT:
        return {"many_not_started"}
    if share < FEW_NOT_STARTED_PERCENT:
        return {"few_not_started"}
    return set()


def _season(month: int) -> str:
    if month <= EARLY_YEAR_LAST_MONTH:
        return "early_year"
    return "mid_year" if month <= MID_YEAR_LAST_MONTH else "late_year"


def is_uneven(facts: Facts) -> bool:
    """Return True when the best and worst ranked districts differ by UNEVEN_SPREAD_POINTS or more."""
    rates = [g.completion_rate for g in facts.by_district if g.completion_rate is not None]
    return len(rates) >= 2 and max(rates) - min(rates) >= UNEVEN_SPREAD_POINTS


def compute_flags(facts: Facts) -> frozenset[str]:
    """Return the flags that hold for these facts (names as in docs/snippets.md)."""
    overall = facts.overall
    flags = _situation(overall.gap_points) | _starts(overall.projects, overall.not_started)
    flags.add("has_laggards" if facts.laggards else "no_laggards")
    if any("not_started_overdue" in lag.reasons for lag in facts.laggards):
        flags.add("has_overdue")
    if facts.problems:
        flags.add("has_problems")
        dominant = facts.problems[0].problem_type
        if dominant in PROBLEM_TYPES:
            flags.add(f"problem_{dominant}")
    if facts.meeting.reporters:
        flags.add("has_reporters")
    if is_uneven(facts):
        flags.add("uneven")
    flags.add(_season(facts.schedule.as_of.month))
    return frozenset(flags)
