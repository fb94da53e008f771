"""Rounding rules for every figure speechgen prints — written down once, used by facts and zh.

- Money is kept in 万元 as Decimal and summed unrounded; it is rounded only for display:
  亿元 to 2 decimals, 万元 to 2 decimals (trailing zeros dropped in prose).
- Rates (完成率, 开工率, 时序进度) are percentages rounded to 1 decimal, half-up, in the facts layer.
- Differences in 百分点 are computed from the *rounded* rates, so the text is internally
  consistent: a reader who subtracts "23.1%" from "41.7%" gets the printed "18.6个百分点".
- Rounding is ROUND_HALF_UP (四舍五入), as offices do by hand, never banker's rounding.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

YI_PLACES = 2  # 亿元
WAN_PLACES = 2  # 万元
RATE_PLACES = 1  # % and 百分点
WAN_PER_YI = Decimal(10000)


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Return value rounded half-up to ``places`` decimals; never returns -0.

    The precision is widened to hold every digit of the result: the readers bound amounts, but a
    quotient of two bounded amounts can still have more digits than Decimal's default 28.
    """
    quantum = Decimal(1).scaleb(-places)
    with localcontext() as context:
        context.prec = max(context.prec, value.adjusted() + places + 2)
        result = value.quantize(quantum, rounding=ROUND_HALF_UP)
    return result.copy_abs() if result.is_zero() else result


def percent(numerator: Decimal | int, denominator: Decimal | int) -> Decimal | None:
    """Return numerator/denominator as a percentage rounded to RATE_PLACES; None if denominator
    is zero (a rate that does not exist is not 0%)."""
    den = Decimal(denominator)
    if den == 0:
        return None
    return round_half_up(Decimal(numerator) * 100 / den, RATE_PLACES)


def points(rate: Decimal, reference: Decimal) -> Decimal:
    """Return rate − reference in 百分点, from already rounded rates (see module docstring)."""
    return round_half_up(rate - reference, RATE_PLACES)


def wan_to_yi(wan: Decimal) -> Decimal:
    """Return an amount in 万元 converted to 亿元, rounded to YI_PLACES."""
    return round_half_up(wan / WAN_PER_YI, YI_PLACES)
