"""YAML and JSON documents read within limits: nesting, references, values, digits and tags.

PyYAML's SafeLoader builds no arbitrary objects, but it still follows any number of "*name"
references (a few lines can stand for a billion values), recurses once per level of nesting,
turns a 10,000-digit integer into a ValueError and a wrongly tagged value (``!!bool maybe``)
into a KeyError. BoundedLoader closes each of these: every problem becomes a YAMLError whose
message is Chinese, and what it loads can be walked without surprise. ``describe`` turns any
YAMLError into a Chinese message and a line.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml
from yaml.constructor import ConstructorError
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from speechgen.sources.limits import MAX_ALIASES, MAX_NESTING, MAX_NODES, MAX_NUMBER_DIGITS
from speechgen.sources.text import quote

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_TAG_PREFIX = "tag:yaml.org,2002:"
# What a ConstructorError raised inside PyYAML's constructors looks like when a value does not fit its tag.
_BAD_VALUE = (ValueError, KeyError, AttributeError, TypeError, OverflowError, IndexError)


class LimitError(yaml.MarkedYAMLError):
    """A document beyond one of the limits (nesting, references, values); the problem is Chinese."""

    def __init__(self, problem: str, mark: yaml.Mark | None):
        super().__init__(problem=problem, problem_mark=mark)


class BoundedLoader(yaml.SafeLoader):
    """SafeLoader within limits.py; dates stay text so that our date reader explains bad ones."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0
        self._nodes = 0

    def compose_node(self, parent: Node | None, index: object) -> Node:
        if self.check_event(AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise LimitError(f"“*”引用超过{MAX_ALIASES}处", self.peek_event().start_mark)
        self._nodes += 1
        if self._nodes > MAX_NODES:  # counted as they come: PyYAML needs ~40 µs a value
            raise LimitError(f"值超过{MAX_NODES}个", self.peek_event().start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise LimitError(f"嵌套超过{MAX_NESTING}层", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def get_single_node(self) -> Node | None:
        node = super().get_single_node()
        if node is not None:
            _check_expansion(node)
        return node

    def construct_object(self, node: Node, deep: bool = False) -> object:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except _BAD_VALUE:
            tag = node.tag.replace(_TAG_PREFIX, "!!")
            shown = quote(node.value) if isinstance(node.value, str) else "这一项"
            raise ConstructorError(None, None, f"值“{shown}”不符合它的标记“{tag}”", node.start_mark) from None

    def construct_yaml_int(self, node: Node) -> object:
        text = self.construct_scalar(node)
        if len(text) > MAX_NUMBER_DIGITS:  # kept as written: the reader of the value says it is too long
            return text
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: Node) -> object:
        text = self.construct_scalar(node)
        return text if len(text) > MAX_NUMBER_DIGITS else super().construct_yaml_float(node)


BoundedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
BoundedLoader.add_constructor("tag:yaml.org,2002:int", BoundedLoader.construct_yaml_int)
BoundedLoader.add_constructor("tag:yaml.org,2002:float", BoundedLoader.construct_yaml_float)


def _check_expansion(root: Node) -> None:
    """Raise LimitError when the document, each reference replaced by what it names, is too big
    or too deep, or refers to itself. Sizes are memoised per node, so this is linear."""
    sizes: dict[int, tuple[int, int]] = {}  # id(node) → (values, depth); (-1, -1) while in progress

    def measure(node: Node, depth: int) -> tuple[int, int]:
        known = sizes.get(id(node))
        if known == (-1, -1):
            raise LimitError("“*”引用了包含它自己的内容", node.start_mark)
        if known is not None:
            return known
        if depth > MAX_NESTING + 1:
            raise LimitError(f"嵌套超过{MAX_NESTING}层（含“*”引用展开后）", node.start_mark)
        sizes[id(node)] = (-1, -1)
        count, height = 1, 1
        for child in _children(node):
            values, levels = measure(child, depth + 1)
            count, height = count + values, max(height, levels + 1)
            if count > MAX_NODES or depth + height > MAX_NESTING + 1:
                what = f"值超过{MAX_NODES}个" if count > MAX_NODES else f"嵌套超过{MAX_NESTING}层"
                raise LimitError(f"{what}（含“*”引用展开后）", child.start_mark)
        sizes[id(node)] = (count, height)
        return count, height

    measure(root, 1)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


@dataclass(frozen=True)
class Document:
    """A loaded YAML/JSON document and, when YAML could compose it, its node tree (for lines)."""

    value: object
    node: Node | None


def load_yaml(text: str) -> Document:
    """Return the YAML document in ``text``; YAMLError (Chinese problem for a limit) if it fails."""
    loader = BoundedLoader(text)  # raises ReaderError for a character YAML does not allow
    try:
        node = loader.get_single_node()
        value = loader.construct_document(node) if node is not None else None
        return Document(value, node)
    finally:
        loader.dispose()


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]|"')


class JsonLimitError(ValueError):
    """A JSON document nested deeper than MAX_NESTING; ``line`` is where it got too deep."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message, self.line = message, line


def load_json(text: str) -> Document:
    """Return the JSON document in ``text``: nesting checked before parsing (json recurses per
    level), numbers too long for a figure kept as their text. json.JSONDecodeError or
    JsonLimitError if it cannot be read. The node tree holds the lines of its first levels."""
    _check_json_nesting(text)
    decoder = json.JSONDecoder(parse_int=_json_number(int), parse_float=_json_number(float))
    value = decoder.decode(text)
    return Document(value, _JsonOutline(text, decoder).node(_skip_space(text, 0), 0)[0])


_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_OUTLINE_LEVELS = 2  # the ledger needs its items' lines, the meeting file its sections' keys'


def _skip_space(text: str, at: int) -> int:
    found = _JSON_SPACE.match(text, at)
    return found.end() if found else at


class _JsonOutline:
    """YAML nodes with lines for the first _OUTLINE_LEVELS of a valid JSON document, deeper values
    as scalars: the same shape the YAML reader gives the ledger and meeting readers for lines."""

    def __init__(self, text: str, decoder: json.JSONDecoder):
        self.text, self.decoder = text, decoder
        self.line_starts = [0, *(found.end() for found in re.finditer("\n", text))]

    def mark(self, at: int) -> yaml.Mark:
        line = bisect.bisect_right(self.line_starts, at) - 1
        return yaml.Mark("<json>", at, line, at - self.line_starts[line], None, None)

    def node(self, at: int, level: int) -> tuple[Node, int]:
        start, opening = at, self.text[at]
        if level < _OUTLINE_LEVELS and opening in "[{":
            closing, items, at = "]" if opening == "[" else "}", [], _skip_space(self.text, at + 1)
            while self.text[at] != closing:
                if opening == "{":
                    key, after = self.decoder.raw_decode(self.text, at)
                    key_node = ScalarNode("tag:yaml.org,2002:str", str(key), self.mark(at))
                    at = _skip_space(self.text, _skip_space(self.text, after) + 1)  # past ":"
                value, at = self.node(at, level + 1)
                items.append((key_node, value) if opening == "{" else value)
                at = _skip_space(self.text, at)
                at = _skip_space(self.text, at + 1) if self.text[at] == "," else at
            kind = MappingNode if opening == "{" else SequenceNode
            return kind("tag:yaml.org,2002:" + ("map" if opening == "{" else "seq"), items, self.mark(start)), at + 1
        _, end = self.decoder.raw_decode(self.text, at)
        return ScalarNode("tag:yaml.org,2002:str", "", self.mark(start)), end


def _json_number(convert: Callable[[str], object]) -> Callable[[str], object]:
    def read(text: str) -> object:
        return text if len(text) > MAX_NUMBER_DIGITS else convert(text)

    return read


def _check_json_nesting(text: str) -> None:
    depth = 0
    for token in _JSON_TOKENS.finditer(text):
        found = token.group()
        if found == '"':  # a string that never ends: json.loads reports it
            return
        if found in "[{":
            depth += 1
            if depth > MAX_NESTING:
                line = text.count("\n", 0, token.start()) + 1
                raise JsonLimitError(f"嵌套超过{MAX_NESTING}层", line)
        elif found in "]}":
            depth -= 1


def describe(error: yaml.YAMLError, text: str = "") -> tuple[str, int | None]:
    """Return a YAMLError as (what is wrong, 1-based line or None); ``text`` is what was parsed."""
    if isinstance(error, yaml.reader.ReaderError):
        character = error.character
        shown = ascii(chr(character))[1:-1] if isinstance(character, int) else repr(character)
        line = text.count("\n", 0, error.position) + 1 if text else None
        return f"含有不能使用的控制字符（{shown}）", line
    if isinstance(error, yaml.MarkedYAMLError):
        problem, context = error.problem or "", error.context or ""
        mark = error.problem_mark or error.context_mark
        if error.context_mark is not None and _FROM_CONTEXT.search(problem):
            mark = error.context_mark  # an unclosed quote or bracket, a key without ":": where it began
        return _in_chinese(problem, context), mark.line + 1 if mark else None
    return "无法解析", None


_CJK = re.compile(r"[\u4e00-\u9fff]")
_FROM_CONTEXT = re.compile(r"stream end|end of stream|expected ',' or|expected ':'")
# PyYAML's problems (and the context that tells some apart), most common first, in Chinese.
_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"found character '\\t' that cannot start any token", "用了 Tab 键，YAML 只能用空格缩进和分隔"),
    (r"found (?:a )?tab character", "用了 Tab 键，YAML 只能用空格缩进和分隔"),
    (r"found character '(.+)' that cannot start any token", "“\\1”不能出现在值的开头，请给这个值加上引号"),
    (r"mapping values are not allowed here", "这一行多了一个“: ”，值里含有冒号时请给整个值加上引号"),
    (r"could not find expected ':'", "缺少“: ”，或上一行的引号没有成对"),
    (r"expected ',' or '\]'", "方括号“[ ]”没有成对，或其中的项之间缺少逗号"),
    (r"expected ',' or '\}'", "花括号“{ }”没有成对，或其中的项之间缺少逗号"),
    (r"end of stream", "引号没有成对，到文件末尾仍未闭合"),
    (r"expected <block end>, but found '[\]}]'", "多了一个右括号“]”或“}”"),
    (r"expected <block end>, but found '<scalar>'", "这一行多出了内容，如引号之后还有文字，或缩进没有对齐"),
    (r"sequence entries are not allowed here", "这里不能出现“- ”：列表的项要另起一行，文字以“-”开头时请加引号"),
    (r"expected <block end>", "缩进没有对齐，同一层的项要缩进同样多的空格"),
    (r"expected the node content", "缺少值，或多了一个“-”“:”之类的符号"),
    (r"found undefined alias '(.+)'", "“*\\1”会被当作引用，而“&\\1”不存在；文字以“*”开头时请加引号"),
    (r"found duplicate anchor '(.+)'", "“&\\1”定义了两次"),
    (r"found another document|expected '<document start>'", "文件中有多份内容，用“---”分开了，只能有一份"),
    (r"could not determine a constructor for the tag '(?:tag:yaml\.org,2002:)?(.+)'", "不认识的标记“!!\\1”"),
    (r"found unhashable key", "键不能是列表或映射"),
    (r"found unknown escape character '(.+)'", "双引号中的“\\\\\\1”不是合法的写法，有反斜杠的文字请改用单引号括起"),
    (r"expected (?:alphabetic or numeric character|URI|' '|'!'|'>')", "“&”“*”“!”之后的名称写法有误"),
    (r"indentation indicator|chomping", "“|”或“>”之后的写法有误"),
)


def _in_chinese(problem: str, context: str) -> str:
    """Return PyYAML's ``problem`` in Chinese (ours pass as they are; an unknown one, in general terms)."""
    if _CJK.search(problem):
        return problem
    for pattern, chinese in _PROBLEMS:
        found = re.search(pattern, f"{context} {problem}")
        if found:
            return found.expand(chinese)
    return "格式无法解析"
