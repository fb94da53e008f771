"""Punctuation: half-width marks in Chinese text, unbalanced pairs, doubled marks, and a full
stop after a stand-alone heading."""

from __future__ import annotations

import re
from collections.abc import Iterator

from speechgen.check.draft import Draft
from speechgen.check.findings import Finding, excerpt
from speechgen.check.structure.lists import Item
from speechgen.check.structure.markers import heading_after

_CJK = r"\u4e00-\u9fff"
_CJK_OR_QUOTE = rf"[{_CJK}“”‘’《》（）、，。；：]"
_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！", '"': "“”"}
# A half-width mark with Chinese on both sides (", ; : ? !"), or a bracket touching Chinese.
_HALF = re.compile(
    rf"(?<={_CJK_OR_QUOTE})[,;:?!](?={_CJK_OR_QUOTE}|$)"
    rf"|(?<=[{_CJK}])[()\"]|[()\"](?=[{_CJK}，。；：、])"
)
_PAIRS = (("“", "”"), ("‘", "’"), ("（", "）"), ("《", "》"), ("(", ")"), ("【", "】"))
# Two marks where one belongs: "，，" "。。" "，。" "、，" …; "……" and "——" are single marks.
_DOUBLED = re.compile(r"[，,、；;：:。](?=[，,、；;：:。])|[！!？?](?=[，,、；;：:。])|[，,、；;：:](?=[！？])")


def check_punctuation(draft: Draft) -> Iterator[Finding]:
    """Yield half-width, unbalanced, doubled and heading-period findings."""
    debris = set(draft.structure.debris)
    for index, text in draft.text_paragraphs():
        if index in debris:
            continue
        yield from _halfwidth(draft, index, text)
        yield from _unbalanced(draft, index, text)
        for match in _DOUBLED.finditer(text):
            doubled = text[match.start(): match.start() + 2]
            yield draft.finding("punct-doubled", "error", index,
                                excerpt(text, match.start(), match.start() + 2),
                                f"标点重复：“{doubled}”", "两个标点只保留一个")
    yield from _heading_periods(draft)


def _halfwidth(draft: Draft, index: int, text: str) -> Iterator[Finding]:
    """Yield one finding per paragraph, counting its half-width marks (so a text typed with
    an English keyboard gives one line per paragraph, not hundreds)."""
    matches = list(_HALF.finditer(text))
    if not matches:
        return
    first = matches[0]
    marks = "".join(sorted({m.group(0) for m in matches}))
    fixes = "、".join(f"“{mark}”→“{_FULL[mark]}”" for mark in marks)
    count = f"本段共{len(matches)}处" if len(matches) > 1 else "本段1处"
    yield draft.finding("punct-halfwidth", "error", index,
                        excerpt(text, first.end() - 1, first.end()),
                        f"中文里用了半角标点“{marks}”（{count}）", f"改为全角标点：{fixes}")


def _unbalanced(draft: Draft, index: int, text: str) -> Iterator[Finding]:
    for opening, closing in _PAIRS:
        depth = 0
        for position, char in enumerate(text):
            if char == opening:
                depth += 1
            elif char == closing:
                depth -= 1
                if depth < 0:
                    yield draft.finding("punct-unbalanced", "error", index,
                                        excerpt(text, position, position + 1),
                                        f"“{closing}”前面没有对应的“{opening}”",
                                        f"请补上“{opening}”，或删去多余的“{closing}”")
                    break
        if depth > 0:
            position = text.rfind(opening)
            yield draft.finding("punct-unbalanced", "error", index,
                                excerpt(text, position, position + 1),
                                f"“{opening}”没有对应的“{closing}”（本段多出{depth}个）",
                                f"请在引用或括注结束处补上“{closing}”")


def _heading_periods(draft: Draft) -> Iterator[Finding]:
    """Yield a finding for each stand-alone heading ending in 。 (GB/T 9704 practice: a heading
    on its own line carries no full stop; a run-in heading does)."""
    found = draft.structure
    content = found.content()
    indices: set[int] = set()
    for index, para in enumerate(draft.source.paragraphs):
        if para.role == "heading" and para.text.rstrip().endswith("。"):
            indices.add(index)
    for item in _heading_items(found.parts):
        text = found.texts[item.marker.para]
        heading, alone = heading_after(text, item.marker)
        if alone and text.rstrip().endswith("。") and len(heading) <= 40:
            indices.add(item.marker.para)
    for index in sorted(indices):
        if not any(i > index for i in content):
            continue  # nothing follows: a last sentence, not a heading
        text = found.texts[index].rstrip()
        yield draft.finding("heading-period", "error", index, excerpt(text, len(text) - 8, len(text), 0),
                            "单独成行的标题末尾不加句号", "删去标题末尾的“。”（标题后紧接正文时才保留句号）")


def _heading_items(parts: list[Item]) -> Iterator[Item]:
    """Yield the parts and the points under them that open their own paragraph."""
    for part in parts:
        yield part
        for child in part.children:
            if child.marker.lead:
                yield child
