"""Observations of the change since the previous period (``--previous``): how the month moved
(本月完成, 完成率 较上月, the gap to 时序进度 narrowing or widening), the projects started or
finished since, the units that moved in the ranking, and the laggards lagging again (连续滞后),
newly or no longer (摘帽). Nothing holds without a previous ledger: a passage that says 较上月
needs ``compared`` or one of these names."""

from __future__ import annotations

from speechgen import zh
from speechgen.compose.filters import md_escape
from speechgen.compose.observe.types import Observation, Record, held
from speechgen.facts.changes import Changes, GroupChange
from speechgen.facts.types import Facts
from speechgen.zh.change import change_points, gap_trend, period_noun, periods_phrase, rank_move, rank_phrase, versus

MOVES_SHOWN = 3  # the units named as moving up or down, most moved first


def _names(names: list[str]) -> str:
    """Name a list as every list of the drafts is named: all of up to five ("甲、乙和丙"), else
    the first five and 等 (zh.MAX_NAMED) — fourteen 连续滞后 names in brackets read as a roll call."""
    escaped = [md_escape(n) for n in names]
    return zh.join_zh(escaped) if len(escaped) <= zh.MAX_NAMED else zh.named_series(escaped)


def _period_record(facts: Facts, changes: Changes, noun: str) -> Record:
    o, previous = changes.overall, changes.previous
    then = o.then
    assert then is not None  # the whole (or the group's own row) exists in the previous period
    return {
        "noun": noun,
        "then_as_of": zh.format_month_end(previous.as_of),
        "increase": zh.format_amount(o.completed_increase or 0),  # type: ignore[arg-type]
        "rate_then": zh.format_percent(then.completion_rate),
        "rate": zh.format_percent(o.now.completion_rate),
        "rate_change": change_points(o.rate_change),
        "rate_vs": versus(o.rate_change, noun),
        "schedule_then": zh.format_percent(previous.progress),
        "gap_then": "" if then.gap_points is None else zh.compare_phrase(then.gap_points),
        "gap_trend": gap_trend(then.gap_points, o.now.gap_points),
        "gap_change": "" if o.gap_change is None else zh.format_points(o.gap_change),
        "rank_then": o.rank_then,
        "rank": o.rank_now,
        "rank_move": rank_move(o.rank_move),
        "rank_phrase": rank_phrase(o.rank_move, noun),
    }


def _gap(found: list[Observation], change: GroupChange) -> None:
    then = change.then.gap_points if change.then else None
    now = change.now.gap_points
    if then is None or now is None or change.gap_change is None:
        return
    if then < 0 < now:
        found.append(held("turned_ahead", 75))
    elif then > 0 > now:
        found.append(held("turned_behind", 75))
    elif now < 0 and change.gap_change > 0:
        found.append(held("gap_narrowed", 55))
    elif now < 0 and change.gap_change < 0:
        found.append(held("gap_widened", 65))


def _places(row: GroupChange) -> str:
    return f"（由第{row.rank_then}位升至第{row.rank_now}位）"


