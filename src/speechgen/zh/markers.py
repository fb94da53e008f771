"""Heading markers per GB/T 9704 7.3.3: 一、 / （一） / 1. / （1）, or 第一， in speeches."""

from __future__ import annotations

from typing import Literal

from speechgen.zh.numerals import to_chinese_numeral

NumberingStyle = Literal["standard", "speech"]

# The one home of what enumeration markers are written with, for every reader of them (markup's
# headings, the ledger's section rows, check's and outline's markers): the numerals of 一、 （二）
# 第三， 四是, the ones only long lists reach (一百零一), and either width of bracket.
MARKER_NUMERALS = "一二三四五六七八九十"
LONG_MARKER_NUMERALS = MARKER_NUMERALS + "〇零百"
OPEN_BRACKETS = "（("
CLOSE_BRACKETS = "）)"


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
