"""The tags of a Word template as a user sees them: paragraph by paragraph, in the body, headers,
footers and footnotes, whatever runs, spell-check marks or font changes Word split them over.

A paragraph's text is the text of its own runs joined (that is where docxtpl merges split tags
too), so ``{{ 发文`` in one run and ``字号 }}`` in the next are one tag here. Each finding names
the part and the paragraph with its text, never an XML line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from speechgen.errors import Problem
from speechgen.wordtemplate.package import SAFE_PARSER, WordPackage, parse_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TAG = re.compile(r"\{\{(?P<var>.*?)\}\}|\{%(?P<block>.*?)%\}|\{#(?P<comment>.*?)#\}", re.DOTALL)
_OPENER = re.compile(r"\{[{%#]")
_FULL_WIDTH = re.compile(r"[｛｝][｛｝%％]|\{[｛％]|[％｝]\}")
_LEVEL = re.compile(r"^(p|tr|tc|r) ")  # docxtpl's {%p …%}, {{tr …}}: the letter, then a space
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})  # as docxtpl's clean_tags
_BLOCKS = {"for": "endfor", "if": "endif", "macro": "endmacro", "call": "endcall", "filter": "endfilter",
           "with": "endwith", "block": "endblock", "raw": "endraw", "set": "endset"}
_KINDS = {"var": "{{", "block": "{%", "comment": "{#"}
_HEADER_LABELS = {"headerReference": "页眉", "footerReference": "页脚"}
_KIND_LABELS = {"first": "首页", "even": "偶数页", "default": ""}
CONTEXT_CHARS = 40


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a part: ``part`` is its label (正文, 页眉, 首页页脚 …), ``number`` 1-based."""

    part: str
    number: int
    text: str
    in_row: bool = False
    in_cell: bool = False

    def around(self, start: int = 0, end: int | None = None) -> str:
        """Return the paragraph's text around [start, end), shortened to about CONTEXT_CHARS each side."""
        end = len(self.text) if end is None else end
        lo, hi = max(0, start - CONTEXT_CHARS), min(len(self.text), end + CONTEXT_CHARS)
        return ("…" if lo else "") + self.text[lo:hi].strip() + ("…" if hi < len(self.text) else "")


@dataclass(frozen=True)
class Tag:
    """A tag as typed: ``kind`` "{{", "{%" or "{#"; ``level`` p/tr/tc/r for docxtpl's forms;
    ``inner`` the expression or statement (Word's curly quotes made straight, as docxtpl does)."""

    paragraph: Paragraph
    text: str
    kind: str
    level: str | None
    inner: str
    start: int

    @property
    def keyword(self) -> str:
        """Return the statement's first word ("for", "endif" …), "" for a printed value."""
        return self.inner.split(maxsplit=1)[0] if self.kind == "{%" and self.inner.split() else ""

    def problem(self, message: str, hint: str | None = None, severity: str = "error") -> Problem:
        """Return a Problem located at this tag's paragraph, quoting the text around it."""
        where = self.paragraph
        return Problem(f"第{where.number}段“{where.around(self.start, self.start + len(self.text))}”：{message}",
                       sheet=where.part, hint=hint, severity=severity)  # type: ignore[arg-type]


def part_labels(package: WordPackage, names: list[str]) -> dict[str, str]:
    """Return the label of each part: 正文, 页眉, 首页页眉, 偶数页页脚 …, 脚注."""
    labels = {package.main: "正文"}
    rels_name = package.main.replace("word/", "word/_rels/", 1) + ".rels"
    try:
        rels = parse_xml(package.part(rels_name), rels_name, "")
        document = parse_xml(package.part(package.main), package.main, "")
    except KeyError:
        return labels
    targets = {rel.get("Id"): "word/" + rel.get("Target", "").lstrip("/").removeprefix("word/")
               for rel in rels.iter(f"{_REL_NS}Relationship")}
    for tag, label in _HEADER_LABELS.items():
        for reference in document.iter(f"{W}{tag}"):
            target = targets.get(reference.get(f"{R}id"))
            if target and target not in labels:
                labels[target] = _KIND_LABELS.get(reference.get(f"{W}type", "default"), "") + label
    for name in names:
        labels.setdefault(name, "脚注" if "footnote" in name else name)
    return labels


def paragraphs(xml: bytes, label: str) -> list[Paragraph]:
    """Return the paragraphs of a part with their own text (a text box's paragraphs are their own)."""
    root = etree.fromstring(xml, SAFE_PARSER)
    found: list[Paragraph] = []
    for p in root.iter(f"{W}p"):
        texts = [t.text or "" for t in p.iter(f"{W}t") if next(t.iterancestors(f"{W}p")) is p]
        ancestors = {a.tag for a in p.iterancestors()}
        found.append(Paragraph(label, len(found) + 1, "".join(texts), f"{W}tr" in ancestors, f"{W}tc" in ancestors))
    return found


