"""Checks across the rows of a ledger: duplicate names, implausible amounts, the 合计 row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from speechgen.model import Project, Stage
from speechgen.sources.cells import UNIT_FACTORS
from speechgen.sources.records import Layout, RawRow
from speechgen.sources.report import Report
from speechgen.sources.text import clean_text, normalise
from speechgen.zh import format_wan


def check_duplicates(rows: Sequence[RawRow], report: Report, layout: Layout) -> None:
    """Report each project name that appears on more than one row, naming all its rows.

    Raw rows are compared, so a duplicate is found even where one of the rows has other errors.
    """
    seen: dict[str, list[tuple[int, RawRow]]] = {}
    for index, raw in enumerate(rows):
        name = clean_text(raw.values.get("name"))
        if name:
            seen.setdefault(normalise(name), []).append((index, raw))
    for same in seen.values():
        if len(same) > 1:
            where = "、".join(f"第{raw.row}行" if raw.row else f"第{index + 1}个项目" for index, raw in same)
            last = same[-1][1]
            report.add(f"项目名称“{clean_text(last.values.get('name'))}”重复出现（{where}）", row=last.row,
                       column=layout.column("name"),
                       hint="同一项目只保留一行；确是不同项目的，请在名称中加上县区或期次加以区分")


def check_amounts(projects: Sequence[Project], report: Report, layout: Layout) -> None:
    """Warn where 完成投资 exceeds 年度计划投资, or 年度计划投资 exceeds 总投资."""
    for p in projects:
        if p.completed > p.annual_plan:
            report.warn(
                f"“{p.name}”完成投资{format_wan(p.completed)}超过年度计划投资{format_wan(p.annual_plan)}",
                row=p.row, column=layout.column("completed"),
                hint="请核对是否误填了开工以来的累计完成投资；若确已超额完成可不理会")
        if p.annual_plan > p.total:
            report.warn(
                f"“{p.name}”年度计划投资{format_wan(p.annual_plan)}超过总投资{format_wan(p.total)}",
                row=p.row, column=layout.column("annual_plan"), hint="请核对两列数字和单位")
        _check_status(p, report, layout)


def _check_status(p: Project, report: Report, layout: Layout) -> None:
    """Warn where the status and the investment disagree: not started (前期/未开工/暂缓) but with
    完成投资, or 竣工/投产 with none — an inconsistency the documents would otherwise repeat."""
    status = p.status_text or p.status.value
    if not p.status.started and p.completed > 0:
        report.warn(f"“{p.name}”的项目状态是“{status}”，却填报了完成投资{format_wan(p.completed)}",
                    row=p.row, column=layout.column("status"),
                    hint="未开工的项目一般没有完成投资；请核对项目状态（是否已开工）或完成投资")
    elif p.status in (Stage.COMPLETED, Stage.OPERATING) and p.completed == 0 and p.annual_plan > 0:
        report.warn(f"“{p.name}”的项目状态是“{status}”，但本年完成投资为0（年度计划{format_wan(p.annual_plan)}）",
                    row=p.row, column=layout.column("completed"),
                    hint="请核对完成投资是否漏填，或项目状态是否填错")


def check_totals(projects: Sequence[Project], totals: Mapping[str, Decimal], row: int | None,
                 report: Report, layout: Layout) -> None:
    """Warn when the ledger's own 合计 row disagrees with the sum of its project rows.

    ``totals`` holds the 合计 row's amounts as written, in the column's unit. A 合计 typed
    rounded is allowed half of its last written digit.
    """
    for name, written in totals.items():
        factor = UNIT_FACTORS[layout.unit(name)]
        exponent = written.as_tuple().exponent
        last_digit = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
        tolerance = max(last_digit / 2 * factor, Decimal("0.01"))
        computed = sum((getattr(p, name) for p in projects), Decimal(0))
        if abs(computed - written * factor) > tolerance:
            report.warn(
                f"合计行的数字是{format_wan(written * factor)}，各项目相加是{format_wan(computed)}",
                row=row, column=layout.column(name),
                hint="请核对是否有漏填、重复或隐藏的行，或合计公式的范围是否完整")
