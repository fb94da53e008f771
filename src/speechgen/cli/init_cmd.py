"""`speechgen init`: write a meeting.yaml to fill in, with a Chinese comment on every key."""

from __future__ import annotations

from pathlib import Path

import click

from speechgen import api
from speechgen.cli.written import echo_written
from speechgen.cli.zhclick import ZhCommand


@click.command("init", cls=ZhCommand, short_help="生成一份待填写的会议信息文件 meeting.yaml。")
@click.option("--output", "-o", "output", default=Path("meeting.yaml"), show_default=True, metavar="文件",
              type=click.Path(path_type=Path), help="写到哪个文件（.yaml）。")
@click.option("--force", "-f", is_flag=True, help="文件已存在时覆盖它。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def init_command(output: Path, force: bool) -> None:
    """生成一份待填写的会议信息文件：每一项都有中文说明，必填的四项（地区、会议名称、
    会议日期、数据截至日期）标有【必填】。用文本编辑器打开，在冒号后填上内容即可。

    文件已存在时不会覆盖，除非加 --force。

    \b
    例：
      speechgen init
      speechgen init -o 调度会.yaml
    """
    written = api.write_meeting_template(output, force=force)
    echo_written(written.paths, written.created_folders)
    click.echo(f"请打开 {output} 填写（至少填 region、meeting、date、as_of），然后运行："
               f"speechgen facts -d 台账.xlsx -m {output}")
