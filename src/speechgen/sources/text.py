"""Text normalisation shared by the ledger readers: comparable keys, cleaned cell text, quotes."""

from __future__ import annotations

import re

from speechgen.sources.limits import QUOTE_CHARS
from speechgen.zh.keys import normalise

__all__ = ["CONTROL_HINT", "clean_text", "control_characters", "display", "normalise", "quote"]

_SPACES = re.compile(r"\s+")
_RUNS_OF_SPACE = re.compile(r"[\s\u3000]+")
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")
# Invisible characters that copying from web pages leaves in cells: dropped, they mean nothing.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Characters no document may hold: C0/C1 controls that are not whitespace (terminal escapes,
# NUL, DEL…) and the bidirectional overrides that make text read differently from how it is stored.
CONTROL_HINT = "这类字符看不见，多是从网页或其他软件复制时带进来的，会使生成的文稿出错；请删去后重新输入"
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")


def display(text: object) -> str:
    """Return a header as it reads in a message: the user's characters, line breaks removed."""
    return _SPACES.sub("", str(text or ""))


def clean_text(value: object) -> str | None:
    """Return a cell as tidy text, or None when it is empty.

    Line breaks and runs of spaces collapse; spaces next to Chinese characters go (a name typed
    as "东城区 智能制造" is the same name); zero-width characters go; whole-number floats lose
    their ".0". Control characters stay: ``control_characters`` finds them for the caller to refuse.
    """
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _RUNS_OF_SPACE.sub(" ", _ZERO_WIDTH.sub("", str(value))).strip()
    text = _CJK_SPACE.sub("", text)
    return text or None


def control_characters(text: str) -> str:
    """Return the control characters in ``text`` as they read in a message ("\\x1b、\\x07"), or ""."""
    found = dict.fromkeys(_CONTROL.findall(text))
    return "、".join(ascii(ch)[1:-1] for ch in found)


def quote(value: object) -> str:
    """Return what the user wrote, for a message: stripped and cut to QUOTE_CHARS characters."""
    text = str(value).strip()
    return text if len(text) <= QUOTE_CHARS else f"{text[:QUOTE_CHARS]}…（共{len(text)}个字符）"
