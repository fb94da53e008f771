"""The markdown-it-py parser of the dialect: CommonMark + GFM tables, CJK-friendly bold.

CommonMark's flanking rules do not let ``**一是加快建设进度。**各地要`` close: the closing ``**``
follows "。" (punctuation) and precedes "各" (a letter), so it is not right-flanking. That is the
dialect's most common sentence, so ``*`` runs are scanned with CJK punctuation counted as letters
(the idea of markdown-it-cjk-friendly). ``_`` keeps the CommonMark rules.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline.state_inline import Delimiter, Scanned, StateInline

# Full-width punctuation, CJK symbols, curly quotes, dashes and ellipsis: letters for flanking.
_CJK_PUNCT_RANGES = ((0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2010, 0x2027), (0xFE30, 0xFE4F))


def _is_cjk_punct(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_PUNCT_RANGES) or ch == "\u00b7"


def _is_punct(ch: str) -> bool:
    return (isMdAsciiPunct(ord(ch)) or isPunctChar(ch)) and not _is_cjk_punct(ch)


def scan_star_delims(state: StateInline, start: int) -> Scanned:
    """Return whether the ``*`` run at start can open/close, CJK punctuation counting as letters."""
    pos = start
    while pos < state.posMax and state.src[pos] == "*":
        pos += 1
    last = state.src[start - 1] if start > 0 else " "
    following = state.src[pos] if pos < state.posMax else " "
    last_punct, next_punct = _is_punct(last), _is_punct(following)
    last_space, next_space = isWhiteSpace(ord(last)), isWhiteSpace(ord(following))
    left_flanking = not (next_space or (next_punct and not (last_space or last_punct)))
    right_flanking = not (last_space or (last_punct and not (next_space or next_punct)))
    # "*" may split words (CommonMark), so flanking alone decides.
    return Scanned(left_flanking, right_flanking, pos - start)


def tokenize_emphasis(state: StateInline, silent: bool) -> bool:
    """Replace markdown-it's emphasis tokenizer: the same, but CJK-friendly for ``*``."""
    marker = state.src[state.pos]
    if silent or marker not in ("_", "*"):
        return False
    scanned = scan_star_delims(state, state.pos) if marker == "*" else state.scanDelims(state.pos, False)
    for _ in range(scanned.length):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(
            Delimiter(
                marker=ord(marker),
                length=scanned.length,
                token=len(state.tokens) - 1,
                end=-1,
                open=scanned.can_open,
                close=scanned.can_close,
            )
        )
    state.pos += scanned.length
    return True


@cache
def dialect_parser() -> MarkdownIt:
    """Return the shared parser: CommonMark with tables, no setext headings, CJK-friendly bold.

    Setext headings are off so that a ``---`` line under a paragraph is a page break, never a
    heading; a ``===`` line is reported by the block reader.
    """
    md = MarkdownIt("commonmark").enable("table").disable("lheading")
    md.inline.ruler.at("emphasis", tokenize_emphasis)
    return md
