"""The list of commands, in the order `speechgen --help` shows them."""

from __future__ import annotations

import click

from speechgen.cli.check_cmd import check_command
from speechgen.cli.facts_cmd import facts_command
from speechgen.cli.outline_cmd import outline_command

ALL: list[click.Command] = []
ALL.append(facts_command)
ALL.append(outline_command)
ALL.append(check_command)
