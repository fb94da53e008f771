"""The Chinese wording of figures for callers that show them (the web page): zh/'s own phrases,
so that a gap reads the same on the page as in the documents."""

from __future__ import annotations

from decimal import Decimal

from speechgen.zh.percent import compare_phrase


def gap_words(gap_points: Decimal | None) -> str:
    """Return "落后时序进度4.8个百分点", "高出时序进度2.3个百分点", "与时序进度持平", or "—" for no gap."""
    return "—" if gap_points is None else compare_phrase(gap_points)
