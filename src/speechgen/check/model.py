"""The paragraph model every room of check/ shares: a draft's numbered paragraphs (Para) and the
draft as read (Source)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal[
    "title", "subtitle", "salutation", "addressee", "heading", "body", "table", "signature",
    "date", "attachment", "imprint", "header", "meta",
]
Format = Literal["txt", "docx", "md"]


@dataclass(frozen=True)
class Para:
    """One paragraph of a draft.

    ``role`` is what the format says the paragraph is (a .docx style, a dialect block); it is
    None in plain text, where only the wording tells. ``line`` is the 1-based source line of
    .txt/.md input.
    """

    number: int
    text: str
    role: Role | None = None
    level: int | None = None
    line: int | None = None
    style: str | None = None
    prefix: str = ""  # a marker Word's automatic numbering draws; ``text`` starts with it
    cell: tuple[int, int, int] | None = None  # a table cell: (table, row, column); row 0 the header


@dataclass(frozen=True)
class Source:
    """A draft as read: its paragraphs, the document kind when the format says it, the bytes."""

    name: str
    format: Format
    paragraphs: tuple[Para, ...]
    kind: str | None = None
    data: bytes = b""
