"""A Document's blocks → the paragraphs (with roles) that the outline and the rules read."""

from __future__ import annotations

from typing import assert_never

from speechgen.check.model import Para, Role
from speechgen.document import (
    Addressee,
    AttachmentHeading,
    AttachmentNote,
    Block,
    Document,
    FormTitle,
    Heading,
    Imprint,
    PageBreak,
    Paragraph,
    RedHeader,
    Salutation,
    Signature,
    Subtitle,
    Table,
    Title,
    attachment_note_lines,
    block_text,
)


def document_paragraphs(document: Document) -> list[Para]:
    """Return every printed line of the Document as a numbered paragraph with its role."""
    out: list[Para] = []
    tables = 0
    for block in document.blocks:
        if isinstance(block, Table):
            if block.caption:
                out.append(Para(len(out) + 1, block.caption, "table", None, block.source_line))
            for row, cells in enumerate((block.header, *block.rows)):
                for column, text in enumerate(cells):
                    if text.strip():
                        out.append(Para(len(out) + 1, text, "table", None, block.source_line,
                                        cell=(tables, row, column)))
            tables += 1
            continue
        for text, role, level in _block_lines(block):
            out.append(Para(len(out) + 1, text, role, level, block.source_line))
    return out


def _block_lines(block: Block) -> list[tuple[str, Role, int | None]]:
    """Return (text, role, heading level) for each printed line of one block."""
    match block:
        case FormTitle(text=text, number=number):  # a form's 编号 reads as a 发文字号 does
            return [(text.replace("\n", ""), "title", None)] + [(f"编号：{number}", "header", None)] * bool(number)
        case Title(text=text):
            return [(text.replace("\n", ""), "title", None)]
        case Subtitle(text=text):
            return [(text, "subtitle", None)]
        case Salutation(text=text):
            return [(text, "salutation", None)]
        case Addressee(text=text):
            return [(text, "addressee", None)]
        case Heading(level=level):
            return [(block.full_text, "heading", level)]
        case Paragraph():
            return [(block.text, "body", None)]
        case Table():  # document_paragraphs numbers its cells
            return []
        case PageBreak():
            return []
        case AttachmentNote(items=items):
            return [(line, "attachment", None) for line in attachment_note_lines(items)]
        case Signature(issuer=issuer, date=date):
            return [(issuer, "signature", None)] * bool(issuer) + [(date, "date", None)]
        case AttachmentHeading() | Imprint() | RedHeader():
            role: Role = "attachment" if isinstance(block, AttachmentHeading) else (
                "imprint" if isinstance(block, Imprint) else "header")
            return [(line, role, None) for line in block_text(block)]
        case _:
            assert_never(block)
