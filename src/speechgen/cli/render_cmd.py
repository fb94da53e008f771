"""`speechgen render`: lay out a 公文 Markdown file as .docx, .pdf, .html, .txt or .md."""

from __future__ import annotations

from pathlib import Path

import click

from speechgen import api
from speechgen.cli.written import echo_written
from speechgen.cli.zhclick import ZhCommand


@click.command("render", cls=ZhCommand, short_help="把公文 Markdown 稿件排成 .docx、.pdf、.html、.txt。")
@click.argument("source", metavar="稿件.md", type=click.Path(path_type=Path), help="用公文 Markdown 写的稿件。")
@click.option(
    "--output",
    "-o",
    "outputs",
    multiple=True,
    metavar="输出文件",
    type=click.Path(path_type=Path),
    help="输出文件（必填），格式由扩展名决定：.docx .pdf .html .txt .md；可写多个 -o。",
)
@click.option("--force", "-f", is_flag=True, help="输出文件已存在时覆盖它。")
@click.option(
    "--engine",
    type=click.Choice(["weasyprint", "libreoffice"]),
    default="weasyprint",
    help="生成 PDF 的方式：weasyprint（默认，快）或 libreoffice（把 .docx 用 LibreOffice 转换，"
    "即 LibreOffice/WPS 用户看到的版式；与 Word 接近，但分页等细节可能不同）。",
)
@click.option("--docx-template", "docx_template", metavar="Word模板", type=click.Path(path_type=Path), default=None,
              help="把文稿填进本单位的 Word 模板（.docx，字段写法见 docs/docx-templates.md）：.docx 是填好的模板，"
                   ".pdf 由 LibreOffice 转换它；先用 speechgen template-check 检查模板。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def render_command(source: Path, outputs: tuple[Path, ...], force: bool, engine: str,
                   docx_template: Path | None) -> None:
    """把按公文 Markdown 写的稿件排成 GB/T 9704-2012 版式的公文。

    稿件的写法见 docs/dialect.md：开头信息（标题、发文机关、发文字号、主送机关、成文日期、
    附件、抄送等）写在两行“---”之间，正文用 ## 到 ##### 表示四层标题（序号自动编排），
    “**一是……。**”表示段首加粗的句子，“---”表示分页，“# 附件1 标题”开始一个附件。

    所有输出文件都先检查：只要有一个已存在（且未加 --force）或稿件有错，就一个文件也不写。

    \b
    例：
      speechgen render 讲话稿.md -o 讲话稿.docx -o 讲话稿.pdf
      speechgen render 通知.md -o 通知.docx --force
      speechgen render 通知.md -o 通知.docx -o 通知.pdf --docx-template 红头.docx
    """
    written = api.render(source, list(outputs), force=force, engine=engine,  # type: ignore[arg-type]
                         docx_template=docx_template)
    for warning in written.warnings:
        click.echo(warning.format(), err=True)
    echo_written(written.paths, written.created_folders)
