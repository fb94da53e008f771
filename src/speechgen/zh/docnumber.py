"""发文字号 (GB/T 9704 7.2.5): 机关代字〔年份〕序号号 — 六角括号, full year, no 第, no zero padding."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_BRACKETS = "〔〕[]［］()（）【】"
# What users type: any bracket pair for the year, an optional 第, zero padding, full-width digits.
_LOOSE = re.compile(
    r"^\s*(?P<org>\S.*?)\s*[〔\[［(（【]\s*(?P<year>\d{4})\s*[〕\]］)）】]\s*第?\s*(?P<num>\d+)\s*(?P<hao>号)?\s*$"
)
_PLAIN_ORG = re.compile(rf"^[^\s{re.escape(_BRACKETS)}]+$")


@dataclass(frozen=True)
class DocNumber:
    """A 发文字号 read from what a user typed; ``str()`` gives the standard form."""

    org: str
    year: int
    number: int
    has_hao: bool  # the typed text ended in 号

    def __str__(self) -> str:
        return f"{self.org}〔{self.year}〕{self.number}号"

    @property
    def plain_org(self) -> bool:
        """Return True when the 机关代字 holds no space and no bracket."""
        return _PLAIN_ORG.match(self.org) is not None


def parse_doc_number(text: str) -> DocNumber | None:
    """Return the 发文字号 in ``text`` however its year was bracketed; None when it is not one
    (no four-digit year, no serial number, or serial number 0)."""
    match = _LOOSE.match(text.translate(_FULL_WIDTH_DIGITS))
    if match is None or int(match["num"]) == 0:
        return None
    return DocNumber(match["org"], int(match["year"]), int(match["num"]), match["hao"] is not None)


def is_standard_doc_number(text: str) -> bool:
    """Return True when ``text`` is already written in the standard form (示项办〔2026〕12号)."""
    parsed = parse_doc_number(text)
    return parsed is not None and parsed.plain_org and str(parsed) == text
