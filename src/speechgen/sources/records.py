"""From raw ledger rows (field → cell value) to Projects, reporting every bad cell.

Every reader (xlsx, csv, yaml/json) produces RawRows; this module is where a row's cells are
parsed and checked, so all formats give the same messages. Empty 完成投资 means nothing
completed yet (0, no warning: normal for 前期 projects); an empty 总投资 or 年度计划投资 is an
error because the documents' figures depend on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from speechgen.model import Project, Stage
from speechgen.sources.cells import CellError, parse_amount, parse_date
from speechgen.sources.headers import RULES_BY_FIELD
from speechgen.sources.limits import MAX_CELL_CHARS
from speechgen.sources.report import Report
from speechgen.sources.text import CONTROL_HINT, clean_text, control_characters, quote
from speechgen.sources.vocab import STAGE_HELP, classify_problem, is_no_problem, parse_stage


@dataclass(frozen=True)
class RawRow:
    """One project row before parsing: its row number as the user sees it and its cells."""

    row: int | None
    values: Mapping[str, object]
    label: str | None = None  # "第3个项目" where the file has no row numbers


@dataclass(frozen=True)
class Layout:
    """What the rows' columns are called and in which unit they are written.

    ``present`` are the fields the file has a column (or key) for: an empty value in a field
    that has no column at all was already reported once, as a missing column.
    """

    present: frozenset[str]
    headers: Mapping[str, str] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)

    def column(self, name: str) -> str:
        """Return the header text shown in messages for a field."""
        return self.headers.get(name) or RULES_BY_FIELD[name].label

    def unit(self, name: str) -> str:
        """Return the unit an amount field is written in (万元 unless the file says otherwise)."""
        return self.units.get(name, "万元")


class _RowReader:
    """Reads the cells of one RawRow, reporting each problem at that row and column."""

    def __init__(self, raw: RawRow, layout: Layout, report: Report):
        self.raw, self.layout, self.report = raw, layout, report
        self.ok = True
        self.failed: set[str] = set()  # fields already reported

    def error(self, name: str, message: str, hint: str | None = None) -> None:
        self.ok = False
        self.failed.add(name)
        prefix = f"{self.raw.label}：" if self.raw.label else ""
        self.report.add(prefix + message, row=self.raw.row, column=self.layout.column(name), hint=hint)

    def warn(self, name: str, message: str, hint: str | None = None) -> None:
        prefix = f"{self.raw.label}：" if self.raw.label else ""
        self.report.warn(prefix + message, row=self.raw.row, column=self.layout.column(name), hint=hint)

    def missing(self, name: str, hint: str) -> None:
        if name in self.failed:
            return  # already reported for what it holds
        if name in self.layout.present:
            self.error(name, f"{RULES_BY_FIELD[name].label}为空", hint)
        else:
            self.ok = False  # the missing column was reported once for the whole file

    def cell(self, name: str) -> object:
        """Return the raw cell; None, after reporting it, for one longer than any cell can be."""
        value = self.raw.values.get(name)
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            self.error(name, f"这一格有{len(value)}个字符，超过了{MAX_CELL_CHARS}个字符的上限",
                       "一格里不会有这么多文字；请确认填对了位置")
            return None
        return value

    def text(self, name: str, required_hint: str | None = None) -> str | None:
        value = clean_text(self.cell(name))
        if value is not None and (found := control_characters(value)):
            self.error(name, f"“{quote(value)}”中有控制字符（{found}）", CONTROL_HINT)
            value = None
        if value is None and required_hint:
            self.missing(name, required_hint)
        return value

    def amount(self, name: str, required: bool) -> Decimal | None:
        try:
            value = parse_amount(self.cell(name), self.layout.unit(name))
        except CellError as exc:
            self.error(name, exc.message, exc.hint)
            return None
        if value is None and required:
            self.missing(name, f"请填写数字（单位：{self.layout.unit(name)}）")
        return value

    def stage(self) -> Stage | None:
        value = self.text("status", STAGE_HELP)
        if value is None:
            return None
        stage = parse_stage(value)
        if stage is None:
            self.error("status", f"“{quote(value)}”不是可识别的项目状态", STAGE_HELP)
        return stage

    def date(self, name: str, year: int | None) -> dt.date | None:
        # planned_start is optional: an unreadable date loses the overdue check, nothing else.
        try:
            return parse_date(self.cell(name), year)
        except CellError as exc:
            self.warn(name, exc.message + "，已按未填写处理", exc.hint)
            return None


def build_project(raw: RawRow, layout: Layout, report: Report, year: int | None = None) -> Project | None:
    """Return the Project of one row, or None after reporting every problem the row has."""
    cells = _RowReader(raw, layout, report)
    name = cells.text("name", "请补填项目名称，或删除这一行")
    district = cells.text("district", "请填写项目所在县区")
    owner = cells.text("owner", "请填写责任单位")
    total = cells.amount("total", required=True)
    annual_plan = cells.amount("annual_plan", required=True)
    completed = cells.amount("completed", required=False)
    status = cells.stage()
    planned_start = cells.date("planned_start", year)
    problem, problem_type = _problem(cells)
    optional = {name: cells.text(name) for name in ("code", "leader", "nature", "category", "progress")}
    if not cells.ok or None in (name, district, owner, total, annual_plan, status):
        return None
    return Project(
        name=name, district=district, owner=owner, **optional,
        total=total, annual_plan=annual_plan, completed=completed if completed is not None else Decimal(0),
        status=status, planned_start=planned_start, problem=problem, problem_type=problem_type,
        row=raw.row,
    )


def _problem(cells: _RowReader) -> tuple[str | None, str | None]:
    """Return (存在问题, 问题类型); the type is normalised, or inferred from the problem text."""
    problem = cells.text("problem")
    if problem and is_no_problem(problem):
        problem = None
    kind = cells.text("problem_type")
    if kind and is_no_problem(kind):
        kind = None
    if kind:
        return problem, classify_problem(kind)
    return problem, classify_problem(problem) if problem else None
