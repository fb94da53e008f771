"""Money in 万元 → "3560万元" or "19.06亿元" (rounding rules in speechgen.rounding)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from speechgen.rounding import WAN_PER_YI, WAN_PLACES, YI_PLACES, round_half_up, wan_to_yi

Unit = Literal["auto", "万元", "亿元"]


def _plain(value: Decimal, places: int, fixed: bool) -> str:
    """Return value rounded to places, with trailing zeros dropped unless fixed."""
    text = f"{round_half_up(value, places):.{places}f}"
    if not fixed and "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_yi(wan: Decimal, *, fixed: bool = False, unit: bool = True) -> str:
    """Return an amount given in 万元 as 亿元 with 2 decimals: "19.06亿元".

    ``fixed`` keeps trailing zeros ("5.00", for table columns); prose drops them ("5亿元").
    """
    text = _plain(wan_to_yi(Decimal(wan)), YI_PLACES, fixed)
    return text + ("亿元" if unit else "")


def format_wan(wan: Decimal, *, fixed: bool = False, unit: bool = True) -> str:
    """Return an amount in 万元: "3560万元", "1234.5万元"."""
    text = _plain(Decimal(wan), WAN_PLACES, fixed)
    return text + ("万元" if unit else "")


def format_amount(wan: Decimal, unit: Unit = "auto", *, fixed: bool = False) -> str:
    """Return an amount in the unit offices use: 亿元 from 1亿元 up, 万元 below (``auto``)."""
    value = Decimal(wan)
    if unit == "亿元" or (unit == "auto" and abs(value) >= WAN_PER_YI):
        return format_yi(value, fixed=fixed)
    return format_wan(value, fixed=fixed)
