"""`speechgen check`: lint a draft before it goes out (exit 0 clean, 1 findings, 2 bad input)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from speechgen import api
from speechgen.cli.zhclick import ZhCommand


@click.command("check", cls=ZhCommand, short_help="检查稿件：占位符、编号、标点、日期、数字与台账、版式。")
@click.argument("source", metavar="稿件", type=click.Path(path_type=Path))
@click.option("--data", "-d", metavar="台账", type=click.Path(path_type=Path), default=None,
              help="项目台账：给出时核对文中每个金额、百分比、百分点和项目个数。")
@click.option("--meeting", "-m", metavar="会议信息", type=click.Path(path_type=Path), default=None,
              help="会议信息文件（meeting.yaml），与 --data 一起给出。")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON 供程序读取（格式见上文）。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def check_command(source: Path, data: Path | None, meeting: Path | None, as_json: bool) -> None:
    """检查稿件（.docx、.md 或 .txt）是否可以付印。

    \b
    检查项目（规则编号）：
      占位符      placeholder（XX、××、*、某某、〇〇、【】、{{ }}）、placeholder-blank（“增长%”
                  这样缺了数字）、web-debris（网页附带文字）、pinyin-debris、text-traditional
      编号        numbering-gap（一、二、四）、numbering-repeat、numbering-order、
                  numbering-mixed（同一层次“一、”与“第二，”混用）
      标点        punct-halfwidth（中文里的半角 , ; : ( )）、punct-unbalanced（引号括号书名号不配对）、
                  punct-doubled（，， 。。）、heading-period（单独成行的标题末尾有句号）
      日期        date-padding（2026年06月05日）、date-chinese-numerals（成文日期用汉字）、date-invalid
      数字        figure-mismatch、figure-unknown（给出 --data 和 --meeting 时）
      版式(.docx) layout-page-size、layout-margins、layout-font、layout-size、layout-line-pitch、
                  layout-page-number（与 GB/T 9704 及本工具排版所用数值一致）

    \b
    退出码：0 未发现问题（或只有“提示”），1 发现问题，2 文件无法使用。
    --json 输出 {"file", "ok", "counts": {error, warning, info}, "findings": [{rule, severity,
    paragraph, quote, message, fix, line}]}；paragraph 为段落序号（全文性问题为 null）。
    """
    report = api.check(source, data=data, meeting=meeting)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.render())
    sys.exit(report.exit_code)
