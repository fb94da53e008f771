"""The list of commands, in the order `speechgen --help` shows them."""

from __future__ import annotations

import click

ALL: list[click.Command] = []
