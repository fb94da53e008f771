"""Enumerations: "甲、乙和丙", "一是……二是……"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from speechgen.zh.numerals import to_chinese_numeral


def join_zh(items: Iterable[str], conj: str = "和", sep: str = "、") -> str:
    """Return "甲", "甲和乙", "甲、乙和丙"; an empty input gives ""."""
    values = [item for item in items if item]
    if len(values) <= 1:
        return "".join(values)
    return sep.join(values[:-1]) + conj + values[-1]


MAX_NAMED = 5  # a list of names shows at most this many, then 等 — the one rule, for Python and templates


def named_series(items: Sequence[str], limit: int = MAX_NAMED) -> str:
    """Return "甲、乙、丙" or, beyond ``limit`` items, "甲、乙、丙、丁、戊等"."""
    return "、".join(items[:limit]) + ("等" if len(items) > limit else "")


def ordinal_lead(n: int) -> str:
    """Return "一是", "二是" … the in-paragraph enumeration of speeches."""
    return f"{to_chinese_numeral(n)}是"
