"""Excel workbooks (.xlsx) → Grids, one per visible sheet, with merged cells filled in.

openpyxl's read-only mode would be faster, but it does not expose merged ranges, and real
ledgers merge a 县区 cell over all of its projects' rows: each of those rows must carry the
县区. So the workbook is loaded normally; ``data_only=True`` gives formulas' cached values.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from speechgen.errors import InputError, Problem
from speechgen.sources.files import is_ole
from speechgen.sources.formulas import uncached_formulas
from speechgen.sources.grid import Grid

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

PREFERRED_SHEET_WORDS = ("台账", "项目")
_REOPEN_HINT = "请在 Excel 或 WPS 中打开它，“另存为”.xlsx 后再试"


def read_xlsx(path: Path, data: bytes) -> list[Grid]:
    """Return a Grid per visible sheet: sheets named like 台账/项目 first, then in tab order."""
    workbook = _open(path, data)
    sheets = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"] or list(workbook.worksheets)
    preferred = [ws for ws in sheets if any(word in ws.title for word in PREFERRED_SHEET_WORDS)]
    ordered = preferred + [ws for ws in sheets if ws not in preferred]
    uncached = uncached_formulas(data)
    return [Grid(path.name, ws.title, _values(ws), uncached.get(ws.title, frozenset())) for ws in ordered]


def _open(path: Path, data: bytes):  # -> openpyxl Workbook, imported lazily
    from openpyxl import load_workbook

    if is_ole(data):
        raise InputError(Problem(
            "这不是 .xlsx 格式的文件（可能是改了扩展名的旧版 .xls，或设置了打开密码）", file=path.name,
            hint="如有打开密码，请先取消密码；否则" + _REOPEN_HINT))
    if not data.startswith(b"PK"):
        raise InputError(Problem("这不是有效的 .xlsx 文件（内容不是 Excel 工作簿）", file=path.name,
                                 hint=_REOPEN_HINT))
    try:
        return load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # a damaged package fails anywhere inside openpyxl, zipfile or lxml
        raise InputError(Problem(f"无法读取这个 Excel 文件，文件可能已损坏（{type(exc).__name__}）",
                                 file=path.name, hint=_REOPEN_HINT)) from exc


def _values(ws: Worksheet) -> list[list[object]]:
    """Return the sheet's values from A1, each merged range carrying its top-left value."""
    if ws.max_row < 1 or ws.max_column < 1:
        return []
    rows = [list(row) for row in ws.iter_rows(min_row=1, min_col=1, max_row=ws.max_row,
                                              max_col=ws.max_column, values_only=True)]
    for merged in ws.merged_cells.ranges:
        value = rows[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
            for c in range(merged.min_col - 1, min(merged.max_col, len(rows[r]))):
                rows[r][c] = value
    return rows
