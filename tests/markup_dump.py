"""A stable text dump of a Document (or of a MarkupError) for the dialect fixtures."""

from __future__ import annotations

from dataclasses import fields

from speechgen.document import Block, Document, Paragraph, Table
from speechgen.errors import MarkupError
from speechgen.markup import read_markup


def dump_document(doc: Document) -> str:
    """Return one line per block (kind, fields, @source line); runs and table rows indented."""
    lines = [f"Document kind={doc.kind} title={_text(doc.title)}"]
    for block in doc.blocks:
        lines.extend(dump_block(block))
    return "\n".join(lines) + "\n"


def dump_block(block: Block) -> list[str]:
    """Return the dump lines of one block."""
    name = type(block).__name__
    at = f" @{block.source_line}" if block.source_line is not None else ""
    if isinstance(block, Paragraph):
        extra = (
            "" if (block.align, block.indent) == ("justify", True) else f" align={block.align} indent={block.indent}"
        )
        runs = [f"  **{run.text}**" if run.bold else f"  {run.text}" for run in block.runs]
        return [f"{name}{extra}{at}", *runs]
    if isinstance(block, Table):
        head = f"{name}" + (f" caption={block.caption}" if block.caption else "")
        head += f" align={','.join(block.align)}" if block.align else ""
        rows = ["  | " + " | ".join(row) + " |" for row in (block.header, *block.rows)]
        return [head + at, *rows]
    values = [
        f"{f.name}={_text(getattr(block, f.name))}"
        for f in fields(block)
        if f.name != "source_line" and getattr(block, f.name) not in (None, False)
    ]
    return [" ".join([name, *values]) + at]


def _text(value: object) -> str:
    return str(value).replace("\n", "\\n")


def dump_markup(text: str) -> str:
    """Return the dump of the parsed text followed by "warning 第N行 message" lines, or "error 第N行
    message" lines if it does not parse."""
    try:
        parsed = read_markup(text)
        return dump_document(parsed.document) + "".join(f"warning 第{p.row}行 {p.message}\n" for p in parsed.warnings)
    except MarkupError as error:
        return "".join(f"error 第{p.row}行 {p.message}\n" for p in error.problems)
