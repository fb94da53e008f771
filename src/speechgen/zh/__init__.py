"""Chinese formatting: numerals, amounts, percentages, dates, enumerations, heading markers."""

from speechgen.zh.amounts import format_amount, format_wan, format_yi
from speechgen.zh.dates import (
    format_date,
    format_date_chinese,
    format_month_end,
    format_period,
    is_month_end,
)
from speechgen.zh.enums import MAX_NAMED, join_zh, named_series, ordinal_lead
from speechgen.zh.markers import heading_marker
from speechgen.zh.numerals import to_chinese_numeral, to_chinese_ordinal
from speechgen.zh.percent import compare_phrase, format_percent, format_points

__all__ = [
    "MAX_NAMED",
    "compare_phrase",
    "format_amount",
    "format_date",
    "format_date_chinese",
    "format_month_end",
    "format_percent",
    "format_period",
    "format_points",
    "format_wan",
    "format_yi",
    "heading_marker",
    "is_month_end",
    "join_zh",
    "named_series",
    "ordinal_lead",
    "to_chinese_numeral",
    "to_chinese_ordinal",
]
