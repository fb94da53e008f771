"""compare_facts: this period's Facts against the previous periods' (oldest first) → Changes.

Every figure of a change is computed here from the two periods' own figures (the rounded rates
and gaps, so a reader who subtracts the printed 完成率 gets the printed 百分点): 本月完成 is the
difference of the 完成投资 sums, rank moves come from the two periods' rankings among the groups
of that period, and a laggard's streak counts the periods in a row it lagged, following each
project back through every ledger given (matched by 项目编号 or normalised name, facts/matching.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from speechgen.errors import Problem
from speechgen.facts.changes import (
    COMPARED_GROUPS,
    Changes,
    GroupChange,
    LaggardStreak,
    Period,
    ProjectChange,
)
from speechgen.facts.groups import group_key, summarize_groups
from speechgen.facts.laggards import project_rate
from speechgen.facts.matching import Matching, match_projects
from speechgen.facts.types import Facts, GroupBy, GroupFacts, Laggard
from speechgen.model import Project
from speechgen.rounding import WAN_PLACES, points, round_half_up


def group_change(now: GroupFacts, then: GroupFacts | None) -> GroupChange:
    """Return one group's change; ranks are those set on ``now`` and ``then``."""
    if then is None:
        return GroupChange(now.key, now, None, None, None, None, None, None, now.rank, None)
    rate = None
    if now.completion_rate is not None and then.completion_rate is not None:
        rate = points(now.completion_rate, then.completion_rate)
    gap = None
    if now.gap_points is not None and then.gap_points is not None:
        gap = points(now.gap_points, then.gap_points)
    move = None if now.rank is None or then.rank is None else then.rank - now.rank
    return GroupChange(now.key, now, then, now.completed - then.completed, rate, gap, now.started - then.started,
                       then.rank, now.rank, move)


def _rows(facts: Facts, by: GroupBy) -> tuple[GroupFacts, ...]:
    if by == "district":
        return facts.by_district
    return summarize_groups(facts.projects, by, facts.schedule, facts.laggards)


def _filled(projects: Sequence[Project], by: GroupBy) -> bool:
    return any(getattr(p, by) for p in projects)


def compare_facts(current: Facts, previous: Sequence[Facts], *, source: str | None = None,
                  sources: Sequence[str | None] = ()) -> tuple[Changes, tuple[Problem, ...]]:
    """Return the Changes of ``current`` (read from ``source``) against ``previous`` (oldest
    first, at least one; read from ``sources``) and the warnings the comparison finds (a 完成投资
    that went down). Raise InputError when a project matches two of another period
    (facts/matching.py)."""
    names = [name or _name(facts) for facts, name in zip(previous, [*sources, *[None] * len(previous)],
                                                            strict=False)]
    last = previous[-1]
    matching = match_projects(current.projects, last.projects, current_file=source or "本期台账",
                              previous_file=names[-1])
    chain = [match_projects(previous[i + 1].projects, previous[i].projects, current_file=names[i + 1],
                            previous_file=names[i]) for i in range(len(previous) - 1)]
    groups = []
    for by in COMPARED_GROUPS:
        if by != "district" and not _filled(current.projects, by):
            continue
        then = {row.key: row for row in _rows(last, by)}
        groups.append((by, tuple(group_change(row, then.get(row.key)) for row in _rows(current, by))))
    projects = tuple(
        ProjectChange(pair.now, pair.then, pair.by, pair.now.completed - pair.then.completed,
                      project_rate(pair.then), project_rate(pair.now))
        for pair in matching.pairs)
    new, cleared, continuing = _laggards(current, previous, matching, chain)
    changes = Changes(
        periods=tuple(Period(f.schedule.as_of, f.schedule.progress, name) for f, name in zip(previous, names,
                                                                                           strict=True)),
        overall=group_change(current.overall, replace(last.overall, key=current.overall.key)),
        groups=tuple(groups),
        projects=projects,
        added=matching.added,
        removed=matching.removed,
        new_laggards=new,
        cleared=cleared,
        continuing=continuing,
    )
    warnings = tuple(
        Problem(f"“{c.now.name}”完成投资由上期的{_wan(c.then.completed)}减少为{_wan(c.now.completed)}",
                file=source, row=c.now.row, column="完成投资", severity="warning",
                hint="累计完成投资一般不会减少，多是台账更正；请核对两期台账")
        for c in projects if c.completed_increase < 0)
    return changes, warnings


def _wan(amount: Decimal) -> str:
    """Return an amount in 万元 for a message ("1200万元"; facts/ does not import zh)."""
    return f"{round_half_up(amount, WAN_PLACES).normalize():f}万元"


def _name(facts: Facts) -> str:
    return f"数据截至{facts.schedule.as_of.month}月{facts.schedule.as_of.day}日的台账"


def _laggards(current: Facts, previous: Sequence[Facts], matching: Matching,
              chain: Sequence[Matching]) -> tuple[tuple[Laggard, ...], tuple[Project, ...], tuple[LaggardStreak, ...]]:
    """Return the new laggards, the previous laggards no longer lagging (摘帽) and the streaks."""
    lagging = [{id(lag.project) for lag in facts.laggards} for facts in previous]
    new: list[Laggard] = []
    streaks: list[tuple[int, LaggardStreak]] = []
    for index, laggard in enumerate(current.laggards):
        periods, project = 1, matching.then_of(laggard.project)
        level = len(previous) - 1
        while project is not None and id(project) in lagging[level]:
            periods += 1
            project = chain[level - 1].then_of(project) if level > 0 else None
            level -= 1
        if periods == 1:
            new.append(laggard)
        else:
            streaks.append((index, LaggardStreak(laggard, periods)))
    streaks.sort(key=lambda item: (-item[1].periods, item[0]))
    now_lagging = {id(lag.project) for lag in current.laggards}
    cleared = tuple(
        lag.project for lag in previous[-1].laggards
        if (now := matching.now_of(lag.project)) is not None and id(now) not in now_lagging)
    return tuple(new), cleared, tuple(s for _, s in streaks)


def scope_changes(changes: Changes | None, by: GroupBy, key: str) -> Changes | None:
    """Return the Changes of one group's projects: its own row as ``overall`` (ranked among its
    peers), its projects, laggards and streaks; ``groups`` stay the whole ledger's (the peers).
    None when there are no changes or the grouping was not compared."""
    row = None if changes is None else changes.row(by, key)
    if changes is None or row is None:
        return None

    def mine(project: Project) -> bool:
        return group_key(project, by) == key

    return replace(
        changes,
        overall=row,
        projects=tuple(c for c in changes.projects if mine(c.now)),
        added=tuple(p for p in changes.added if mine(p)),
        removed=tuple(p for p in changes.removed if mine(p)),
        new_laggards=tuple(lag for lag in changes.new_laggards if mine(lag.project)),
        cleared=tuple(p for p in changes.cleared if mine(p)),
        continuing=tuple(s for s in changes.continuing if mine(s.laggard.project)),
    )
