"""CSV files (.csv, .tsv) → a Grid: encoding detected, comma or tab separated, within limits."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from speechgen.errors import InputError, Problem
from speechgen.sources.grid import Grid
from speechgen.sources.limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS
from speechgen.sources.textfile import decode_text

_RESAVE_HINT = "请在 Excel 中打开后重新“另存为”CSV，或直接使用 .xlsx"
_SAVE_AS_UTF8 = "请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”，或直接使用 .xlsx"
_SAMPLE_CHARS = 65_536  # enough for the opening lines that decide the delimiter


def read_csv(path: Path, data: bytes) -> Grid:
    """Return the CSV file as a Grid; row numbers are record numbers, as Excel shows them.

    Refused: more than MAX_ROWS rows, a row wider than MAX_COLUMNS, a cell longer than
    MAX_CELL_CHARS (csv's own field limit comes later, at 131,072).
    """
    text = decode_text(data, path.name, "台账文件", _SAVE_AS_UTF8, binary=False)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[list[str | None]] = []
    try:
        for row in reader:
            if len(rows) == MAX_ROWS:
                raise _too_big(path, f"CSV 文件超过{MAX_ROWS}行", reader.line_num,
                               "真实的台账不会有这么多行；请确认选对了文件，或删去末尾多余的行")
            rows.append(_cells(path, row, reader.line_num))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise _too_big(path, f"这一行有一格超过{MAX_CELL_CHARS}个字符", reader.line_num,
                           "一格里不会有这么多文字；请确认选对了文件，或检查是否有引号没有配对") from exc
        raise InputError(Problem(f"CSV 文件格式有误（{exc}）", file=path.name, row=reader.line_num,
                                 hint=_RESAVE_HINT)) from exc
    return Grid(path.name, None, rows)


def _cells(path: Path, row: list[str], line: int) -> list[str | None]:
    if len(row) > MAX_COLUMNS and any(cell.strip() for cell in row[MAX_COLUMNS:]):
        raise _too_big(path, f"这一行超过{MAX_COLUMNS}列", line,
                       "台账不会有这么多列；请确认分隔符（逗号或制表符）没有用错")
    for cell in row:
        if len(cell) > MAX_CELL_CHARS:
            raise _too_big(path, f"这一行有一格超过{MAX_CELL_CHARS}个字符", line,
                           "一格里不会有这么多文字；请确认选对了文件，或检查是否有引号没有配对")
    return [cell if cell.strip() else None for cell in row[:MAX_COLUMNS]]


def _too_big(path: Path, message: str, line: int, hint: str) -> InputError:
    return InputError(Problem(message, file=path.name, row=line, hint=hint))


def _delimiter(text: str) -> str:
    """Return "\\t" when the opening lines have more tabs than commas (Excel's "Unicode 文本"), else ","."""
    sample = "\n".join(text[:_SAMPLE_CHARS].splitlines()[:30])
    return "\t" if sample.count("\t") > sample.count(",") else ","
