"""Builders for the sources tests: small ledgers written with openpyxl into tmp_path.

(Named test_sources_* so it sits with the tests it serves; it holds no tests itself.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from speechgen.errors import InputError

HEADER = ["序号", "项目名称", "县区", "责任单位", "总投资（万元）", "年度计划投资（万元）", "完成投资（万元）",
          "项目状态"]


def row(n: int, name: str, district: str = "东城区", *, owner: str = "东城区发展改革局", total: object = 1000,
        plan: object = 500, done: object = 100, status: object = "在建") -> list[object]:
    """Return one project row in HEADER's column order."""
    return [n, name, district, owner, total, plan, done, status]


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], *, sheet: str = "项目表",
               merges: Iterable[str] = (), extra_sheets: Sequence[tuple[str, Sequence[Sequence[object]]]] = (),
               first: Sequence[tuple[str, Sequence[Sequence[object]]]] = ()) -> Path:
    """Write a workbook: ``first`` sheets, then ``sheet`` with ``rows`` and ``merges``, then ``extra_sheets``."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, content in first:
        _sheet(wb, title, content)
    ws = _sheet(wb, sheet, rows)
    for merged in merges:
        ws.merge_cells(merged)
    for title, content in extra_sheets:
        _sheet(wb, title, content)
    wb.save(path)
    return path


def _sheet(wb: Workbook, title: str, rows: Sequence[Sequence[object]]) -> Worksheet:
    ws = wb.create_sheet(title)
    for values in rows:
        ws.append(list(values))
    return ws


def simple_ledger(path: Path, rows: Sequence[Sequence[object]] | None = None) -> Path:
    """Write a plain ledger: HEADER on row 1 and three projects (or ``rows``) under it."""
    body = rows if rows is not None else [row(1, "甲项目"), row(2, "乙项目", "西湖区"), row(3, "丙项目", "西湖区")]
    return write_xlsx(path, [HEADER, *body])


def problems_of(excinfo: pytest.ExceptionInfo[InputError]) -> list[str]:
    """Return the formatted messages of a raised InputError."""
    return [problem.format() for problem in excinfo.value.problems]
