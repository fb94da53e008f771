"""Excel workbooks (.xlsx) → Grids, one per visible sheet, read one at a time within limits.

The package is checked first (package.py: a zip bomb is refused before anything is unpacked);
openpyxl then opens it read-only, which reads the workbook's parts but no sheet; each sheet is
streamed by sheets.py, with merged cells filled in and a cell budget shared by the whole workbook.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from speechgen.errors import InputError, Problem
from speechgen.sources.files import REOPEN_HINT, is_ole
from speechgen.sources.grid import Grid
from speechgen.sources.package import check_package
from speechgen.sources.sheets import Budget, read_sheet

PREFERRED_SHEET_WORDS = ("台账", "项目")


@contextmanager
def open_xlsx(path: Path, data: bytes) -> Iterator[Iterator[Grid]]:
    """Yield the workbook's sheets as Grids, read as they are asked for: visible sheets named like
    台账/项目 first, then the other visible ones in tab order (all sheets if none is visible)."""
    workbook = _open(path, data)
    try:
        sheets = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"] or list(workbook.worksheets)
        preferred = [ws for ws in sheets if any(word in ws.title for word in PREFERRED_SHEET_WORDS)]
        ordered = preferred + [ws for ws in sheets if ws not in preferred]
        budget = Budget()
        yield (read_sheet(ws, path.name, budget) for ws in ordered)
    finally:
        workbook.close()


def read_xlsx(path: Path, data: bytes) -> list[Grid]:
    """Return a Grid per visible sheet, in the order of open_xlsx."""
    with open_xlsx(path, data) as grids:
        return list(grids)


def _open(path: Path, data: bytes):  # -> openpyxl's read-only Workbook, imported lazily
    from openpyxl import load_workbook

    if is_ole(data):
        raise InputError(Problem(
            "这不是 .xlsx 格式的文件（可能是改了扩展名的旧版 .xls，或设置了打开密码）", file=path.name,
            hint="如有打开密码，请先取消密码；否则" + REOPEN_HINT))
    if not data.startswith(b"PK"):
        raise InputError(Problem("这不是有效的 .xlsx 文件（内容不是 Excel 工作簿）", file=path.name,
                                 hint=REOPEN_HINT))
    check_package(path.name, data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns (prints) about parts it does not support
            return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a damaged package fails anywhere inside openpyxl, zipfile or the XML parser
        raise InputError(Problem(f"无法读取这个 Excel 文件，文件可能已损坏（{type(exc).__name__}）",
                                 file=path.name, hint=REOPEN_HINT)) from exc
