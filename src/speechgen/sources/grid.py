"""A sheet as a grid of cell values, and the part above its data: header row, unit and date notes.

xlsx and csv both become a Grid; everything after that is shared. The header row is the first
row (within HEADER_SEARCH_ROWS) with a 项目名称 cell and at least two other recognised columns,
so a title such as "重点项目名称一览" is not taken for it. A second header row under it ("投资
情况（万元）" spanning "总投资 | 年度计划 | 完成投资") is merged into the first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from speechgen.sources.headers import Column, header_unit, map_columns, match_field
from speechgen.sources.report import Report
from speechgen.sources.text import clean_text, display, normalise

HEADER_SEARCH_ROWS = 30
_UNIT_NOTE = re.compile(r"单位[:：]?(亿元|万元|元)")
_AS_OF_NOTE = re.compile(r"截[至止](?:日期|时间)?[:：]?(\d{4})年(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True)
class Grid:
    """One sheet's cell values; ``rows[0]`` is row 1 as the user numbers it."""

    file: str
    sheet: str | None
    rows: Sequence[Sequence[object]]
    uncached: frozenset[tuple[int, int]] = frozenset()  # (row, 0-based column) of formulas with no value
    hidden: frozenset[int] = frozenset()  # rows hidden in Excel (numbered as the user sees them)


@dataclass(frozen=True)
class Header:
    """The located header: where it is, what each column is, and the notes above it."""

    index: int  # 0-based index of the (first) header row in Grid.rows
    data_start: int  # 0-based index of the first row under the header
    columns: dict[str, Column]
    texts: tuple[str, ...]  # each column's header text, for messages
    unit: str  # the sheet's unit: from a 单位 note, else 万元
    unit_noted: bool
    as_of: dt.date | None  # a "数据截至" date written above the header


def find_header(grid: Grid) -> int | None:
    """Return the 0-based index of the header row, or None if the sheet has none."""
    fallback = None
    for index, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        fields = {found[0] for cell in row if (found := match_field(display(cell)))}
        if "name" in fields:
            if len(fields) >= 3:
                return index
            fallback = index if fallback is None else fallback
    return fallback


def describe_top(grid: Grid, limit: int = 5) -> str:
    """Return the first cells of the first non-empty rows: "第1行“示例市…”、第3行“序号”"."""
    shown = []
    for number, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS], start=1):
        first = next((text for cell in row if (text := clean_text(cell))), None)
        if first:
            shown.append(f"第{number}行“{first[:20]}”")
        if len(shown) == limit:
            break
    return "、".join(shown) or "（都是空的）"


def read_header(grid: Grid, index: int, report: Report) -> Header:
    """Return the Header at row ``index``, warning about ambiguous columns."""
    texts = [display(cell) for cell in grid.rows[index]]
    data_start = index + 1
    if _is_second_header(grid, index):
        texts = _merge_header_rows(texts, [display(cell) for cell in grid.rows[index + 1]])
        data_start += 1
    columns = map_columns(texts, report, row=index + 1)
    above = [clean_text(cell) or "" for row in grid.rows[:index] for cell in row]
    unit = next((m.group(1) for text in above if (m := _UNIT_NOTE.search(normalise(text)))), None)
    as_of = _as_of(above)
    return Header(index, data_start, columns, tuple(texts), unit or "万元", unit is not None, as_of)


def _is_second_header(grid: Grid, index: int) -> bool:
    """Return True if the row under the header continues it (sub-headers, no data)."""
    if index + 1 >= len(grid.rows):
        return False
    top, below = grid.rows[index], grid.rows[index + 1]
    if any(isinstance(cell, int | float) for cell in below):
        return False
    name_col = next(i for i, cell in enumerate(top) if (m := match_field(display(cell))) and m[0] == "name")
    name_below = display(below[name_col]) if name_col < len(below) else ""
    if name_below and name_below != display(top[name_col]):
        return False
    return any(match_field(display(cell)) for i, cell in enumerate(below)
               if display(cell) and (i >= len(top) or display(cell) != display(top[i])))


def _merge_header_rows(top: list[str], below: list[str]) -> list[str]:
    """Return one header text per column from two header rows.

    A sub-header that names a field alone wins ("总投资" under "投资情况"); otherwise the two
    are joined ("计划投资" over "年度" → "计划投资年度"). The parent's unit is kept either way.
    """
    width = max(len(top), len(below))
    top = top + [""] * (width - len(top))
    below = below + [""] * (width - len(below))
    merged = []
    for parent, sub in zip(top, below, strict=True):
        if not sub or sub == parent:
            merged.append(parent)
            continue
        text = sub if match_field(sub) else parent + sub
        unit = header_unit(parent)
        if unit and not header_unit(text):
            text += f"（{unit}）"
        merged.append(text)
    return merged


def _as_of(texts: list[str]) -> dt.date | None:
    for text in texts:
        found = _AS_OF_NOTE.search(normalise(text))
        if found:
            try:
                return dt.date(*(int(part) for part in found.groups()))
            except ValueError:
                return None
    return None


def find_as_of(grid: Grid, index: int) -> dt.date | None:
    """Return the 数据截至 date written above the header row at ``index``, or None."""
    return _as_of([clean_text(cell) or "" for row in grid.rows[:index] for cell in row])
