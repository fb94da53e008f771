"""Observations of the whole ledger: the meeting, progress against 时序进度 on the tone ladder,
starts, and the season (开工 in the first quarter, 双过半 by 6月底, what remains at the year end)."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

from speechgen import zh
from speechgen.compose.filters import md_escape
from speechgen.compose.observe import ladder
from speechgen.compose.observe.types import Observation, Record, held
from speechgen.facts.types import Facts
from speechgen.model import Meeting, Stage
from speechgen.rounding import percent
from speechgen.zh.people import speaker_name


def deadline_of(meeting: Meeting) -> tuple[dt.date, bool]:
    """Return the date instructions are due: meeting.yaml ``deadline``, else the last day of the
    month after the meeting — but not past the year end of a December meeting on this year's
    data (the year's task ends then); and whether it was given."""
    if meeting.deadline is not None:
        return meeting.deadline, True
    day = meeting.date
    if day.month == 12:
        return (dt.date(day.year, 12, 31) if meeting.as_of.year == day.year else dt.date(day.year + 1, 1, 31)), False
    return dt.date(day.year, day.month + 1, calendar.monthrange(day.year, day.month + 1)[1]), False


def _deadline_text(day: dt.date, given: bool, meeting: Meeting) -> str:
    year = f"{day.year}年" if day.year != meeting.date.year else ""
    return f"{year}{day.month}月底" if not given and zh.is_month_end(day) else f"{year}{day.month}月{day.day}日"


def meeting_records(facts: Facts) -> dict[str, Record]:
    """Return the records ``meeting`` and ``deadline`` (always present)."""
    m = facts.meeting
    day, given = deadline_of(m)
    level = m.level
    return {
        "meeting": {"region": md_escape(m.region), "scope": md_escape(facts.overall.key), "level": level,
                    "gov": f"{level}政府", "office": f"{level}重点项目办", "name": md_escape(m.meeting),
                    "date": zh.format_date(m.date), "speaker": md_escape(speaker_name(m.speaker)),
                    "period": zh.format_period(facts.schedule.as_of),
                    "as_of": zh.format_month_end(facts.schedule.as_of),
                    "reporters": zh.join_zh([md_escape(r) for r in m.reporters],
                                            conj="、" if any("和" in r for r in m.reporters) else "和")},
        "deadline": {"text": _deadline_text(day, given, m), "given": given},
    }


def progress(facts: Facts) -> tuple[list[Observation], Record | None]:
    """Return the tone of the gap to 时序进度 and the record ``progress`` (none without a rate)."""
    o = facts.overall
    if o.completion_rate is None or o.gap_points is None:
        return [], None
    gap = o.gap_points
    tone = ladder.tone_of(gap)
    weight = int(min(Decimal(35), abs(gap) * Decimal("1.5")))
    found = [held("progress", 60 + weight), held(f"tone_{tone}", 60 + weight)]
    if gap > 0:
        found.append(held("ahead", 60 + weight))
    elif gap == 0:
        found.append(held("on_track", 60))
    else:
        found.append(held("behind", 60 + weight))
        if gap > ladder.SLIGHTLY_BEHIND_POINTS:
            found.append(held("slightly_behind", 60))
        if gap <= ladder.SERIOUSLY_BEHIND_POINTS:
            found.append(held("far_behind", 60 + weight))
    remaining = facts.remaining.amount if facts.remaining else max(o.annual_plan - o.completed, Decimal(0))
    record = {"completed": zh.format_amount(o.completed), "plan": zh.format_amount(o.annual_plan),
              "rate": zh.format_percent(o.completion_rate), "schedule": zh.format_percent(facts.schedule.progress),
              "gap": zh.format_points(gap), "vs": zh.compare_phrase(gap), "remaining": zh.format_amount(remaining),
              "tone": tone, "tone_word": ladder.TONE_WORDS[tone], "projects": o.projects,
              "basis": "按月" if facts.schedule.basis == "month" else "按日",
              "threshold": f"{facts.lag_threshold_points.normalize():f}个百分点"}
    return found, record


def _stage_counts(facts: Facts) -> dict[str, int]:
    stage = facts.overall.stage
    return {"preparation": stage(Stage.PREPARATION), "unstarted": stage(Stage.NOT_STARTED),
            "building": stage(Stage.UNDER_CONSTRUCTION), "finished": stage(Stage.COMPLETED),
            "operating": stage(Stage.OPERATING), "suspended": stage(Stage.SUSPENDED),
            "deferred": stage(Stage.DEFERRED)}


def starts(facts: Facts) -> tuple[list[Observation], Record]:
    """Return how many projects have started (all, many not, few not, none) and ``starts``."""
    o = facts.overall
    counts = _stage_counts(facts)
    not_started = ladder.share(o.not_started, o.projects)
    found: list[Observation] = []
    if o.projects == 1:
        found.append(held("single_project", 30))
    else:
        found.append(held("several_projects", 10))
    if counts["building"] == o.projects:
        found.append(held("all_building", 30))
    if o.not_started == 0:
        found.append(held("all_started", 45))
    elif o.started == 0:
        found += [held("none_started", 95), held("many_not_started", 95)]
    else:
        found.append(held("some_not_started", 40))
        if not_started >= ladder.MANY_NOT_STARTED_PERCENT:
            found.append(held("many_not_started", 60 + int(not_started / 2)))
        elif not_started < ladder.FEW_NOT_STARTED_PERCENT:
            found.append(held("few_not_started", 35))
    if counts["building"]:
        found.append(held("under_construction", 30))
    shown = [(stage.value, n) for stage, n in o.stage_counts if stage.started and n]
    record = {"projects": o.projects, "started": o.started, "not_started": o.not_started,
              "started_stages": "、".join(f"{stage}{n}个" for stage, n in shown) if len(shown) > 1 else "",
              "rate": zh.format_percent(o.start_rate), "total": zh.format_amount(o.total),
              "not_started_share": zh.format_percent(percent(o.not_started, o.projects)),
              "name": md_escape(facts.projects[0].name) if o.projects == 1 else "", **counts}
    return found, record


def _half_year(facts: Facts, month: int) -> list[Observation]:
    """双过半: still to win before 6月底 (half_push), or won or missed at 6月底."""
    rate = facts.overall.completion_rate
    month_end = zh.is_month_end(facts.schedule.as_of)
    if (month in ladder.HALF_PUSH_MONTHS and month_end) or (month == ladder.HALF_YEAR_MONTH and not month_end):
        return [held("half_push", 55 if month == ladder.HALF_PUSH_MONTHS[0] else 70)]
    if month == ladder.HALF_YEAR_MONTH and rate is not None:
        return [held("half_done", 70) if rate >= ladder.HALF else held("half_missed", 75)]
    return []


def season(facts: Facts) -> tuple[list[Observation], Record]:
    """Return the time of year (early/mid/late, q1, half_push/half_done/half_missed, year_end,
    last_month) and the record ``season`` with what remains."""
    as_of = facts.schedule.as_of
    month = as_of.month
    found = [held("early_year" if month <= ladder.EARLY_YEAR_LAST_MONTH
                  else "mid_year" if month <= ladder.MID_YEAR_LAST_MONTH else "late_year", 20)]
    if month <= ladder.FIRST_QUARTER_LAST_MONTH:
        found.append(held("q1", 65))
    if month <= ladder.MID_YEAR_LAST_MONTH:
        found.append(held("months_ahead", 15))
    if ladder.BUILDING_SEASON[0] <= month <= ladder.BUILDING_SEASON[1]:
        found.append(held("building_season", 15))
    if month <= ladder.SEVERAL_MONTHS_LAST_MONTH:
        found.append(held("several_months_left", 10))
    if ladder.FLOOD_SEASON[0] <= month <= ladder.FLOOD_SEASON[1]:
        found.append(held("flood_season", 15))
    if ladder.HOT_SEASON[0] <= month <= ladder.HOT_SEASON[1]:
        found.append(held("hot_season", 15))
    found += _half_year(facts, month)
    left = facts.remaining
    if left is not None and left.per_month is not None and left.amount > 0 and month < ladder.YEAR_END_FIRST_MONTH:
        found.append(held("rest_of_year", 25))
    if left is not None and left.per_month is not None and month >= ladder.YEAR_END_FIRST_MONTH:
        found.append(held("year_end", 75 + 5 * (month - ladder.YEAR_END_FIRST_MONTH)))
        if left.months_left == 1:
            found.append(held("last_month", 90))
    record = {
        "month": zh.format_month_end(as_of),
        "next_month": f"{month % 12 + 1}月",
        "months_left": left.months_left if left else 0,
        "remaining": zh.format_amount(left.amount) if left else "",
        "per_month": zh.format_amount(left.per_month) if left and left.per_month is not None else "",
        "to_half": zh.format_amount(left.to_half) if left else "",
        "half_plan": zh.format_amount(left.half_plan) if left else "",
        "as_of": zh.format_month_end(as_of),
        "half_date": f"{ladder.HALF_YEAR_MONTH}月底",
        "half_reached": bool(left) and left.to_half == 0,
        "plan_done": bool(left) and left.amount == 0,
    }
    return found, record
