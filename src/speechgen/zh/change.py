"""How a change between two periods is said: "较上月提高6.2个百分点", "排名较上月上升2位",
"差距缩小0.3个百分点", "连续两个月滞后"; and its short form in a table ("+6.2", "↑2")."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from speechgen.rounding import RATE_PLACES, round_half_up
from speechgen.zh.dates import is_month_end
from speechgen.zh.numerals import to_chinese_numeral
from speechgen.zh.percent import format_points


def period_noun(previous: dt.date, current: dt.date) -> str:
    """Return what the previous period is called: "上月" when both cut-offs are month ends one
    month apart, else "上期"."""
    months = (current.year - previous.year) * 12 + current.month - previous.month
    return "上月" if months == 1 and is_month_end(previous) and is_month_end(current) else "上期"


def periods_phrase(count: int, noun: str = "上月") -> str:
    """Return "连续两个月" / "连续三期" for ``count`` periods in a row (``noun`` as period_noun)."""
    unit = "个月" if noun == "上月" else "期"
    number = "两" if count == 2 else to_chinese_numeral(count)
    return f"连续{number}{unit}"


def change_points(diff: Decimal | None, up: str = "提高", down: str = "下降") -> str:
    """Return "提高6.2个百分点" / "下降1.5个百分点" / "持平"; "" when there is no figure."""
    if diff is None:
        return ""
    rounded = round_half_up(Decimal(diff), RATE_PLACES)
    if rounded == 0:
        return "持平"
    return f"{up if rounded > 0 else down}{format_points(rounded)}"


def versus(diff: Decimal | None, noun: str = "上月", up: str = "提高", down: str = "下降") -> str:
    """Return "较上月提高6.2个百分点" / "与上月持平"; "" when there is no figure."""
    said = change_points(diff, up, down)
    if not said:
        return ""
    return f"与{noun}持平" if said == "持平" else f"较{noun}{said}"


def rank_move(move: int | None) -> str:
    """Return "上升2位" / "下降1位" / "持平"; "" when there is no move (a group new this period)."""
    if move is None:
        return ""
    if move == 0:
        return "持平"
    return f"{'上升' if move > 0 else '下降'}{abs(move)}位"


def rank_phrase(move: int | None, noun: str = "上月") -> str:
    """Return "排名较上月上升2位" / "排名与上月持平"; "" when there is no move."""
    said = rank_move(move)
    if not said:
        return ""
    return f"排名与{noun}持平" if move == 0 else f"排名较{noun}{said}"


def rank_arrow(move: int | None) -> str:
    """Return a rank move in a table: "↑2", "↓1", "—" (持平 or none)."""
    if not move:
        return "—"
    return f"{'↑' if move > 0 else '↓'}{abs(move)}"


def signed_points(diff: Decimal | None) -> str:
    """Return a change in 百分点 in a table: "+6.2", "-1.5", "0.0"; "—" when there is none."""
    if diff is None:
        return "—"
    rounded = round_half_up(Decimal(diff), RATE_PLACES)
    return "0.0" if rounded == 0 else f"{rounded:+.{RATE_PLACES}f}"


def gap_trend(then: Decimal | None, now: Decimal | None, reference: str = "时序进度") -> str:
    """Return how the gap to 时序进度 moved between two periods (gaps in 百分点, + ahead):
    "差距缩小0.3个百分点", "差距扩大1.2个百分点", "差距没有变化", "由落后转为高出时序进度",
    "由高出转为落后时序进度", "领先幅度扩大2.0个百分点", "领先幅度缩小…"; "" without both."""
    if then is None or now is None:
        return ""
    then, now = round_half_up(Decimal(then), RATE_PLACES), round_half_up(Decimal(now), RATE_PLACES)
    change = now - then
    if then < 0 and now > 0:
        return f"由落后转为高出{reference}"
    if then > 0 and now < 0:
        return f"由高出转为落后{reference}"
    if change == 0:
        return "差距没有变化" if now < 0 else ("领先幅度没有变化" if now > 0 else f"与{reference}持平")
    if now == 0 and then < 0:
        return f"由落后转为与{reference}持平"
    if now < 0:
        return f"差距{'缩小' if change > 0 else '扩大'}{format_points(change)}"
    if then == 0:
        return f"由持平转为高出{reference}"
    if now == 0:
        return f"由高出转为与{reference}持平"
    return f"领先幅度{'扩大' if change > 0 else '缩小'}{format_points(change)}"
