"""Help text laid out for Chinese: widths in terminal columns, lines joined and broken without spaces.

click wraps help with textwrap: it joins a paragraph's source lines with a space ("算出（……）， 段落")
and counts a hanzi as one column though the terminal gives it two, so Chinese lines overflow and
option columns drift. This formatter measures display width (East Asian wide = 2), joins lines
without a space where either side is Chinese, and breaks between any two Chinese characters
(never before a closing mark such as "，" or "）"), keeping Latin words and options whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import click

_NO_LINE_START = frozenset("，。、；：？！）》」』”’〕】…%,.;:?!)")
_NO_LINE_END = frozenset("（《「『“‘〔【(")
# a space run, click's "[必填]" / "[默认：1]", a Latin word, or one character
_PIECE = re.compile(r"\s+|\[[^\]\n]{1,20}\]|[\x21-\x7e]+|.", re.S)


def columns(text: str) -> int:
    """Return the terminal columns text takes: two for wide (Chinese) characters."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def join_lines(lines: Iterable[str]) -> str:
    """Return a paragraph's source lines as one line: no space where either side is Chinese."""
    out = ""
    for line in (line.strip() for line in lines):
        if out and line and not (_wide(out[-1]) or _wide(line[0])):
            out += " "
        out += line
    return out


def wrap_line(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Return text broken into lines of at most ``width`` columns, prefixed with the indents."""
    lines: list[str] = []
    line, used = first, columns(first)
    for piece in _PIECE.findall(text):
        if piece.isspace():
            piece = " "
        size = columns(piece)
        if used + size > width and line.strip():
            if piece == " ":
                continue
            carried = ""
            if piece in _NO_LINE_START and len(line.rstrip()) > len(rest) + 1:
                carried, line = line[-1], line[:-1]  # the character before goes down with the mark
            if line[-1:] in _NO_LINE_END and len(line) > len(rest) + 1:
                carried, line = line[-1] + carried, line[:-1]  # an opening mark goes down with its text
            lines.append(line.rstrip())
            line = rest + carried
            used = columns(line)
        line += piece
        used += size
    lines.append(line.rstrip())
    return lines


def wrap_paragraphs(text: str, width: int, indent: str = "") -> str:
    """Return text rewrapped paragraph by paragraph; a paragraph opened by a "\\b" line is kept as
    written (click's convention for examples)."""
    paragraphs: list[list[str]] = [[]]
    for line in text.expandtabs().splitlines():
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    out: list[str] = []
    for lines in (p for p in paragraphs if p):
        if lines[0].strip() == "\b":
            out.append("\n".join(indent + line for line in lines[1:]))
            continue
        extra = " " * (len(lines[0]) - len(lines[0].lstrip()))
        out.append("\n".join(wrap_line(join_lines(lines), width, indent + extra, indent + extra)))
    return "\n\n".join(out)


class ZhHelpFormatter(click.HelpFormatter):
    """click's formatter measuring terminal columns and wrapping Chinese without spaces."""

    def write_text(self, text: str) -> None:
        self.write(wrap_paragraphs(text, self.width, " " * self.current_indent) + "\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        head = f"{' ' * self.current_indent}{prefix or '用法：'}{prog} "
        lines = wrap_line(args, self.width, head, " " * columns(head))
        self.write("\n".join(lines) + "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((columns(term) for term, _ in rows), default=0), col_max) + col_spacing
        margin = " " * (self.current_indent + first_col)
        width = max(self.width - first_col - self.current_indent, 20)
        for term, text in rows:
            lead = " " * self.current_indent + term
            if not text:
                self.write(lead + "\n")
                continue
            lines = wrap_paragraphs(text, width).splitlines()
            if columns(term) <= first_col - col_spacing:
                self.write(lead + " " * (first_col - columns(term)) + (lines[0] if lines else "") + "\n")
                lines = lines[1:]
            else:
                self.write(lead + "\n")
            for line in lines:
                self.write((margin + line if line else "") + "\n")


class ZhContext(click.Context):
    """A context whose help uses ZhHelpFormatter."""

    formatter_class = ZhHelpFormatter
