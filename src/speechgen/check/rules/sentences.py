"""Paragraphs cut in mid-sentence: one that stops without a final stop (paragraph-no-stop) and
one that begins in the middle of a sentence (paragraph-mid-sentence) — a sentence split in two
("此外，青山镇文旅康养小镇" ¶ "也存在……"), which a speaker reading aloud stumbles over."""

from __future__ import annotations

import re
from collections.abc import Iterator

from speechgen.check.draft import Draft
from speechgen.check.findings import Finding
from speechgen.check.structure.markers import heading_after
from speechgen.check.structure.normalize import inline_debris

# What may end a paragraph: a sentence end, a list item's ；, an introducing ：, a closing quote or
# bracket (a byline "（2026年6月5日）"), an ellipsis.
_FINAL = tuple("。！？!?；;：:…”’」』）)】》")
_SOFT = tuple("，,、（(“‘—-")
_PUNCT_START = tuple("，,、。；;：:！？!?）)”’")
# Words that continue a sentence the paragraph before left open ("也存在……", "的问题……").
_CONTINUES = re.compile(r"^(?:也|的|地|得|了|和|与|及|以及|或|或者|等|并|并且|还|都|又|就|才|却|则|而|但|"
                        r"被|把|将|在|从|对|向|由|给|为|是|要|已|已经|正在|仍|仍然)")
# Lines of a plain-text 公文 that never end in a stop: a date or 印发 line, 抄送/附件 lines, and
# lines laid out with runs of spaces (版记 "某办公室　　2026年6月5日印发").
_LAID_OUT = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日(?:印发)?$|^(?:抄送|附件|主送|联系人|联系电话)|[ \u3000]{2}")
# A paragraph with a sentence mark inside is running text; one without (谢谢大家, a table's or an
# attachment's title, a sub-heading) is a label, not held to a final stop.
_INSIDE = re.compile(r"[，,。；;！？!?]")


def check_sentences(draft: Draft) -> Iterator[Finding]:
    """Yield paragraph-no-stop and paragraph-mid-sentence findings for the running text."""
    found = draft.structure
    headings = _heading_paragraphs(draft)
    debris = set(found.debris)
    # The text without the web debris at its end ("……来源：人民网": web-debris reports that).
    texts = [text[: tail.start()] if (tail := inline_debris(text)) else text for text in found.texts]
    running = [i for i in found.content() if i not in debris and texts[i].strip()
               and draft.para(i).role in (None, "body") and "\t" not in texts[i]
               and not _LAID_OUT.search(draft.para(i).text.strip())]
    previous: int | None = None
    for index in running:
        text = texts[index].strip()
        open_before = previous is not None and _open(texts[previous].strip())
        if text.startswith(_PUNCT_START):
            yield draft.finding("paragraph-mid-sentence", "error", index, text[:12] + "…",
                                f"段落以标点“{text[0]}”开头，像是从句子中间断开的",
                                "把它接到上一段末尾，或删去开头的标点")
        elif open_before and index not in headings and _CONTINUES.match(text):
            yield draft.finding("paragraph-mid-sentence", "error", index, text[:12] + "…",
                                "段落从句子中间开始：上一段没有说完",
                                "把这一段接到上一段末尾（一句话不要分成两段）")
        if index not in headings:
            yield from _no_stop(draft, index, text, running, texts)
        previous = None if index in headings else index


def _no_stop(draft: Draft, index: int, text: str, running: list[int], texts: list[str]) -> Iterator[Finding]:
    """Yield the finding for a paragraph that stops without a final stop."""
    if text.endswith(_FINAL):
        return
    quote = "…" + text[-12:] if len(text) > 12 else text
    if text.endswith(_SOFT):
        yield draft.finding("paragraph-no-stop", "error", index, quote,
                            f"段落停在“{text[-1]}”上，句子没有说完",
                            "把下一段接上来，或补完这句话并加句号")
        return
    after = running.index(index) + 1
    following = texts[running[after]].strip() if after < len(running) else ""
    if following and _CONTINUES.match(following) and _open(text):
        yield draft.finding("paragraph-no-stop", "error", index, quote,
                            "段末没有句末标点，下一段接着这句话往下说：一句话被分成了两段",
                            "把下一段接到这一段末尾")
    elif _INSIDE.search(text):
        yield draft.finding("paragraph-no-stop", "warning", index, quote,
                            "段末没有句末标点", "补上句号（或问号、叹号）")


def _open(text: str) -> bool:
    """Return True when a paragraph's text stops in mid-sentence: no final stop, and a sentence
    (a soft stop at the end or a sentence mark inside), not a label."""
    if not text or text.endswith(_FINAL):
        return False
    return text.endswith(_SOFT) or bool(_INSIDE.search(text))


def _heading_paragraphs(draft: Draft) -> set[int]:
    """Return the paragraphs that are headings on their own line: a heading role, or a marker
    whose heading is the whole paragraph ("一、统一思想，提高认识")."""
    found = draft.structure
    out = {i for i, para in enumerate(draft.source.paragraphs) if para.role in ("heading", "subtitle")}
    for marker in found.markers:
        if marker.lead and heading_after(found.texts[marker.para], marker)[1]:
            out.add(marker.para)
    return out
