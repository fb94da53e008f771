"""The error tree and the Problem record every user-facing message is built from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

# Characters a message must not send to a terminal as they are: controls (a cell holding "\x1b]0;"
# would retitle the window, "\x1b[2J" clear it) and bidirectional overrides. Line breaks stay.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Return text with each control character written out ("\\x1b"), so it can be printed safely."""
    return _INVISIBLE.sub(lambda found: ascii(found.group())[1:-1], text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as the input allows.

    ``row`` is the 1-based row (Excel/CSV row number, or line number in a text file);
    ``column`` is the column's header text (e.g. "计划投资（万元）") or letter.
    """

    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    hint: str | None = None
    severity: Severity = "error"

    def location(self) -> str:
        """Return "台账.xlsx › 项目表 › 第12行 › 计划投资" with the parts that are known."""
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(f"第{self.row}行")
        if self.column:
            parts.append(self.column)
        return " › ".join(parts)

    def format(self) -> str:
        """Return the whole message: location, what is wrong, and how to fix it."""
        where = self.location()
        text = f"{where}：{self.message}" if where else self.message
        if self.hint:
            text = f"{text.rstrip('。')}；{self.hint}"
        if not text.endswith(("。", "！", "？")):
            text += "。"
        return visible(("警告：" if self.severity == "warning" else "") + text)


class SpeechgenError(Exception):
    """Base of every error speechgen raises on purpose; the CLI shows these without traceback."""

    exit_code = 1

    def messages(self) -> list[str]:
        """Return the lines to show the user, control characters written out."""
        return [visible(str(self))]


class InputError(SpeechgenError):
    """Bad input: every problem found in one pass over the input (exit status 2)."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(p.format() for p in self.problems))

    def messages(self) -> list[str]:
        return [p.format() for p in self.problems]


class TemplateError(InputError):
    """A template could not be rendered; names the template and line."""


class MarkupError(InputError):
    """The 公文 Markdown dialect could not be parsed; names the line."""


class FontError(SpeechgenError):
    """A character has no glyph in the fonts chosen for the PDF, or a font is missing."""

    exit_code = 2


class OutputExistsError(SpeechgenError):
    """The output file exists and --force was not given."""

    exit_code = 2

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"输出文件已存在：{path}；如需覆盖请加 --force，或换一个文件名。")
