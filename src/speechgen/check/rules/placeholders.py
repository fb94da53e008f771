"""Leftovers of a template or a web page: XX, ××, "*" for a number, 某某, 【】, {{ }}, blanks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from speechgen.check.draft import Draft
from speechgen.check.findings import Finding, excerpt
from speechgen.check.structure.normalize import PINYIN_NOTE, inline_debris

_CJK = r"\u4e00-\u9fff"
_UNIT_AFTER = r"(?=\s*(?:个百分点|个|项|家|亿元|万元|元|%|％|倍|人|次|位|名|天|户|亩|平方米|公里))"

# (pattern, what it is) — each a placeholder a template or a colleague left for a real value.
_PLACEHOLDERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{|\}\}|\{%|%\}"), "模板语法"),
    (re.compile(r"(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|[ＸｘＸ]{2,}"), "占位符"),
    (re.compile(rf"(?:(?<=[{_CJK}\d])|^)[Xx](?=[{_CJK}])|(?<=[{_CJK}])[Xx](?![A-Za-z])"),
     "占位符"),
    (re.compile(r"[×╳]{2,}|(?<![\d\s])×(?![\d\s])"), "占位符"),
    (re.compile(r"[*＊]+"), "占位符"),
    (re.compile(r"某某+"), "占位符"),
    (re.compile(r"(?<![〇零一二三四五六七八九])〇{2,}(?![〇零一二三四五六七八九]*年)|○+"),
     "占位符"),
    (re.compile(r"【[^】]*】|【|】"), "编辑标记"),
    (re.compile(r"此处(?:填写|插入|补充|添加)|待(?:填写?|补充|核实|定)|（略）|\(略\)|_{3,}|＿{2,}"),
     "待填内容"),
)
# A unit or % with its number missing ("增长%", "刚才，个部门", "列第位", "年，我们……").
_BLANKS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?<=[{_CJK}])(?<![几多余两数百千万亿])(?:%|％)"),
    re.compile(rf"(?<=[{_CJK}])(?<![几多余两数十百千万亿一二三四五六七八九])个百分点"),
    re.compile(r"(?:^|(?<=[，,。；;：:、]))(?:个(?![别人性体案子])|亿元|万元|个百分点)"),
    re.compile(r"第(?:位|名)(?![\u4e00-\u9fff])|列第位|居第位"),
    re.compile(r"^年[，,]"),
)
_FIX_NUMBER = "请填入实际数字（台账里的数据可用 --data 核对），或删去这句"


def check_placeholders(draft: Draft) -> Iterator[Finding]:
    """Yield a finding for every leftover placeholder, blank and piece of web debris."""
    debris = set(draft.structure.debris)
    for index, text in draft.text_paragraphs():
        if index in debris:
            yield draft.finding("web-debris", "error", index, excerpt(text, 0, min(len(text), 16), 0),
                                "这一段是网页附带的文字（下载提示、导语、来源说明等），不属于正文",
                                "请整段删除")
            continue
        tail = inline_debris(text)
        if tail is not None:
            yield draft.finding("web-debris", "error", index, excerpt(text, tail.start(), tail.end(), 6),
                                f"段落末尾夹着网页附带的文字“{tail.group().strip()}”，不属于正文",
                                f"删去“{tail.group().strip()}”")
        seen: set[int] = set()
        for pattern, what in _PLACEHOLDERS:
            for match in pattern.finditer(text):
                if match.start() in seen:
                    continue
                seen.update(range(match.start(), match.end()))
                number = _wants_number(text, match)
                yield draft.finding("placeholder", "error", index,
                                    excerpt(text, match.start(), match.end()),
                                    f"稿中留有{what}“{match.group(0)}”" + ("，这里应是一个数字" if number else ""),
                                    _FIX_NUMBER if number else _fix_for(match))
        for pattern in _BLANKS:
            for match in pattern.finditer(text):
                if any(pos in seen for pos in range(max(0, match.start() - 2), match.end())):
                    continue
                yield draft.finding("placeholder-blank", "error", index,
                                    excerpt(text, match.start(), match.end()),
                                    f"“{match.group(0)}”前面缺少数字（像是删去了占位符后没有填数）",
                                    _FIX_NUMBER)


def _wants_number(text: str, match: re.Match[str]) -> bool:
    """Return True when a unit or a date part follows the placeholder ("*个", "XX%", "X月")."""
    return bool(re.match(_UNIT_AFTER, text[match.end():]) or re.match(r"\s*(?:年|月|日)", text[match.end():]))


def _fix_for(match: re.Match[str]) -> str:
    """Return how to fix a placeholder that stands for a name or a piece of text."""
    if match.group(0).startswith(("{", "%")):
        return "模板没有填完：请检查模板中的变量名，重新生成；或手工改成实际内容"
    if match.group(0).startswith(("【", "】")):
        return "公文中不使用【】：请按括号内的提示补上内容后删去括号"
    return "请填入实际的单位名称、人名或内容，或删去这句"


def check_charset(draft: Draft) -> Iterator[Finding]:
    """Yield one finding for a draft in traditional characters and one per paragraph holding
    "(shè)"-style readings a bad converter left (the other rules read the cleaned text)."""
    found = draft.structure
    if found.traditional:
        first = found.content()[0] if found.content() else 0
        yield draft.finding("text-traditional", "warning", first, "",
                            "这份稿子是繁体字（其余检查按转为简体后的文字进行）",
                            "请先在 Word/WPS 中用“中文简繁转换”转为简体，再校对一遍")
    for index in found.pinyin_notes:
        if index in found.debris:
            continue
        text = draft.para(index).text
        notes = PINYIN_NOTE.findall(text)
        first = PINYIN_NOTE.search(text)
        where = first.start() if first else 0
        yield draft.finding("pinyin-debris", "error", index, excerpt(text, where, where + 6, 4),
                            f"文字中夹着{len(notes)}处拼音注音（如“{notes[0] if notes else ''}”），"
                            "是网页转换留下的乱码", "请删去括号中的拼音")
