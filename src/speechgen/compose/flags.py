"""The flags snippets are chosen by (docs/snippets.md), with every threshold written down once."""

from __future__ import annotations

from decimal import Decimal

from speechgen.facts.types import PROBLEM_TYPES, Facts

# Thresholds (百分点 and percent of projects). Gaps are compared after the facts layer's
# rounding, so "ahead" means a printed gap of at least +0.1 个百分点.
FAR_BEHIND_POINTS = Decimal(-10)  # far_behind: gap ≤ −10 百分点
SLIGHTLY_BEHIND_POINTS = Decimal(-3)  # slightly_behind: −3 < gap < 0 百分点
MANY_NOT_STARTED_PERCENT = Decimal(30)  # many_not_started: ≥ 30 % of projects not started
FEW_NOT_STARTED_PERCENT = Decimal(10)  # few_not_started: < 10 % not started (but some)
UNEVEN_SPREAD_POINTS = Decimal(20)  # uneven: best − worst district ≥ 20 百分点
EARLY_YEAR_LAST_MONTH = 4  # early_year: as_of month 1–4
MID_YEAR_LAST_MONTH = 8  # mid_year: 5–8; late_year: 9–12

SITUATION_FLAGS = ("ahead", "behind", "on_track", "far_behind", "slightly_behind")
START_FLAGS = ("many_not_started", "few_not_started", "all_started", "none_started")
LIST_FLAGS = ("has_laggards", "no_laggards", "single_laggard", "has_overdue", "has_problems",
              "has_reporters", "uneven", "has_districts", "districts_tied", "single_project")
SEASON_FLAGS = ("early_year", "mid_year", "late_year")
PROBLEM_FLAGS = tuple(f"problem_{name}" for name in PROBLEM_TYPES)
KNOWN_FLAGS: frozenset[str] = frozenset(
    SITUATION_FLAGS + START_FLAGS + LIST_FLAGS + SEASON_FLAGS + PROBLEM_FLAGS
)


def _situation(gap: Decimal | None) -> set[str]:
    """Return ahead/behind/on_track/far_behind/slightly_behind for a gap in 百分点 (None: no
    completion rate)."""
    if gap is None:
        return set()
    if gap == 0:
        return {"on_track"}
    flags = {"ahead"} if gap > 0 else {"behind"}
    if gap <= FAR_BEHIND_POINTS:
        flags.add("far_behind")
    elif SLIGHTLY_BEHIND_POINTS < gap < 0:
        flags.add("slightly_behind")
    return flags


def _starts(projects: int, not_started: int) -> set[str]:
    """Return the flags about how many projects have not started."""
    if projects == 0:
        return set()
    if not_started == 0:
        return {"all_started"}
    share = Decimal(not_started) * 100 / projects
    if not_started == projects:
        return {"many_not_started", "none_started"}
    if share >= MANY_NOT_STARTED_PERCENT:
        return {"many_not_started"}
    if share < FEW_NOT_STARTED_PERCENT:
        return {"few_not_started"}
    return set()


def _season(month: int) -> str:
    if month <= EARLY_YEAR_LAST_MONTH:
        return "early_year"
    return "mid_year" if month <= MID_YEAR_LAST_MONTH else "late_year"


def district_rates(facts: Facts) -> list[Decimal]:
    """Return the completion rates of the districts that have one (best first)."""
    return [g.completion_rate for g in facts.by_district if g.completion_rate is not None]


def has_districts(facts: Facts) -> bool:
    """Return True when at least two districts have a completion rate, so that a document may
    compare districts (a county's own ledger, or one 乡镇's projects, has nothing to rank)."""
    return len(district_rates(facts)) >= 2


def is_uneven(facts: Facts) -> bool:
    """Return True when the best and worst ranked districts differ by UNEVEN_SPREAD_POINTS or more."""
    rates = district_rates(facts)
    return len(rates) >= 2 and max(rates) - min(rates) >= UNEVEN_SPREAD_POINTS


def _district_flags(facts: Facts) -> set[str]:
    """Return has_districts, and districts_tied when every district shares one rate (no best or
    worst to name), and uneven."""
    if not has_districts(facts):
        return set()
    flags = {"has_districts"}
    if len(set(district_rates(facts))) == 1:
        flags.add("districts_tied")
    if is_uneven(facts):
        flags.add("uneven")
    return flags


def compute_flags(facts: Facts) -> frozenset[str]:
    """Return the flags that hold for these facts (names as in docs/snippets.md)."""
    overall = facts.overall
    flags = _situation(overall.gap_points) | _starts(overall.projects, overall.not_started)
    flags.add("has_laggards" if facts.laggards else "no_laggards")
    if len(facts.laggards) == 1:
        flags.add("single_laggard")  # "部分项目…这些项目" would be wrong
    if overall.projects == 1:
        flags.add("single_project")
    if any("not_started_overdue" in lag.reasons for lag in facts.laggards):
        flags.add("has_overdue")
    if facts.problems:
        flags.add("has_problems")
        dominant = facts.problems[0].problem_type
        if dominant in PROBLEM_TYPES:
            flags.add(f"problem_{dominant}")
    if facts.meeting.reporters:
        flags.add("has_reporters")
    flags |= _district_flags(facts)
    flags.add(_season(facts.schedule.as_of.month))
    return frozenset(flags)
