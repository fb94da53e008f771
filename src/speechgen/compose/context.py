"""Facts → the names a snippet may use (docs/snippets.md), every figure formatted by speechgen.zh."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from speechgen import zh
from speechgen.compose.filters import md_escape
from speechgen.facts.types import Facts, GroupFacts
from speechgen.model import Stage

MAX_NAMED_PROJECTS = zh.MAX_NAMED  # laggard_names / overdue_names list at most this many, then "等"
MAX_NAMED_DISTRICTS = 3  # top_districts / bottom_districts

CONTEXT_NAMES: tuple[str, ...] = (
    "region", "scope", "level", "gov", "office", "speaker", "reporters_text", "date_text", "year",
    "as_of_text", "period", "n_projects", "n_started", "n_not_started", "n_preparation",
    "n_unstarted", "n_building", "n_completed", "n_operating", "n_suspended", "n_deferred", "start_rate",
    "total_amount", "plan_amount", "completed_amount", "completion_rate", "schedule_rate", "gap_points",
    "vs_schedule", "n_districts", "best_district", "best_district_rate", "worst_district",
    "worst_district_rate", "top_districts", "bottom_districts", "n_districts_ahead",
    "n_districts_behind", "districts_ahead", "districts_behind", "n_laggards", "laggard_names",
    "n_overdue", "overdue_names", "dominant_problem", "dominant_problem_count",
    "problem_types_text", "n_problem_projects",
)

# The context names that print a figure or a list of names, keyed by what they print
# (vs_schedule and gap_points print the same gap). The chooser uses them to keep one figure or
# one list of lagging projects from being repeated all over a document.
FIGURE_KEYS: dict[str, str] = {
    **{name: name for name in (
        "n_projects", "n_started", "n_not_started", "n_preparation", "n_unstarted", "n_building",
        "n_completed", "n_operating", "n_suspended", "n_deferred", "start_rate", "total_amount", "plan_amount",
        "completed_amount", "completion_rate", "schedule_rate", "n_districts",
        "best_district_rate", "worst_district_rate", "n_districts_ahead", "n_districts_behind",
        "n_laggards", "n_overdue", "dominant_problem_count", "n_problem_projects",
    )},
    "gap_points": "gap",
    "vs_schedule": "gap",
    "laggard_names": "laggard_names",
    "overdue_names": "overdue_names",
}


def name_list(names: Sequence[str], limit: int = MAX_NAMED_PROJECTS) -> str:
    """Return "甲、乙、丙" or, beyond ``limit`` names, "甲、乙、丙、丁、戊等" (escaped for Markdown)."""
    return zh.named_series([md_escape(name) for name in names], limit)


def reporters_text(reporters: Sequence[str]) -> str:
    """Return "甲、乙和丙"; all with "、" when a name itself contains 和 (市自然资源和规划局)."""
    names = [md_escape(r) for r in reporters]
    return zh.join_zh(names, conj="、" if any("和" in n for n in names) else "和")


def _joined(groups: Sequence[GroupFacts]) -> str:
    return zh.join_zh(md_escape(g.key) for g in groups)


def _tied_at(ranked: Sequence[GroupFacts], rank: int | None) -> list[GroupFacts]:
    """Return the districts sharing one rank (ties are ranked 1, 1, 3 by the facts layer)."""
    return [g for g in ranked if g.rank == rank]


def _districts(facts: Facts) -> dict[str, Any]:
    """Return the district names and rates: best/worst among those with a rank (every district
    sharing the first or last rank is named); top/bottom at most half of them each, so that a
    district is never among both."""
    ranked = [g for g in facts.by_district if g.rank is not None]
    best = _tied_at(ranked, ranked[0].rank) if ranked else []
    worst = _tied_at(ranked, ranked[-1].rank) if ranked else []
    half = min(MAX_NAMED_DISTRICTS, max(1, len(ranked) // 2))
    ahead = [g for g in ranked if g.gap_points is not None and g.gap_points > 0]
    behind = [g for g in ranked if g.gap_points is not None and g.gap_points < 0]
    return {
        "n_districts": len(facts.by_district),
        "best_district": _joined(best),
        "best_district_rate": zh.format_percent(best[0].completion_rate if best else None),
        "worst_district": _joined(worst),
        "worst_district_rate": zh.format_percent(worst[0].completion_rate if worst else None),
        "top_districts": _joined(ranked[:half]),
        "bottom_districts": _joined(ranked[-half:][::-1]) if ranked else "",
        "n_districts_ahead": len(ahead),
        "n_districts_behind": len(behind),
        "districts_ahead": _joined(ahead),
        "districts_behind": _joined(behind),
    }


def _problems(facts: Facts) -> dict[str, Any]:
    dominant = facts.dominant_problem
    reporting = {name for problem in facts.problems for name in problem.projects}
    return {
        "dominant_problem": md_escape(dominant.problem_type) if dominant else "",
        "dominant_problem_count": dominant.count if dominant else 0,
        # "用地、资金和征迁", with 等 only when more types were reported than named
        "problem_types_text": zh.join_zh(md_escape(p.problem_type) for p in facts.problems[:3])
        + ("等" if len(facts.problems) > 3 else ""),
        "n_problem_projects": len(reporting),
    }


def _laggards(facts: Facts) -> dict[str, Any]:
    overdue = [lag.project.name for lag in facts.laggards if "not_started_overdue" in lag.reasons]
    return {
        "n_laggards": len(facts.laggards),
        "laggard_names": name_list([lag.project.name for lag in facts.laggards]),
        "n_overdue": len(overdue),
        "overdue_names": name_list(overdue),
    }


def _overall(facts: Facts) -> dict[str, Any]:
    o = facts.overall
    gap = o.gap_points
    return {
        "n_projects": o.projects,
        "n_started": o.started,
        "n_not_started": o.not_started,
        "n_preparation": o.stage(Stage.PREPARATION),
        "n_unstarted": o.stage(Stage.NOT_STARTED),
        "n_building": o.stage(Stage.UNDER_CONSTRUCTION),
        "n_completed": o.stage(Stage.COMPLETED),
        "n_operating": o.stage(Stage.OPERATING),
        "n_suspended": o.stage(Stage.SUSPENDED),
        "n_deferred": o.stage(Stage.DEFERRED),
        "start_rate": zh.format_percent(o.start_rate),
        "total_amount": zh.format_amount(o.total),
        "plan_amount": zh.format_amount(o.annual_plan),
        "completed_amount": zh.format_amount(o.completed),
        "completion_rate": zh.format_percent(o.completion_rate),
        "schedule_rate": zh.format_percent(facts.schedule.progress),
        "gap_points": "" if gap is None else zh.format_points(gap),
        "vs_schedule": "" if gap is None else zh.compare_phrase(gap),
    }


def build_context(facts: Facts) -> dict[str, Any]:
    """Return exactly the CONTEXT_NAMES, formatted (counts stay int; "" when a figure is absent)."""
    meeting = facts.meeting
    context: dict[str, Any] = {
        "region": md_escape(meeting.region),
        "scope": md_escape(facts.overall.key),
        "level": meeting.level,
        "gov": f"{meeting.level}政府",
        "office": f"{meeting.level}重点项目办",
        "speaker": md_escape(meeting.speaker or ""),
        "reporters_text": reporters_text(meeting.reporters),
        "date_text": zh.format_date(meeting.date),
        "year": facts.schedule.as_of.year,
        "as_of_text": zh.format_month_end(facts.schedule.as_of),
        "period": zh.format_period(facts.schedule.as_of),
        **_overall(facts),
        **_districts(facts),
        **_laggards(facts),
        **_problems(facts),
    }
    return context
