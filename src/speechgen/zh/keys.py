"""Chinese text in comparable form: the key headers, statuses and types are matched by."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalise(text: object) -> str:
    """Return text in comparable form: NFKC (full width → half width), no whitespace at all."""
    if text is None:
        return ""
    return _SPACES.sub("", unicodedata.normalize("NFKC", str(text)))
