"""Inline tokens → runs: bold kept, line breaks joined the Chinese way, anything else an error."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.token import Token

from speechgen.document import Run
from speechgen.errors import Problem

IDEOGRAPHIC_SPACE = "\u3000"
_BREAK = "\n"  # a soft or hard line break, resolved once both neighbours are known

# Inline syntax a 公文 has no place for: token type → (what it is, how to write it instead).
UNSUPPORTED: dict[str, tuple[str, str]] = {
    "em_open": ("斜体（单个 * 或 _ 包围的文字）", "公文不用斜体；要强调请用 **加粗**，要写星号本身请写成 \\*"),
    "link_open": ("链接", "网址或邮箱请直接写成文字，不要用 [文字](网址) 或 <网址>"),
    "image": ("图片", "公文 Markdown 不能插入图片，请在 Word 中插入"),
    "code_inline": ("行内代码（反引号 ` 包围的文字）", "请去掉反引号；要写反引号本身请写成 \\`"),
    "html_inline": ("HTML 标签", "请删除尖括号标签；要写“<”本身请写成 \\<"),
}


@dataclass
class InlineContext:
    """Where problems go: the source name, the line of the inline token and the problem list."""

    source: str
    first_line: int
    problems: list[Problem]


def _is_wide(ch: str) -> bool:
    """Return True for CJK ideographs, kana, full-width forms and CJK punctuation."""
    return ord(ch) >= 0x2E80


def _join_breaks(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Return pieces with each line break replaced: nothing between Chinese characters, a space
    between two Latin words ("project\\nmanagement" → "project management")."""
    flat = "".join(text for text, _ in pieces)
    out: list[tuple[str, bool]] = []
    offset = 0
    for text, bold in pieces:
        if text == _BREAK:
            before = flat[:offset].rstrip(" ")[-1:]
            after = flat[offset + 1 :].lstrip(" ")[:1]
            wide = not before or not after or _is_wide(before) or _is_wide(after)
            out.append(("" if wide else " ", bold))
        else:
            out.append((text, bold))
        offset += len(text)
    return out


def _merge(pieces: list[tuple[str, bool]]) -> tuple[Run, ...]:
    """Return runs with neighbours of equal weight merged, outer spaces and 　 indentation gone."""
    runs: list[Run] = []
    for text, bold in pieces:
        if runs and runs[-1].bold == bold:
            runs[-1] = Run(runs[-1].text + text, bold)
        elif text:
            runs.append(Run(text, bold))
    if runs:
        runs[0] = Run(runs[0].text.lstrip(" \t" + IDEOGRAPHIC_SPACE), runs[0].bold)
        runs[-1] = Run(runs[-1].text.rstrip(), runs[-1].bold)
    return tuple(run for run in runs if run.text)


def paragraph_runs(token: Token, context: InlineContext) -> list[tuple[tuple[Run, ...], int]]:
    """Return the paragraphs in an inline token, each as runs with its first line.

    A line that starts with the full-width space 　 starts a new paragraph: text pasted from Word
    keeps its "　　" indentation but often loses the blank line between paragraphs.
    """
    paragraphs: list[tuple[tuple[Run, ...], int]] = []
    pieces: list[tuple[str, bool]] = []
    line = start_line = context.first_line
    bold = False
    skip_until: str | None = None
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
            pieces.append((_BREAK, bold))
            continue
        if skip_until:
            skip_until = None if child.type == skip_until else skip_until
            continue
        if child.type == "text":
            if pieces and pieces[-1][0] == _BREAK and child.content.startswith(IDEOGRAPHIC_SPACE):
                paragraphs.append((_merge(_join_breaks(pieces[:-1])), start_line))
                pieces, start_line = [], line
            pieces.append((child.content, bold))
        elif child.type in ("strong_open", "strong_close"):
            bold = child.type == "strong_open"
        else:
            skip_until = _report(child, line, context)
    paragraphs.append((_merge(_join_breaks(pieces)), start_line))
    return [(runs, first) for runs, first in paragraphs if runs]


def plain_text(token: Token, context: InlineContext) -> str:
    """Return the text of a heading or table cell; bold markers are dropped (the style decides)."""
    return "".join(run.text for runs, _ in paragraph_runs(token, context) for run in runs)


def _report(child: Token, line: int, context: InlineContext) -> str | None:
    """Record an unsupported inline element; return the token type that ends it, if any."""
    what, hint = UNSUPPORTED.get(child.type, (f"写法（{child.type}）", "请改成普通文字"))
    context.problems.append(Problem(f"不支持{what}", file=context.source, row=line, hint=hint))
    if child.type.endswith("_open"):
        return child.type.replace("_open", "_close")
    return None
