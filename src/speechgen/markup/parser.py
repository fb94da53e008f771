"""parse_markup: dialect text → Document, as four phases (front matter, meta, blocks, assembly)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from speechgen.document import Document
from speechgen.errors import MarkupError, Problem
from speechgen.markup.assemble import assemble
from speechgen.markup.blocks import read_blocks
from speechgen.markup.engine import dialect_parser
from speechgen.markup.frontmatter import split_front_matter
from speechgen.markup.meta import read_meta

_REFERENCE = re.compile(r"^ {0,3}\[([^\]]+)\]:")


@dataclass(frozen=True)
class Parsed:
    """A parsed dialect text: the Document and what the author should know (Problem, severity
    "warning": a duplicate title dropped, a kind inferred, a field that will not be printed)."""

    document: Document
    warnings: tuple[Problem, ...] = ()


def parse_markup(text: str, source: str = "稿件.md") -> Document:
    """Return the Document written in the 公文 Markdown dialect (docs/dialect.md).

    Raises MarkupError with every problem of the text (file = source, row = line) at once.
    """
    return read_markup(text, source).document


def read_markup(text: str, source: str = "稿件.md") -> Parsed:
    """Return the Document written in the dialect with its warnings (see parse_markup)."""
    text = normalise_newlines(text)
    problems: list[Problem] = []
    # 1. front matter → checked meta (the body keeps its line numbers)
    split = split_front_matter(text, source)
    if split.unclosed:
        raise MarkupError(list(split.problems))  # the rest would be read as body: noise
    problems.extend(split.problems)
    meta, meta_problems = read_meta(split.entries, source)
    problems.extend(meta_problems)
    # 2. body → tokens → blocks
    env: dict = {}
    tokens = dialect_parser().parse(split.body, env)
    blocks = read_blocks(tokens, split.body, source, problems)
    problems.extend(_reference_problems(env, split.body, source))
    # 3. assembly in the standard order
    document = assemble(meta, blocks, source, problems)
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        raise MarkupError(_in_order(errors))
    return Parsed(document, tuple(_in_order([p for p in problems if p.severity == "warning"])))


def normalise_newlines(text: str) -> str:
    """Return text with a leading BOM removed and CRLF/CR line ends made LF."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _reference_problems(env: dict, body: str, source: str) -> list[Problem]:
    """Return a problem per link reference definition, which markdown-it removes silently."""
    if not env.get("references"):
        return []
    return [
        Problem("不支持链接定义（“[名称]: 网址”）", file=source, row=number, hint="这一行不会出现在公文里，请删除")
        for number, line in enumerate(body.split("\n"), 1)
        if _REFERENCE.match(line)
    ]


def _in_order(problems: list[Problem]) -> list[Problem]:
    """Return the problems by line, each reported once."""
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: p.row if p.row is not None else 0)
