"""Chinese formatting: properties over wide ranges, beside a table of hand-computed cases."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechgen import zh
from speechgen.zh.dates import format_date_range, format_month_day
from speechgen.zh.docnumber import is_standard_doc_number, parse_doc_number
from speechgen.zh.numerals import parse_chinese_digits, parse_small_numeral, to_chinese_digits

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}


def parse_chinese_numeral(text: str) -> int:
    """Return the value of a Chinese numeral (the test's own reader, independent of zh)."""
    total, section, number = 0, 0, 0
    for ch in text:
        if ch in _DIGITS:
            number = _DIGITS[ch]
        elif ch in _SMALL:
            section += (number or 1) * _SMALL[ch]  # a bare 十 is 一十
            number = 0
        elif ch == "万":
            total += (section + number) * _BIG[ch]
            section = number = 0
        elif ch == "亿":
            total = (total + section + number) * _BIG[ch]
            section = number = 0
        else:
            raise ValueError(ch)
    return total + section + number


@given(st.integers(min_value=0, max_value=10**12))
def test_numeral_round_trips(n: int) -> None:
    text = zh.to_chinese_numeral(n)
    assert parse_chinese_numeral(text) == n
    assert "零零" not in text
    assert not text.startswith("一十")
    assert n == 0 or not text.endswith("零")


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "零"), (9, "九"), (10, "十"), (12, "十二"), (20, "二十"), (99, "九十九"), (100, "一百"),
     (105, "一百零五"), (110, "一百一十"), (1000, "一千"), (1005, "一千零五"), (1050, "一千零五十"),
     (10000, "一万"), (10010, "一万零一十"), (100000, "十万"), (100001, "十万零一"),
     (1000000, "一百万"), (10000001, "一千万零一"), (100000000, "一亿"), (100010000, "一亿零一万"),
     (2026, "二千零二十六")],
)
def test_numeral_cases(n: int, expected: str) -> None:
    assert zh.to_chinese_numeral(n) == expected


def test_ordinals_and_digits() -> None:
    assert zh.to_chinese_ordinal(1) == "第一"
    assert zh.to_chinese_ordinal(11) == "第十一"
    assert to_chinese_digits(2026) == "二〇二六"
    assert zh.ordinal_lead(3) == "三是"


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_amount_recovers_value_half_up(wan: Decimal) -> None:
    text = zh.format_amount(wan)
    assert re.match(r"-0(\.0+)?[万亿]", text) is None  # never "-0万元" / "-0.00亿元"
    if text.endswith("亿元"):
        shown = Decimal(text.removesuffix("亿元")) * 10000
        exact = (wan / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) * 10000
        assert shown == exact or (shown == 0 and exact == 0)
        assert abs(shown - wan) <= 50  # half of 0.01亿元
    else:
        assert text.endswith("万元")
        assert Decimal(text.removesuffix("万元")) == wan.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize(
    ("wan", "kwargs", "expected"),
    [("190600", {}, "19.06亿元"), ("190650", {}, "19.07亿元"), ("190649.99", {}, "19.06亿元"),
     ("10000", {}, "1亿元"), ("9999.99", {}, "9999.99万元"), ("3560", {}, "3560万元"),
     ("3560.50", {}, "3560.5万元"), ("50000", {"fixed": True}, "5.00亿元"),
     ("3560", {"unit": "亿元"}, "0.36亿元"), ("123456", {"unit": "万元"}, "123456万元"),
     ("-0.001", {}, "0万元")],
)
def test_amount_cases(wan: str, kwargs: dict, expected: str) -> None:
    assert zh.format_amount(Decimal(wan), **kwargs) == expected


@given(st.decimals(min_value=-100, max_value=100, places=2, allow_nan=False, allow_infinity=False))
def test_compare_phrase_follows_the_sign(diff: Decimal) -> None:
    phrase = zh.compare_phrase(diff)
    rounded = diff.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if rounded > 0:
        assert phrase.startswith("高出时序进度") and phrase.endswith("个百分点")
    elif rounded < 0:
        assert phrase.startswith("落后时序进度") and "-" not in phrase
    else:
        assert phrase == "与时序进度持平"


