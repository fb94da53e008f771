"""The Changes: this period's figures against the previous period's (``--previous``), computed
in facts/compare.py. Decimal, never strings; None where a figure does not exist (a group new this
period has no previous rate, so no rate change and no rank move).

Signs: ``rate_change`` and ``gap_change`` in 百分点, + better than last period; ``rank_move``
in places, + up (第5 → 第3 is +2); ``completed_increase`` in 万元, what was completed between the
two cut-offs (本月完成), the difference of the two 完成投资 sums.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from speechgen.facts.matching import MatchedBy
from speechgen.facts.types import GroupBy, GroupFacts, Laggard
from speechgen.model import Project, Stage

COMPARED_GROUPS: tuple[GroupBy, ...] = ("district", "owner", "leader", "nature")


@dataclass(frozen=True)
class Period:
    """A period compared: its 数据截至, 时序进度 and the file it was read from."""

    as_of: dt.date
    progress: Decimal
    source: str | None = None


@dataclass(frozen=True)
class GroupChange:
    """One group (or the whole ledger) now and in the previous period."""

    key: str
    now: GroupFacts
    then: GroupFacts | None  # None: the group has no project in the previous period
    completed_increase: Decimal | None  # 万元; now.completed − then.completed
    rate_change: Decimal | None  # 百分点, from the rounded rates
    gap_change: Decimal | None  # 百分点: now.gap_points − then.gap_points (+ the gap to 时序进度 improved)
    started_change: int | None
    rank_then: int | None
    rank_now: int | None
    rank_move: int | None  # rank_then − rank_now: + up, − down, 0 持平


@dataclass(frozen=True)
class ProjectChange:
    """One project in both periods (matched by 项目编号 or name)."""

    now: Project
    then: Project
    matched_by: MatchedBy
    completed_increase: Decimal  # 万元; negative is a correction (warned)
    rate_then: Decimal | None
    rate_now: Decimal | None

    @property
    def newly_started(self) -> bool:
        """Return True when the project had not started and has now (新开工)."""
        return not self.then.status.started and self.now.status.started

    @property
    def newly_completed(self) -> bool:
        """Return True when the project is 竣工/投产 now and was not then (新竣工/投产)."""
        finished = (Stage.COMPLETED, Stage.OPERATING)
        return self.now.status in finished and self.then.status not in finished


@dataclass(frozen=True)
class LaggardStreak:
    """A project lagging this period: ``periods`` how many periods in a row it has lagged,
    this one included (1 = newly lagging; 2 = 连续两期; counted over every ledger given)."""

    laggard: Laggard
    periods: int


@dataclass(frozen=True)
class Changes:
    """This period against the previous one (the last of ``periods``, which are oldest first)."""

    periods: tuple[Period, ...]  # the previous periods, oldest first
    overall: GroupChange
    groups: tuple[tuple[GroupBy, tuple[GroupChange, ...]], ...]  # COMPARED_GROUPS, rows in current rank order
    projects: tuple[ProjectChange, ...]  # matched projects, current ledger order
    added: tuple[Project, ...]  # 新增入库: only in the current ledger
    removed: tuple[Project, ...]  # 本期调出: only in the previous ledger
    new_laggards: tuple[Laggard, ...]  # lagging now, not in the previous period (incl. 新增入库)
    cleared: tuple[Project, ...]  # 摘帽: lagging then (previous row), matched and not lagging now
    continuing: tuple[LaggardStreak, ...]  # 连续滞后: lagging now and then, longest streak first

    @property
    def previous(self) -> Period:
        """Return the period compared with (the most recent previous one)."""
        return self.periods[-1]

    @property
    def newly_started(self) -> tuple[ProjectChange, ...]:
        """Return the matched projects started since the previous period (新开工)."""
        return tuple(c for c in self.projects if c.newly_started)

    @property
    def newly_completed(self) -> tuple[ProjectChange, ...]:
        """Return the matched projects 竣工/投产 since the previous period."""
        return tuple(c for c in self.projects if c.newly_completed)

    @property
    def decreased(self) -> tuple[ProjectChange, ...]:
        """Return the projects whose 完成投资 went down (a correction, usually)."""
        return tuple(c for c in self.projects if c.completed_increase < 0)

    def rows(self, by: GroupBy) -> tuple[GroupChange, ...]:
        """Return the GroupChanges of one grouping (() when it was not compared)."""
        return dict(self.groups).get(by, ())

    def row(self, by: GroupBy, key: str) -> GroupChange | None:
        """Return one group's change, or None."""
        return next((g for g in self.rows(by) if g.key == key), None)
