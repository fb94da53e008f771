"""Options every command that reads a ledger shares."""

from __future__ import annotations

import click

sheet_option = click.option(
    "--sheet", metavar="工作表", default=None,
    help="要读的 Excel 工作表名称（如“9月台账”）。不写时：只有一个工作表像台账就读它；"
         "有几个时读期间最近的一个（按工作表名称、“数据截至”或“1-9月完成投资”中的月份）并提示，"
         "看不出期间时列出它们请你指定。")
