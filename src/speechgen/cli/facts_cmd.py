"""`speechgen facts`: print the figures computed from a ledger and a meeting file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import click

from speechgen import api, zh
from speechgen.cli.facts_changes import change_tables
from speechgen.cli.zhclick import ZhCommand
from speechgen.errors import Problem
from speechgen.facts import GROUP_LABELS, REASON_LABELS, Facts, GroupBy, GroupFacts, Laggard
from speechgen.zh.dates import format_month_day

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

BY_CHOICES: tuple[GroupBy, ...] = ("district", "owner", "leader", "nature", "category")
PLAIN_WIDTH = 180  # columns when stdout is not a terminal (pipe, file, CliRunner): no wrapping of names


@click.command("facts", cls=ZhCommand, short_help="查看台账算出的各项数据：总体、排名、滞后项目、问题分类。")
@click.option("--data", "-d", required=True, metavar="台账",
              type=click.Path(path_type=Path),
              help="项目台账：.xlsx、.csv、.yaml 或 .json。")
@click.option("--meeting", "-m", required=True, metavar="会议信息",
              type=click.Path(path_type=Path),
              help="会议信息文件（meeting.yaml），其中 as_of 为数据截至日期。")
@click.option("--previous", "-p", "previous", multiple=True, metavar="上期台账", type=click.Path(path_type=Path),
              help="上期（如上月）的台账，与本期比较：本月完成、完成率变化、排名升降、新开工、连续滞后等。"
                   "可给多次，按从早到晚的顺序；上期数据截至日期取 meeting.yaml 的 previous_as_of、"
                   "台账的“数据截至”或“1—4月完成投资”表头。")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON 供程序读取（格式见上文）。")
@click.option("--by", type=click.Choice(BY_CHOICES), default=None, metavar="分组",
              help="排名表的分组：district 县区（默认）、owner 责任单位、leader 包保领导、"
                   "nature 建设性质、category 产业类别。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def facts_command(data: Path, meeting: Path, previous: tuple[Path, ...], as_json: bool, by: GroupBy | None) -> None:
    """查看从台账算出的各项数据：总体情况、各县区推进情况（含排名）、滞后项目和问题分类。

    时序进度：数据截至日为月末时按“已过月数÷12”计（5月31日为41.7%），否则按“已过天数（含当天）÷全年天数”计。

    如需指定算法，在 meeting.yaml 中写 schedule_basis: month（按月）或 day（按日）。

    滞后项目：投资完成率落后时序进度超过10个百分点，或计划开工日期已过仍未开工（尚未到计划开工日期的项目不按完成率计）。

    \b
    --json 输出一个对象（金额 *_wan 为万元、*_yi 为亿元，比率为百分数，
    差值为百分点，不存在的数为 null，日期为 YYYY-MM-DD）：
      schema       "speechgen-facts/2"
      meeting      region, level, scope, meeting, date, as_of
      schedule     as_of, basis, months_elapsed, days_elapsed, days_in_year, progress
      overall      汇总行（见“行”）
      by_district  各县区的行，按完成率排名
      groups       （给出 --by 时）by, label, rows
      laggards     name, district, owner, leader, status, annual_plan_wan, completed_wan,
                   completion_rate, gap_points, planned_start, reasons, reason_labels, row
      problems     type, count, projects
      changes      （给出 --previous 时）periods, overall, groups, projects, added,
                   removed, new_laggards, cleared, continuing（见 docs/compare.md）
      warnings     message, file, sheet, row, column
      行           key, rank, projects, stages{前期…投产}, started, not_started, start_rate,
                   total_wan/_yi, annual_plan_wan/_yi, completed_wan/_yi, completion_rate,
                   gap_points, laggards
    """
    facts = api.compute_facts(data, meeting, previous=previous)
    _print_warnings(facts.warnings)
    if as_json:
        click.echo(api.facts_to_json(facts, by=by), nl=False)
        return
    by = by or "district"
    rows = facts.by_district if by == "district" else api.group_facts(facts, by)
    console = _console()
    _emit(console, f"{facts.meeting.region}{facts.meeting.meeting}　数据截至{zh.format_date(facts.schedule.as_of)}")
    for table in (_overview(facts), _groups(rows, GROUP_LABELS[by]), _laggards(facts, console.width), _problems(facts)):
        _emit(console, "")
        _emit(console, table)
    if facts.changes is not None:
        for table in change_tables(facts.changes, by, facts.schedule):
            _emit(console, "")
            _emit(console, table)


def _console(stderr: bool = False) -> Console:
    """Return a rich console; outside a terminal it is wide and colourless, so pipes stay readable."""
    from rich.console import Console

    console = Console(stderr=stderr, markup=False, highlight=False, emoji=False)
    if not console.is_terminal:
        console = Console(stderr=stderr, markup=False, highlight=False, emoji=False, width=PLAIN_WIDTH)
    return console


def _emit(console: Console, renderable: Table | str) -> None:
    """Print to the terminal as rich does; elsewhere without the padding spaces at line ends."""
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    click.echo("\n".join(line.rstrip() for line in captured.get().splitlines()))


def _print_warnings(warnings: tuple[Problem, ...]) -> None:
    if warnings:
        console = _console(stderr=True)
        for warning in warnings:
            console.print(warning.format(), style="yellow", soft_wrap=True)


NARROW_WIDTH = 120  # below this many columns the 滞后项目 table folds each project's details under its name
_TEXT_MIN_WIDTH = 6  # a text column never narrower than three hanzi (rich would squeeze it to nothing)


def _table(title: str, *columns: str, right: tuple[int, ...] = ()) -> Table:
    """Return a table whose figures never wrap; text folds (never cut with "…"). Headers of figure
    columns break into two lines ("与时序\n进度比"), so that an 80-column terminal holds them."""
    from rich import box
    from rich.table import Table

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, title_style="bold",
                  show_edge=False)
    for index, column in enumerate(columns):
        numeric = index in right
        table.add_column(column, justify="right" if numeric else "left", no_wrap=numeric, overflow="fold",
                         min_width=None if numeric else _TEXT_MIN_WIDTH)
    return table


def _yi(wan: Decimal) -> str:
    return zh.format_yi(wan, fixed=True, unit=False)


def _both(wan: Decimal) -> str:
    return f"{zh.format_yi(wan)}（{zh.format_wan(wan)}）"


def _signed(points: Decimal | None) -> str:
    """Return a gap in 百分点 as "+2.3" / "-18.6" / "0.0"; "—" when there is none."""
    if points is None:
        return "—"
    return "0.0" if points == 0 else f"{points:+.1f}"


def _overview(facts: Facts) -> Table:
    overall, schedule = facts.overall, facts.schedule
    table = _table("总体情况", "项目", "数值")
    if schedule.basis == "month":
        basis = f"按月计：{schedule.months_elapsed}÷12"
    else:
        basis = f"按日计：{schedule.days_elapsed}÷{schedule.days_in_year}"
    stages = "，".join(f"{stage.value}{count}个" for stage, count in overall.stage_counts)
    rate = zh.format_percent(overall.completion_rate)
    if overall.gap_points is not None:
        rate += f"（{zh.compare_phrase(overall.gap_points)}）"
    rows = [
        ("时序进度", f"{zh.format_percent(schedule.progress)}（{basis}）"),
        ("项目总数", f"{overall.projects}个（{stages}）"),
        ("已开工", f"{overall.started}个，开工率{zh.format_percent(overall.start_rate)}"),
        ("总投资", _both(overall.total)),
        ("年度计划投资", _both(overall.annual_plan)),
        ("完成投资", _both(overall.completed)),
        ("投资完成率", rate),
        ("滞后项目", f"{len(facts.laggards)}个（落后时序进度超过{facts.lag_threshold_points}个百分点或逾期未开工）"),
    ]
    for label, value in rows:
        table.add_row(label, value)
    return table


def _groups(rows: tuple[GroupFacts, ...], label: str) -> Table:
    title = f"各{label}推进情况（金额单位：亿元；与时序进度比单位：百分点）"
    table = _table(title, "排名", label, "项目数", "已开工", "年度\n计划", "完成\n投资", "完成率", "与时序\n进度比",
                   "滞后\n项目", right=(0, 2, 3, 4, 5, 6, 7, 8))
    for group in rows:
        table.add_row(
            "—" if group.rank is None else str(group.rank), group.key, str(group.projects), str(group.started),
            _yi(group.annual_plan), _yi(group.completed), zh.format_percent(group.completion_rate),
            _signed(group.gap_points), str(group.laggards),
        )
    return table


def _planned_start(laggard: Laggard, as_of: dt.date) -> str:
    """Return the 计划开工 date of a project not started ("3月1日"; with the year if it differs)."""
    start = laggard.project.planned_start
    if start is None or laggard.project.status.started:
        return "—"
    return format_month_day(start) if start.year == as_of.year else zh.format_date(start)


def _laggards(facts: Facts, width: int = PLAIN_WIDTH) -> Table | str:
    """Return the 滞后项目 table; in a narrow terminal (an 80-column one) each project's 县区,
    责任单位, 包保领导, 计划开工 and reasons go on lines under its name, so that no column is
    squeezed to a hanzi or two."""
    if not facts.laggards:
        return "滞后项目：无。"
    title = f"滞后项目（{len(facts.laggards)}个）"
    narrow = width < NARROW_WIDTH
    if narrow:
        table = _table(title, "序号", "项目", "完成率", "与时序\n进度比", right=(0, 2, 3))
    else:
        table = _table(title, "序号", "项目名称", "县区", "责任单位", "包保领导", "完成率", "与时序进度比",
                       "计划开工", "原因", right=(0, 5, 6))
    for number, laggard in enumerate(facts.laggards, start=1):
        project = laggard.project
        start = _planned_start(laggard, facts.schedule.as_of)
        figures = (zh.format_percent(laggard.completion_rate), _signed(laggard.gap_points))
        reasons = "、".join(REASON_LABELS[r] for r in laggard.reasons)
        if narrow:
            lines = [project.name, f"{project.district}｜{project.owner}",
                     f"包保：{project.leader or '—'}" + ("" if start == "—" else f"｜计划开工：{start}"),
                     f"原因：{reasons}"]
            table.add_row(str(number), "\n".join(lines), *figures)
        else:
            table.add_row(str(number), project.name, project.district, project.owner, project.leader or "—",
                          *figures, start, reasons)
    return table


def _problems(facts: Facts) -> Table | str:
    if not facts.problems:
        return "问题分类：台账中没有填报存在问题。"
    table = _table("问题分类", "问题类型", "项目数", "涉及项目", right=(1,))
    for problem in facts.problems:
        table.add_row(problem.problem_type, str(problem.count), "、".join(problem.projects))
    return table
