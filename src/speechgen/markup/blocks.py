"""Block tokens → Document blocks, one reader per token type (markdown-it-py's rule-table style).

The result is the body in source order, with the ``#`` title as a Title and each ``# 附件…`` as an
AttachmentHeading; markers are assigned and the parts are put in place by assemble.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it.token import Token

from speechgen.document import Align, AttachmentHeading, Block, Heading, PageBreak, Paragraph, Table, Title
from speechgen.errors import Problem
from speechgen.markup.headings import strip_marker
from speechgen.markup.inline import InlineContext, paragraph_runs, plain_text
from speechgen.zh.numerals import half_width_digits

# "附件1 标题", "附件1：标题", "附件 标题": the number is glued to 附件 and ends at a separator,
# so "附件 2024年6月项目清单" is an unnumbered attachment whose title starts with a year.
_ATTACHMENT = re.compile(r"^附件([0-9０-９]+(?=[\s：:.．、]|$))?[\s：:.．、]*(.*)$")
_ALIGN: dict[str, Align] = {"text-align:left": "left", "text-align:center": "center", "text-align:right": "right"}

# Block syntax a 公文 has no place for: opening token type → (what, how to write it instead).
UNSUPPORTED: dict[str, tuple[str, str]] = {
    "bullet_list_open": ("列表（以 -、+ 或 * 开头的行）", "请写成段落；层次用 ## 标题，段内列举用“一是……二是……”"),
    "ordered_list_open": (
        "编号列表（以“1.”或“1)”加空格开头的行）",
        "层次标题请用 ####；正文中的序号请去掉序号后的空格，或写成“1\\.”",
    ),
    "blockquote_open": ("引用（以 > 开头的行）", "请删除行首的 >"),
    "fence": ("代码块（``` 包围的内容）", "请删除 ``` 行"),
    "html_block": ("HTML", "请删除尖括号标签和注释"),
}


@dataclass
class Reader:
    """The state of one pass over the block tokens."""

    source: str
    lines: list[str]
    problems: list[Problem]
    blocks: list[Block] = field(default_factory=list)

    def problem(self, message: str, line: int | None, hint: str | None = None) -> None:
        """Record a problem at a source line."""
        self.problems.append(Problem(message, file=self.source, row=line, hint=hint))

    def context(self, token: Token) -> InlineContext:
        """Return the inline context of a token (its first line)."""
        return InlineContext(self.source, line_of(token) or 1, self.problems)


def line_of(token: Token) -> int | None:
    """Return the 1-based source line where a block token starts."""
    return token.map[0] + 1 if token.map else None


def read_blocks(tokens: list[Token], text: str, source: str, problems: list[Problem]) -> list[Block]:
    """Return the body blocks of the token stream; unsupported syntax is recorded as problems."""
    reader = Reader(source, text.split("\n"), problems)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        rule = RULES.get(token.type)
        if rule is not None:
            index = rule(reader, tokens, index)
        elif token.type in UNSUPPORTED:
            what, hint = UNSUPPORTED[token.type]
            reader.problem(f"不支持{what}", line_of(token), hint)
            index = skip_block(tokens, index)
        else:
            reader.problem(f"不支持的写法（{token.type}）", line_of(token), "请改成段落或标题")
            index = skip_block(tokens, index)
    return reader.blocks


def skip_block(tokens: list[Token], index: int) -> int:
    """Return the index after the block opened at index (after a leaf token, the next one)."""
    depth = 0
    while index < len(tokens):
        depth += tokens[index].nesting
        index += 1
        if depth <= 0:
            return index
    return index


def read_heading(reader: Reader, tokens: list[Token], index: int) -> int:
    """``#`` → Title or AttachmentHeading; ``##``–``#####`` → Heading at level 1–4 (unnumbered)."""
    token, line = tokens[index], line_of(tokens[index])
    text = plain_text(tokens[index + 1], reader.context(token)).strip()
    level = int(token.tag[1]) - 1
    if not text:
        reader.problem(f"{'#' * (level + 1)} 后面没有标题文字", line, "请补上标题或删除这一行")
    elif level == 0 and (match := _ATTACHMENT.match(text)):
        number = half_width_digits(match.group(1) or "")
        label = f"附件{number}" if number else "附件"
        reader.blocks.append(AttachmentHeading(label, match.group(2).strip() or None, source_line=line))
    elif level == 0:
        reader.blocks.append(Title(text, source_line=line))
    elif level > 4:
        reader.problem(
            f"标题“{text}”用了 {'#' * (level + 1)}，公文只有四层标题", line, "请使用 ## 到 #####（一、（一）1.（1））"
        )
    elif not strip_marker(text):
        reader.problem(f"标题“{text}”只有序号没有文字", line, "序号会自动编排，请写出标题文字")
    else:
        reader.blocks.append(Heading(level, "", strip_marker(text), source_line=line))
    return index + 3


