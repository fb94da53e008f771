"""`speechgen batch`: one document per 县区 / 责任单位 / 包保领导 / project, into one folder."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from speechgen.cli.batch_report import echo_summary
from speechgen.cli.kinds import KindType
from speechgen.cli.zhclick import ZhCommand

PER_NAMES = {"district": "district", "县区": "district", "县": "district", "owner": "owner", "单位": "owner",
             "责任单位": "owner", "leader": "leader", "领导": "leader", "包保领导": "leader",
             "project": "project", "项目": "project"}
ONLY_NAMES = {"lagging": "lagging", "滞后": "lagging", "overdue": "overdue", "逾期": "overdue",
              "逾期未开工": "overdue", "all": "all", "全部": "all"}


class _Choice(click.ParamType):
    """One of a few values, English or Chinese."""

    def __init__(self, names: dict[str, str], label: str, shown: str):
        self.names, self.name, self.shown = names, label, shown

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
        found = self.names.get(str(value).strip().lower())
        if found is None:
            self.fail(f"“{value}”不是可选的值；可选 {self.shown}", param, ctx)
        return found


class _Day(click.ParamType):
    name = "日期"

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        from speechgen.sources.cells import CellError, parse_day

        try:
            day = parse_day(value)
        except CellError as error:
            self.fail(f"“{value}”不是日期；{error.hint or '请写成 2026-06-20'}", param, ctx)
        if day is None:
            self.fail(f"“{value}”不是日期；请写成 2026-06-20", param, ctx)
        return day


@click.command("batch", cls=ZhCommand, short_help="按县区、单位、包保领导或项目批量生成（督办通知、督办单等）。")
@click.argument("kind", metavar="文稿类型", type=KindType(),
                help="supervision（督办通知）、sheet（督办单）、notice（督查通知）、bulletin（通报）"
                     "或 speech（讲话稿），也可写中文。")
@click.option("--data", "-d", required=True, metavar="台账", type=click.Path(path_type=Path),
              help="项目台账：.xlsx、.csv、.yaml 或 .json。")
@click.option("--meeting", "-m", required=True, metavar="会议信息", type=click.Path(path_type=Path),
              help="会议信息文件（meeting.yaml）。")
@click.option("--per", required=True, metavar="分组",
              type=_Choice(PER_NAMES, "分组", "district（县区）、owner（责任单位）、leader（包保领导）、"
                                              "project（项目）"),
              help="每组一份：district（县区）、owner（责任单位）、leader（包保领导）或 project（项目）。")
@click.option("--output", "-o", "out_dir", required=True, metavar="文件夹", type=click.Path(path_type=Path),
              help="输出文件夹（不存在时新建），清单 manifest.csv 也在这里。")
@click.option("--only", default=None, metavar="范围",
              type=_Choice(ONLY_NAMES, "范围", "lagging（滞后）、overdue（逾期未开工）、all（全部）"),
              help="生成哪些组：lagging 有滞后或逾期未开工项目、完成率慢于时序进度的（督办通知、督办单的默认）、"
                   "overdue 有逾期未开工项目的、all 全部（其他文稿的默认）。")
@click.option("--format", "formats", default="docx", show_default=True, metavar="格式",
              help="每份文件的格式，逗号分隔：docx、pdf、md、html、txt，如 docx,pdf。")
@click.option("--zip", "zip_to", is_flag=False, flag_value="", default=None, metavar="[压缩包]",
              help="另把全部文件和清单打成一个 .zip（默认与输出文件夹同名，放在它旁边）。")
@click.option("--merged", type=click.Path(path_type=Path), default=None, metavar="合订本",
              help="另生成一个供打印的合订本 .docx 或 .pdf：各份按序号排列，每份从奇数页起、页码各自从1起。")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=None, metavar="N",
              help="同时生成的进程数（默认：CPU 核数）。")
@click.option("--number-from", "number_from", type=click.IntRange(1), default=None, metavar="N",
              help="发文字号从第 N 号起按序号连续编排，机关代字和年份取自会议信息的 doc_number"
                   "（如 示项办〔2026〕N号）。")
@click.option("--name", default=None, metavar="格式",
              help="文件名格式，可用 {序号} {名称} {单位} {项目} {县区} {包保领导} {发文字号} {类型}；"
                   "默认 {序号}_{名称}_{类型}。")
@click.option("--seed", type=int, default=1, show_default=True, metavar="整数", help="选用段落的随机种子。")
@click.option("--feedback-by", "feedback_by", type=_Day(), default=None, metavar="日期",
              help="督办通知、督办单：书面报送整改情况的截止日期，如 2026-06-20（代替会议信息的 feedback_by）。")
@click.option("--force", "-f", is_flag=True, help="覆盖输出文件夹里已有的同名文件。")
@click.option("--resume", is_flag=True, help="接着上次的批量：只生成清单中没有、或台账等输入已变的文件。")
@click.option("--shard", default=None, metavar="i/n",
              help="共分 n 份时只生成第 i 份（多台机器分担，序号和发文字号不变）。")
@click.option("--template", type=click.Path(path_type=Path), default=None, metavar="模板",
              help="用自己的 Jinja2 模板（在安全沙箱中运行）。")
@click.option("--snippets", "snippet_dirs", multiple=True, metavar="文件夹", type=click.Path(path_type=Path),
              help="再加入一个自写段落的文件夹。")
@click.option("--template-timeout", "template_timeout", type=click.FloatRange(0.1, 600), default=None, metavar="秒",
              help="每份模板渲染的时间上限（默认 5 秒）。")
@click.option("--docx-template", "docx_template", metavar="Word模板", type=click.Path(path_type=Path), default=None,
              help="每份 .docx 填进本单位的 Word 模板（字段写法见 docs/docx-templates.md；.pdf 由 LibreOffice 转换）。")
@click.option("--engine", type=click.Choice(["weasyprint", "libreoffice"]), default=None,
              help="生成 PDF 的方式（默认 weasyprint）。")
@click.option("--previous", "-p", "previous", multiple=True, metavar="上期台账", type=click.Path(path_type=Path),
              help="上期（如上月）的台账：文稿写出较上月的变化（完成率、排名、新开工、连续滞后）；"
                   "不给则不作比较。可给多次，按从早到晚的顺序。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def batch_command(kind: str, data: Path, meeting: Path, per: str, out_dir: Path, only: str | None, formats: str,
                  zip_to: str | None, merged: Path | None, jobs: int | None, number_from: int | None,
                  name: str | None, seed: int, feedback_by: dt.date | None, force: bool, resume: bool,
                  shard: str | None, template: Path | None, snippet_dirs: tuple[Path, ...],
                  template_timeout: float | None, docx_template: Path | None, engine: str | None,
                  previous: tuple[Path, ...]) -> None:
    """按县区、责任单位、包保领导或项目，每组生成一份文稿，放进一个文件夹。

    每份文稿只用本组的项目和数字（排名在同类各组中计算），主送本组（会议信息的 addressees
    可逐一指定）；督办通知、督办单默认只生成有滞后或逾期未开工项目的组。每份文件写完即
    落盘（先写临时文件再改名），清单 manifest.csv 随进度更新；中途中断后加 --resume 接着做。
    某一组生成失败不影响其他组，最后以退出码 1 报告失败的份数。

    \b
    例：
      speechgen batch 督办通知 -d 台账.xlsx -m meeting.yaml --per district -o 督办通知 \\
          --number-from 13
      speechgen batch 督办单 -d 台账.xlsx -m meeting.yaml --per project -o 督办单 --format docx,pdf --zip
      speechgen batch 通报 -d 台账.xlsx -m meeting.yaml --per district -o 各县区通报 --format pdf \\
          --merged 合订本.pdf
    """
    from speechgen.batch import BatchRequest, parse_shard, run_batch
    from speechgen.cli.progress import progress_reporter

    request = BatchRequest(
        kind, data, meeting, per, out_dir, only=only,  # type: ignore[arg-type]
        formats=tuple(part for part in formats.replace("，", ",").split(",") if part.strip()),
        zip_to=_zip_path(zip_to, out_dir),
        merged=merged, jobs=jobs, number_from=number_from, name=name, seed=seed, force=force, resume=resume,
        shard=parse_shard(shard) if shard else None, template=template, snippets=snippet_dirs,
        feedback_by=feedback_by, engine=engine, template_seconds=template_timeout,  # type: ignore[arg-type]
        docx_template=docx_template, previous=tuple(previous))
    with progress_reporter() as report:
        summary = run_batch(request, progress=report)
    echo_summary(summary)
    if summary.exit_code:
        sys.exit(summary.exit_code)


def _zip_path(zip_to: str | None, out_dir: Path) -> Path | None:
    """Return the zip's path: given, or (``--zip`` alone) the folder's name beside it."""
    if zip_to is None:
        return None
    return Path(zip_to) if zip_to else out_dir.parent / f"{out_dir.name}.zip"
