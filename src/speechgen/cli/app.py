"""The speechgen command group; each command lives in its own module under speechgen.cli."""

from __future__ import annotations

import click

from speechgen import __version__
from speechgen.cli.zhclick import ZhGroup


@click.group(
    cls=ZhGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", message="speechgen %(version)s",
                      help="显示版本号并退出。")
@click.option("--debug", is_flag=True, hidden=True, help="出错时显示完整的调用栈。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def main(debug: bool) -> None:
    """speechgen：从重点项目台账生成讲话稿、通报和督查通知（GB/T 9704-2012 版式）。

    \b
    常用命令：
      speechgen facts    --data 台账.xlsx --meeting meeting.yaml      查看台账算出的各项数据
      speechgen generate speech --data 台账.xlsx --meeting meeting.yaml -o 讲话稿.docx
      speechgen render   稿件.md -o 稿件.docx -o 稿件.pdf               把公文 Markdown 排成公文
    """


def _register() -> None:
    """Attach the commands; their heavy imports happen inside each command."""
    from speechgen.cli import commands

    for command in commands.ALL:
        main.add_command(command)


_register()
