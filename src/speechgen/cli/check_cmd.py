"""`speechgen check`: lint a draft before it goes out (exit 0 clean, 1 findings, 2 bad input)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from speechgen import api
from speechgen.cli.zhclick import ZhCommand


def write_rules(formatter: click.HelpFormatter) -> None:
    """Write every check rule under its group: name, then its one-line summary (one column for
    the names of every group)."""
    rules = api.check_rules()
    width = max(len(rule.name) for rule in rules)
    groups: dict[str, list[tuple[str, str]]] = {}
    for rule in rules:
        groups.setdefault(rule.group, []).append((rule.name.ljust(width), rule.summary))
    for group, rows in groups.items():
        formatter.write_text(f"{group}：")
        with formatter.indentation():
            formatter.write_dl(rows)


_RULES_HEADING = "检查规则（报告中每处问题都注明规则名；用 --ignore 规则名 跳过）"


class CheckCommand(ZhCommand):
    """`check`'s help ends with the rules, listed from the rule chain itself."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        formatter.write_text(f"{_RULES_HEADING}：")
        with formatter.indentation():
            write_rules(formatter)


def _list_rules(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    formatter = ctx.make_formatter()
    formatter.write_text(f"{_RULES_HEADING}：")
    write_rules(formatter)
    click.echo(formatter.getvalue().rstrip("\n"))
    ctx.exit(0)


def _rule_names(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """Return the names given to --ignore, each option possibly a comma-separated list."""
    return tuple(name for value in values for name in re.split(r"[,，、\s]+", value) if name)


@click.command("check", cls=CheckCommand, short_help="检查稿件：占位符、编号、标点、日期、数字与台账、版式。")
@click.argument("source", metavar="稿件", type=click.Path(path_type=Path))
@click.option("--data", "-d", metavar="台账", type=click.Path(path_type=Path), default=None,
              help="项目台账：给出时核对文中每个金额、百分比、百分点和项目个数。")
@click.option("--meeting", "-m", metavar="会议信息", type=click.Path(path_type=Path), default=None,
              help="会议信息文件（meeting.yaml），与 --data 一起给出。")
@click.option("--previous", "-p", "previous", multiple=True, metavar="上期台账", type=click.Path(path_type=Path),
              help="上期台账（与 --data 一起）：文稿中较上月的数字也逐一核对。可给多次，从早到晚。")
@click.option("--ignore", "ignore", metavar="规则", multiple=True, callback=_rule_names,
              help="跳过这条检查规则（规则名见下文）；可多次给出，或用逗号分隔。")
@click.option("--list-rules", is_flag=True, is_eager=True, expose_value=False, callback=_list_rules,
              help="列出全部检查规则及说明并退出。")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON 供程序读取（格式见上文）。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def check_command(source: Path, data: Path | None, meeting: Path | None, previous: tuple[Path, ...],
                  ignore: tuple[str, ...], as_json: bool) -> None:
    """检查稿件（.docx、.md 或 .txt）是否可以付印：占位符、编号、标点、日期，给出台账时核对数字。

    .docx 还核对版式（与 GB/T 9704 及本工具排版所用数值一致）。各条规则见下文。

    \b
    退出码：0 未发现问题（或只有“提示”），1 发现问题，2 文件无法使用或规则名有误。
    --json 输出 {"file", "ok", "counts": {error, warning, info}, "findings": [{rule, severity,
    paragraph, quote, message, fix, line}], "ignored": [跳过的规则]}；paragraph 为段落序号
    （全文性问题为 null）。
    """
    report = api.check(source, data=data, meeting=meeting, ignore=ignore, previous=previous)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.render())
    sys.exit(report.exit_code)