def find_tags(found: list[Paragraph]) -> tuple[list[Tag], list[Problem]]:
    """Return the tags of the paragraphs and the problems a tag shows on its own: unclosed,
    full-width braces, docxtpl's row/cell forms outside a table, text that {%p/{%tr would drop."""
    tags: list[Tag] = []
    problems: list[Problem] = []
    for paragraph in found:
        text = paragraph.text
        own: list[Tag] = []
        for match in _TAG.finditer(text):
            kind = next(k for k in _KINDS if match.group(k) is not None)
            body = match.group(kind)
            level = _LEVEL.match(body)
            inner = (body[level.end():] if level else body).translate(_QUOTES).strip()
            own.append(Tag(paragraph, match.group(0), _KINDS[kind], level.group(1) if level else None,
                           inner, match.start()))
        rest = _TAG.sub(lambda m: " " * len(m.group(0)), text)
        unclosed = _OPENER.search(rest)
        if unclosed:
            closer = {"{": "}}", "%": "%}", "#": "#}"}[rest[unclosed.start() + 1]]
            opener = rest[unclosed.start():unclosed.start() + 2]
            problems.append(_at(paragraph, unclosed.start(), f"“{opener}”没有配对的“{closer}”",
                                "一个字段必须写在同一段中，左右括号都用半角"))
        if _FULL_WIDTH.search(text):
            problems.append(_at(paragraph, _FULL_WIDTH.search(text).start(),  # type: ignore[union-attr]
                                "用了全角的“｛｝”或“％”，不会被当作字段", "字段的括号和百分号须用半角：{{ }}、{% %}",
                                "warning"))
        problems += [p for tag in own for p in _placement(tag, rest)]
        tags += own
    return tags, problems


def _at(paragraph: Paragraph, start: int, message: str, hint: str, severity: str = "error") -> Problem:
    return Problem(f"第{paragraph.number}段“{paragraph.around(start, start + 2)}”：{message}",
                   sheet=paragraph.part, hint=hint, severity=severity)  # type: ignore[arg-type]


def _placement(tag: Tag, rest: str) -> list[Problem]:
    where = tag.paragraph
    if tag.level == "tr" and not where.in_row:
        return [tag.problem(f"“{tag.text}”不在表格中：{{%tr %}} 只能写在表格的一行里", "不在表格中请写成 {%p … %}")]
    if tag.level == "tc" and not where.in_cell:
        return [tag.problem(f"“{tag.text}”不在表格中：{{%tc %}} 只能写在表格的单元格里", "不在表格中请写成 {%p … %}")]
    if tag.level == "p" and rest.strip():
        return [tag.problem(f"“{tag.text}”所在的段落会整段换成它，这一段中的其他文字“{rest.strip()[:20]}”会被删去",
                            "请把 {%p … %} 或 {{p … }} 单独写成一段", "warning")]
    return []


def check_blocks(tags: list[Tag]) -> list[Problem]:
    """Return the problems of the statements of one part: unbalanced ({% if %} without
    {% endif %}), or a pair that would cut the XML apart when docxtpl drops what lies between —
    the two in different paragraphs without {%p, or written in different forms."""
    stack: list[Tag] = []
    problems: list[Problem] = []
    for tag in tags:
        word = tag.keyword
        if word in _BLOCKS and not (word == "set" and "=" in tag.inner):
            stack.append(tag)
        elif word in _BLOCKS.values():
            if stack and _BLOCKS[stack[-1].keyword] == word:
                problems += _pair(stack.pop(), tag)
            else:
                expected = f"缺少与之对应的 {{% {word[3:]} … %}}" if not stack else \
                    f"应先用 {{% {_BLOCKS[stack[-1].keyword]} %}} 结束前面的“{stack[-1].text}”"
                problems.append(tag.problem(f"“{tag.text}”{expected}", _PAIRS))
        elif word in ("elif", "else"):
            if stack and stack[-1].keyword in ("if", "for"):
                problems += _pair(stack[-1], tag)
            else:
                problems.append(tag.problem(f"“{tag.text}”不在 {{% if %}} 之中",
                                            "{% elif %}、{% else %} 只能写在 {% if %} 与 {% endif %} 之间"))
    problems += [tag.problem(f"“{tag.text}”没有对应的 {{% {_BLOCKS[tag.keyword]} %}}", _PAIRS) for tag in stack]
    return problems


_PAIRS = "{% if %}/{% for %} 与 {% endif %}/{% endfor %} 须成对"
_SPLIT_HINT = ("跨段落的条件或循环请写成 {%p if … %} 与 {%p endif %}，各自单独成段；"
               "表格中重复或删去整行用 {%tr for … %} 与 {%tr endfor %}")


def _pair(opener: Tag, closer: Tag) -> list[Problem]:
    """Return the problem of two tags of one statement that docxtpl cannot cut out cleanly."""
    if opener.level != closer.level:
        return [closer.problem(f"“{opener.text}”与“{closer.text}”的写法不一致（一个带 {opener.level or '无'}，"
                               f"一个带 {closer.level or '无'}），填充后的文件会损坏", _SPLIT_HINT)]
    if opener.level in (None, "r") and opener.paragraph is not closer.paragraph:
        return [closer.problem(f"“{opener.text}”在第{opener.paragraph.number}段，“{closer.text}”在另一段："
                               "条件不成立时两段之间的内容被删去，文件会损坏", _SPLIT_HINT)]
    return []
