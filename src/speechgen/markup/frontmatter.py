"""Front matter: the YAML block between ``---`` lines at the very top, read key by key with lines."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from speechgen.errors import Problem
from speechgen.sources.documents import BoundedLoader, LimitError, describe
from speechgen.sources.text import CONTROL_HINT, quote

FENCE = "---"
_CLOSERS = ("---", "...")



_WIDE_KEY = re.compile(r"^\s*([A-Za-z_]+)\s*：")


@dataclass(frozen=True)
class Entry:
    """One front-matter key: its value as YAML built it and its 1-based line in the source."""

    key: str
    value: Any
    line: int


@dataclass(frozen=True)
class Split:
    """The source cut in two: front matter entries and the body with the same line numbers."""

    entries: tuple[Entry, ...]
    body: str
    problems: tuple[Problem, ...] = ()
    unclosed: bool = False


def split_front_matter(text: str, source: str) -> Split:
    """Return the front matter entries and the body; front matter lines are blanked in the body.

    Blanking (rather than cutting) keeps every body token's line equal to its line in the file.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return Split((), text)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSERS), None)
    if end is None:
        problem = Problem(
            "开头信息（第1行的“---”）没有结束的“---”行",
            file=source,
            row=1,
            hint="请在开头信息最后单独加一行“---”；如果第1行想表示分页，请删掉它",
        )
        return Split((), text, (problem,), unclosed=True)
    body = "\n" * end + "\n".join(lines[end + 1 :])
    entries, problems = read_entries("\n".join(lines[1:end]), first_line=2, source=source)
    return Split(entries, "\n" + body, problems)


def read_entries(yaml_text: str, *, first_line: int, source: str) -> tuple[tuple[Entry, ...], tuple[Problem, ...]]:
    """Return the mapping's entries in order, each value built on its own so that one bad value
    does not hide the others."""
    wide = _full_width_colons(yaml_text, first_line, source)
    if wide:
        return (), wide
    simple = _simple_entries(yaml_text, first_line)
    if simple is not None:
        return simple, ()
    # The sources' loader: dates stay text (meta.py explains a bad one), and nesting, "*"
    # references and values are bounded as in a ledger.
    try:
        loader = BoundedLoader(yaml_text)  # checks every character already
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        what, line = describe(error, yaml_text)
        return (), (_yaml_problem(error, what, first_line + (line or 1) - 1, source),)
    if node is None:
        return (), ()
    if not isinstance(node, yaml.MappingNode):
        problem = Problem(
            "开头信息应是“键: 值”的形式",
            file=source,
            row=first_line + node.start_mark.line,
            hint="例如“title: 关于开展重点项目督查的通知”，冒号后留一个空格",
        )
        return (), (problem,)
    return _entries_of(loader, node, first_line, source)


# What speechgen's own templates write (``key: "JSON string"``, ``kind: notice``), read without
# building a YAML node tree: a batch parses thousands of drafts. Anything else goes to YAML,
# including characters YAML reads otherwise (line separators it folds, controls it refuses).
_PLAIN_CHAR = r'[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]'
_SIMPLE_LINE = re.compile(rf'([A-Za-z_]+): ("(?:{_PLAIN_CHAR}|\\["\\/bfnrtu])*"|[a-z][a-z_]*)')
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def _simple_entries(yaml_text: str, first_line: int) -> tuple[Entry, ...] | None:
    """Return the entries when every line is ``key: "string"`` (a JSON string, which YAML reads
    the same) or ``key: word``, no key twice; None for anything else (read by YAML)."""
    entries: list[Entry] = []
    for index, line in enumerate(yaml_text.split("\n")):
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None:
            return None
        key, value = match.groups()
        if value.startswith('"'):
            try:
                value = json.loads(value)
            except ValueError:
                return None
        elif value in _YAML_WORDS:
            return None
        entries.append(Entry(key, value, first_line + index))
    keys = [entry.key for entry in entries]
    return tuple(entries) if entries and len(set(keys)) == len(keys) else None


def _entries_of(
    loader: BoundedLoader, node: yaml.MappingNode, first_line: int, source: str
) -> tuple[tuple[Entry, ...], tuple[Problem, ...]]:
    entries: list[Entry] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for key_node, value_node in node.value:
        row = first_line + key_node.start_mark.line
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "（不是文字的键）"
        if key in seen:
            problems.append(Problem(f"开头信息的“{quote(key)}”写了两次", file=source, row=row, hint="请只保留一处"))
            continue
        seen.add(key)
        try:
            value = loader.construct_object(value_node, deep=True)
        except yaml.YAMLError as error:
            what, _ = describe(error)
            problems.append(
                Problem(f"开头信息“{quote(key)}”的值无法识别（{what}）", file=source, row=row,
                        hint="请检查这一行的写法")
            )
            continue
        entries.append(Entry(key, value, row))
    return tuple(entries), tuple(problems)


def _full_width_colons(yaml_text: str, first_line: int, source: str) -> tuple[Problem, ...]:
    """Return a problem for each "key：value" line: the most common slip, which YAML misreads."""
    return tuple(
        Problem(
            f"开头信息“{match.group(1)}”后面的冒号是全角“：”",
            file=source,
            row=first_line + index,
            hint="请改成半角冒号加空格，如“title: 标题”",
        )
        for index, line in enumerate(yaml_text.split("\n"))
        if (match := _WIDE_KEY.match(line))
    )


def _yaml_problem(error: yaml.YAMLError, what: str, row: int, source: str) -> Problem:
    if isinstance(error, LimitError):
        return Problem(f"开头信息{what}", file=source, row=row,
                       hint="开头信息只需要“键: 值”和简单的列表，不需要多层嵌套或“&”“*”引用")
    if isinstance(error, yaml.reader.ReaderError):
        return Problem(f"开头信息{what}", file=source, row=row, hint=CONTROL_HINT)
    return Problem(  # what: PyYAML's problem in Chinese (sources/documents.describe)
        f"开头信息的格式有误（{what}）",
        file=source,
        row=row,
        hint="每行写“键: 值”，冒号用半角“:”并在后面留一个空格；值里有冒号或#时请用引号括起来",
    )
