"""The list of commands, in the order `speechgen --help` shows them."""

from __future__ import annotations

import click

from speechgen.cli.facts_cmd import facts_command

ALL: list[click.Command] = []
ALL.append(facts_command)
