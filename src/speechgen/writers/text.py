"""Document → plain text: the 公文 as it reads on screen, aligned with full-width spaces."""

from __future__ import annotations

from typing import assert_never

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
from speechgen.style import CHARS_PER_LINE, signature_indents_chars, text_width_chars

INDENT = "\u3000\u3000"  # 首行缩进二字 (GB/T 9704 7.3.3)
RULE = "\u2500" * CHARS_PER_LINE  # stands for the red rule and the 版记 rules

# A blank line goes before these blocks (and after the 版头 and the title group).
_GAP_BEFORE = (AttachmentNote, Signature, AttachmentHeading, Imprint, Addressee, Salutation)


def render_text(doc: Document) -> str:
    """Return the document as plain text: one paragraph per line, indented two full-width spaces;
    titles centred and the signature right-aligned on a 28-character line; tables tab-separated."""
    lines: list[str] = []
    previous: Block | None = None
    for block in doc.blocks:
        if _gap(previous, block) and lines and lines[-1]:
            lines.append("")
        lines.extend(block_lines(block))
        previous = block
    return "\n".join(lines).strip("\n") + "\n"


def _gap(previous: Block | None, block: Block) -> bool:
    if previous is None:
        return False
    if isinstance(block, Signature) and isinstance(previous, AttachmentNote):
        return True
    after_header = isinstance(previous, Title | Subtitle) and not isinstance(block, Subtitle)
    return isinstance(block, _GAP_BEFORE) or after_header


def block_lines(block: Block) -> list[str]:
    """Return the text lines of one block as laid out on a page."""
    match block:
        case RedHeader():
            return [centred(line) for line in block_text(block)] + [RULE]
        case FormTitle(text=text, number=number):
            numbered = [pad(CHARS_PER_LINE - text_width_chars(f"编号：{number}")) + f"编号：{number}"] if number else []
            return [centred(line) for line in text.split("\n")] + numbered
        case Title(text=text):
            return [centred(line) for line in text.split("\n")]
        case Subtitle(text=text):
            return [centred(text)]
        case Salutation(text=text) | Addressee(text=text):
            return [text]
        case Heading() | Paragraph():
            return [INDENT + block_text(block)[0]]
        case Table(caption=caption):
            return ([centred(caption)] if caption else []) + block_text(block) + [""]
        case PageBreak():
            return [""]
        case AttachmentNote(items=items):
            first, *rest = attachment_note_lines(items)
            return [INDENT + first] + [INDENT + "\u3000" * 3 + line for line in rest]
        case Signature():
            return signature_lines(block)
        case AttachmentHeading(label=label, title=title):
            return [label] + ([centred(title)] if title else [])
        case Imprint():
            return [RULE, *imprint_lines(block), RULE]
        case _:
            assert_never(block)


def pad(width: float) -> str:
    """Return blank space of the given width in characters (full-width spaces, a half as " ")."""
    whole = max(0, int(width))
    return "\u3000" * whole + (" " if width - whole >= 0.5 else "")


def centred(text: str) -> str:
    """Return text preceded by the space that centres it on a 28-character line."""
    return pad((CHARS_PER_LINE - text_width_chars(text)) / 2) + text


def signature_lines(signature: Signature) -> list[str]:
    """Return 署名 and 成文日期 placed by GB/T 9704 7.3.5 as the other writers place them
    (``style.signature_indents_chars``: the right indents, here as leading spaces)."""
    issuer_right, date_right = signature_indents_chars(signature.issuer, signature.date, signature.sealed)
    date = pad(CHARS_PER_LINE - date_right - text_width_chars(signature.date)) + signature.date
    if not signature.issuer:
        return [date]
    return [pad(CHARS_PER_LINE - issuer_right - text_width_chars(signature.issuer)) + signature.issuer, date]


def imprint_lines(imprint: Imprint) -> list[str]:
    """Return "抄送：…" and the line with 印发机关 at the left and 印发日期 at the right."""
    lines = [f"抄送：{imprint.cc}"] if imprint.cc else []
    if imprint.printer or imprint.print_date:
        left = imprint.printer or ""
        right = f"{imprint.print_date}印发" if imprint.print_date else "印发"
        gap = CHARS_PER_LINE - text_width_chars(left) - text_width_chars(right)
        lines.append(left + pad(max(gap, 2)) + right)
    return lines
