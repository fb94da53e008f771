"""Percentages ("23.1%") and differences in 百分点 with the verb that follows the sign."""

from __future__ import annotations

from decimal import Decimal

from speechgen.rounding import RATE_PLACES, round_half_up


def format_percent(rate: Decimal | None, places: int = RATE_PLACES) -> str:
    """Return a percentage such as "23.1%"; "—" when the rate does not exist (None)."""
    if rate is None:
        return "—"
    return f"{round_half_up(Decimal(rate), places):.{places}f}%"


def format_points(diff: Decimal, places: int = RATE_PLACES) -> str:
    """Return the size of a difference in 百分点, unsigned: "18.6个百分点"."""
    return f"{round_half_up(abs(Decimal(diff)), places):.{places}f}个百分点"


def compare_phrase(
    diff: Decimal,
    reference: str = "时序进度",
    ahead: str = "高出",
    behind: str = "落后",
) -> str:
    """Return "高出时序进度2.3个百分点", "落后时序进度18.6个百分点" or "与时序进度持平"; with an
    empty ``reference`` (a table column headed 与时序进度比) "落后4.8个百分点" or "持平"."""
    rounded = round_half_up(Decimal(diff), RATE_PLACES)
    if rounded == 0:
        return f"与{reference}持平" if reference else "持平"
    verb = ahead if rounded > 0 else behind
    return f"{verb}{reference}{format_points(rounded)}"
