"""read_ledger: a 项目台账 file (.xlsx, .csv, .yaml, .json) → Ledger, or every problem at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from speechgen.errors import Problem
from speechgen.inputs import InputFile
from speechgen.model import Project
from speechgen.sources.checks import check_amounts, check_duplicates, check_totals
from speechgen.sources.csvfile import read_csv
from speechgen.sources.files import LEDGER_LOOKALIKES, check_data, check_file
from speechgen.sources.grid import HEADER_SEARCH_ROWS, Grid, Header, describe_top, find_header, read_header
from speechgen.sources.headers import AMOUNT_FIELDS, report_missing
from speechgen.sources.limits import MAX_DATA_BYTES, MAX_LEDGER_BYTES
from speechgen.sources.records import Layout, RawRow, build_project
from speechgen.sources.report import Report
from speechgen.sources.rows import SheetRows, collect_rows
from speechgen.sources.structured import read_structured
from speechgen.sources.xlsx import open_xlsx

STRUCTURED_SUFFIXES = (".yaml", ".yml", ".json")
LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".tsv", *STRUCTURED_SUFFIXES)


@dataclass(frozen=True)
class Ledger:
    """A read 项目台账: its projects (amounts in 万元) and what a person should look at.

    ``sheet`` is the worksheet read (None for csv/yaml/json); ``unit`` the unit the ledger
    wrote its amounts in (万元 or 亿元); ``as_of`` a "数据截至" date noted above the table.
    """

    projects: tuple[Project, ...]
    warnings: tuple[Problem, ...]
    sheet: str | None
    unit: str
    as_of: dt.date | None = None
    headers: Mapping[str, str] = field(default_factory=dict)  # field → its header as written


@dataclass(frozen=True)
class _Parsed:
    rows: list[RawRow]
    layout: Layout
    sheet_rows: SheetRows | None = None
    sheet: str | None = None
    unit: str = "万元"
    as_of: dt.date | None = None


def read_ledger(path: Path, *, year: int | None = None) -> Ledger:
    """Return the ledger in ``path``; raise InputError listing every problem found.

    ``year`` completes month-only dates such as "3月" (read_dossier passes the meeting's year).
    """
    path = Path(path)
    max_bytes, too_big_hint = ledger_size_limit(path.suffix.lower())
    data = check_file(path, LEDGER_SUFFIXES, "台账文件", max_bytes, LEDGER_LOOKALIKES, too_big_hint)
    return parse_ledger(InputFile(path.name, data), year=year)


def parse_ledger(file: InputFile, *, year: int | None = None) -> Ledger:
    """Return the ledger in ``file`` (its name's extension says the format; messages name it),
    reading nothing from disk; raise InputError listing every problem found, as read_ledger."""
    max_bytes, too_big_hint = ledger_size_limit(file.suffix)
    data = check_data(file, LEDGER_SUFFIXES, "台账文件", max_bytes, LEDGER_LOOKALIKES, too_big_hint).data
    path = Path(file.name)  # the format readers take the name as a path; a file name has no folder part
    report = Report(file.name)
    suffix = file.suffix
    if suffix in (".xlsx", ".xlsm"):
        with open_xlsx(path, data) as sheets:
            parsed = _from_grids(sheets, report)
    elif suffix in (".csv", ".tsv"):
        parsed = _from_grids([read_csv(path, data)], report)
    else:
        rows, layout = read_structured(path, data, report)
        parsed = _Parsed(rows, layout, unit=layout.unit("annual_plan"))
    projects = [p for raw in parsed.rows if (p := build_project(raw, parsed.layout, report, year))]
    _check(projects, parsed, report)
    report.raise_errors()
    return Ledger(tuple(projects), tuple(report.warnings), parsed.sheet, parsed.unit, parsed.as_of,
                  dict(parsed.layout.headers))


def ledger_size_limit(suffix: str) -> tuple[int, str]:
    """Return the byte limit of a ledger file and what to do when it is exceeded."""
    if suffix in STRUCTURED_SUFFIXES:
        return MAX_DATA_BYTES, "YAML/JSON 格式适合几千个项目以内的台账；更大的台账请用 .xlsx 或 .csv"
    return MAX_LEDGER_BYTES, "真实的台账一般只有几 MB；请确认选对了文件，删去多余的工作表、图片和空行后再试"


def _from_grids(grids: Iterable[Grid], report: Report) -> _Parsed:
    """Return the rows of the first sheet that has a header row (sheets after it are not read);
    report if none has."""
    seen = []
    for grid in grids:
        index = find_header(grid)
        if index is not None:
            report.sheet = grid.sheet
            return _from_grid(grid, index, report)
        seen.append(grid)
    _report_no_header(seen, report)
    report.raise_errors()
    raise AssertionError("unreachable: no header is always an error")


def _from_grid(grid: Grid, index: int, report: Report) -> _Parsed:
    header = read_header(grid, index, report)
    sheet_rows = collect_rows(grid, header)
    supplied = frozenset({"district"}) if sheet_rows.district_from_sections else frozenset()
    report_missing(header.columns, header.texts, report, index + 1, supplied)
    units = {name: header.columns[name].unit or header.unit for name in AMOUNT_FIELDS if name in header.columns}
    layout = Layout(
        present=frozenset(header.columns) | supplied,
        headers={name: column.header for name, column in header.columns.items()},
        units=units,
    )
    _report_uncached(grid, header, sheet_rows, report)
    if not sheet_rows.projects:
        report.add(f"表头（第{index + 1}行）下面没有项目行", hint="请确认项目数据填在表头下方，且没有被整行删除")
    return _Parsed(sheet_rows.projects, layout, sheet_rows, grid.sheet, units.get("annual_plan", header.unit),
                   header.as_of)


def _report_uncached(grid: Grid, header: Header, sheet_rows: SheetRows, report: Report) -> None:
    """Report project cells that hold a formula saved without its result (they read as empty)."""
    from openpyxl.utils.cell import get_column_letter

    rows = {raw.row for raw in sheet_rows.projects}
    columns = {column.index for column in header.columns.values()}
    cells = sorted((r, c) for r, c in grid.uncached if r in rows and c in columns)
    if cells:
        shown = "、".join(f"{get_column_letter(c + 1)}{r}" for r, c in cells[:3])
        report.add(f"有{len(cells)}个单元格是公式，但文件里没有保存计算结果（如 {shown}），读到的是空值",
                   hint="这类文件多由其他软件生成；请在 Excel 或 WPS 中打开，保存一次后再试")


def _report_no_header(grids: list[Grid], report: Report) -> None:
    if not any(cell is not None and str(cell).strip() for grid in grids for cells in grid.rows for cell in cells):
        report.add("文件里没有任何内容", hint="请确认选对了文件，并已保存内容")
        return
    first = grids[0]
    report.sheet = first.sheet
    others = "、".join(f"“{g.sheet}”" for g in grids[1:] if g.sheet)
    also = f"（也查看了工作表{others}）" if others else ""
    report.add(
        f"在前{min(HEADER_SEARCH_ROWS, len(first.rows))}行中没有找到表头行，即含“项目名称”一列的那一行{also}；"
        f"前几行的开头是：{describe_top(first)}",
        hint="请确认表头有一列叫“项目名称”（也可以叫“项目名”），或把对应的列改成这个名字")


def _check(projects: list[Project], parsed: _Parsed, report: Report) -> None:
    """Run the whole-ledger checks; the 合计 check only when every row was read."""
    if not parsed.rows and parsed.sheet_rows is None and not report.errors:
        report.add("文件里没有任何项目", hint="请至少填写一个项目")
    check_duplicates(parsed.rows, report, parsed.layout)
    check_amounts(projects, report, parsed.layout)
    totals = parsed.sheet_rows
    if totals and totals.grand_totals == 1 and len(projects) == len(parsed.rows):
        check_totals(projects, totals.totals, totals.totals_row, report, parsed.layout)
