"""`speechgen generate`: draft a speech, bulletin or notice from a ledger and a meeting file."""

from __future__ import annotations

from pathlib import Path

import click

from speechgen import api
from speechgen.cli.kinds import KindType
from speechgen.cli.ledger_options import sheet_option
from speechgen.cli.written import echo_written
from speechgen.cli.zhclick import ZhCommand
from speechgen.kinds import KIND_LABELS


@click.command("generate", cls=ZhCommand, short_help="从台账生成讲话稿、通报、督查通知或督办通知（.docx、.pdf 等）。")
@click.argument("kind", metavar="文稿类型", type=KindType(),
                help="speech（讲话稿）、bulletin（通报）、notice（督查通知）、supervision（督办通知）"
                     "或 sheet（督办单，台账只有一个项目时），也可写中文。")
@click.option("--data", "-d", required=True, metavar="台账", type=click.Path(path_type=Path),
              help="项目台账：.xlsx、.csv、.yaml 或 .json。")
@click.option("--meeting", "-m", required=True, metavar="会议信息", type=click.Path(path_type=Path),
              help="会议信息文件（meeting.yaml）。")
@click.option("--output", "-o", "outputs", multiple=True, required=True, metavar="输出文件",
              type=click.Path(path_type=Path),
              help="输出文件，格式由扩展名决定：.docx .pdf .html .txt，.md 为可再编辑的公文 Markdown 稿；可写多个 -o。")
@click.option("--frame", metavar="框架", default=None,
              help="讲话稿的结构框架：cognition（认识—措施—保障，默认）、review（成绩—问题—要求）、"
                   "three_x（防止三种现象—突破三个关键—落实三项要求）；见 speechgen frames。")
@click.option("--seed", type=int, default=api.DEFAULT_SEED, show_default=True, metavar="整数",
              help="选用段落的随机种子：同样的台账和种子得到同样的文字，换一个数得到另一种写法。")
@click.option("--length", type=click.Choice(["short", "normal", "long"]), default="normal", show_default=True,
              help="讲话稿的篇幅：short（短，三点为主，约两千字）、normal（两千五到四千五百字，各部分要点数随台账情况）、"
                   "long（长，每部分五点，多点名几个滞后项目）。")
@click.option("--attach", type=click.Choice(["laggards", "all"]), default="laggards", show_default=True,
              help="督查通知附件督查清单列哪些项目：laggards（滞后和逾期未开工的项目，默认）或 all（全部项目）。")
@click.option("--template", metavar="模板", type=click.Path(path_type=Path), default=None,
              help="用自己的 Jinja2 模板代替内置模板（在安全沙箱中运行；写法见 docs/templates.md）。")
@click.option("--snippets", "snippet_dirs", multiple=True, metavar="文件夹", type=click.Path(path_type=Path),
              help="再加入一个存放自写段落（*.yaml）的文件夹，可写多个。")
@click.option("--doc-number", "doc_number", metavar="发文字号", default=None,
              help="本份通报或通知的发文字号，如“示项办〔2026〕13号”，代替会议信息中的 doc_number"
                   "（同一会议的通报和通知各用各的文号）；年份用六角括号〔〕。")
@click.option("--template-timeout", "template_timeout", type=click.FloatRange(0.1, 600), default=None,
              metavar="秒", help="模板渲染的时间上限（默认 5 秒；见 docs/security.md）。")
@click.option("--docx-template", "docx_template", metavar="Word模板", type=click.Path(path_type=Path), default=None,
              help="把文稿填进本单位的 Word 模板（.docx，字段写法见 docs/docx-templates.md）：.docx 是填好的模板，"
                   ".pdf 由 LibreOffice 转换它；先用 speechgen template-check 检查模板。")
@sheet_option
@click.option("--force", "-f", is_flag=True, help="输出文件已存在时覆盖它。")
@click.option("--engine", type=click.Choice(["weasyprint", "libreoffice"]), default="weasyprint",
              help="生成 PDF 的方式：weasyprint（默认）或 libreoffice。")
@click.option("--previous", "-p", "previous", multiple=True, metavar="上期台账", type=click.Path(path_type=Path),
              help="上期（如上月）的台账：文稿写出较上月的变化（完成率、排名、新开工、连续滞后）；"
                   "不给则不作比较。可给多次，按从早到晚的顺序。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def generate_command(
    kind: str,
    data: Path,
    meeting: Path,
    outputs: tuple[Path, ...],
    frame: str | None,
    seed: int,
    length: str,
    attach: str,
    template: Path | None,
    snippet_dirs: tuple[Path, ...],
    doc_number: str | None,
    template_timeout: float | None,
    docx_template: Path | None,
    sheet: str | None,
    force: bool,
    engine: str,
    previous: tuple[Path, ...],
) -> None:
    """从项目台账和会议信息生成文稿初稿：speech 讲话稿、bulletin 通报、notice 督查通知、
    supervision 督办通知（按县区、单位每组一份请用 speechgen batch）。

    文中的每个数字都由台账算出（项目数、开工数、完成投资、完成率、时序进度、排名、滞后项目），
    段落从片段库中按台账情况选用；同样的输入和 --seed 总是得到同样的文字。

    所有输出文件都先检查：只要有一个已存在（且未加 --force）或输入有错，就一个文件也不写。

    \b
    例：
      speechgen generate speech   -d 台账.xlsx -m meeting.yaml -o 讲话稿.docx -o 讲话稿.pdf
      speechgen generate speech   -d 台账.xlsx -m meeting.yaml -o 讲话稿.md --frame three_x --seed 2
      speechgen generate speech   -d 台账.xlsx -m meeting.yaml -o 讲话稿.docx --length short
      speechgen generate bulletin -d 台账.xlsx -m meeting.yaml -o 通报.docx
      speechgen generate bulletin -d 台账.xlsx -m meeting.yaml -p 上月台账.xlsx -o 通报.docx
      speechgen generate notice   -d 台账.xlsx -m meeting.yaml -o 督查通知.docx --attach all
      speechgen generate notice   -d 台账.xlsx -m meeting.yaml -o 督查通知.docx --doc-number "示项办〔2026〕13号"
      speechgen generate notice   -d 台账.xlsx -m meeting.yaml -o 督查通知.docx --docx-template 红头.docx
    """
    if frame is not None and kind != "speech":
        click.echo(f"警告：--frame（讲话稿的结构框架）只用于 speech，{KIND_LABELS[kind]}没有框架可选，"
                   f"已忽略 --frame {frame}。", err=True)
    result = api.generate(
        kind,  # type: ignore[arg-type]
        data,
        meeting,
        list(outputs),
        frame=frame,
        seed=seed,
        length=length,
        attach=attach,
        template=template,
        snippets=list(snippet_dirs),
        force=force,
        engine=engine,  # type: ignore[arg-type]
        doc_number=doc_number,
        template_seconds=template_timeout,
        previous=list(previous),
        docx_template=docx_template,
        sheet=sheet,
    )
    for warning in result.warnings:
        click.echo(warning.format(), err=True)
    echo_written(result.paths, result.created_folders)
