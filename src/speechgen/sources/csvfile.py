"""CSV files (.csv, .tsv) → a Grid: encoding detected, comma or tab separated."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from speechgen.errors import InputError, Problem
from speechgen.sources.files import decode_text
from speechgen.sources.grid import Grid


def read_csv(path: Path, data: bytes) -> Grid:
    """Return the CSV file as a Grid; row numbers are record numbers, as Excel shows them."""
    text = decode_text(data, path.name)
    delimiter = _delimiter(text)
    try:
        rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise InputError(Problem(f"CSV 文件格式有误（{exc}）", file=path.name,
                                 hint="请在 Excel 中打开后重新“另存为”CSV，或直接使用 .xlsx")) from exc
    return Grid(path.name, None, [[cell if cell.strip() else None for cell in row] for row in rows])


def _delimiter(text: str) -> str:
    """Return "\\t" when the opening lines have more tabs than commas (Excel's "Unicode 文本"), else ","."""
    sample = "\n".join(text.splitlines()[:30])
    return "\t" if sample.count("\t") > sample.count(",") else ","
