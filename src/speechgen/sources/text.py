"""Text normalisation shared by the ledger readers: comparable keys and cleaned cell text."""

from __future__ import annotations

import re
import unicodedata

_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")


def normalise(text: object) -> str:
    """Return text in comparable form: NFKC (full width → half width), no whitespace at all."""
    if text is None:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


def display(text: object) -> str:
    """Return a header as it reads in a message: the user's characters, line breaks removed."""
    return re.sub(r"\s+", "", str(text or ""))


def clean_text(value: object) -> str | None:
    """Return a cell as tidy text, or None when it is empty.

    Line breaks and runs of spaces collapse; spaces next to Chinese characters go (a name typed
    as "东城区 智能制造" is the same name); whole-number floats lose their ".0".
    """
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"[\s\u3000]+", " ", str(value)).strip()
    text = _CJK_SPACE.sub("", text)
    return text or None
