"""The Facts: every figure a document may print, computed from the Dossier (Decimal, never str).

Units: money in 万元 (Decimal, unrounded sums); rates in percent rounded to 1 decimal
(see speechgen.rounding); differences in 百分点 from the rounded rates. ``None`` means the
figure does not exist (e.g. a completion rate with no annual plan), never zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from speechgen.errors import Problem
from speechgen.model import Meeting, Project, Stage

if TYPE_CHECKING:
    from speechgen.facts.changes import Changes

GroupBy = Literal["district", "owner", "leader", "nature", "category"]
LagReason = Literal["behind_schedule", "not_started_overdue"]

GROUP_LABELS: dict[GroupBy, str] = {
    "district": "县区",
    "owner": "责任单位",
    "leader": "包保领导",
    "nature": "建设性质",
    "category": "产业类别",
}
UNFILLED = "未填写"  # the group of projects with no value for the grouping key
REASON_LABELS: dict[LagReason, str] = {
    "behind_schedule": "投资进度滞后",
    "not_started_overdue": "逾期未开工",
}
# 问题类型 in the fixed order used for ties (and for documents listing them).
PROBLEM_TYPES: tuple[str, ...] = ("用地", "资金", "手续审批", "环评", "能耗", "征迁", "规划", "其他")


@dataclass(frozen=True)
class Schedule:
    """时序进度 (序时进度/时间进度) at ``as_of``.

    month basis: elapsed months ÷ 12 (5月底 → 41.7%); day basis: elapsed days including as_of ÷
    days in the year.
    """

    as_of: dt.date
    basis: Literal["month", "day"]
    months_elapsed: int  # complete months at as_of (5 at 5月31日; 4 at 5月20日)
    days_elapsed: int
    days_in_year: int
    progress: Decimal  # percent, 1 decimal


@dataclass(frozen=True)
class GroupFacts:
    """The same figures for the whole ledger or for one group (a 县区, 责任单位, 包保领导 …)."""

    key: str  # group value, e.g. "东城区"; the scope name (全市) for the whole ledger
    projects: int
    stage_counts: tuple[tuple[Stage, int], ...]  # all five stages in Stage order, zeros kept
    started: int  # 在建 + 竣工 + 投产
    not_started: int  # 前期 + 未开工
    start_rate: Decimal | None  # percent of projects started
    total: Decimal  # 总投资, 万元
    annual_plan: Decimal  # 年度计划投资, 万元
    completed: Decimal  # 完成投资, 万元
    completion_rate: Decimal | None  # completed ÷ annual_plan, percent
    gap_points: Decimal | None  # completion_rate − schedule progress, 百分点 (+ ahead, − behind)
    rank: int | None = None  # by completion_rate among its siblings, 1 = best; ties share (1,2,2,4);
    # None for the whole-ledger row and for a group without an annual plan (no rate, listed last)
    laggards: int = 0  # projects of this group in Facts.laggards

    def stage(self, stage: Stage) -> int:
        """Return the number of projects at a stage."""
        return dict(self.stage_counts)[stage]


@dataclass(frozen=True)
class Laggard:
    """A project behind: completion more than 10 百分点 (lag threshold) behind 时序进度, or not
    started after its planned start. Rules and their edge cases: facts/laggards.py."""

    project: Project
    completion_rate: Decimal | None
    gap_points: Decimal | None
    reasons: tuple[LagReason, ...]


@dataclass(frozen=True)
class ProblemCount:
    """How many projects report a problem of one type (用地/资金/手续审批/环评/能耗/征迁/规划/其他)."""

    problem_type: str
    count: int
    projects: tuple[str, ...]  # project names, ledger order


@dataclass(frozen=True)
class Remaining:
    """The rest of the year's task, in 万元 (exact; rounded only when printed).

    ``months_left`` counts the whole months after a month-end cut-off (1 at 11月底: 12月 alone);
    after a cut-off within a month the month under way is not whole, so ``per_month`` is None
    (a document then says "年底前还需完成…", not a monthly figure). ``to_half`` is what the plan
    still needs to reach half (0 once half is done).
    """

    amount: Decimal  # annual plan − completed, never below 0
    months_left: int
    per_month: Decimal | None  # amount ÷ months_left (unrounded), None when no whole month is left
    half_plan: Decimal  # annual plan ÷ 2
    to_half: Decimal  # half_plan − completed, never below 0


@dataclass(frozen=True)
class Facts:
    """Everything computed from one Dossier."""

    meeting: Meeting
    schedule: Schedule
    overall: GroupFacts
    by_district: tuple[GroupFacts, ...]  # ranked, best completion rate first
    laggards: tuple[Laggard, ...]  # worst gap first
    problems: tuple[ProblemCount, ...]  # most frequent first
    projects: tuple[Project, ...]
    lag_threshold_points: Decimal = Decimal(10)
    # Set by facts_for_group: these Facts cover one group only; ``group`` is that group's row
    # (with its rank) among ``siblings``, the ranked table of all groups of the same kind.
    group_by: GroupBy | None = None
    group: GroupFacts | None = None
    siblings: tuple[GroupFacts, ...] = ()
    warnings: tuple[Problem, ...] = ()  # the Dossier's warnings, passed through for reporting
    remaining: Remaining | None = None  # what is left of the year's plan (facts/remaining.py)
    changes: Changes | None = None  # against the previous period(s) (--previous; facts/compare.py)

    @property
    def dominant_problem(self) -> ProblemCount | None:
        """Return the most frequent problem type, or None when no project reports a problem."""
        return self.problems[0] if self.problems else None
