"""The markdown-it-py parser of the dialect: CommonMark + GFM tables, bold that works in Chinese.

CommonMark's flanking rules do not let ``**一是加快建设进度。**各地要`` close: the closing ``**``
follows "。" (punctuation) and precedes "各" (a letter), so it is not right-flanking. That is the
dialect's most common sentence. Chinese has no spaces between words, so for ``*`` runs only
whitespace counts: a run may open when a non-space follows and close when a non-space precedes
(the idea of markdown-it-cjk-friendly, carried through to ASCII punctuation so that whatever the
.md writer emits parses back). ``_`` keeps the CommonMark rules. Links and images are only
spotted (the dialect refuses them), by a bounded pattern.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import isWhiteSpace
from markdown_it.rules_inline.state_inline import Delimiter, Scanned, StateInline


def scan_star_delims(state: StateInline, start: int) -> Scanned:
    """Return whether the ``*`` run at start can open (non-space after) or close (non-space before)."""
    pos = start
    while pos < state.posMax and state.src[pos] == "*":
        pos += 1
    last = state.src[start - 1] if start > 0 else " "
    following = state.src[pos] if pos < state.posMax else " "
    return Scanned(not isWhiteSpace(ord(following)), not isWhiteSpace(ord(last)), pos - start)


def tokenize_emphasis(state: StateInline, silent: bool) -> bool:
    """Replace markdown-it's emphasis tokenizer: the same, but whitespace-only flanking for ``*``."""
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


# A link or image on one line, label and target bounded: the dialect refuses both, so it only
# needs to spot them.
_LINK = re.compile(r"!?\[[^\[\]\n]{0,1000}\]\([^()\n]{0,2000}\)")


def tokenize_link(state: StateInline, silent: bool) -> bool:
    """Replace markdown-it's link and image rules: mark ``[文字](网址)`` and ``![图](a.png)`` for
    the inline reader to refuse. markdown-it's own label parser rescans to the paragraph's end
    for every unclosed ``[`` — seconds for a paragraph of a few thousand; this regex is linear."""
    found = _LINK.match(state.src, state.pos, state.posMax)
    if found is None:
        return False
    if not silent:
        if state.src[state.pos] == "!":
            state.push("image", "img", 0)
        else:
            state.push("link_open", "a", 1)
            state.push("link_close", "a", -1)
    state.pos = found.end()
    return True


@cache
def dialect_parser() -> MarkdownIt:
    """Return the shared parser: CommonMark with tables, no setext headings, Chinese-friendly bold.

    Setext headings are off so that a ``---`` line under a paragraph is a page break, never a
    heading; a ``===`` line is reported by the block reader. Indented code is off: secretaries
    indent paragraphs with spaces, and the indent is automatic anyway.
    """
    md = MarkdownIt("commonmark").enable("table").disable(["lheading", "code", "image"])
    md.inline.ruler.at("emphasis", tokenize_emphasis)
    md.inline.ruler.at("link", tokenize_link)
    return md
