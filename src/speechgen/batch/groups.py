"""The groups of a batch: one per 县区 / 责任单位 / 包保领导 / project, in ledger order, with their
own facts; which of them --only keeps (and why the others are skipped); the --shard slices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from speechgen.errors import InputError, Problem
from speechgen.facts import DEFAULT_LAG_THRESHOLD, UNFILLED, Facts, compute_facts, facts_by_group
from speechgen.facts.groups import group_key
from speechgen.model import Dossier, Project

Per = Literal["district", "owner", "leader", "project"]
Only = Literal["lagging", "overdue", "all"]
PER_LABELS: dict[Per, str] = {"district": "县区", "owner": "责任单位", "leader": "包保领导", "project": "项目"}
ONLY_LABELS: dict[Only, str] = {
    "lagging": "有滞后或逾期未开工项目、或完成率慢于时序进度的",
    "overdue": "有逾期未开工项目的",
    "all": "全部",
}


@dataclass(frozen=True)
class Group:
    """One document's worth of the ledger: the group's name, its figures (a 县区's, 责任单位's or
    包保领导's ranked among its siblings; a project's own), and the project of a per-project group."""

    per: Per
    key: str
    facts: Facts
    project: Project | None = None


def groups_of(dossier: Dossier, per: Per, *, lag_threshold: Decimal = DEFAULT_LAG_THRESHOLD,
              previous: Sequence[Dossier] = ()) -> list[Group]:
    """Return the groups in the order the ledger lists them (a group where its first project is;
    projects in ledger order): the stable order in which documents are numbered. With ``previous``
    a unit's Facts carry its changes (a project's document is not compared)."""
    if per == "project":
        return [Group(per, project.name, _project_facts(dossier, project, lag_threshold), project)
                for project in dossier.projects]
    every = {facts.overall.key: facts for facts in facts_by_group(dossier, per, lag_threshold=lag_threshold,
                                                                        previous=previous)}
    ledger_order = dict.fromkeys(group_key(project, per) for project in dossier.projects)
    return [Group(per, key, every[key]) for key in ledger_order]


def _project_facts(dossier: Dossier, project: Project, lag_threshold: Decimal) -> Facts:
    """Return the figures of one project alone (its rate, its laggard reasons, its problem), named
    after the project (``overall.key``, a template's ``scope``)."""
    facts = compute_facts(dossier.model_copy(update={"projects": (project,)}), lag_threshold=lag_threshold)
    return replace(facts, overall=replace(facts.overall, key=project.name))


def skip_reason(group: Group, only: Only) -> str | None:
    """Return why --only leaves the group out (Chinese, for the manifest), or None to make it.

    ``lagging``: a unit with a 滞后 or 逾期未开工 project, or whose completion rate is behind the
    时序进度; a project that is itself 滞后 or 逾期未开工. ``overdue``: a unit with, or a project
    that is, 逾期未开工. ``all``: every group. The projects without a 县区 / 责任单位 / 包保领导
    (未填写) are never a unit's document: there is no one to address it to.
    """
    facts = group.facts
    if group.per != "project" and group.key == UNFILLED:  # no unit to send it to, whatever --only says
        return f"台账中这些项目没有填写{PER_LABELS[group.per]}，无从主送；请在台账中补填"
    overdue = any("not_started_overdue" in lag.reasons for lag in facts.laggards)
    if only == "all":
        return None
    if only == "overdue":
        if overdue:
            return None
        return "不是逾期未开工项目" if group.per == "project" else "没有逾期未开工的项目"
    if facts.laggards:
        return None
    if group.per == "project":
        return "不是滞后或逾期未开工项目，无需督办"
    gap = facts.overall.gap_points
    if gap is not None and gap < 0:
        return None
    return "完成率不慢于时序进度，且没有滞后或逾期未开工的项目，无需督办"


def parse_shard(text: str) -> tuple[int, int]:
    """Return (i, n) from "i/n" (1 ≤ i ≤ n); InputError with the form otherwise."""
    parts = text.strip().split("/")
    if len(parts) == 2 and all(part.strip().isdigit() for part in parts):
        index, count = (int(part) for part in parts)
        if 1 <= index <= count:
            return index, count
    raise InputError(Problem(f"--shard “{text}”的写法不对", column="--shard",
                             hint="应写成“第几份/共几份”，如“--shard 2/4”表示共分4份中的第2份"))


def shard_range(total: int, shard: tuple[int, int] | None) -> range:
    """Return the positions (0-based, in numbering order) of the i-th of n contiguous slices of
    ``total`` documents; slices differ in size by one at most, and together cover every document
    once. Without a shard: all of them."""
    if shard is None:
        return range(total)
    index, count = shard
    return range((index - 1) * total // count, index * total // count)
