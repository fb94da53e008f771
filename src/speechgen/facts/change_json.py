"""The Changes as plain data for ``speechgen facts --json`` (key ``changes``, schema speechgen-facts/2).

- ``periods``: the previous periods, oldest first: {as_of, progress, source}
- ``overall``: a *change* for the whole ledger (or the one group of a per-group Facts)
- ``groups``: {district|owner|leader|nature: [change…]} in the current ranking's order (包保领导
  and 建设性质 only when the ledger has them)
- ``projects``: the matched projects: {name, previous_name, matched_by ("code"/"name"),
  completed_wan, previous_completed_wan, increase_wan, completion_rate, previous_completion_rate,
  status, previous_status, newly_started, newly_completed}
- ``added`` (新增入库) / ``removed`` (本期调出): [{name, district, row}]
- ``new_laggards``: [{name, district, row}]; ``cleared`` (摘帽, the previous rows):
  [{name, district, row}]; ``continuing`` (连续滞后): [{name, district, row, periods}], longest first

A *change* is {key, completed_wan, previous_completed_wan, increase_wan, completion_rate,
previous_completion_rate, rate_change_points, gap_points, previous_gap_points, gap_change_points,
started, previous_started, started_change, rank, previous_rank, rank_move, laggards,
previous_laggards}: the previous figures are null for a group with no project then; rank_move
is + up; the changes in 百分点 are + better.
"""

from __future__ import annotations

from typing import Any

from speechgen.facts.changes import Changes, GroupChange
from speechgen.model import Project


def change_data(change: GroupChange) -> dict[str, Any]:
    """Return one GroupChange as plain data (Decimal kept)."""
    now, then = change.now, change.then
    return {
        "key": change.key,
        "completed_wan": now.completed,
        "previous_completed_wan": None if then is None else then.completed,
        "increase_wan": change.completed_increase,
        "completion_rate": now.completion_rate,
        "previous_completion_rate": None if then is None else then.completion_rate,
        "rate_change_points": change.rate_change,
        "gap_points": now.gap_points,
        "previous_gap_points": None if then is None else then.gap_points,
        "gap_change_points": change.gap_change,
        "started": now.started,
        "previous_started": None if then is None else then.started,
        "started_change": change.started_change,
        "rank": change.rank_now,
        "previous_rank": change.rank_then,
        "rank_move": change.rank_move,
        "laggards": now.laggards,
        "previous_laggards": None if then is None else then.laggards,
    }


def _project(project: Project) -> dict[str, Any]:
    return {"name": project.name, "district": project.district, "row": project.row}


def changes_data(changes: Changes) -> dict[str, Any]:
    """Return the Changes as plain data following the schema above."""
    return {
        "periods": [{"as_of": p.as_of, "progress": p.progress, "source": p.source} for p in changes.periods],
        "overall": change_data(changes.overall),
        "groups": {by: [change_data(row) for row in rows] for by, rows in changes.groups},
        "projects": [
            {"name": c.now.name, "previous_name": c.then.name, "matched_by": c.matched_by,
             "completed_wan": c.now.completed, "previous_completed_wan": c.then.completed,
             "increase_wan": c.completed_increase, "completion_rate": c.rate_now,
             "previous_completion_rate": c.rate_then, "status": c.now.status.value,
             "previous_status": c.then.status.value, "newly_started": c.newly_started,
             "newly_completed": c.newly_completed}
            for c in changes.projects],
        "added": [_project(p) for p in changes.added],
        "removed": [_project(p) for p in changes.removed],
        "new_laggards": [_project(lag.project) for lag in changes.new_laggards],
        "cleared": [_project(p) for p in changes.cleared],
        "continuing": [{**_project(s.laggard.project), "periods": s.periods} for s in changes.continuing],
    }
