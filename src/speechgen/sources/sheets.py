"""One worksheet of an .xlsx → a Grid, streamed from its XML within the limits of limits.py.

openpyxl's normal mode builds an object per cell up to the sheet's last used cell, so one value
at XFD1048576 costs gigabytes; its read-only mode streams, but pads every row to the sheet's
declared width and drops merged ranges. So the sheet's XML is read here with openpyxl's own
row parser (the one both modes use: same dates, numbers and shared strings), keeping only cells
that hold a value, counting every cell against a workbook-wide budget, and refusing a value
beyond MAX_ROWS × MAX_COLUMNS or longer than a cell can be. The merged ranges come at the end
of the same XML and are filled in afterwards, over the values' extent only.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

from speechgen.errors import InputError, Problem
from speechgen.sources.files import REOPEN_HINT, damage
from speechgen.sources.grid import Grid
from speechgen.sources.limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_NUMBER_DIGITS, MAX_ROWS, MAX_SHEET_CELLS

_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")  # OOXML's escape of a character in text: _x000D_ is "\r"
_NUMBER_CHARS = MAX_NUMBER_DIGITS + 8  # room for a sign, a point and an exponent ("-1.5E+300")
_DELETE_HINT = "请选中表格下方和右侧多余的行、列，右键“删除”（不是只清除内容），保存后再试"


class Budget:
    """How many more cells (stored or filled in from merges) the workbook may cost."""

    def __init__(self, cells: int | None = None):
        self.left = MAX_SHEET_CELLS if cells is None else cells

    def spend(self, cells: int) -> bool:
        """Take ``cells`` from the budget; False when it ran out."""
        self.left -= cells
        return self.left >= 0


@dataclass(frozen=True)
class Sheet:
    """A worksheet of an opened workbook: its tab name, state and part, and what its cells need
    from the workbook (shared strings, date epoch and which styles are dates)."""

    title: str
    state: str
    part: str
    archive: object  # the package's zipfile.ZipFile
    shared_strings: list
    epoch: object
    date_formats: set
    timedelta_formats: set


@dataclass
class _Refusal(Exception):
    """A limit reached inside the parser; carries the cell and the Problem's text."""

    cell: str | None
    message: str
    hint: str


class _SheetParser(WorkSheetParser):
    """openpyxl's parser with each cell checked before and after openpyxl reads it."""

    def __init__(self, source, sheet: Sheet, budget: Budget):
        super().__init__(source, sheet.shared_strings, data_only=True, epoch=sheet.epoch,
                         date_formats=sheet.date_formats, timedelta_formats=sheet.timedelta_formats)
        self.budget = budget
        self.uncached: set[tuple[int, int]] = set()

    def parse_row(self, row):
        if not self.budget.spend(1):  # empty <row/> elements cost time too
            raise _Refusal(None, f"工作簿的单元格超过{MAX_SHEET_CELLS}个（含设了格式的空单元格）", _DELETE_HINT)
        return super().parse_row(row)

    def parse_cell(self, element):
        if not self.budget.spend(1):
            raise _Refusal(element.get("r"), f"工作簿的单元格超过{MAX_SHEET_CELLS}个（含设了格式的空单元格）",
                           _DELETE_HINT)
        if len(element) == 0 and element.get("r") and element.get("t") != "inlineStr":
            return None  # an empty (styled) cell: no value to parse; its r keeps later columns right
        written = element.find(VALUE_TAG)
        text = written.text if written is not None else None
        if text and len(text) > _NUMBER_CHARS and element.get("t", "n") in ("n", "b", "s", "d"):
            raise _Refusal(element.get("r"), f"这一格的数字有{len(text)}位，位数太多",
                           "请核对这一格是否误填，金额请只填数字")
        cell = super().parse_cell(element)
        value = cell["value"]
        if isinstance(value, str):
            value = cell["value"] = _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), value)
            if len(value) > MAX_CELL_CHARS:
                raise _Refusal(_name(cell), f"这一格有{len(value)}个字符，超过了{MAX_CELL_CHARS}个字符的上限",
                               "一格里不会有这么多文字；请确认填对了位置")
        row, column = cell["row"], cell["column"]
        if value is not None and (row > MAX_ROWS or column > MAX_COLUMNS or row < 1):
            raise _Refusal(_name(cell), f"这一格有内容，但超出了可以读取的范围（最多{MAX_ROWS}行、{MAX_COLUMNS}列）",
                           "台账不会有这么大；这一格多半是误填的，请删除它（或删除它所在的整行、整列）后再试")
        text_result = element.get("t") == "str" and written is not None  # a formula whose text result is ""
        if value is None and not text_result and element.find(FORMULA_TAG) is not None and 1 <= row <= MAX_ROWS:
            self.uncached.add((row, column - 1))
        return cell


