"""Command line: thin click commands over speechgen.api."""

from speechgen.cli.app import main

__all__ = ["main"]
