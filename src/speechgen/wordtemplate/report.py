"""What template-check found, and its text for the terminal."""

from __future__ import annotations

from dataclasses import dataclass

from speechgen.errors import Problem
from speechgen.wordtemplate.fields import FIELDS, ITEMS, Field
from speechgen.wordtemplate.scan import Tag


@dataclass(frozen=True)
class TemplateReport:
    """What template-check found: the tags in order, the problems (errors and warnings), the
    fields used anywhere and those the main part places (Chinese names)."""

    name: str
    tags: tuple[Tag, ...]
    problems: tuple[Problem, ...]
    fields: frozenset[str]
    placed: frozenset[str]

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Return the problems that stop a fill."""
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Return the problems that are only reported."""
        return tuple(p for p in self.problems if p.severity == "warning")

    def render(self) -> str:
        """Return the report as the terminal shows it: the tags, the problems, the verdict."""
        found = "：" if self.tags else "（模板中没有 {{ }} 或 {% %}）"
        lines = [f"{self.name}：找到 {len(self.tags)} 个字段{found}"]
        for tag in self.tags:
            where = f"{tag.paragraph.part} 第{tag.paragraph.number}段"
            text = tag.paragraph.text.strip()
            shown = tag.paragraph.around(tag.start, tag.start + len(tag.text))
            around = "" if text == tag.text else f"  段落：“{shown}”"
            lines.append(f"  {_pad(where, 14)}{tag.text}{around}")
        if self.problems:
            lines.append("")
            lines += [("" if p.severity == "warning" else "错误：") + p.format() for p in self.problems]
        lines.append("")
        if self.errors:
            lines.append(f"不能使用：有 {len(self.errors)} 个错误，请在 Word 中改正后再用"
                         + (f"（另有 {len(self.warnings)} 个警告）。" if self.warnings else "。"))
        else:
            warned = f"：有 {len(self.warnings)} 个警告，请看看是否需要改。" if self.warnings else "。"
            lines.append(f"可以使用{warned}")
        return "\n".join(lines)


def _pad(text: str, width: int) -> str:
    """Return ``text`` padded to ``width`` terminal columns (a hanzi takes two)."""
    used = sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)
    return text + " " * max(1, width - used)


def _rows(fields: tuple[Field, ...], indent: str) -> list[str]:
    return [f"{indent}{_pad(f.name, 14)}{_pad(f.english, 20)}{f.what}" for f in fields]


def fields_text() -> str:
    """Return every field a Word template may use, in Chinese and English, with what it holds."""
    lines = ["公文本身的字段（generate 和 render 都有）："]
    lines += _rows(tuple(f for f in FIELDS if f.source == "document"), "  ")
    lines += ["", "来自台账的字段（只有 generate 有）："]
    for field in (f for f in FIELDS if f.source == "ledger"):
        lines += _rows((field,), "  ")
        if field.items and field.name in ("滞后项目", "县区"):
            example = "p.项目名称" if field.items == "project" else "p.名称"
            lines.append(f"    每一项（如 {{%tr for p in {field.name} %}} 中的 {example}）的字段：")
            lines += _rows(ITEMS[field.items], "      ")
    return "\n".join(lines)
