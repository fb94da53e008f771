"""GroupFacts: the same figures for the whole ledger or any group of it, and their ranking."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from speechgen.facts.types import UNFILLED, GroupBy, GroupFacts, Laggard, Schedule
from speechgen.model import Project, Stage
from speechgen.rounding import percent, points


def group_key(project: Project, by: GroupBy) -> str:
    """Return the project's value for the grouping key; "未填写" when it is empty or missing."""
    value = getattr(project, by)
    text = value.strip() if isinstance(value, str) else ""
    return text or UNFILLED


def split_by(projects: Iterable[Project], by: GroupBy) -> dict[str, list[Project]]:
    """Return the projects grouped by key, keys in order of first appearance in the ledger."""
    groups: dict[str, list[Project]] = {}
    for project in projects:
        groups.setdefault(group_key(project, by), []).append(project)
    return groups


def summarize(key: str, projects: Sequence[Project], schedule: Schedule, laggards: int = 0) -> GroupFacts:
    """Return the figures of one set of projects: counts by stage, sums in 万元 (exact, unrounded),
    start rate and completion rate in percent (None without a denominator), gap in 百分点 against
    the 时序进度 computed from the rounded rates."""
    counts = {stage: 0 for stage in Stage}
    for project in projects:
        counts[project.status] += 1
    started = sum(n for stage, n in counts.items() if stage.started)
    annual_plan = sum((p.annual_plan for p in projects), Decimal(0))
    completed = sum((p.completed for p in projects), Decimal(0))
    rate = percent(completed, annual_plan)
    return GroupFacts(
        key=key,
        projects=len(projects),
        stage_counts=tuple(counts.items()),
        started=started,
        not_started=len(projects) - started,
        start_rate=percent(started, len(projects)),
        total=sum((p.total for p in projects), Decimal(0)),
        annual_plan=annual_plan,
        completed=completed,
        completion_rate=rate,
        gap_points=None if rate is None else points(rate, schedule.progress),
        laggards=laggards,
    )


def rank_groups(groups: Sequence[GroupFacts]) -> tuple[GroupFacts, ...]:
    """Return the groups ranked by completion rate, best first, with ``rank`` set.

    Competition ranking on the rounded (printed) rates: equal rates share a rank and the next
    rank skips (1, 2, 2, 4). Ties keep their input order. A group without a completion rate
    (no annual plan) has rank None ("—" in tables) and is placed after every ranked group.
    """
    rated = [g for g in groups if g.completion_rate is not None]
    unrated = [g for g in groups if g.completion_rate is None]
    rated.sort(key=lambda g: -g.completion_rate)  # type: ignore[operator]  # stable: ties keep order
    ranked: list[GroupFacts] = []
    for index, group in enumerate(rated):
        same_as_previous = index > 0 and group.completion_rate == rated[index - 1].completion_rate
        rank = ranked[-1].rank if same_as_previous else index + 1
        ranked.append(replace(group, rank=rank))
    ranked.extend(replace(g, rank=None) for g in unrated)
    return tuple(ranked)


def summarize_groups(
    projects: Sequence[Project], by: GroupBy, schedule: Schedule, laggards: Sequence[Laggard]
) -> tuple[GroupFacts, ...]:
    """Return one ranked GroupFacts per value of ``by`` (see rank_groups for the order)."""
    lagging: dict[str, int] = {}
    for laggard in laggards:
        key = group_key(laggard.project, by)
        lagging[key] = lagging.get(key, 0) + 1
    groups = [
        summarize(key, members, schedule, lagging.get(key, 0))
        for key, members in split_by(projects, by).items()
    ]
    return rank_groups(groups)
