"""compute_facts and its group views: the one entry from a Dossier to its Facts."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from speechgen.errors import InputError, Problem
from speechgen.facts.groups import group_key, split_by, summarize, summarize_groups
from speechgen.facts.laggards import find_laggards
from speechgen.facts.problems import count_problems
from speechgen.facts.remaining import compute_remaining
from speechgen.facts.schedule import compute_schedule
from speechgen.facts.types import GROUP_LABELS, Facts, GroupBy, GroupFacts
from speechgen.model import Dossier, Project

DEFAULT_LAG_THRESHOLD = Decimal(10)  # 百分点 behind 时序进度 before a project counts as 滞后


def compute_facts(dossier: Dossier, *, lag_threshold: Decimal = DEFAULT_LAG_THRESHOLD) -> Facts:
    """Return every figure the documents need, computed from the Dossier.

    Money stays in 万元 (exact sums); rates are percent to 1 decimal; gaps are in 百分点 from the
    rounded rates; ``lag_threshold`` is in 百分点 (a project is 滞后 when more than that behind).
    The output depends only on the input: every list has a fixed, documented order.
    """
    if lag_threshold < 0:
        raise ValueError("lag_threshold must be ≥ 0 百分点")
    meeting = dossier.meeting
    projects = dossier.projects
    schedule = compute_schedule(meeting.as_of, meeting.schedule_basis)
    laggards = find_laggards(projects, schedule, lag_threshold)
    overall = summarize(meeting.scope, projects, schedule, len(laggards))
    return Facts(
        meeting=meeting,
        schedule=schedule,
        overall=overall,
        by_district=summarize_groups(projects, "district", schedule, laggards),
        laggards=laggards,
        problems=count_problems(projects),
        projects=projects,
        lag_threshold_points=lag_threshold,
        warnings=dossier.warnings,
        remaining=compute_remaining(overall, schedule),
    )


def group_facts(source: Facts | Dossier, by: GroupBy) -> tuple[GroupFacts, ...]:
    """Return one GroupFacts per value of ``by`` (县区/责任单位/包保领导/建设性质/产业类别),
    ranked by completion rate, best first (ties share a rank; no annual plan → rank None, last).

    Projects with no value for the key form the group "未填写". A Dossier is first turned into
    Facts with the default lag threshold.
    """
    facts = source if isinstance(source, Facts) else compute_facts(source)
    if by == "district":
        return facts.by_district
    return summarize_groups(facts.projects, by, facts.schedule, facts.laggards)


def facts_for_group(
    dossier: Dossier, by: GroupBy, key: str, *, lag_threshold: Decimal = DEFAULT_LAG_THRESHOLD
) -> Facts:
    """Return the Facts of one group's projects only (e.g. one 县区, for its own notice).

    ``overall`` carries the group's key; ``group`` is the group's row ranked among ``siblings``
    (all groups of the same kind over the whole Dossier), so a notice can say "排名第3".
    Raises InputError naming the groups that exist when ``key`` matches no project.
    """
    siblings = group_facts(compute_facts(dossier, lag_threshold=lag_threshold), by)
    row = next((g for g in siblings if g.key == key), None)
    if row is None:
        label = GROUP_LABELS[by]
        raise InputError(Problem(
            message=f"台账中没有{label}为“{key}”的项目",
            hint=f"可选的{label}有：{'、'.join(g.key for g in siblings) or '（无）'}",
        ))
    members = tuple(p for p in dossier.projects if group_key(p, by) == key)
    return _scoped(dossier, members, by, row, siblings, lag_threshold)


def facts_by_group(
    dossier: Dossier, by: GroupBy, *, lag_threshold: Decimal = DEFAULT_LAG_THRESHOLD
) -> tuple[Facts, ...]:
    """Return facts_for_group for every group of ``by``, in rank order (one pass over the Dossier,
    for batches of one document per group)."""
    siblings = group_facts(compute_facts(dossier, lag_threshold=lag_threshold), by)
    members = split_by(dossier.projects, by)
    return tuple(
        _scoped(dossier, tuple(members[row.key]), by, row, siblings, lag_threshold) for row in siblings
    )


def _scoped(
    dossier: Dossier,
    members: tuple[Project, ...],
    by: GroupBy,
    row: GroupFacts,
    siblings: tuple[GroupFacts, ...],
    lag_threshold: Decimal,
) -> Facts:
    """Return the Facts of ``members`` labelled as the group ``row`` among ``siblings``."""
    facts = compute_facts(dossier.model_copy(update={"projects": members}), lag_threshold=lag_threshold)
    return replace(facts, overall=replace(facts.overall, key=row.key), group_by=by, group=row, siblings=siblings)
