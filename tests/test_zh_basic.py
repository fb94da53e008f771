"""Hand-computed cases for Chinese formatting."""

import datetime as dt
from decimal import Decimal as D

import pytest

from speechgen import zh


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "零"), (10, "十"), (15, "十五"), (101, "一百零一"), (110, "一百一十"),
     (10010, "一万零一十"), (100000, "十万"), (110000000, "一亿一千万")],
)
def test_chinese_numerals(n: int, expected: str) -> None:
    assert zh.to_chinese_numeral(n) == expected


def test_amounts() -> None:
    assert zh.format_amount(D("190600")) == "19.06亿元"
    assert zh.format_amount(D("3560")) == "3560万元"
    assert zh.format_amount(D("50000"), fixed=True) == "5.00亿元"


def test_percent_and_points() -> None:
    assert zh.format_percent(D("23.14")) == "23.1%"
    assert zh.compare_phrase(D("-18.6")) == "落后时序进度18.6个百分点"
    assert zh.compare_phrase(D("0")) == "与时序进度持平"


def test_dates() -> None:
    assert zh.format_date(dt.date(2024, 5, 8)) == "2024年5月8日"
    assert zh.format_month_end(dt.date(2024, 5, 31)) == "5月底"
    assert zh.format_period(dt.date(2024, 5, 31)) == "1—5月"
