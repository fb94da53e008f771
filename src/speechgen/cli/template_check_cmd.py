"""`speechgen template-check`: list a Word template's fields and what is wrong with them."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from speechgen import api
from speechgen.cli.zhclick import ZhCommand


@click.command("template-check", cls=ZhCommand, short_help="检查本单位的 Word 模板：列出字段，指出写错的。")
@click.argument("template", metavar="模板.docx", type=click.Path(path_type=Path), required=False)
@click.option("--render", "for_render", is_flag=True,
              help="按 render 的用法检查：没有台账，台账中的字段（滞后项目、时序进度……）算作错误。")
@click.option("--fields", "list_fields", is_flag=True, help="列出模板可用的全部字段（中文名、英文名、内容）。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def template_check_command(template: Path | None, for_render: bool, list_fields: bool) -> None:
    """检查一个 Word 模板（--docx-template 用的 .docx）。

    列出模板正文、页眉、页脚中的每个字段和所在段落的文字，并指出：未知的字段（和最接近的字段名，
    如“未知字段‘发文号’，是否想写‘发文字号’？”）、语法错误、没有配对或跨了段落的 {% if %}、
    写错位置的 {%tr %} 和 {{p 正文 }}、出于安全限制不能用的写法，以及缺了常用字段（如
    {{p 正文 }}、{{ 发文字号 }}）。最后用示例数据试填一次。字段的写法见 docs/docx-templates.md。

    \b
    退出码：0 可以使用（可能有警告），1 有错误，2 文件不是可用的 .docx。

    \b
    例：
      speechgen template-check 红头.docx
      speechgen template-check 红头.docx --render
      speechgen template-check --fields
    """
    if list_fields:
        from speechgen.wordtemplate.report import fields_text

        click.echo(fields_text())
        if template is None:
            return
    if template is None:
        raise click.UsageError("缺少参数 模板.docx（或用 --fields 列出可用字段）")
    report = api.template_check(template, for_render=for_render)
    click.echo(report.render())
    sys.exit(1 if report.errors else 0)
