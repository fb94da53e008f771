"""`speechgen outline`: the structure of an existing speech or 公文."""

from __future__ import annotations

import json
from pathlib import Path

import click

from speechgen import api
from speechgen.cli.zhclick import ZhCommand


@click.command("outline", cls=ZhCommand, short_help="读出现有讲话稿的结构：标题、称谓、各部分标题和要点数、结束语。")
@click.argument("source", metavar="稿件", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="输出 JSON 供程序读取（格式见上文）。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def outline_command(source: Path, as_json: bool) -> None:
    """读出一篇讲话稿或公文的结构：标题、称谓、正文各部分（一级标题及其下的要点数）和结束语。

    稿件可以是 .txt（UTF-8 或 GBK 编码）、.docx 或公文 Markdown（.md）。能识别“一、”“第一，”
    “（一）”“一是”“1、”“（1）”“首先/其次”等各种编号，标题单独成行或作为段首第一句均可；
    繁体字稿先转为简体再分析，网页附带的“导语”“来源”等文字自动略去。

    \b
    --json 输出一个对象：
      title       标题（没有则为 null）
      salutation  是否有称谓（如“同志们：”）
      parts       正文各部分：marker 编号（如“一、”），heading 标题（不含编号和句末句号），
                  points 该部分下一级要点（（一）、一是、1. 等）的个数
      closing     结束语：最后一部分之后号召或致谢段落的第一句（如“同志们，……”“谢谢大家”），
                  没有则为 null
    """
    result = api.outline(source)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        from speechgen.check import render_outline

        click.echo(render_outline(result))
