"""滞后项目: projects behind 时序进度 or not started after their planned start."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from speechgen.facts.types import Laggard, LagReason, Schedule
from speechgen.model import Project
from speechgen.rounding import percent, points


def project_rate(project: Project) -> Decimal | None:
    """Return the project's completion rate (完成率), percent to 1 decimal; None without an
    annual plan."""
    return percent(project.completed, project.annual_plan)


def lag_reasons(project: Project, schedule: Schedule, threshold: Decimal) -> tuple[LagReason, ...]:
    """Return why a project is a laggard (empty when it is not one). The rules, in order:

    - ``behind_schedule``: its completion rate is *more* than ``threshold`` 百分点 behind the
      时序进度 (gap < −threshold, from the rounded rates; exactly −10.0 is not behind).
      A project with no annual plan (0) has no rate and is never behind by rate. A project not
      yet started whose planned start is still ahead (planned_start ≥ as_of) is not due to have
      invested, so it is not behind by rate either.
    - ``not_started_overdue``: still 前期/未开工 although its planned start (计划开工) is before
      ``as_of``.
    """
    reasons: list[LagReason] = []
    rate = project_rate(project)
    not_due = (
        not project.status.started
        and project.planned_start is not None
        and project.planned_start >= schedule.as_of
    )
    if rate is not None and not not_due and points(rate, schedule.progress) < -threshold:
        reasons.append("behind_schedule")
    overdue = project.planned_start is not None and project.planned_start < schedule.as_of
    if not project.status.started and overdue:
        reasons.append("not_started_overdue")
    return tuple(reasons)


def find_laggards(projects: Sequence[Project], schedule: Schedule, threshold: Decimal) -> tuple[Laggard, ...]:
    """Return the laggards, worst gap first; equal gaps keep ledger order; laggards without a
    rate (not started, no annual plan) come last, in ledger order."""
    found: list[tuple[int, Laggard]] = []
    for index, project in enumerate(projects):
        reasons = lag_reasons(project, schedule, threshold)
        if not reasons:
            continue
        rate = project_rate(project)
        gap = None if rate is None else points(rate, schedule.progress)
        found.append((index, Laggard(project=project, completion_rate=rate, gap_points=gap, reasons=reasons)))
    found.sort(key=lambda item: (item[1].gap_points is None, item[1].gap_points or 0, item[0]))
    return tuple(laggard for _, laggard in found)