def _moves(changes: Changes, noun: str) -> tuple[list[Observation], Record | None]:
    rows = [r for r in changes.rows("district") if r.rank_move]
    if not rows:
        return [], None
    up = sorted((r for r in rows if r.rank_move and r.rank_move > 0), key=lambda r: -(r.rank_move or 0))
    down = sorted((r for r in rows if r.rank_move and r.rank_move < 0), key=lambda r: r.rank_move or 0)
    found = [held("units_rank_moved", 50)]
    record: Record = {
        "up_count": len(up), "down_count": len(down),
        "up": _names([r.key for r in up[:MOVES_SHOWN]]),
        "down": _names([r.key for r in down[:MOVES_SHOWN]]),
        "up_items": tuple(f"{md_escape(r.key)}{rank_phrase(r.rank_move, noun)}" for r in up[:MOVES_SHOWN]),
        "down_items": tuple(f"{md_escape(r.key)}{rank_phrase(r.rank_move, noun)}" for r in down[:MOVES_SHOWN]),
        "up_text": "，".join(f"{md_escape(r.key)}{rank_phrase(r.rank_move, noun)}{_places(r)}"
                            for r in up[:MOVES_SHOWN]),
        "down_text": "，".join(f"{md_escape(r.key)}{rank_phrase(r.rank_move, noun)}"
                              for r in down[:MOVES_SHOWN]),
    }
    if up:
        found.append(held("units_rank_up", 50))
    if down:
        found.append(held("units_rank_down", 45))
    # a unit overtaking another: it is now ahead of one that was ahead of it
    overtaking = [(a, b) for a in up for b in down
                  if a.rank_then and b.rank_then and a.rank_now and b.rank_now
                  and a.rank_then > b.rank_then and a.rank_now < b.rank_now]
    if overtaking:
        a, b = overtaking[0]
        found.append(held("unit_overtook", 55))
        others = [r for r in down[:MOVES_SHOWN] if r is not b]
        record = {**record, "overtaker": md_escape(a.key), "overtaken": md_escape(b.key),
                  "overtaker_text": f"{md_escape(a.key)}{rank_phrase(a.rank_move, noun)}{_places(a)}",
                  "others_up_text": "，".join(f"{md_escape(r.key)}{rank_phrase(r.rank_move, noun)}"
                                             for r in up[:MOVES_SHOWN] if r is not a),
                  "others_down_text": "，".join(f"{md_escape(r.key)}{rank_phrase(r.rank_move, noun)}" for r in others)}
    return found, record


def changes(facts: Facts) -> tuple[list[Observation], dict[str, Record]]:
    """Return the change observations and their records (nothing without a previous period)."""
    c = facts.changes
    if c is None or c.overall.then is None:
        return [], {}
    noun = period_noun(c.previous.as_of, facts.schedule.as_of)
    records: dict[str, Record] = {"change": _period_record(facts, c, noun)}
    found = [held("compared", 50)]
    _gap(found, c.overall)
    if c.overall.rate_change is not None and c.overall.rate_change > 0:
        found.append(held("rate_up", 50))
    if facts.group is not None and c.overall.rank_move is not None:
        found.append(held("rank_up" if c.overall.rank_move > 0 else "rank_down" if c.overall.rank_move < 0
                          else "rank_same", 55 if c.overall.rank_move else 35))
    started, finished = c.newly_started, c.newly_completed
    records["change_projects"] = {
        "started": len(started), "started_names": _names([x.now.name for x in started]),
        "finished": len(finished), "finished_names": _names([x.now.name for x in finished]),
        "added": len(c.added), "added_names": _names([p.name for p in c.added]),
        "removed": len(c.removed), "removed_names": _names([p.name for p in c.removed]),
    }
    if started:
        found.append(held("newly_started", 55))
    if finished:
        found.append(held("newly_finished", 55))
    if c.added:
        found.append(held("projects_added", 30))
    if c.removed:
        found.append(held("projects_removed", 30))
    if facts.group is None:
        said, moves = _moves(c, noun)
        found += said
        if moves is not None:
            records["change_units"] = moves
    longest = max((s.periods for s in c.continuing), default=0)
    records["change_laggards"] = {
        "continuing": len(c.continuing),
        "continuing_names": _names([s.laggard.project.name for s in c.continuing]),
        "streak": periods_phrase(longest, noun) if longest >= 2 else "",
        "longest": longest,
        "longest_names": _names([s.laggard.project.name for s in c.continuing if s.periods == longest]),
        "longest_count": sum(1 for s in c.continuing if s.periods == longest),
        "cleared": len(c.cleared), "cleared_names": _names([p.name for p in c.cleared]),
        "new": len(c.new_laggards), "new_names": _names([lag.project.name for lag in c.new_laggards]),
    }
    if c.continuing:
        found.append(held("continuing_laggards", 70 + min(20, 2 * len(c.continuing))))
        if longest >= 3:
            found.append(held("long_laggards", 80))
    if c.cleared:
        found.append(held("cleared_laggards", 50))
    if c.new_laggards:
        found.append(held("new_laggards", 55))
    return found, records
