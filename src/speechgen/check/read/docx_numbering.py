"""Word's automatic numbering (w:numPr): the "一、" or "（一）" Word draws but the text lacks.

The outline and the numbering rules read markers from the text, so a heading numbered by a
Word list gets its marker written out, counted the way Word counts it.
"""

from __future__ import annotations

from speechgen.check.read.docx_styles import q
from speechgen.zh import to_chinese_numeral

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _format(value: int, fmt: str) -> str:
    if fmt in ("decimal", "decimalZero"):
        return str(value)
    if fmt.startswith(("chinese", "ideograph", "japanese", "taiwanese")):
        return to_chinese_numeral(value)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    if fmt.startswith("decimalEnclosedCircle") and 1 <= value <= 20:
        return _CIRCLED[value - 1]
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(value)


class Numbering:
    """Counts Word list paragraphs in reading order and returns their printed markers."""

    def __init__(self, document, styles) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → (fmt, text, start)
        self._counters: dict[str, dict[int, int]] = {}
        self._styles = styles
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {a.get(q("abstractNumId")): a for a in root.iter(q("abstractNum"))}
        for num in root.iter(q("num")):
            ref = num.find(q("abstractNumId"))
            definition = abstract.get(ref.get(q("val"))) if ref is not None else None
            if definition is not None:
                self._levels[num.get(q("numId"))] = {
                    int(lvl.get(q("ilvl"), "0")): _level(lvl) for lvl in definition.iter(q("lvl"))}

    def marker(self, paragraph) -> str:
        """Return the marker Word prints before this paragraph ("" when it is not numbered)."""
        num_id, level = self._num_pr(paragraph)
        levels = self._levels.get(num_id or "")
        if not levels or level not in levels:
            return ""
        fmt, text, start = levels[level]
        counters = self._counters.setdefault(num_id or "", {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if fmt in ("bullet", "none"):
            return ""
        for index in range(level, -1, -1):
            if f"%{index + 1}" in text:
                value = counters.get(index, levels.get(index, ("decimal", "", 1))[2])
                index_fmt = levels.get(index, (fmt, "", 1))[0]
                text = text.replace(f"%{index + 1}", _format(value, index_fmt))
        return text

    def _num_pr(self, paragraph) -> tuple[str | None, int]:
        ppr = paragraph.find(q("pPr"))
        candidates = [ppr] if ppr is not None else []
        style = ppr.find(q("pStyle")) if ppr is not None else None
        candidates.extend(s.find(q("pPr")) for s in self._styles.chain(
            style.get(q("val")) if style is not None else self._styles.default_paragraph))
        for props in candidates:
            num_pr = props.find(q("numPr")) if props is not None else None
            if num_pr is None:
                continue
            num_id = num_pr.find(q("numId"))
            ilvl = num_pr.find(q("ilvl"))
            if num_id is None or num_id.get(q("val")) == "0":
                return None, 0
            return num_id.get(q("val")), int(ilvl.get(q("val"), "0")) if ilvl is not None else 0
        return None, 0


def _level(lvl) -> tuple[str, str, int]:
    fmt = lvl.find(q("numFmt"))
    text = lvl.find(q("lvlText"))
    start = lvl.find(q("start"))
    return (fmt.get(q("val"), "decimal") if fmt is not None else "decimal",
            text.get(q("val"), "") if text is not None else "",
            int(start.get(q("val"), "1")) if start is not None else 1)
