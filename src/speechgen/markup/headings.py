"""Heading markers: strip what the author typed, number levels 1–4 (GB/T 9704 7.3.3), no skips."""

from __future__ import annotations

import re
from dataclasses import replace

from speechgen.document import Block, Heading
from speechgen.errors import Problem
from speechgen.zh import heading_marker
from speechgen.zh.markers import LONG_MARKER_NUMERALS, NumberingStyle

_CN = LONG_MARKER_NUMERALS
# Markers an author may type before a heading's text; each needs its punctuation, so a heading
# such as "第一季度项目进展" or "1.5亿元资金到位情况" keeps its words.
_TYPED_MARKER = re.compile(
    rf"""^\s*(?:
        第[{_CN}]+\s*[，,、.．]      # 第一，  第三,
      | [{_CN}]+\s*[、.．，,]        # 一、
      | [（(]\s*[{_CN}]+\s*[）)]     # （二）
      | [0-9０-９]+\s*[、.．](?![0-9０-９])  # 1.  1、
      | [（(]\s*[0-9０-９]+\s*[）)]  # （1）
    )\s*""",
    re.VERBOSE,
)


def strip_marker(text: str) -> str:
    """Return the heading text without a marker the author typed ("一、", "（二）", "第三，", "1.")."""
    return _TYPED_MARKER.sub("", text, count=1).strip()


def number_headings(blocks: list[Block], style: NumberingStyle, source: str, problems: list[Problem]) -> list[Block]:
    """Return blocks with every Heading's marker assigned; counters restart below a new heading.

    A level may go down by any amount but up by one only (## then #### skips a level): GB/T 9704
    numbers 一、（一）1.（1） in that order, so a skip is reported with its line.
    """
    counters = [0, 0, 0, 0, 0]  # index 1–4 used
    current = 0
    numbered: list[Block] = []
    for block in blocks:
        if not isinstance(block, Heading):
            numbered.append(block)
            continue
        if block.level > current + 1:
            problems.append(_skip_problem(block, current, source))
        counters[block.level] += 1
        for deeper in range(block.level + 1, 5):
            counters[deeper] = 0
        current = block.level
        marker = heading_marker(block.level, counters[block.level], style)
        numbered.append(replace(block, marker=marker))
    return numbered


def _skip_problem(block: Heading, current: int, source: str) -> Problem:
    hashes = "#" * (block.level + 1)
    expected = "#" * (current + 2)
    where = f"上一级是第{current}层" if current else "前面还没有第一层标题（##）"
    return Problem(
        f"标题“{block.text}”用了 {hashes}（第{block.level}层），但{where}，跳过了层次",
        file=source,
        row=block.source_line,
        hint=f"公文层次须依次为 一、（一）1.（1），这里应使用 {expected}",
    )
