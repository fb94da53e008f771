"""DocxOptions: the few choices a unit makes about its .docx (fonts, page numbers, grid, 版记)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from speechgen import style
from speechgen.writers.options import PageNumbers, RenderOptions

__all__ = ["DocxOptions", "PageNumbers"]


@dataclass(frozen=True)
class DocxOptions:
    """Options of the .docx writer; frozen and hashable, so the fixed parts are cached per value.

    ``page_numbers``: "odd_even" puts "— 1 —" right on odd and left on even pages, one character
    in (GB/T 9704 7.5); "center" centres it on every page, as many local rules for 讲话稿 do.
    ``char_grid``: True sets 3号 text 28 characters a line (a −0.25 pt character spacing in the
    styles, see geometry.py); False lets it run at its natural 16 pt pitch, 27 a line. The
    22 lines a page (``w:docGrid`` of 28.95 pt and exact line spacing) hold either way.
    ``imprint_at_bottom``: True floats the 版记 to the bottom of the type area of the last page,
    so its last rule lies on the 版心's bottom edge (7.4.1); False lets it follow the text.
    ``timestamp``: the creation time in docProps/core.xml (None: SOURCE_DATE_EPOCH, else now).
    """

    fonts: style.FontSet = style.DEFAULT_FONTS
    page_numbers: PageNumbers = "odd_even"
    char_grid: bool = True
    imprint_at_bottom: bool = True
    timestamp: dt.datetime | None = None

    @classmethod
    def of(cls, options: RenderOptions) -> DocxOptions:
        """Return the .docx writer's part of the one options record."""
        return cls(options.fonts, options.page_numbers, options.char_grid, options.imprint_at_bottom,
                   options.timestamp)
