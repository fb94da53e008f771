"""Inter-character justification for WeasyPrint, which justifies only at spaces.

Chinese text has no spaces, so WeasyPrint leaves a justified line ragged whenever the line-breaking
rules (no "，" at a line start) push a character to the next line, and whenever Latin digits make
the line's width not a whole number of characters. Word spreads such a line between its
characters. This adapter does the same after line layout: a line without spaces gets the missing
width as extra letter spacing, spread over its characters. It wraps one internal WeasyPrint
function (layout.inline.justify_line); when that function is not there, nothing is patched and
lines stay ragged (tests/test_pdf_render.py checks the right edge, so an upgrade that breaks
this is noticed).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)
MAX_SPREAD_EM = 3.0  # a line short by more than this is not a Chinese line to spread; leave it


def install() -> bool:
    """Patch WeasyPrint once; return True when inter-character justification is active."""
    try:
        from weasyprint.layout import inline
        from weasyprint.text.line_break import create_layout
    except ImportError:  # pragma: no cover - WeasyPrint is a dependency
        return False
    original = getattr(inline, "justify_line", None)
    if original is None or not hasattr(inline, "count_expandable_spaces"):
        log.debug("WeasyPrint has no justify_line; Chinese lines stay ragged")
        return False
    if getattr(original, "speechgen", False):
        return True

    def justify_line(context: Any, line: Any, extra_width: float) -> None:
        chars = _count_chars(inline, line)
        size = line.style["font_size"] or 1
        if (inline.count_expandable_spaces(line) or chars < 2 or extra_width <= 0
                or extra_width > MAX_SPREAD_EM * size):
            original(context, line, extra_width)
            return
        # n − 1 gaps: the last character's own spacing falls past the edge, its glyph ends on it.
        _spread(inline, create_layout, context, line, extra_width / (chars - 1), 0.0)

    justify_line.speechgen = True  # type: ignore[attr-defined]
    inline.justify_line = justify_line
    return True


def _count_chars(inline: Any, box: Any) -> int:
    if isinstance(box, inline.boxes.TextBox):
        return len(box.text)
    if isinstance(box, (inline.boxes.LineBox, inline.boxes.InlineBox)):
        return sum(_count_chars(inline, child) for child in box.children if child.is_in_normal_flow())
    return 0


def _spread(inline: Any, create_layout: Any, context: Any, box: Any, delta: float, x_advance: float) -> float:
    """Move box right by x_advance and widen its text by delta per character; return the new advance."""
    boxes = inline.boxes
    if isinstance(box, boxes.TextBox):
        box.position_x += x_advance
        style = box.style.copy()
        spacing = style["letter_spacing"]
        style["letter_spacing"] = (0 if spacing == "normal" else spacing) + delta
        box.style = style
        layout = create_layout(box.text, style, context, max_width=None, justification_spacing=0)
        layout.deactivate()
        box.pango_layout = layout
        extra = delta * len(box.text)
        box.width += extra
        return x_advance + extra
    if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        box.position_x += x_advance
        before = x_advance
        for child in box.children:
            if child.is_in_normal_flow():
                x_advance = _spread(inline, create_layout, context, child, delta, x_advance)
        box.width += x_advance - before
        return x_advance
    box.translate(x_advance, 0)
    return x_advance
