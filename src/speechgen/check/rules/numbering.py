"""Numbering of headings and enumerations: gaps, repeats, wrong order, mixed styles at one level."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from speechgen.check.draft import Draft
from speechgen.check.findings import Finding, excerpt
from speechgen.check.structure.lists import MarkerList
from speechgen.check.structure.markers import Marker
from speechgen.zh import to_chinese_numeral

_LEVEL_ZH = {1: "一级", 2: "二级", 3: "三级", 4: "四级", 5: "五级"}


_SEQ_WORDS = {1: "首先", 2: "其次", 3: "再次"}


def render_marker(family: str, form: str, number: int) -> str:
    """Return the marker for number written in a form: ("ordinal", "第N，", 3) → "第三，"."""
    if family in ("arabic", "paren_arabic"):
        return form.replace("N", str(number))
    if family == "circled":
        return chr(0x2460 + number - 1) if 1 <= number <= 20 else str(number)
    if family == "seq":
        word = _SEQ_WORDS.get(number)
        return (word + form[1:]) if word else f"第{to_chinese_numeral(number)}{form[1:]}"
    return form.replace("N", to_chinese_numeral(number))


def check_numbering(draft: Draft) -> Iterator[Finding]:
    """Yield gaps, repeats, order and mixed-style findings for every list of the draft."""
    texts = draft.structure.texts
    for run in draft.structure.lists:
        yield from _sequence(draft, run, texts)
        yield from _mixed(draft, run, texts)


def _quote(texts: list[str], marker: Marker) -> str:
    return excerpt(texts[marker.para], marker.start, marker.end, 8)


def _expected(marker: Marker, number: int) -> str:
    return render_marker(marker.family, marker.form, number)


def _sequence(draft: Draft, run: MarkerList, texts: list[str]) -> Iterator[Finding]:
    items = run.items
    level = _LEVEL_ZH.get(run.level, f"{run.level}级")
    previous: Marker | None = None
    for marker in items:
        if marker.number is None:  # 最后
            previous = marker
            continue
        last = previous.number if previous is not None and previous.number else 0
        if previous is None and marker.number > 1 and len(items) >= 2:
            yield draft.finding("numbering-gap", "error", marker.para, _quote(texts, marker),
                                f"{level}编号从“{marker.text}”开始，前面缺少“{_expected(marker, 1)}”",
                                "请补上缺少的部分，或把编号改为从一开始连续编排")
        elif previous is not None and marker.number == last:
            yield draft.finding("numbering-repeat", "error", marker.para, _quote(texts, marker),
                                f"{level}编号“{marker.text}”与上一项重复",
                                f"请改为“{_expected(marker, last + 1)}”，并顺延后面的编号")
        elif previous is not None and marker.number > last + 1:
            missing = "、".join(f"“{_expected(marker, n)}”" for n in range(last + 1, marker.number))
            yield draft.finding("numbering-gap", "error", marker.para, _quote(texts, marker),
                                f"{level}编号从“{previous.text}”跳到“{marker.text}”，缺少{missing}",
                                f"请把“{marker.text}”改为“{_expected(marker, last + 1)}”并顺延，"
                                "或补上缺少的部分")
        elif previous is not None and marker.number < last:
            yield draft.finding("numbering-order", "error", marker.para, _quote(texts, marker),
                                f"{level}编号“{marker.text}”排在“{previous.text}”之后，顺序颠倒",
                                "请按顺序重新编号")
        previous = marker


def _mixed(draft: Draft, run: MarkerList, texts: list[str]) -> Iterator[Finding]:
    """Yield one finding per item whose style differs from the list's usual style."""
    if len(run.items) < 2:
        return
    forms = Counter(_style_key(m) for m in run.items)
    usual_key, _ = forms.most_common(1)[0]
    usual = next(m for m in run.items if _style_key(m) == usual_key)
    level = _LEVEL_ZH.get(run.level, f"{run.level}级")
    for marker in run.items:
        if _style_key(marker) == usual_key:
            continue
        expected = _expected(usual, marker.number) if marker.number else None
        fix = (f"同一层次请统一写法，改为“{expected}”" if expected
               else f"同一层次请统一写法（本层多数写作“{usual.text}”这样）")
        yield draft.finding("numbering-mixed", "warning", marker.para, _quote(texts, marker),
                            f"{level}编号混用了不同写法：“{marker.text}”与“{usual.text}”", fix)


def _style_key(marker: Marker) -> tuple[str, str]:
    """Return what must agree within one list: the family and the written form ("最后" agrees
    with any series it ends)."""
    if marker.number is None:
        return ("any", "any")
    return (marker.family, marker.form)
