"""What a 督办通知 (supervision) and a 督办单 (sheet) say of one unit or project, decided from its
facts: the tone (督办 / 提醒 / 鼓励), its place among its peers, and for each project behind what is
wrong and what must be done.

The tone follows the data, never the other way round, and is read from the group's observations
(compose/observe: the same judgement the other kinds' passages need): a unit ``behind`` 时序进度
is 督办 (``urge``); one ahead of or level with it but with a project 滞后 or 逾期未开工
(``has_laggards``) gets a 提醒 (``remind``) that names those projects without a word of blame for
the unit; one with nothing behind gets 鼓励 (``encourage``, only made with --only all). A project
is ``urge`` when it is a laggard, ``remind`` otherwise. The passages the template picks need the
same observations (snippets/supervision_*.yaml), so a unit ahead never draws a scolding one.
What must be done comes from why a project is behind and what its ledger row says stands in its
way (问题类型): the remedies below, one vocabulary for both kinds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Literal

from speechgen.compose.observe import Observations
from speechgen.errors import InputError, Problem
from speechgen.facts.laggards import project_rate
from speechgen.facts.types import GROUP_LABELS, UNFILLED, Facts, GroupFacts, Laggard
from speechgen.model import Project
from speechgen.rounding import points
from speechgen.zh.change import period_noun, periods_phrase
from speechgen.zh.people import spoken_person

Tone = Literal["urge", "remind", "encourage"]
SUPERVISION_KINDS = ("supervision", "sheet")

# What must be done, by why the project is behind …
REASON_REMEDIES: dict[str, str] = {
    "behind_schedule": "倒排工期、加大投入，尽快追上时序进度",
    "not_started_overdue": "加快办理前期手续、落实开工条件，尽早开工建设",
}
# … and by what its ledger row says stands in its way (问题类型).
PROBLEM_REMEDIES: dict[str, str] = {
    "用地": "加快用地报批和土地供应",
    "资金": "多渠道落实建设资金",
    "手续审批": "加快办理审批手续",
    "环评": "加快环评审批",
    "能耗": "落实能耗指标",
    "征迁": "加快征地拆迁和交地",
    "规划": "加快规划调整和审批",
    "其他": "逐项研究解决台账反映的问题",
}
# Peers a unit is ranked among ("在全市6个县区中居第5位"): the measure word of each grouping.
PEER_MEASURES: dict[str, str] = {"district": "个", "owner": "个", "leader": "位"}


@dataclass(frozen=True)
class Supervised:
    """One project a 督办通知 or 督办单 names: its figures, why it is behind (labels of
    facts.REASON_LABELS' kind, empty when it is not a laggard), and what must be done."""

    project: Project
    rate: Decimal | None
    gap: Decimal | None  # 百分点 against 时序进度, from the rounded rate (None: no rate)
    laggard: Laggard | None
    overdue: bool
    behind: bool
    remedies: tuple[str, ...]
    problem: str | None  # the ledger's 存在问题, without its closing punctuation (the sentence adds its own)
    streak: int = 0  # periods in a row it has lagged (with --previous; 0 without, 1 newly lagging)
    streak_text: str = ""  # "连续两个月滞后" when it lagged in the previous period too


@dataclass(frozen=True)
class Peers:
    """A unit's place among the units of its kind: "在全市6个县区中居第5位" (``tied``: 并列)."""

    label: str
    measure: str
    count: int
    rank: int
    tied: bool


def tone_of(facts: Facts, observations: Observations) -> Tone:
    """Return the tone of the document for these facts and their observations (see the module
    docstring)."""
    if facts.group_by is None and len(facts.projects) == 1:  # one project: a 督办单, or per project
        return "urge" if observations.holds("has_laggards") else "remind"
    if observations.holds("behind"):
        return "urge"
    return "remind" if observations.holds("has_laggards") else "encourage"


def supervised(facts: Facts) -> list[Supervised]:
    """Return the laggards, each with what must be done: worst first, as the facts order them —
    but with a previous period (--previous), those lagging in consecutive periods (连续滞后) come
    first, the longest streak first."""
    items = [_supervised(lag.project, lag, facts) for lag in facts.laggards]
    if facts.changes is None:
        return items
    streaks = {id(s.laggard.project): s.periods for s in facts.changes.continuing}
    noun = period_noun(facts.changes.previous.as_of, facts.schedule.as_of)
    items = [replace(item, streak=streaks.get(id(item.project), 1),
                     streak_text=f"{periods_phrase(streaks[id(item.project)], noun)}滞后"
                     if id(item.project) in streaks else "") for item in items]
    return sorted(items, key=lambda item: -item.streak)  # stable: the facts' order within a streak


def below_schedule(facts: Facts) -> list[Supervised]:
    """Return the projects whose rate is below 时序进度 although not 滞后 (within the lag
    threshold), lowest first: what a unit behind without a laggard is told to look at."""
    lagging = {lag.project.name for lag in facts.laggards}
    found = [_supervised(p, None, facts) for p in facts.projects if p.name not in lagging]
    slow = [item for item in found if item.gap is not None and item.gap < 0]
    return sorted(slow, key=lambda item: item.gap or Decimal(0))


def _supervised(project: Project, laggard: Laggard | None, facts: Facts) -> Supervised:
    rate = project_rate(project)
    gap = None if rate is None else points(rate, facts.schedule.progress)
    reasons = laggard.reasons if laggard else ()
    # not started: its start comes first ("追上时序进度" would ask for what it cannot do yet)
    remedies = [REASON_REMEDIES[reason] for reason in reasons
                if not (reason == "behind_schedule" and "not_started_overdue" in reasons)]
    if project.problem_type in PROBLEM_REMEDIES:
        remedies.append(PROBLEM_REMEDIES[project.problem_type])
    elif project.problem:
        remedies.append(PROBLEM_REMEDIES["其他"])
    if not remedies:
        remedies.append(REASON_REMEDIES["behind_schedule"] if gap is not None and gap < 0
                        else "保持建设节奏，确保按计划完成年度投资")
    problem = (project.problem or "").strip().rstrip("。；;，,.") or None
    return Supervised(project, rate, gap, laggard, "not_started_overdue" in reasons,
                      "behind_schedule" in reasons, tuple(remedies), problem)


def peers(facts: Facts) -> Peers | None:
    """Return the unit's place among its peers; None for a project, a unit without a rank (no
    annual plan), or a unit without peers."""
    group = facts.group
    if facts.group_by not in PEER_MEASURES or group is None or group.rank is None or group.key == UNFILLED:
        return None
    # ranked among the units that have a rate and a name: projects without one (未填写) are no peer
    ranked: list[GroupFacts] = [g for g in facts.siblings if g.rank is not None and g.key != UNFILLED]
    if len(ranked) < 2:
        return None
    rank = 1 + sum(1 for g in ranked if g.rank is not None and g.rank < group.rank)  # competition ranking
    tied = sum(1 for g in ranked if g.rank == group.rank) > 1
    label = "县区" if facts.group_by == "district" else GROUP_LABELS[facts.group_by]
    return Peers(label, PEER_MEASURES[facts.group_by], len(ranked), rank, tied)


def subject(facts: Facts) -> Supervised | None:
    """Return the one project of a 督办单 (the first of the facts' projects), laggard or not."""
    if not facts.projects:
        return None
    project = facts.projects[0]
    laggard = next((lag for lag in facts.laggards if lag.project == project), None)
    return _supervised(project, laggard, facts)


def unit_name(facts: Facts) -> str:
    """Return how the document names its unit: the group's name, a 包保领导's as "赵文清副市长包保"
    (the projects are theirs to 包保; "赵文清（副市长）重点项目" is no phrase)."""
    key = facts.overall.key
    return f"{spoken_person(key)}包保" if facts.group_by == "leader" and key != UNFILLED else key


def supervision_values(facts: Facts, kind: str, observations: Observations) -> dict[str, Any]:
    """Return what the supervision and sheet templates see besides the usual context; InputError
    for a 督办单 of anything but one project."""
    if kind == "sheet" and len(facts.projects) != 1:
        raise InputError(Problem(f"督办单一个项目一张，台账中有{len(facts.projects)}个项目",
                                 hint="请用 speechgen batch sheet --per project 为每个项目生成一张；"
                                      "按县区或单位督办请用 supervision（督办通知）"))
    return {
        "tone": tone_of(facts, observations),
        "supervised": supervised(facts),
        "below_schedule": below_schedule(facts),
        "peers": peers(facts),
        "subject": subject(facts),
        "city_scope": facts.meeting.scope,
        "unit_name": unit_name(facts),
    }
