"""`speechgen reference-docx`: write an empty .docx that carries every 公文 style."""

from __future__ import annotations

from pathlib import Path

import click

from speechgen import api
from speechgen.cli.written import echo_written
from speechgen.cli.zhclick import ZhCommand


@click.command("reference-docx", cls=ZhCommand, short_help="生成一个带全部公文样式的空白 Word 文档，供套用样式。")
@click.option("--output", "-o", "output", required=True, metavar="输出文件", type=click.Path(path_type=Path),
              help="输出的 .docx 文件（必填）。")
@click.option("--force", "-f", is_flag=True, help="输出文件已存在时覆盖它。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def reference_command(output: Path, force: bool) -> None:
    """生成一个空白的 .docx，里面带有 speechgen 排版用的全部样式：

    页面（A4，上37、下35、左28、右26毫米，每页22行、每行28字）、正文（3号仿宋_GB2312）、
    标题（2号方正小标宋简体）、一至四级标题（黑体、楷体_GB2312、仿宋_GB2312，Word 导航窗格可见）、
    发文机关标志、发文字号、主送机关、署名、成文日期、附件说明、版记、表格和页码（“— 1 —”，
    单页居右、双页居左）。

    在 Word 中可用“样式 › 管理样式 › 导入/导出”把这些样式复制到自己的文档里。

    \b
    例：
      speechgen reference-docx -o 公文样式.docx
    """
    written = api.write_reference_docx(output, force=force)
    echo_written(written.paths, written.created_folders)
