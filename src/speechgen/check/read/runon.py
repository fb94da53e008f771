"""A page copied as one line, split into its paragraphs again.

A speech or 公文 copied from a web page often arrives without its line breaks: the paragraphs
are run together, at best with the full-width indentation ("　　") or a space between them,
at worst with nothing at all ("……的讲话同志们：今天……。一、……。二、……"). Such a line (long,
and most of the document) is split where its paragraphs must have begun: at the spaces between
them, and else after the salutation, before each part of one numbered series ("一、" "二、" …,
or "第一，" "第二，" …) that opens a sentence, and before the closing ("同志们，……", "我就讲这些").
"""

from __future__ import annotations

import re
from dataclasses import replace

from speechgen.check.model import Para
from speechgen.zh.markers import MARKER_NUMERALS
from speechgen.zh.numerals import parse_small_numeral

RUN_ON_MIN = 200  # a shorter line is an ordinary paragraph
_CN = MARKER_NUMERALS
# Between two paragraphs: a run of spaces (an ASCII space only where not inside "v1 2" or "8 30").
_GAP = re.compile(r"[ \t\u3000\u00a0]+")
_SALUTATION = re.compile(r"(?:同志们|各位[\u4e00-\u9fff]{1,12}?|朋友们|代表们)[：:]")
_OPENS = r"(?:(?<=[。！？!?；;：:])|^)"
_SERIES = (re.compile(rf"{_OPENS}([{_CN}]{{1,3}})、"), re.compile(rf"{_OPENS}第([{_CN}]{{1,3}})[，,、：:]"))
_CLOSING = re.compile(rf"{_OPENS}(?:同志们[，,！!]|总之|总而言之|综上所述|我就讲这些|我就讲到这里|"
                      r"我的讲话就到这里|谢谢大家)")


def split_run_on_paragraphs(paras: list[Para], *, renumber: bool) -> list[Para]:
    """Return paras with each run-on body paragraph split into the paragraphs it holds.

    The pieces keep the paragraph's line, style and role. With ``renumber`` they are numbered
    in sequence (plain text, the dialect); without, they keep the number of the paragraph they
    came from (a .docx: "第1段" stays the paragraph Word shows, and the layout rules agree).
    """
    total = sum(len(para.text) for para in paras)
    out: list[Para] = []
    for para in paras:
        pieces = [para.text]
        if para.role in (None, "body") and para.cell is None and is_run_on(para.text, total):
            pieces = split_run_on(para.text)
        out.extend(replace(para, text=piece) for piece in pieces)
    if renumber:
        out = [replace(para, number=number) for number, para in enumerate(out, 1)]
    return out


def is_run_on(line: str, total: int) -> bool:
    """Return True for a line that holds a page's paragraphs: long, most of a document of
    ``total`` characters, and not a table row."""
    return len(line) >= RUN_ON_MIN and 2 * len(line) >= total and "\t" not in line


def split_run_on(line: str) -> list[str]:
    """Return the paragraphs run together in line (the line itself when none can be told)."""
    pieces = _split_at_gaps(line)
    out: list[str] = []
    for piece in pieces:
        out.extend(_split_at_openings(piece) if len(piece) >= RUN_ON_MIN or len(pieces) == 1 else [piece])
    return [piece for piece in out if piece]


def _split_at_gaps(line: str) -> list[str]:
    """Return line split at the spaces between paragraphs, when there are at least two."""
    gaps = [m for m in _GAP.finditer(line)
            if not (line[m.start() - 1].isascii() and line[m.start() - 1].isalnum()
                    and line[m.end()].isascii() and line[m.end()].isalnum())]
    if len(gaps) < 2:
        return [line]
    pieces, start = [], 0
    for gap in gaps:
        pieces.append(line[start:gap.start()])
        start = gap.end()
    pieces.append(line[start:])
    return pieces


def _split_at_openings(text: str) -> list[str]:
    """Return text split after an early salutation, before each part of a series and before the
    closing that follows the last part."""
    cuts: set[int] = set()
    salutation = _SALUTATION.search(text, 0, 80)
    if salutation is not None:
        cuts.update({salutation.start(), salutation.end()})
    parts = _series(text)
    cuts.update(parts)
    after = max(parts, default=salutation.end() if salutation else len(text))
    closing = _CLOSING.search(text, after + 1)
    if parts and closing is not None:
        cuts.add(closing.start())
    bounds = sorted(cut for cut in cuts if 0 < cut < len(text))
    return [text[a:b].strip() for a, b in zip([0, *bounds], [*bounds, len(text)], strict=True)]


def _series(text: str) -> list[int]:
    """Return where the parts of the first numbered series (一、二、… else 第一，第二，…) open a
    sentence in text: 1, 2, 3 … in order, at least two of them."""
    for pattern in _SERIES:
        found, expected = [], 1
        for match in pattern.finditer(text):
            if parse_small_numeral(match.group(1)) == expected:
                found.append(match.start())
                expected += 1
        if len(found) >= 2:
            return found
    return []
