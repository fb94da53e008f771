"""Facts as JSON for machines, Decimal figures written with their exact digits ("41.7", not 41.69999).

Schema ``speechgen-facts/2`` (keys always present unless marked optional; /2 added ``changes``):

- ``schema``: "speechgen-facts/2"
- ``meeting``: region, level, scope (全市), meeting, date, as_of (dates "YYYY-MM-DD")
- ``schedule``: as_of, basis ("month"/"day"), months_elapsed, days_elapsed, days_in_year,
  progress (时序进度, percent, 1 decimal)
- ``lag_threshold_points``: 百分点 behind 时序进度 beyond which a project is 滞后
- ``overall``: a *group* for the whole ledger (or for the one group of a per-group Facts)
- ``by_district``: list of *groups*, ranked
- ``groups`` (optional, when a grouping was asked for): {by, label, rows: [group…]}
- ``group`` (optional, per-group Facts): {by, label, row: group} — the group ranked among its siblings
- ``laggards``: list of {name, district, owner, leader, status, annual_plan_wan, completed_wan,
  completion_rate, gap_points, planned_start, reasons: ["behind_schedule"|"not_started_overdue"],
  reason_labels: ["投资进度滞后"|"逾期未开工"], row}, worst gap first
- ``problems``: list of {type, count, projects: [name…]}, most frequent first
- ``remaining``: what is left of the year's plan: {amount_wan, amount_yi, months_left,
  per_month_wan (rounded to 0.01 万元; null unless the cut-off is a month end before 12月底),
  half_plan_wan, to_half_wan}
- ``changes`` (optional, with ``--previous``): this period against the previous ones
  (facts/change_json.py has its keys)
- ``warnings``: list of {message, file, sheet, row, column}

A *group* is {key, rank, projects, stages: {前期, 未开工, 在建, 竣工, 投产}, started, not_started,
start_rate, total_wan, total_yi, annual_plan_wan, annual_plan_yi, completed_wan, completed_yi,
completion_rate, gap_points, laggards}. Money: *_wan in 万元 exactly as summed, *_yi in 亿元
rounded half-up to 2 decimals. Rates in percent; gaps in 百分点 (+ ahead, − behind); a figure
that does not exist (no annual plan → no completion rate, no rank) is null.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from speechgen.facts.change_json import changes_data
from speechgen.facts.compute import group_facts
from speechgen.facts.types import GROUP_LABELS, REASON_LABELS, Facts, GroupBy, GroupFacts, Laggard
from speechgen.rounding import WAN_PLACES, round_half_up, wan_to_yi

SCHEMA = "speechgen-facts/2"


def _money(name: str, wan: Decimal) -> dict[str, Decimal]:
    return {f"{name}_wan": wan, f"{name}_yi": wan_to_yi(wan)}


def group_data(group: GroupFacts) -> dict[str, Any]:
    """Return one GroupFacts as plain data (Decimal kept)."""
    return {
        "key": group.key,
        "rank": group.rank,
        "projects": group.projects,
        "stages": {stage.value: count for stage, count in group.stage_counts},
        "started": group.started,
        "not_started": group.not_started,
        "start_rate": group.start_rate,
        **_money("total", group.total),
        **_money("annual_plan", group.annual_plan),
        **_money("completed", group.completed),
        "completion_rate": group.completion_rate,
        "gap_points": group.gap_points,
        "laggards": group.laggards,
    }


def _laggard_data(laggard: Laggard) -> dict[str, Any]:
    project = laggard.project
    return {
        "name": project.name,
        "district": project.district,
        "owner": project.owner,
        "leader": project.leader,
        "status": project.status.value,
        "annual_plan_wan": project.annual_plan,
        "completed_wan": project.completed,
        "completion_rate": laggard.completion_rate,
        "gap_points": laggard.gap_points,
        "planned_start": project.planned_start,
        "reasons": list(laggard.reasons),
        "reason_labels": [REASON_LABELS[r] for r in laggard.reasons],
        "row": project.row,
    }


def facts_data(facts: Facts, groups: tuple[GroupBy, tuple[GroupFacts, ...]] | None = None) -> dict[str, Any]:
    """Return the Facts as plain data following the schema above (Decimal and dates kept)."""
    meeting, schedule = facts.meeting, facts.schedule
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "meeting": {
            "region": meeting.region, "level": meeting.level, "scope": meeting.scope,
            "meeting": meeting.meeting, "date": meeting.date, "as_of": meeting.as_of,
        },
        "schedule": {
            "as_of": schedule.as_of, "basis": schedule.basis, "months_elapsed": schedule.months_elapsed,
            "days_elapsed": schedule.days_elapsed, "days_in_year": schedule.days_in_year,
            "progress": schedule.progress,
        },
        "lag_threshold_points": facts.lag_threshold_points,
        "overall": group_data(facts.overall),
        "by_district": [group_data(g) for g in facts.by_district],
    }
    if groups is not None:
        by, rows = groups
        data["groups"] = {"by": by, "label": GROUP_LABELS[by], "rows": [group_data(g) for g in rows]}
    if facts.group is not None and facts.group_by is not None:
        data["group"] = {"by": facts.group_by, "label": GROUP_LABELS[facts.group_by],
                         "row": group_data(facts.group)}
    data["laggards"] = [_laggard_data(laggard) for laggard in facts.laggards]
    data["problems"] = [
        {"type": p.problem_type, "count": p.count, "projects": list(p.projects)} for p in facts.problems
    ]
    if facts.remaining is not None:
        left = facts.remaining
        per_month = None if left.per_month is None else round_half_up(left.per_month, WAN_PLACES)
        data["remaining"] = {**_money("amount", left.amount), "months_left": left.months_left,
                             "per_month_wan": per_month, "half_plan_wan": left.half_plan,
                             "to_half_wan": left.to_half}
    if facts.changes is not None:
        data["changes"] = changes_data(facts.changes)
    data["warnings"] = [
        {"message": w.format(), "file": w.file, "sheet": w.sheet, "row": w.row, "column": w.column}
        for w in facts.warnings
    ]
    return data


def dumps(value: Any, indent: int = 2, _level: int = 0) -> str:
    """Return value as JSON text: Decimal as a number with its exact digits, dates ISO, non-ASCII
    kept (Chinese stays readable)."""
    pad, inner = " " * (indent * _level), " " * (indent * (_level + 1))
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")
        return format(value, "f")
    if isinstance(value, dt.date):
        return json.dumps(value.isoformat())
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {dumps(v, indent, _level + 1)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        items = [f"{inner}{dumps(v, indent, _level + 1)}" for v in value]
        return "[\n" + ",\n".join(items) + f"\n{pad}]"
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def facts_to_json(facts: Facts, by: GroupBy | None = None) -> str:
    """Return the Facts as JSON text (schema in this module's docstring); ``by`` adds the ranked
    table of that grouping under "groups"."""
    groups = None if by is None else (by, group_facts(facts, by))
    return dumps(facts_data(facts, groups)) + "\n"
