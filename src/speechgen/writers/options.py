"""RenderOptions: every choice a unit or a caller makes about the output, in one record for all writers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from speechgen import style

Engine = Literal["weasyprint", "libreoffice"]
ENGINES: tuple[Engine, ...] = ("weasyprint", "libreoffice")
PageNumbers = Literal["odd_even", "center"]
PAGE_NUMBERS: tuple[PageNumbers, ...] = ("odd_even", "center")


@dataclass(frozen=True)
class RenderOptions:
    """The one record carried to every writer (Pandoc's WriterOptions); each writer builds its own
    small per-format options from the fields it uses (``DocxOptions.of``, ``HtmlOptions.of``,
    ``PdfOptions.of``). Text and Markdown have no layout and use none of them.

    These are choices within GB/T 9704, never its numbers (those stay in ``speechgen.style``):

    ``fonts``: the unit's font names (the 方正 _GBK set some provinces mandate, say): written into
    the .docx styles, named first in the HTML stylesheet, previewed in the PDF with free
    stand-ins when the face is not installed.
    ``page_numbers``: "odd_even" puts "— 1 —" right on odd and left on even pages, one character
    in (7.5); "center" centres it on every page, as many local rules for 讲话稿 do.
    ``char_grid``: True sets 3号 text 28 characters a line; False lets it run at its natural
    16 pt pitch, 27 a line. The 22 lines a page hold either way.
    ``imprint_at_bottom``: True puts the 版记 at the foot of the last page, its last rule on the
    type area's bottom edge (7.4.1); False lets it follow the text.
    ``engine``: the PDF engine, WeasyPrint (default, fast) or LibreOffice converting the .docx;
    ``timeout_s`` bounds one LibreOffice conversion.
    ``embed_css``: the .html carries its stylesheet (False: a bare page for a caller's own CSS).
    ``timestamp``: the creation time written into the .docx properties (None: SOURCE_DATE_EPOCH
    when set, else now); a batch gives the 成文日期, so that every run makes the same bytes.
    """

    fonts: style.FontSet = style.DEFAULT_FONTS
    page_numbers: PageNumbers = "odd_even"
    char_grid: bool = True
    imprint_at_bottom: bool = True
    engine: Engine = "weasyprint"
    timeout_s: float = 120.0
    embed_css: bool = True
    timestamp: dt.datetime | None = None
