"""The list of commands, in the order `speechgen --help` shows them."""

from __future__ import annotations

import click

from speechgen.cli.batch_cmd import batch_command
from speechgen.cli.check_cmd import check_command
from speechgen.cli.facts_cmd import facts_command
from speechgen.cli.generate_cmd import generate_command
from speechgen.cli.init_cmd import init_command
from speechgen.cli.library_cmd import frames_command, snippets_command, templates_command
from speechgen.cli.outline_cmd import outline_command
from speechgen.cli.reference_cmd import reference_command
from speechgen.cli.render_cmd import render_command
from speechgen.cli.serve_cmd import serve_command
from speechgen.cli.template_check_cmd import template_check_command

ALL: list[click.Command] = []
ALL.append(init_command)
ALL.append(facts_command)
ALL.append(render_command)
ALL.append(generate_command)
ALL.append(batch_command)
ALL.append(templates_command)
ALL.append(frames_command)
ALL.append(snippets_command)
ALL.append(outline_command)
ALL.append(check_command)
ALL.append(reference_command)
ALL.append(template_check_command)
ALL.append(serve_command)
