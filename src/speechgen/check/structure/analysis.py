"""Structure recognition: title, salutation, opening, the body's parts and points, closing.

Works on the wording alone (plain text has nothing else), using the roles a .docx or dialect
source gives where it has them. All positions are indices into ``Source.paragraphs``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from speechgen.check.model import Para
from speechgen.check.structure.announce import Announcement, find_announcement
from speechgen.check.structure.lists import Item, MarkerList, build_lists
from speechgen.check.structure.markers import Marker, find_markers
from speechgen.check.structure.normalize import is_debris, normalise_texts
from speechgen.check.structure.top import top_family

# Roles that are never part of the speech's running text.
_OUTSIDE = frozenset({"header", "signature", "date", "attachment", "imprint", "table", "meta",
                      "addressee"})
_SALUTATION = re.compile(r"^[\u4e00-\u9fff、，,（）() ]{0,30}(同志们|各位[\u4e00-\u9fff]{0,12}|"
                         r"女士们|先生们|朋友们|代表们)[：:]$")
_CLOSING = re.compile(r"^(同志们[，,！!]|总之|总而言之|综上所述|让我们|我就讲这些|我就讲这么多|"
                      r"我就讲到这里|我的讲话就到这里|以上讲话|谢谢)")
# 版头 of a plain-text 公文: the issuer line(s) and 发文字号 above a rule, and the rule itself.
_DOC_NUMBER = re.compile(r"[〔\[［（(]\d{4}[〕\]］）)]\d+号$")
_RULE_LINE = re.compile(r"^[─━—\-=＝_＿·.]{6,}$")
_SENTENCE_PUNCT = re.compile(r"[。，,；;！？!?：:]")


@dataclass
class Structure:
    """What a reader sees in a draft."""

    paras: tuple[Para, ...]
    texts: list[str]  # analysis text: simplified, pinyin notes and stray spaces removed
    traditional: bool = False  # the draft is in traditional characters
    pinyin_notes: list[int] = field(default_factory=list)  # paragraphs with "(shè)" readings
    title: int | None = None
    title_lines: list[int] = field(default_factory=list)  # a title turned over two lines
    title_text: str | None = None
    salutation: int | None = None
    skipped: set[int] = field(default_factory=set)  # debris, repeated title, subtitle lines …
    debris: list[int] = field(default_factory=list)
    body_start: int | None = None
    closing: int | None = None
    parts: list[Item] = field(default_factory=list)
    lists: list[MarkerList] = field(default_factory=list)  # every list, for numbering checks
    markers: list[Marker] = field(default_factory=list)
    announced: Announcement | None = None  # "我讲三点意见" in the opening

    def content(self) -> list[int]:
        """Return the indices of running text (not title, salutation or skipped lines)."""
        head = {self.title, self.salutation, *self.title_lines}
        return [i for i in range(len(self.paras)) if i not in self.skipped and i not in head]


def analyse(paras: tuple[Para, ...]) -> Structure:
    """Return the structure of a draft's paragraphs."""
    texts, traditional, noted = normalise_texts([p.text for p in paras])
    texts = [re.sub(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])", "", t) for t in texts]
    found = Structure(paras, texts, traditional=traditional, pinyin_notes=noted)
    for index, para in enumerate(paras):
        if para.role in _OUTSIDE:
            found.skipped.add(index)
        elif is_debris(texts[index]):
            found.skipped.add(index)
            found.debris.append(index)
    _find_head(found)
    content = found.content()
    markers = [m for i in content for m in find_markers(texts[i], i)]
    found.markers = markers
    top = top_family(markers, texts)
    leads = [m for m in markers if m.lead and m.family == top] if top else []
    if not leads:
        found.closing = _find_closing(found, content, None)
        build_lists(markers, frozenset(), 1, found.lists)
        found.announced = find_announcement(texts, content, None)
        return found
    found.body_start = leads[0].para
    found.announced = find_announcement(texts, content, found.body_start)
    found.closing = _find_closing(found, content, leads[-1].para)
    end = found.closing if found.closing is not None else len(paras)
    build_lists([m for m in markers if m.para < leads[0].para], frozenset(), 1, found.lists)
    body = [m for m in markers if leads[0].para <= m.para < end]
    found.parts = build_lists(body, frozenset(), 1, found.lists)
    return found


