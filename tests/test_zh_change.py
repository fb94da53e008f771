"""zh/change.py: how a change between two periods is said, with hand-computed cases."""

import datetime as dt
from decimal import Decimal as D

import pytest

from speechgen.zh.change import (
    change_points,
    gap_trend,
    period_noun,
    periods_phrase,
    rank_arrow,
    rank_move,
    rank_phrase,
    signed_points,
    versus,
)


def test_versus_says_the_direction_and_the_points() -> None:
    assert versus(D("6.2")) == "较上月提高6.2个百分点"
    assert versus(D("-1.5")) == "较上月下降1.5个百分点"
    assert versus(D("0.0")) == "与上月持平"
    assert versus(D("0.04")) == "与上月持平"  # rounds to 0.0
    assert versus(None) == ""
    assert versus(D("2"), "上期") == "较上期提高2.0个百分点"
    assert change_points(D("-0.05")) == "下降0.1个百分点"  # half-up, away from zero


def test_rank_moves() -> None:
    assert rank_move(2) == "上升2位"
    assert rank_move(-1) == "下降1位"
    assert rank_move(0) == "持平"
    assert rank_move(None) == ""
    assert rank_phrase(2) == "排名较上月上升2位"
    assert rank_phrase(0) == "排名与上月持平"
    assert rank_arrow(3) == "↑3"
    assert rank_arrow(-2) == "↓2"
    assert rank_arrow(0) == rank_arrow(None) == "—"


def test_signed_points() -> None:
    assert signed_points(D("8.7")) == "+8.7"
    assert signed_points(D("-0.3")) == "-0.3"
    assert signed_points(D("0")) == "0.0"
    assert signed_points(None) == "—"


@pytest.mark.parametrize(("then", "now", "said"), [
    ("-5.1", "-4.8", "差距缩小0.3个百分点"),
    ("-2.0", "-4.1", "差距扩大2.1个百分点"),
    ("-3.0", "-3.0", "差距没有变化"),
    ("-1.0", "2.5", "由落后转为高出时序进度"),
    ("1.0", "-0.5", "由高出转为落后时序进度"),
    ("-1.0", "0.0", "由落后转为与时序进度持平"),
    ("2.0", "4.0", "领先幅度扩大2.0个百分点"),
    ("4.0", "2.5", "领先幅度缩小1.5个百分点"),
    ("0.0", "1.0", "由持平转为高出时序进度"),
    ("0.0", "0.0", "与时序进度持平"),
])
def test_gap_trend(then: str, now: str, said: str) -> None:
    assert gap_trend(D(then), D(now)) == said


def test_gap_trend_needs_both() -> None:
    assert gap_trend(None, D("1")) == ""


def test_period_noun_and_streaks() -> None:
    assert period_noun(dt.date(2026, 4, 30), dt.date(2026, 5, 31)) == "上月"
    assert period_noun(dt.date(2026, 3, 31), dt.date(2026, 5, 31)) == "上期"
    assert period_noun(dt.date(2026, 5, 15), dt.date(2026, 5, 31)) == "上期"
    assert period_noun(dt.date(2025, 12, 31), dt.date(2026, 1, 31)) == "上月"
    assert periods_phrase(2) == "连续两个月"
    assert periods_phrase(3) == "连续三个月"
    assert periods_phrase(3, "上期") == "连续三期"
