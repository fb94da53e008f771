"""时序进度 (序时进度 / 时间进度): how much of the year has passed at the data's cut-off date."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from typing import Literal

from speechgen.facts.types import Schedule
from speechgen.rounding import RATE_PLACES, round_half_up
from speechgen.zh.dates import is_month_end  # the one definition; facts.schedule re-exports it

MONTHS_IN_YEAR = 12
__all__ = ["MONTHS_IN_YEAR", "compute_schedule", "is_month_end"]


def compute_schedule(as_of: dt.date, basis: Literal["month", "day"] | None = None) -> Schedule:
    """Return the 时序进度 at ``as_of`` as a percentage rounded to 1 decimal.

    The basis, unless given (``meeting.schedule_basis``), follows how offices report:

    - ``as_of`` is a month end → basis "month": complete months ÷ 12
      (5月31日 → 5/12 = 41.7%; 2月29日 → 2/12 = 16.7%; 12月31日 → 100.0%);
    - otherwise → basis "day": days elapsed up to and including ``as_of`` ÷ days in that year
      (2024-05-20 → 141/366 = 38.5%; leap years have 366 days).

    With basis "month" forced on a date that is not a month end, only *complete* months count:
    5月20日 → 4 complete months → 4/12 = 33.3% (the current month has not been reported yet).
    With basis "day" forced on a month end, the day count is used (2024-05-31 → 152/366 = 41.5%).
    """
    months = as_of.month if is_month_end(as_of) else as_of.month - 1
    days = as_of.timetuple().tm_yday
    days_in_year = 366 if calendar.isleap(as_of.year) else 365
    chosen = basis or ("month" if is_month_end(as_of) else "day")
    elapsed, whole = (months, MONTHS_IN_YEAR) if chosen == "month" else (days, days_in_year)
    progress = round_half_up(Decimal(elapsed) * 100 / whole, RATE_PLACES)  # as rounding.percent
    return Schedule(
        as_of=as_of,
        basis=chosen,
        months_elapsed=months,
        days_elapsed=days,
        days_in_year=days_in_year,
        progress=progress,
    )
