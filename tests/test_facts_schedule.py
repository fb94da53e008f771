"""时序进度 by hand: month ends count months, other dates count days (leap years included)."""

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechgen.facts import compute_facts, compute_schedule
from speechgen.model import Dossier, Meeting


@pytest.mark.parametrize(
    ("as_of", "basis", "months", "days", "year_days", "progress"),
    [
        (dt.date(2024, 5, 31), "month", 5, 152, 366, "41.7"),  # 5/12 = 41.666…
        (dt.date(2023, 5, 31), "month", 5, 151, 365, "41.7"),
        (dt.date(2024, 12, 31), "month", 12, 366, 366, "100.0"),
        (dt.date(2024, 1, 31), "month", 1, 31, 366, "8.3"),
        (dt.date(2024, 2, 29), "month", 2, 60, 366, "16.7"),  # 2月29日 is a month end in 2024
        (dt.date(2023, 2, 28), "month", 2, 59, 365, "16.7"),
        (dt.date(2024, 2, 28), "day", 1, 59, 366, "16.1"),  # not a month end in a leap year: 59/366
        (dt.date(2024, 5, 20), "day", 4, 141, 366, "38.5"),  # 31+29+31+30+20 = 141; 141/366 = 38.52
        (dt.date(2023, 5, 20), "day", 4, 140, 365, "38.4"),  # 140/365 = 38.356
        (dt.date(2024, 1, 1), "day", 0, 1, 366, "0.3"),
        (dt.date(2024, 12, 30), "day", 11, 365, 366, "99.7"),
    ],
)
def test_default_basis(as_of: dt.date, basis: str, months: int, days: int, year_days: int, progress: str) -> None:
    schedule = compute_schedule(as_of)
    assert schedule.basis == basis
    assert schedule.months_elapsed == months
    assert schedule.days_elapsed == days
    assert schedule.days_in_year == year_days
    assert schedule.progress == D(progress)
    assert str(schedule.progress) == progress  # exactly one decimal, "100.0" not "100"


@pytest.mark.parametrize(
    ("as_of", "basis", "progress"),
    [
        (dt.date(2024, 5, 20), "month", "33.3"),  # only the 4 complete months count
        (dt.date(2024, 5, 31), "day", "41.5"),  # 152/366 = 41.53
        (dt.date(2024, 2, 29), "day", "16.4"),  # 60/366 = 16.39
        (dt.date(2024, 1, 15), "month", "0.0"),  # no complete month yet
        (dt.date(2024, 12, 31), "day", "100.0"),
    ],
)
def test_basis_override(as_of: dt.date, basis: str, progress: str) -> None:
    schedule = compute_schedule(as_of, basis)  # type: ignore[arg-type]
    assert (schedule.basis, schedule.progress) == (basis, D(progress))


def test_meeting_schedule_basis_reaches_the_facts() -> None:
    common = dict(region="示例市", meeting="全市重点项目调度会", date=dt.date(2024, 6, 3), as_of=dt.date(2024, 5, 31))
    default = compute_facts(Dossier(meeting=Meeting(**common), projects=()))
    by_day = compute_facts(Dossier(meeting=Meeting(**common, schedule_basis="day"), projects=()))
    assert default.schedule.progress == D("41.7")
    assert by_day.schedule.basis == "day"
    assert by_day.schedule.progress == D("41.5")


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_progress_is_a_one_decimal_percentage_that_grows_with_the_date(day: dt.date) -> None:
    schedule = compute_schedule(day)
    assert D(0) <= schedule.progress <= D(100)
    assert schedule.progress.as_tuple().exponent == -1
    later = compute_schedule(day + dt.timedelta(days=1)) if day < dt.date(2100, 12, 31) else None
    if later is not None and later.as_of.year == day.year and later.basis == schedule.basis == "day":
        assert later.progress >= schedule.progress
