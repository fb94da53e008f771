"""Dates as GB/T 9704 writes them (7.3.5.4: Arabic numerals, no zero padding) and as speeches
say them ("5月底", "1—5月")."""

from __future__ import annotations

import calendar
import datetime as dt

from speechgen.zh.numerals import to_chinese_digits, to_chinese_numeral


def format_date(day: dt.date) -> str:
    """Return "2024年5月31日" (成文日期 form: full year, no zero padding)."""
    return f"{day.year}年{day.month}月{day.day}日"


def format_date_chinese(day: dt.date) -> str:
    """Return "二〇二四年五月三十一日", the traditional form some speech bylines use."""
    return (
        f"{to_chinese_digits(day.year)}年{to_chinese_numeral(day.month)}月"
        f"{to_chinese_numeral(day.day)}日"
    )


def format_month_day(day: dt.date) -> str:
    """Return "6月5日"."""
    return f"{day.month}月{day.day}日"


def is_month_end(day: dt.date) -> bool:
    """Return True if day is the last day of its month (2月29日 in a leap year, 2月28日 otherwise);
    the one definition, used by the 时序进度 (facts.schedule) and the dates documents write."""
    return day.day == calendar.monthrange(day.year, day.month)[1]


def format_month_end(day: dt.date) -> str:
    """Return "5月底" for a month end, else "5月20日"."""
    return f"{day.month}月底" if is_month_end(day) else format_month_day(day)


def format_period(as_of: dt.date) -> str:
    """Return the reporting period up to as_of: "1—5月" (month end), "1月" or "1月1日至5月20日"."""
    if is_month_end(as_of):
        return "1月" if as_of.month == 1 else f"1—{as_of.month}月"
    return f"1月1日至{format_month_day(as_of)}"


def format_date_range(start: dt.date, end: dt.date) -> str:
    """Return "6月11日至14日", "6月28日至7月2日" or "2024年12月30日至2025年1月3日"."""
    if start == end:
        return format_month_day(start)
    if start.year != end.year:
        return f"{format_date(start)}至{format_date(end)}"
    if start.month == end.month:
        return f"{format_month_day(start)}至{end.day}日"
    return f"{format_month_day(start)}至{format_month_day(end)}"
