"""Where a title turns onto its next line: between words, in lines of even length (GB/T 9704 7.3.1).

Word and LibreOffice wrap a long title wherever the line is full, splitting words ("……推进情 /
况表"); 7.3.1 wants a title turned so that words stay whole, its lines in a trapezoid or diamond.
The writers (.docx and HTML) therefore break titles and attachment titles themselves: the words
come from jieba (its dictionary; imported on first use), glued where a break would tear a date,
a number and its unit, punctuation or a function word from its neighbour; then the breaks that
fit the line and give the most even lines win. A title the author broke ("\\n": a YAML list or
block in ``title``) keeps the author's lines.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

from speechgen import style
from speechgen.writers.docx import geometry
from speechgen.writers.docx.table_layout import NO_LINE_END, NO_LINE_START

# Words that lean on the next one ("关于……", "在……会上"): a line never ends with them.
_LEANS_FORWARD = frozenset({"关于", "在", "对", "对于", "为", "就", "暨", "和", "与", "及"})
# One-character words that lean on the one before ("……会上的", "示例市"): a line never starts with them.
_LEANS_BACK = frozenset("的上中下之市县区省乡镇村")
_DIGIT_GLUE = re.compile(r"[0-9０-９.．—－\-~～]$")  # a token ending like this holds on to …
_DIGIT_TAIL = re.compile(r"^[0-9０-９年月日号期季度届批次个%％—－\-~～]")  # … a token starting like this
_DATE_HEAD = re.compile(r"[年月]$")  # "2024年" + "6月", "6月" + "12日"
_SINGLE_PENALTY = 3.0  # a break next to a one-character word: as bad as lines 1.7 characters apart


def title_width_chars(page: geometry.Page = geometry.PORTRAIT) -> float:
    """Return how many 2号 characters a title line holds on ``page`` (20 on the portrait 版心)."""
    return page.text_width / geometry.pt(style.STYLE_TITLE.size_pt)


def title_lines(text: str, width_chars: float) -> tuple[str, ...]:
    """Return the lines of a title set ``width_chars`` characters wide: the author's line breaks if
    any, else one line if it fits, else the fewest lines, broken between words, most even."""
    if "\n" in text:
        return tuple(text.split("\n"))
    if style.text_width_chars(text) <= width_chars:
        return (text,)
    return _balanced(words(text), width_chars)


def broken_title(text: str, width_chars: float) -> str:
    """Return the title with "\\n" where its lines turn (see title_lines)."""
    return "\n".join(title_lines(text, width_chars))


@functools.lru_cache(maxsize=512)
def words(text: str) -> tuple[str, ...]:
    """Return the words of a title or a table header (jieba), glued so that no break falls inside
    what belongs together; a line may turn between any two of them."""
    words: list[str] = []
    forward = False  # the previous word leans on this one
    for word in _segment(text):
        if words and (forward or _holds_on(words[-1], word)):
            words[-1] += word
        else:
            words.append(word)
        forward = word in _LEANS_FORWARD or word[-1] in NO_LINE_END
    return tuple(words)


def _holds_on(previous: str, word: str) -> bool:
    """Return True when no line may turn between previous and word."""
    if word[0] in NO_LINE_START or word in _LEANS_BACK:
        return True
    if _DIGIT_GLUE.search(previous) and _DIGIT_TAIL.match(word):
        return True
    return bool(_DATE_HEAD.search(previous) and word[0].isdigit() and previous[:-1][-1:].isdigit())


@functools.cache
def _jieba() -> Any:
    """Return jieba with its dictionary loaded: ≈ 0.7 s once per process on a quiet machine,
    several seconds on a loaded one."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it logs its loading times to stderr otherwise
    jieba.initialize()
    return jieba


def prepare() -> None:
    """Load the segmenter's dictionary now. A template's render runs against a wall-clock limit
    (compose/limits.py); the first title it breaks must not spend that limit on loading jieba,
    or the first document of a process fails on a busy machine."""
    _jieba()


def _segment(text: str) -> list[str]:
    """Return jieba's words of text (dictionary only, so the result depends on nothing learnt)."""
    return [word for word in _jieba().cut(text, HMM=False) if word]


def _balanced(words: tuple[str, ...], width_chars: float) -> tuple[str, ...]:
    """Return the words joined into the fewest lines that fit, the most even such lines (least
    squared difference from the mean, a break beside a one-character word counting extra)."""
    widths = [style.text_width_chars(word) for word in words]
    total = sum(widths)
    for count in range(max(2, int(-(-total // width_chars))), len(words) + 1):
        best = _best_breaks(words, widths, width_chars, count, total / count)
        if best is not None:
            return tuple("".join(words[a:b]) for a, b in zip((0, *best), (*best, len(words)), strict=True))
    return ("".join(words),)  # a single word wider than the line: left to the application


def _best_breaks(words: tuple[str, ...], widths: list[float], width_chars: float, count: int,
                 mean: float) -> tuple[int, ...] | None:
    """Return the word indices where ``count`` lines start (after the first), or None."""
    # best[(i, k)]: the cheapest way to set words[:i] in k lines → (cost, breaks)
    best: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {(0, 0): (0.0, ())}
    for lines in range(1, count + 1):
        for end in range(1, len(words) + 1):
            options = []
            for start in range(end - 1, -1, -1):
                width = sum(widths[start:end])
                if width > width_chars:
                    break
                if (start, lines - 1) not in best:
                    continue
                cost, breaks = best[(start, lines - 1)]
                penalty = _SINGLE_PENALTY if start and (len(words[start]) == 1 or len(words[start - 1]) == 1) else 0
                options.append((cost + (width - mean) ** 2 + penalty, (*breaks, start) if start else breaks))
            if options:
                best[(end, lines)] = min(options)
    found = best.get((len(words), count))
    return found[1] if found else None