def test_percent_and_points_cases() -> None:
    assert zh.format_percent(Decimal("41.666")) == "41.7%"
    assert zh.format_percent(Decimal("0.05")) == "0.1%"  # half-up, not banker's
    assert zh.format_percent(None) == "—"
    assert zh.format_points(Decimal("-4.85")) == "4.9个百分点"
    assert zh.compare_phrase(Decimal("2.3"), "序时进度", "快于", "慢于") == "快于序时进度2.3个百分点"


@pytest.mark.parametrize(
    ("day", "date", "month_end", "period"),
    [(dt.date(2026, 5, 31), "2026年5月31日", "5月底", "1—5月"),
     (dt.date(2026, 1, 31), "2026年1月31日", "1月底", "1月"),
     (dt.date(2024, 2, 29), "2024年2月29日", "2月底", "1—2月"),
     (dt.date(2026, 2, 28), "2026年2月28日", "2月底", "1—2月"),
     (dt.date(2026, 6, 5), "2026年6月5日", "6月5日", "1月1日至6月5日")],
)
def test_date_cases(day: dt.date, date: str, month_end: str, period: str) -> None:
    assert zh.format_date(day) == date  # GB/T 9704 7.3.5.4: no zero padding
    assert zh.format_month_end(day) == month_end
    assert zh.format_period(day) == period


def test_date_forms() -> None:
    assert zh.format_date_chinese(dt.date(2026, 10, 1)) == "二〇二六年十月一日"
    assert format_month_day(dt.date(2026, 6, 5)) == "6月5日"
    assert format_date_range(dt.date(2026, 6, 15), dt.date(2026, 6, 19)) == "6月15日至19日"
    assert format_date_range(dt.date(2026, 6, 29), dt.date(2026, 7, 2)) == "6月29日至7月2日"
    assert format_date_range(dt.date(2026, 12, 30), dt.date(2027, 1, 2)) == "2026年12月30日至2027年1月2日"


def test_enumerations_and_markers() -> None:
    assert zh.join_zh([]) == ""
    assert zh.join_zh(["甲"]) == "甲"
    assert zh.join_zh(["甲", "乙"]) == "甲和乙"
    assert zh.join_zh(["甲", "乙", "丙"], conj="及") == "甲、乙及丙"
    assert [zh.heading_marker(level, 2) for level in (1, 2, 3, 4)] == ["二、", "（二）", "2.", "（2）"]
    assert zh.heading_marker(1, 3, "speech") == "第三，"
    with pytest.raises(ValueError):
        zh.heading_marker(5, 1)


@pytest.mark.parametrize(
    ("typed", "standard", "is_standard"),
    [("示项办〔2026〕12号", "示项办〔2026〕12号", True),
     ("示项办[2026]012号", "示项办〔2026〕12号", False),
     ("示项办（2026）第3号", "示项办〔2026〕3号", False),
     ("示政办发〔２０２６〕１号", "示政办发〔2026〕1号", False),
     ("示项办〔2026〕13", "示项办〔2026〕13号", False)],
)
def test_doc_numbers_are_read_however_bracketed(typed: str, standard: str, is_standard: bool) -> None:
    parsed = parse_doc_number(typed)
    assert parsed is not None and str(parsed) == standard
    assert is_standard_doc_number(typed) is is_standard


@pytest.mark.parametrize("bad", ["示项办2026年12号", "〔2026〕12号", "示项办〔26〕12号", "示项办〔2026〕0号", ""])
def test_what_is_not_a_doc_number(bad: str) -> None:
    assert parse_doc_number(bad) is None
    assert not is_standard_doc_number(bad)


def test_a_spaced_or_bracketed_org_is_not_standard() -> None:
    assert not is_standard_doc_number("示项 办〔2026〕12号")


@given(st.integers(min_value=1, max_value=99))
def test_small_numerals_read_back(n: int) -> None:
    assert parse_small_numeral(zh.to_chinese_numeral(n)) == n


@pytest.mark.parametrize("bad", ["", "零", "十十", "十一十", "一二", "百", "二十二十", "5"])
def test_what_is_not_a_small_numeral(bad: str) -> None:
    assert parse_small_numeral(bad) is None


def test_chinese_digits_read_back() -> None:
    assert parse_chinese_digits("二〇二六") == 2026
    assert parse_chinese_digits("二○二六") == 2026
    assert parse_chinese_digits("二零二六") == 2026
    assert parse_chinese_digits("二〇2六") is None
