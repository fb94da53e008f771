"""Heading markers per GB/T 9704 7.3.3: 一、 / （一） / 1. / （1）, or 第一， in speeches."""

from __future__ import annotations

from typing import Literal

from speechgen.zh.numerals import to_chinese_numeral

NumberingStyle = Literal["standard", "speech"]


def heading_marker(level: int, n: int, style: NumberingStyle = "standard") -> str:
    """Return the marker of the n-th heading at level 1–4.

    ``speech`` numbers level 1 as 第一， 第二， (the spoken form); other levels are as standard.
    """
    if level == 1:
        return f"第{to_chinese_numeral(n)}，" if style == "speech" else f"{to_chinese_numeral(n)}、"
    if level == 2:
        return f"（{to_chinese_numeral(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"heading level must be 1–4, got {level}")
