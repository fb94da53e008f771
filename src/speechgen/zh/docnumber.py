"""发文字号 (GB/T 9704 7.2.5): 机关代字〔年份〕序号号 — 六角括号, full year, no 第, no zero padding."""

from __future__ import annotations

import re
from dataclasses import dataclass

from speechgen.zh.numerals import half_width_digits

_BRACKETS = "〔〕[]［］()（）【】"
# What users type: any bracket pair for the year, an optional 第, zero padding, full-width digits.
# A serial number has at most 9 digits (int() of thousands of digits fails).
_LOOSE = re.compile(
    r"^\s*(?P<org>\S.*?)\s*[〔\[［(（【]\s*(?P<year>\d{4})\s*[〕\]］)）】]\s*第?\s*(?P<num>\d{1,9})\s*(?P<hao>号)?\s*$"
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
    match = _LOOSE.match(half_width_digits(text))
    if match is None or int(match["num"]) == 0:
        return None
    return DocNumber(match["org"], int(match["year"]), int(match["num"]), match["hao"] is not None)


def is_standard_doc_number(text: str) -> bool:
    """Return True when ``text`` is already written in the standard form (示项办〔2026〕12号)."""
    parsed = parse_doc_number(text)
    return parsed is not None and parsed.plain_org and str(parsed) == text


DOC_NUMBER_EXAMPLE = "示项办〔2026〕13号"


def doc_number_problem(text: str, year: int | None = None) -> tuple[str, str] | None:
    """Return (what is wrong, how to fix it) when ``text`` (stripped) is not a 发文字号 written
    机关代字〔YYYY〕N号 — of the year ``year`` when given; None when it is one. The fix names
    the corrected form when it can be guessed."""
    value = text.strip()
    parsed = parse_doc_number(value)
    standard = is_standard_doc_number(value)
    if standard and parsed is not None and (year is None or parsed.year == year):
        return None
    if standard and parsed is not None:  # well formed, another year
        return (f"发文字号“{value}”的年份是{parsed.year}年，而成文日期在{year}年",
                f"发文字号的年份应为成文的年份，如“{parsed.org}〔{year}〕{parsed.number}号”")
    if parsed is not None and parsed.plain_org:
        return (f"发文字号“{value}”的写法不规范",
                f"年份用六角括号〔〕，序号不编虚位、不加“第”，末尾写“号”，应写成“{parsed}”")
    shown = value if len(value) <= 40 else f"{value[:40]}…"  # a pasted page is quoted, not echoed
    return (f"“{shown}”不是发文字号" if value else "发文字号是空的",
            f"应写成“机关代字〔年份〕序号号”，如“{DOC_NUMBER_EXAMPLE}”")
