"""Document → the 公文 Markdown dialect, so that parsing the output gives the same Document."""

from __future__ import annotations

import re
from typing import Any, assert_never

import yaml

from speechgen.document import (
    Addressee,
    Align,
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
    Run,
    Salutation,
    Signature,
    Subtitle,
    Table,
    Title,
)
from speechgen.zh import heading_marker

# ASCII punctuation that Markdown may read as syntax anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&!|~#])")
# What may start a block at the beginning of a line: # heading, > quote, - + list, 1. list, ---.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
_ALIGN_RULE: dict[Align, str] = {"left": ":---", "center": ":---:", "right": "---:", "justify": "---"}


def render_markdown(doc: Document) -> str:
    """Return the document in the dialect: front matter for the standard elements, then the body."""
    meta = front_matter(doc)
    body: list[str] = []
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, PageBreak) and isinstance(following, AttachmentHeading):
            continue  # every attachment starts a new page anyway
        body.extend(block_markdown(block))
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) if meta else ""
    return (f"---\n{head}---\n\n" if head else "") + "\n\n".join(body) + "\n"


def front_matter(doc: Document) -> dict[str, Any]:
    """Return the front matter that makes the parser rebuild the document's standard elements."""
    meta: dict[str, Any] = {"kind": doc.kind}
    header = next((b for b in doc.blocks if isinstance(b, RedHeader)), None)
    signature = next((b for b in doc.blocks if isinstance(b, Signature)), None)
    official = doc.kind in ("bulletin", "notice")
    title = next((b for b in doc.blocks if isinstance(b, Title)), None)
    if title and "\n" in title.text:
        meta["title"] = title.text.split("\n")
    subtitles = [b.text for b in doc.blocks if isinstance(b, Subtitle)]
    if subtitles:
        meta["subtitle"] = subtitles
    if isinstance(title, FormTitle) and title.number:
        meta["doc_number"] = title.number
    if header:
        meta["issuer"] = header.issuer
        if header.doc_number:
            meta["doc_number"] = header.doc_number
        if not official:
            meta["red_header"] = True
    elif official and signature and signature.issuer:
        meta["red_header"] = False
    meta.update(_addressee_and_signature(doc, signature, header))
    meta.update(_numbering(doc))
    meta.update(_imprint(doc))
    return meta


def _addressee_and_signature(doc: Document, signature: Signature | None, header: RedHeader | None) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    addressee = next((b for b in doc.blocks if isinstance(b, Addressee)), None)
    if addressee:
        meta["addressee"] = addressee.text
    if signature:
        default_signer = header.issuer if header and doc.kind in ("bulletin", "notice") else None
        if signature.issuer and (signature.issuer != default_signer or doc.kind == "speech"):
            meta["signature"] = signature.issuer
        meta["date"] = signature.date
        if signature.sealed:
            meta["sealed"] = True
    note = next((b for b in doc.blocks if isinstance(b, AttachmentNote)), None)
    if note:
        meta["attachments"] = list(note.items)
    return meta


def _numbering(doc: Document) -> dict[str, Any]:
    """Return ``numbering`` when the level-1 markers differ from the kind's default."""
    first = next((b for b in doc.blocks if isinstance(b, Heading) and b.level == 1), None)
    if first is None:
        return {}
    style = "speech" if first.marker.startswith("第") else "standard"
    default = "speech" if doc.kind == "speech" else "standard"
    return {} if style == default else {"numbering": style}


def _imprint(doc: Document) -> dict[str, Any]:
    imprint = next((b for b in doc.blocks if isinstance(b, Imprint)), None)
    if imprint is None:
        return {}
    pairs = (("cc", imprint.cc), ("printer", imprint.printer), ("print_date", imprint.print_date))
    return {key: value for key, value in pairs if value}


def block_markdown(block: Block) -> list[str]:
    """Return the Markdown chunks (separated by blank lines) of one body block."""
    match block:
        case Title(text=text):
            return [] if "\n" in text else [f"# {escape(text)}"]
        case RedHeader() | Subtitle() | Addressee() | AttachmentNote() | Signature() | Imprint():
            return []  # in the front matter
        case Salutation(text=text):
            return [escape_line(escape(text))]
        case Heading(level=level, marker=marker, text=text):
            # The marker is written so that a text which itself looks like a marker ("1.5亿元"
            # is safe, "一、（一）" is not) survives: the parser strips exactly one and renumbers.
            return [f"{'#' * (level + 1)} {escape(marker or heading_marker(level, 1))}{escape(text)}"]
        case Paragraph(runs=runs):
            return [escape_line(runs_markdown(runs))]
        case Table():
            return table_markdown(block)
        case PageBreak():
            return ["---"]
        case AttachmentHeading(label=label, title=title):
            return [f"# {label}" + (f" {escape(title)}" if title else "")]
        case _:
            assert_never(block)


def escape(text: str) -> str:
    """Return text with Markdown's inline syntax characters backslash-escaped."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def escape_line(text: str) -> str:
    """Return a paragraph line that cannot start a heading, list, quote or page break."""
    return _LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", text)


def runs_markdown(runs: tuple[Run, ...]) -> str:
    """Return the runs with bold ones between ``**`` (spaces kept outside, where ``**`` works)."""
    merged: list[Run] = []
    for run in runs:  # "**甲****乙**" would not parse: join neighbours of equal weight first
        if merged and merged[-1].bold == run.bold:
            merged[-1] = Run(merged[-1].text + run.text, run.bold)
        else:
            merged.append(run)
    parts: list[str] = []
    for run in merged:
        if not run.bold or not run.text.strip():
            parts.append(escape(run.text))
            continue
        core = run.text.strip()
        lead, trail = run.text[: len(run.text) - len(run.text.lstrip())], run.text[len(run.text.rstrip()) :]
        parts.append(f"{lead}**{escape(core)}**{trail}")
    return "".join(parts)


def table_markdown(table: Table) -> list[str]:
    """Return the caption (bold paragraph) and the pipe table."""

    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(escape(cell) or " " for cell in cells) + " |"

    aligns = table.align or ("justify",) * len(table.header)
    rule = "| " + " | ".join(_ALIGN_RULE[a] for a in aligns) + " |"
    lines = "\n".join([row(table.header), rule, *(row(cells) for cells in table.rows)])
    return ([f"**{escape(table.caption)}**"] if table.caption else []) + [lines]
