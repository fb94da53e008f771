"""Vetting one passage's wording before it enters the library: it parses, every wording renders
from known names, prints no figure of its own, uses a record only when its needs guarantee it,
and makes no claim (praise, a trend, a cause …) its needs do not back (compose/claims.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import meta, nodes

from speechgen.compose.claims import unbacked
from speechgen.compose.context import CONTEXT_NAMES
from speechgen.compose.observe.schema import NAMES, RECORDS, guaranteed
from speechgen.compose.wording import Choice, WordingError, every_wording, from_sentences, parse_wording

_PLACEHOLDERS = re.compile(r"XX|xx|××|某某|〇〇|＊|\*\*|【|】")
_EXPRESSIONS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_DIGITS = re.compile(r"[0-9０-９]")
_WIDE = r"[^\x00-\x7f]"
_SPACE_NEAR_WIDE = re.compile(rf"(?<={_WIDE})\s+|\s+(?={_WIDE})")
ALWAYS = frozenset({"meeting"})  # holds in every document: its records need not be asked for


def normalize_text(text: str) -> str:
    """Return the text as one line: whitespace next to Chinese characters removed (YAML folding
    joins lines with spaces, which Chinese text must not have), other runs made one space."""
    text = _SPACE_NEAR_WIDE.sub("", text.strip())
    return re.sub(r"\s+", " ", text)


@dataclass(frozen=True)
class Vetted:
    """A wording that passed: its one-line text, segments, the names it uses and the record
    fields it prints ("progress.rate")."""

    text: str
    segments: tuple[str | Choice, ...]
    names: frozenset[str]
    fields: frozenset[str]


def join_text(value: Any) -> str | None:
    """Return a passage's ``text`` as one inline wording (a list of sentences joined), or None
    when it is neither a text nor a list of texts and lists of texts."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(
            isinstance(v, str) or (isinstance(v, list) and len(v) >= 2 and all(isinstance(w, str) for w in v))
            for v in value):
        return from_sentences([v if isinstance(v, str) else [normalize_text(w) for w in v] for v in value])
    return None


# Nodes that bind no name: a tree of only these reads every Name it holds from the context, so its
# undeclared names are its Names — what jinja2.meta finds by compiling the tree, which is most of
# the time a library takes to load. Any other node (a for loop, a set, a macro …) is compiled.
_PLAIN_NODES = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.ExprStmt, nodes.If, nodes.Name,
                nodes.Getattr, nodes.Getitem, nodes.Const, nodes.Filter, nodes.Test, nodes.Compare,
                nodes.Operand, nodes.Not, nodes.And, nodes.Or, nodes.CondExpr, nodes.Tuple, nodes.List,
                nodes.Concat, nodes.Neg, nodes.Pos, nodes.Add, nodes.Sub, nodes.Mul, nodes.Div,
                nodes.FloorDiv, nodes.Mod)
_SPECIAL_NAMES = frozenset({"loop", "self", "caller", "varargs", "kwargs", "super"})


def names_and_fields(tree: nodes.Template, env: jinja2.Environment) -> tuple[set[str], set[str]]:
    """Return the names a parsed wording reads from its context (jinja2.meta's undeclared
    variables: a global of ``env`` is not one) and the record fields it prints ("progress.rate")."""
    names: set[str] = set()
    fields: set[str] = set()
    plain = True
    for node in tree.find_all(nodes.Node):
        kind = type(node)
        if kind is nodes.Name:
            if node.ctx != "load" or node.name in _SPECIAL_NAMES or node.name in env.globals:
                plain = False
            names.add(node.name)
        elif kind is nodes.Getattr:
            if isinstance(node.node, nodes.Name) and node.node.name in RECORDS:
                fields.add(f"{node.node.name}.{node.attr}")
        elif kind not in _PLAIN_NODES:
            plain = False
    return (names if plain else meta.find_undeclared_variables(tree)), fields


def _check_literal(wording: str, problems: list[str]) -> None:
    literal = _EXPRESSIONS.sub("", wording)
    if found := _PLACEHOLDERS.search(literal):
        problems.append(f"含有占位符或 Markdown 记号“{found.group()}”；请写成完整的句子")
    if found := _DIGITS.search(literal):
        problems.append(f"含有自带的数字“{found.group()}”；"
                        "片段中的数字都应来自台账，请用 {{ progress.rate }} 等名称")


def _check_names(names: set[str], fields: set[str], needs: frozenset[str], problems: list[str]) -> None:
    unknown = sorted(names - set(CONTEXT_NAMES) - set(RECORDS))
    if unknown:
        problems.append(f"使用了不存在的名称 {'、'.join(unknown)}；可用的名称见 docs/snippets.md")
    for field in sorted(fields):
        record, attr = field.split(".", 1)
        if attr not in RECORDS[record].fields:
            problems.append(f"记录 {record} 没有字段“{attr}”；可用：{'、'.join(RECORDS[record].fields)}")
    available = guaranteed(needs | ALWAYS)
    for record in sorted((names & set(RECORDS)) - available):
        givers = [n for n, spec in NAMES.items() if record in spec.records][:4]
        problems.append(f"用了记录 {record}，但 needs 中没有保证它的观察（如 {'、'.join(givers)}）")


def vet(value: Any, needs: frozenset[str], env: jinja2.Environment) -> tuple[Vetted | None, list[str]]:
    """Return the vetted wording and the problems found (Chinese; empty when it passed)."""
    text = join_text(value)
    if text is None or not text.strip():
        return None, ["缺少 text（一段文字，或句子的列表；一句有几种说法时写成列表）"]
    text = normalize_text(text)
    try:
        segments = parse_wording(text)
    except WordingError as error:
        return None, [f"说法的写法有误：{error}"]
    problems: list[str] = []
    names: set[str] = set()
    fields: set[str] = set()
    for wording in every_wording(segments):
        _check_literal(wording, problems)
        try:
            tree = env.parse(wording)
        except jinja2.TemplateSyntaxError as error:
            problems.append(f"模板语法错误：{error.message}（“[…|…]”的每种说法里，{{% if %}} 和 {{% endif %}} 要成对）")
            continue
        read, printed = names_and_fields(tree, env)
        names |= read
        fields |= printed
    _check_names(names, fields, needs, problems)
    problems += unbacked(_EXPRESSIONS.sub("", text), needs, names)
    return Vetted(text, segments, frozenset(names), frozenset(fields)), list(dict.fromkeys(problems))


def known_names(names: Sequence[str]) -> list[str]:
    """Return the names that are not observation names (for the needs/unless check)."""
    return [n for n in names if n not in NAMES]
