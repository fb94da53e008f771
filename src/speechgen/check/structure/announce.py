"""How many parts an opening announces: "下面，我讲三点意见" → 3, "我再强调四个方面" → 4.

Only the speaker's own announcement counts: a numeral right after 讲/谈/提/强调/说 (or 以下),
so "刚才，张局长讲了三点意见" (someone else's) and "讲几点意见" (no number) announce nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from speechgen.zh.numerals import parse_small_numeral

_COUNT = (r"(?P<n>[一二三四五六七八九十两]{1,3})(?:点|个方面|方面|个问题|条)"
          r"(?:的)?(?:意见|看法|要求|建议|体会|想法|问题)?")
_ANNOUNCE = re.compile(rf"(?:(?:讲|谈|提|强调|说|提出|讲讲|谈谈|从)(?:以下|下面|这么|这样)?|以下){_COUNT}")
_OPENING_WITHOUT_PARTS = 3  # paragraphs read for an announcement when no part was found


@dataclass(frozen=True)
class Announcement:
    """The parts an opening announces: how many, the words as written, and where."""

    count: int
    phrase: str  # "讲三点意见"
    para: int  # index of the paragraph


def find_announcement(texts: list[str], content: list[int], body_start: int | None) -> Announcement | None:
    """Return the announcement nearest the body in the opening (the running text before the first
    part; without parts, the first few paragraphs)."""
    if body_start is None:
        opening = content[:_OPENING_WITHOUT_PARTS]
    else:
        opening = [index for index in content if index < body_start]
    for index in reversed(opening):
        found = list(_ANNOUNCE.finditer(texts[index]))
        if found:
            last = found[-1]
            numeral = last.group("n")
            count = 2 if numeral == "两" else parse_small_numeral(numeral)
            if count:
                return Announcement(count, last.group(0), index)
    return None


def announcement_note(announced: Announcement | None, parts: int) -> str | None:
    """Return the note on parts found against the announcement (None when they agree)."""
    if announced is None or announced.count == parts:
        return None
    said = f"开头说“{announced.phrase}”"
    if parts == 0:
        return f"{said}，正文没有找到编号的部分"
    if parts < announced.count:
        return f"{said}，正文只找到{parts}个部分：稿子可能还没有写完，或复制时被截断了"
    return f"{said}，正文却有{parts}个部分"
