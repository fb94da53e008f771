"""Text checks shared by the compose and generate tests (not collected: no test_ prefix)."""

from __future__ import annotations

import re

LEFTOVERS = re.compile(r"XX|xx|××|某某|〇〇|\{\{|\}\}|\{%|%\}|None|nan|—%|（）|\*\*\*")
# Joins that only broken templates produce: doubled or clashing punctuation.
BAD_JOINS = re.compile(r"[。，；：、][。，；：、]|等等|的的|了了")
ZERO_COUNT = re.compile(r"(?<![\d.])0个")
SENTENCE_END = re.compile(r"[。！？；]")
LEAD = re.compile(r"^\*\*([一二三四五六七八九十]+)是(.+?)。\*\*")
# Praise that must not appear while the whole is behind 时序进度, and blame while ahead.
PRAISE = ("超额", "领先", "好于预期", "高出时序进度", "超过时序进度", "快于时序安排", "成效显著", "势头强劲",
          "再创佳绩", "喜人", "可喜", "乘势而上", "保持领先", "态势良好", "进展较好")
# "落后" about the facts (a general "慢一步就可能落后" is not blame): against 时序 or in progress.
BLAME = ("落后时序", "落后于", "进度落后", "滞后于时序", "慢于时序", "差距明显", "进度偏慢", "不容乐观",
         "追赶进度", "追回来", "奋起直追", "落下的进度")


def body(text: str) -> str:
    """Return the text after the front matter."""
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def parts(text: str) -> list[tuple[str, list[str]]]:
    """Return the level-1 parts (## headings) with their paragraphs (until the next part)."""
    found: list[tuple[str, list[str]]] = []
    for block in body(text).split("\n\n"):
        block = block.strip()
        if block.startswith("## "):
            found.append((block[3:], []))
        elif found and block and not block.startswith("#"):
            found[-1][1].append(block)
    return found


def leads(paragraphs: list[str]) -> list[tuple[str, str]]:
    """Return the (一/二/…, lead) of the bold-lead paragraphs."""
    return [m.groups() for p in paragraphs if (m := LEAD.match(p))]  # type: ignore[misc]


def sentences(text: str) -> set[str]:
    """Return the set of sentences of the body (split at 。！？；), headings and tables excluded."""
    prose = [line for line in body(text).splitlines() if line and not line.startswith(("#", "|"))]
    return {s.strip("*") for line in prose for s in SENTENCE_END.split(line) if s.strip("* ")}


def share_different(one: str, other: str) -> float:
    """Return the share of the sentences of ``one`` that ``other`` does not contain."""
    first, second = sentences(one), sentences(other)
    return len(first - second) / len(first)


def problems(text: str) -> list[str]:
    """Return the leftovers, broken joins and "0个" in a text, each with some context."""
    found = []
    for pattern in (LEFTOVERS, BAD_JOINS, ZERO_COUNT):
        for match in pattern.finditer(body(text)):
            start = max(0, match.start() - 12)
            found.append(body(text)[start: match.end() + 12])
    return found