def _name(cell: dict) -> str:
    row, column = cell["row"], cell["column"]
    return f"{get_column_letter(column)}{row}" if 1 <= column <= 18_278 else f"第{column}列第{row}行"


def read_sheet(sheet: Sheet, file: str, budget: Budget) -> Grid:
    """Return the Grid of one worksheet; InputError naming the sheet and cell when a limit is
    reached or the XML is damaged."""
    values: dict[int, dict[int, object]] = {}
    try:
        with sheet.archive.open(sheet.part) as source, warnings.catch_warnings():  # type: ignore[attr-defined]
            warnings.simplefilter("ignore")  # openpyxl warns (prints) about dates out of range, unknown extensions
            parser = _SheetParser(source, sheet, budget)
            for _, cells in parser.parse():
                for cell in cells:
                    if cell is not None and cell["value"] is not None:
                        values.setdefault(cell["row"], {})[cell["column"]] = cell["value"]
    except _Refusal as refusal:
        location = f"{refusal.cell}单元格：" if refusal.cell else ""
        raise InputError(Problem(location + refusal.message, file=file, sheet=sheet.title,
                                 hint=refusal.hint)) from None
    except Exception as exc:  # damaged XML fails anywhere inside openpyxl or the XML parser
        raise InputError(Problem(f"无法读取这个工作表，{damage(exc)}", file=file,
                                 sheet=sheet.title, hint=REOPEN_HINT)) from exc
    rows = _rows(values)
    _fill_merged(rows, parser.merged_cells, budget, file, sheet.title)
    hidden = frozenset(int(number) for number, attrs in parser.row_dimensions.items()
                       if str(attrs.get("hidden", "")).lower() in ("1", "true") and str(number).isdigit())
    return Grid(file, sheet.title, rows, frozenset(parser.uncached), hidden)


def _rows(values: dict[int, dict[int, object]]) -> list[list[object]]:
    """Return row lists from 1 to the last row holding a value, each as wide as its last value."""
    rows: list[list[object]] = [[] for _ in range(max(values, default=0))]
    for number, cells in values.items():
        row = rows[number - 1] = [None] * max(cells)
        for column, value in cells.items():
            row[column - 1] = value
    return rows


def _fill_merged(rows: list[list[object]], merged, budget: Budget, file: str, sheet: str) -> None:
    """Give every cell of a merged range its top-left value (a 县区 merged over its projects' rows),
    within the extent of the values: a range down to row 1048576 fills only the rows there are."""
    width = max((len(row) for row in rows), default=0)
    for first_col, first_row, last_col, last_row in _ranges(merged):
        if not (1 <= first_row <= len(rows) and 1 <= first_col <= width):
            continue
        top = rows[first_row - 1]
        value = top[first_col - 1] if first_col <= len(top) else None
        last_row, last_col = min(last_row, len(rows)), min(last_col, width)
        if not budget.spend((last_row - first_row + 1) * (last_col - first_col + 1)):
            raise InputError(Problem(f"合并单元格覆盖的单元格超过{MAX_SHEET_CELLS}个", file=file, sheet=sheet,
                                     hint="请取消不必要的合并单元格后再试"))
        for index in range(first_row - 1, last_row):
            row = rows[index]
            if len(row) < last_col:
                row.extend([None] * (last_col - len(row)))
            row[first_col - 1:last_col] = [value] * (last_col - first_col + 1)


def _ranges(merged) -> Iterator[tuple[int, int, int, int]]:
    """Yield (first column, first row, last column, last row) of each merged range, 1-based."""
    for cell_range in getattr(merged, "mergeCell", None) or ():
        try:
            first_col, first_row, last_col, last_row = range_boundaries(str(cell_range.ref))
        except (ValueError, TypeError):
            continue  # an unreadable range merges nothing
        yield first_col or 1, first_row or 1, last_col or MAX_COLUMNS, last_row or MAX_ROWS