def read_paragraph(reader: Reader, tokens: list[Token], index: int) -> int:
    """A paragraph → one Paragraph, or several when lines start with the full-width space."""
    inline = tokens[index + 1]
    line = line_of(tokens[index])
    if _check_paragraph_lines(reader, inline.content, line or 1):
        for runs, first in paragraph_runs(inline, reader.context(tokens[index])):
            reader.blocks.append(Paragraph(runs, source_line=first))
    return index + 3


def _check_paragraph_lines(reader: Reader, content: str, first: int) -> bool:
    """Return False (and record why) for paragraphs that are broken tables or setext headings."""
    lines = content.split("\n")
    if sum(1 for text in lines if text.lstrip().startswith("|")) >= 2:
        reader.problem(
            "这几行像表格，但没有被识别为表格",
            first,
            "第二行须是分隔行（如“| --- | --- |”），且列数与表头相同",
        )
        return False
    for offset, text in enumerate(lines):
        if offset and re.fullmatch(r"\s*=+\s*", text):
            reader.problem("不支持用“===”下划线标注标题", first + offset, "标题请用行首的 # 或 ##")
            return False
    return True


def read_hr(reader: Reader, tokens: list[Token], index: int) -> int:
    """``---`` → PageBreak."""
    reader.blocks.append(PageBreak(source_line=line_of(tokens[index])))
    return index + 1


def read_table(reader: Reader, tokens: list[Token], index: int) -> int:
    """A pipe table → Table; an all-bold paragraph just above becomes its caption."""
    end = skip_block(tokens, index)
    rows: list[tuple[str, ...]] = []
    aligns: list[Align | None] = []
    for token_index in range(index, end):
        token = tokens[token_index]
        if token.type == "tr_open":
            rows.append(())
            _check_row_width(reader, token, tokens[index].map)
        elif token.type in ("th_open", "td_open"):
            inline = tokens[token_index + 1]
            rows[-1] = (*rows[-1], plain_text(inline, reader.context(inline)).strip())
            if len(rows) == 1:
                aligns.append(_ALIGN.get(str(token.attrs.get("style", ""))))
    align = tuple(a or "left" for a in aligns) if any(aligns) else ()
    table = Table(rows[0], tuple(rows[1:]), align, caption=_take_caption(reader), source_line=line_of(tokens[index]))
    reader.blocks.append(table)
    return end


def _take_caption(reader: Reader) -> str | None:
    """Return (and remove) the all-bold paragraph just above the table, if there is one."""
    last = reader.blocks[-1] if reader.blocks else None
    if isinstance(last, Paragraph) and len(last.runs) == 1 and last.runs[0].bold:
        reader.blocks.pop()
        return last.text
    return None


def _check_row_width(reader: Reader, row: Token, table_map: list[int] | None) -> None:
    """Record a row with more cells than the header: markdown-it would drop the extra cells."""
    if not row.map or not table_map:
        return
    header, text = reader.lines[table_map[0]], reader.lines[row.map[0]]
    width, cells = count_cells(header), count_cells(text)
    if cells > width:
        reader.problem(
            f"表格这一行有{cells}格，表头只有{width}格，多出的内容会丢失",
            row.map[0] + 1,
            "请补齐表头或合并单元格内容；单元格里的“|”请写成“\\|”",
        )


def count_cells(line: str) -> int:
    """Return the number of cells in a pipe-table source line (escaped pipes do not count)."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return len(re.split(r"(?<!\\)\|", text))


RULES: dict[str, Callable[[Reader, list[Token], int], int]] = {
    "heading_open": read_heading,
    "paragraph_open": read_paragraph,
    "hr": read_hr,
    "table_open": read_table,
}
