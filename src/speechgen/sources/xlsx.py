"""Excel workbooks (.xlsx) → Grids, one per visible sheet, read one at a time within limits.

The package is checked first (package.py: a zip bomb is refused before anything is unpacked);
openpyxl then reads the workbook's own parts (workbook, shared strings, styles) but no sheet —
its read-only mode would scan a sheet without a <dimension> end to end just to size it — and
each sheet is streamed by sheets.py, merged cells filled in, a cell budget shared by the workbook.
"""

from __future__ import annotations

import functools
import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from speechgen.errors import InputError, Problem
from speechgen.sources.files import REOPEN_HINT, damage, is_ole
from speechgen.sources.grid import Grid
from speechgen.sources.package import check_package
from speechgen.sources.sheets import Budget, Sheet, read_sheet

PREFERRED_SHEET_WORDS = ("台账", "项目")


def sheet_names(path: Path, data: bytes) -> tuple[str, ...]:
    """Return the names of the workbook's visible sheets in tab order (all if none is visible),
    reading none of them; InputError when the workbook cannot be opened."""
    sheets, archive = _open(path, data)
    archive.close()
    return tuple(sheet.title for sheet in ([sheet for sheet in sheets if sheet.state == "visible"] or sheets))


@contextmanager
def open_xlsx(path: Path, data: bytes) -> Iterator[Iterator[Grid]]:
    """Yield the workbook's sheets as Grids, read as they are asked for: visible sheets named like
    台账/项目 first, then the other visible ones in tab order (all sheets if none is visible)."""
    sheets, archive = _open(path, data)
    try:
        shown = [sheet for sheet in sheets if sheet.state == "visible"] or sheets
        preferred = [sheet for sheet in shown if any(word in sheet.title for word in PREFERRED_SHEET_WORDS)]
        ordered = preferred + [sheet for sheet in shown if sheet not in preferred]
        budget = Budget()
        yield (read_sheet(sheet, path.name, budget) for sheet in ordered)
    finally:
        archive.close()


def read_xlsx(path: Path, data: bytes) -> list[Grid]:
    """Return a Grid per visible sheet, in the order of open_xlsx."""
    with open_xlsx(path, data) as grids:
        return list(grids)


def _open(path: Path, data: bytes) -> tuple[list[Sheet], object]:
    """Return the workbook's worksheets (chart sheets left out) and the open package."""
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
            reader = _reader_class()(io.BytesIO(data), read_only=True, data_only=True)
            reader.read()
    except Exception as exc:  # a damaged package fails anywhere inside openpyxl, zipfile or the XML parser
        raise InputError(Problem(f"无法读取这个 Excel 文件，{damage(exc)}", file=path.name,
                                 hint=REOPEN_HINT)) from exc
    return reader.sheets, reader.archive


@functools.cache
def _reader_class() -> type:  # openpyxl is imported when a workbook is first read
    from openpyxl.reader.excel import ExcelReader

    class WorkbookReader(ExcelReader):
        """openpyxl's package reader, stopping short of the sheets: they are only listed."""

        sheets: list[Sheet]

        def read_worksheets(self) -> None:
            wb = self.wb
            self.sheets = [
                Sheet(sheet.name, sheet.state or "visible", rel.target, self.archive, self.shared_strings, wb.epoch,
                      wb._date_formats, wb._timedelta_formats)
                for sheet, rel in self.parser.find_sheets()
                if rel.target in self.valid_files and "chartsheet" not in rel.Type
            ]

    return WorkbookReader

