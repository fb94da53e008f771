"""compute_facts and its group views: the one entry from a Dossier to its Facts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from speechgen.errors import InputError, Problem
from speechgen.facts.changes import Changes
from speechgen.facts.compare import compare_facts, scope_changes
from speechgen.facts.groups import group_key, split_by, summarize, summarize_groups
from speechgen.facts.laggards import find_laggards
from speechgen.facts.problems import count_problems
from speechgen.facts.remaining import compute_remaining
from speechgen.facts.schedule import compute_schedule
from speechgen.facts.types import GROUP_LABELS, Facts, GroupBy, GroupFacts
from speechgen.model import Dossier, Project

DEFAULT_LAG_THRESHOLD = Decimal(10)  # 百分点 behind 时序进度 before a project counts as 滞后


def compute_facts(dossier: Dossier, *, lag_threshold: Decimal = DEFAULT_LAG_THRESHOLD,
                  previous: Sequence[Dossier] = ()) -> Facts:
    """Return every figure the documents need, computed from the Dossier.

    Money stays in 万元 (exact sums); rates are percent to 1 decimal; gaps are in 百分点 from the
    rounded rates; ``lag_threshold`` is in 百分点 (a project is 滞后 when more than that behind).
    The output depends only on the input: every list has a fixed, documented order.
    ``previous`` are the Dossiers of earlier periods, oldest first (their meetings' ``as_of`` the
    periods' cut-offs): ``changes`` compares with them (facts/compare.py) and its warnings join
    the Facts' own.
    """
    if lag_threshold < 0:
        raise ValueError("lag_threshold must be ≥ 0 百分点")
    meeting = dossier.meeting
    projects = dossier.projects
    schedule = compute_schedule(meeting.as_of, meeting.schedule_basis)
    laggards = find_laggards(projects, schedule, lag_threshold)
    overall = summarize(meeting.scope, projects, schedule, len(laggards))
    facts = Facts(
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
    if not previous:
        return facts
    earlier = [compute_facts(d, lag_threshold=lag_threshold) for d in previous]
    changes, warnings = compare_facts(facts, earlier, source=dossier.source, sources=[d.source for d in previous])
    extra = tuple(w for d in previous for w in d.warnings) + warnings
    return replace(facts, changes=changes, warnings=facts.warnings + extra)


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
    dossier: Dossier, by: GroupBy, key: str, *, lag_threshold: Decimal = DEFAULT_LAG_THRESHOLD,
    previous: Sequence[Dossier] = (),
) -> Facts:
    """Return the Facts of one group's projects only (e.g. one 县区, for its own notice).

    ``overall`` carries the group's key; ``group`` is the group's row ranked among ``siblings``
    (all groups of the same kind over the whole Dossier), so a notice can say "排名第3".
    Raises InputError naming the groups that exist when ``key`` matches no project.
    """
    whole = compute_facts(dossier, lag_threshold=lag_threshold, previous=previous)
    siblings = group_facts(whole, by)
    row = next((g for g in siblings if g.key == key), None)
    if row is None:
        label = GROUP_LABELS[by]
        raise InputError(Problem(
            message=f"台账中没有{label}为“{key}”的项目",
            hint=f"可选的{label}有：{'、'.join(g.key for g in siblings) or '（无）'}",
        ))
    members = tuple(p for p in dossier.projects if group_key(p, by) == key)
    return _scoped(dossier, members, by, row, siblings, lag_threshold, whole.changes)


def facts_by_group(
    dossier: Dossier, by: GroupBy, *, lag_threshold: Decimal = DEFAULT_LAG_THRESHOLD,
    previous: Sequence[Dossier] = (), whole: Facts | None = None,
) -> tuple[Facts, ...]:
    """Return facts_for_group for every group of ``by``, in rank order (one pass over the Dossier,
    for batches of one document per group); ``whole`` are the Dossier's Facts when already computed."""
    whole = whole or compute_facts(dossier, lag_threshold=lag_threshold, previous=previous)
    siblings = group_facts(whole, by)
    members = split_by(dossier.projects, by)
    return tuple(
        _scoped(dossier, tuple(members[row.key]), by, row, siblings, lag_threshold, whole.changes)
        for row in siblings
    )


def _scoped(
    dossier: Dossier,
    members: tuple[Project, ...],
    by: GroupBy,
    row: GroupFacts,
    siblings: tuple[GroupFacts, ...],
    lag_threshold: Decimal,
    changes: Changes | None = None,
) -> Facts:
    """Return the Facts of ``members`` labelled as the group ``row`` among ``siblings`` (and
    the group's share of the whole's ``changes``)."""
    facts = compute_facts(dossier.model_copy(update={"projects": members}), lag_threshold=lag_threshold)
    return replace(facts, overall=replace(facts.overall, key=row.key), group_by=by, group=row, siblings=siblings,
                   changes=scope_changes(changes, by, row.key))
