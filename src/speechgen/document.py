"""The Document: a closed set of frozen blocks between the markup reader and the writers.

Blocks carry text that is final (heading markers already assigned, dates already formatted);
writers only lay them out. ``source_line`` is the 1-based line in the dialect source, for errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["speech", "bulletin", "notice", "sheet", "generic"]
Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Run:
    """A stretch of inline text; ``bold`` marks a lead sentence such as "**一是加快建设进度。**"."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class RedHeader:
    """版头: 发文机关标志 (red), 发文字号 and the red separator line."""

    issuer: str
    doc_number: str | None = None
    source_line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Title:
    """标题, 2号小标宋, centred; may hold line breaks chosen by the author ("\\n")."""

    text: str
    source_line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class FormTitle(Title):
    """The title of a form (督办单): printed red, with the form's 编号 under it, flush right."""

    number: str | None = None


@dataclass(frozen=True)
class Subtitle:
    """A centred line under a speech title: speaker, or the date in parentheses (楷体)."""

    text: str
    source_line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Salutation:
    """称谓 of a speech, flush left: "同志们："."""

    text: str
    source_line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Addressee:
    """主送机关, flush left, ending with a full-width colon."""

    text: str
    source_line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Heading:
    """层次标题 at level 1–4; ``marker`` is the final number ("一、", "（二）", "第三，", "1.")."""

    level: int
    marker: str
    text: str
    source_line: int | None = field(default=None, compare=False)

    @property
    def full_text(self) -> str:
        """Return marker and text as printed."""
        return f"{self.marker}{self.text}"


@dataclass(frozen=True)
class Paragraph:
    """正文段落: first line indented two characters unless ``indent`` is False."""

    runs: tuple[Run, ...]
    align: Align = "justify"
    indent: bool = True
    source_line: int | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        """Return the paragraph's plain text."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Table:
    """A table: one header row (repeated across pages) and body rows of plain cell text.

    ``form``: the table of a form (督办单): rows of label and value, the first row (``header``) one
    of them; a row whose value is empty is a field left to fill in by hand, given room to write.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[Align, ...] = ()
    caption: str | None = None
    source_line: int | None = field(default=None, compare=False)
    form: bool = False


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""

    source_line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class AttachmentNote:
    """附件说明 under the body; ``items`` are the attachment names, numbered when more than one."""

    items: tuple[str, ...]
    source_line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Signature:
    """发文机关署名 and 成文日期, placed per GB/T 9704 7.3.5 (unsealed by default)."""

    issuer: str | None
    date: str
    sealed: bool = False
    source_line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class AttachmentHeading:
    """The first lines of an attachment page: "附件1" in 黑体 and the attachment title."""

    label: str
    title: str | None = None
    source_line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Imprint:
    """版记: 抄送 and 印发机关/印发日期 between rules at the foot of the last page."""

    cc: str | None = None
    printer: str | None = None
    print_date: str | None = None
    source_line: int | None = field(default=None, compare=False)


Block = (
    RedHeader
    | Title
    | Subtitle
    | Salutation
    | Addressee
    | Heading
    | Paragraph
    | Table
    | PageBreak
    | AttachmentNote
    | Signature
    | AttachmentHeading
    | Imprint
)


@dataclass(frozen=True)
class Document:
    """A whole 公文 or speech: its kind and its blocks in reading order."""

    kind: Kind
    blocks: tuple[Block, ...]
    title: str = ""

    def text(self) -> str:
        """Return the document as plain text, one block per line (for search and tests)."""
        lines: list[str] = []
        for block in self.blocks:
            lines.extend(block_text(block))
        return "\n".join(lines)


def block_text(block: Block) -> list[str]:
    """Return the plain-text lines of one block."""
    match block:
        case RedHeader(issuer=issuer, doc_number=number):
            return [issuer] + ([number] if number else [])
        case FormTitle(text=text, number=number):
            return [text] + ([f"编号：{number}"] if number else [])
        case Title(text=text) | Subtitle(text=text) | Salutation(text=text) | Addressee(text=text):
            return [text]
        case Heading():
            return [block.full_text]
        case Paragraph():
            return [block.text]
        case Table(header=header, rows=rows):
            return ["\t".join(header)] + ["\t".join(row) for row in rows]
        case PageBreak():
            return []
        case AttachmentNote(items=items):
            return attachment_note_lines(items)
        case Signature(issuer=issuer, date=date):
            return ([issuer] if issuer else []) + [date]
        case AttachmentHeading(label=label, title=title):
            return [label] + ([title] if title else [])
        case Imprint(cc=cc, printer=printer, print_date=print_date):
            lines = [f"抄送：{cc}"] if cc else []
            if printer or print_date:
                lines.append(f"{printer or ''}　　{print_date or ''}印发".strip())
            return lines
    raise TypeError(f"unknown block {block!r}")


def attachment_note_lines(items: tuple[str, ...]) -> list[str]:
    """Return "附件：名称" or "附件：1.甲", "2.乙" … (GB/T 9704 7.3.4: no punctuation after names)."""
    if len(items) == 1:
        return [f"附件：{items[0]}"]
    return [("附件：" if i == 1 else "") + f"{i}.{name}" for i, name in enumerate(items, 1)]