def _skip_red_header(found: Structure) -> None:
    """Skip the 版头 of a plain-text 公文: everything down to a 发文字号 among the first lines,
    and rule lines drawn with dashes."""
    first = [i for i in range(len(found.paras)) if i not in found.skipped][:4]
    numbered = [i for i in first if found.paras[i].role is None and _DOC_NUMBER.search(found.texts[i])]
    if numbered:
        found.skipped.update(i for i in first if i <= numbered[0])
    for index, text in enumerate(found.texts):
        if _RULE_LINE.match(text.replace(" ", "")):
            found.skipped.add(index)


def _find_head(found: Structure) -> None:
    """Set title, salutation and the subtitle lines between them."""
    _skip_red_header(found)
    order = [i for i in range(len(found.paras)) if i not in found.skipped]
    if not order:
        return
    first = order[0]
    if found.paras[first].role == "title" or (
        found.paras[first].role is None and _title_like(found.texts[first])
    ):
        found.title = first
        found.title_lines = [first]
        title_text = found.texts[first]
        for index in order[1:]:
            text, role = found.texts[index], found.paras[index].role
            if len(found.title_lines) == index - first and _continues_title(title_text, text, role):
                found.title_lines.append(index)
                title_text += text
                continue
            if text == title_text or role == "subtitle" or (role is None and _subtitle_like(text)):
                found.skipped.add(index)
                continue
            break
        found.title_text = title_text
    rest = [i for i in order if i not in found.title_lines and i not in found.skipped]
    if rest and (found.paras[rest[0]].role == "salutation" or _SALUTATION.match(found.texts[rest[0]])):
        found.salutation = rest[0]


_TITLE_END = re.compile(r"(通报|通知|讲话|讲话稿|讲话提纲|发言|发言稿|致辞|主持词|意见|方案|报告|决定|"
                        r"请示|函|纪要|提纲|情况)$")


def _continues_title(title: str, text: str, role: str | None) -> bool:
    """Return True when a line is the second line of a title turned over two lines: both
    title-styled, or a plain line that completes a title ending ("……的通报")."""
    if role == "title":
        return True
    return (role is None and not _TITLE_END.search(title) and bool(_TITLE_END.search(text))
            and _title_like(text) and len(title + text) <= 60 and not text.startswith(("（", "(", "—")))


def _title_like(text: str) -> bool:
    """Return True for a title line: short, no sentence punctuation at its end, no marker."""
    if len(text) > 50 or text.endswith(("。", "，", ",", "；", "：", ":", "！", "？")):
        return False
    if _SALUTATION.match(text):
        return False
    return not find_markers(text, 0)


def _subtitle_like(text: str) -> bool:
    """Return True for the lines under a title: speaker, "——在……上的讲话", "（2024年6月5日）"."""
    if text.startswith(("——", "—", "--")) or re.fullmatch(r"[（(].{4,30}[)）]", text):
        return True
    return len(text) <= 30 and not _SENTENCE_PUNCT.search(text) and not find_markers(text, 0)


def _find_closing(found: Structure, content: list[int], last_part: int | None) -> int | None:
    """Return the first paragraph of the closing: a 号召 after the last part ("同志们，……",
    "总之，……", "让我们……", "谢谢大家"), or a last paragraph that ends in an exclamation."""
    after = [i for i in content if last_part is None or i > last_part]
    if last_part is None and len(after) < 2:
        return None
    for index in after:
        text = found.texts[index]
        if _CLOSING.match(text) or (len(text) <= 20 and "谢谢" in text):
            return index
    if (after and after[-1] != last_part and found.texts[after[-1]].endswith(("！", "!"))
            and not find_markers(found.texts[after[-1]], after[-1])):
        return after[-1]
    return None
