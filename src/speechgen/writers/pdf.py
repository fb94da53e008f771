"""Document → PDF: the HTML preview laid out by WeasyPrint, or the .docx converted by LibreOffice.

Phases of the default engine: resolve the installed fonts → build the HTML → check every character
has a glyph → render with WeasyPrint's logger captured. Font problems become FontError and nothing
is returned. What does not change between documents (font configuration, parsed stylesheet,
font coverage) is built once per process.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from speechgen import style as s
from speechgen.document import Document
from speechgen.errors import FontError, Problem
from speechgen.writers.css import CssFonts, FontChoice, FontKey, build_css
from speechgen.writers.fonts import Slot as FontSlot
from speechgen.writers.fonts import TextItem, check_glyphs, compact_slot, resolve_slot
from speechgen.writers.html import build_html
from speechgen.writers.options import Engine, PageNumbers, RenderOptions

if TYPE_CHECKING:
    from speechgen.writers.docx import DocxOptions

log = logging.getLogger(__name__)

ROLES: tuple[s.FontRole, ...] = ("title", "body", "hei", "kai", "song")
STYLE_BY_ID = {style.style_id: style for style in s.PARAGRAPH_STYLES}
# Chinese names for the styles that keep Word's English built-in names.
STYLE_LABELS = {"Normal": "正文", "Title": "标题", "Subtitle": "副标题", "Heading1": "一级标题",
                "Heading2": "二级标题", "Heading3": "三级标题", "Heading4": "四级标题"}
PAGE_NUMBER_CHARS = s.page_number_text("0123456789")
HARFBUZZ_FIX = "sudo apt-get install libharfbuzz-subset0"
# WeasyPrint's font warnings: .notdef drawn, @font-face not loadable, glyph or font-table trouble.
_FONT_WARNINGS = (".notdef", "font-face", "cannot be loaded", "glyphs missing", "variable font",
                  "emoji font", "unable to subset")
# Slow but correct: the missing subsetter is reported by environment_problems(), not an error.
_SLOW_SUBSET_WARNING = "using fonttools instead of harfbuzz-subset"


@dataclass(frozen=True)
class PdfOptions:
    """Options of the PDF writer.

    ``engine``: "weasyprint" lays out the HTML preview (fast, default); "libreoffice" converts the
    .docx with soffice (exact fidelity to the .docx, ≈ 1 s per document). ``timeout_s`` bounds one
    soffice conversion. The layout choices are those of the .docx (see DocxOptions), which the
    stylesheet follows and the LibreOffice engine converts.
    """

    engine: Engine = "weasyprint"
    fonts: s.FontSet = s.DEFAULT_FONTS
    timeout_s: float = 120.0
    page_numbers: PageNumbers = "odd_even"
    char_grid: bool = True
    imprint_at_bottom: bool = True

    @classmethod
    def of(cls, options: RenderOptions) -> PdfOptions:
        """Return the PDF writer's part of the one options record."""
        return cls(options.engine, options.fonts, options.timeout_s, options.page_numbers,
                   options.char_grid, options.imprint_at_bottom)

    def docx(self) -> DocxOptions:
        """Return the options of the .docx the LibreOffice engine converts."""
        from speechgen.writers.docx import DocxOptions

        return DocxOptions(self.fonts, self.page_numbers, self.char_grid, self.imprint_at_bottom)


@dataclass(frozen=True)
class FontPlan:
    """The installed faces for each (role, bold) pair and for Latin text."""

    slots: dict[FontKey, FontSlot]
    latin: FontSlot | None
    latin_bold: FontSlot | None
    page_number: FontSlot

    def css_fonts(self) -> CssFonts:
        """Return the stylesheet's view: installed family names only, so what is checked is drawn."""
        choices = {key: FontChoice(slot.families, 700 if slot.bold else 400)
                   for key, slot in self.slots.items()}
        regular = tuple(f.fullname for f in self.latin.faces) if self.latin else ()
        bold = tuple(f.fullname for f in self.latin_bold.faces) if self.latin_bold else ()
        return CssFonts(choices, regular, bold, page_number=FontChoice(self.page_number.families))


def render_pdf(doc: Document, options: PdfOptions = PdfOptions()) -> bytes:
    """Return the document as PDF bytes; raise FontError when a character would come out as tofu."""
    plan = font_plan(options.fonts)                      # 1. installed faces
    html = build_html(doc, css=None, head_extra=metadata_head(),  # 2. markup (stylesheet passed parsed)
                      char_grid=options.char_grid)
    check_html_glyphs(html, plan)                        # 3. no tofu (LibreOffice uses the same faces)
    if options.engine == "libreoffice":
        from speechgen.writers.libreoffice import render_pdf_libreoffice

        return render_pdf_libreoffice(doc, options.docx(), timeout_s=options.timeout_s)
    warn_if_slow_subsetting()                            # 4. the 35× trap
    return _weasyprint_pdf(html, options)                # 5. layout and PDF


@cache
def font_plan(fonts: s.FontSet = s.DEFAULT_FONTS) -> FontPlan:
    """Return the installed faces for each font role; 小标宋's stand-in is taken in bold."""
    slots: dict[FontKey, FontSlot] = {}
    for role in ROLES:
        name = s.font_name(role, fonts)
        regular = resolve_slot(name, False, role)
        if role == "title" and regular.faces[0].family in s.FONT_PACKAGES:
            regular = resolve_slot(name, True, role)
        slots[(role, False)] = regular
        slots[(role, True)] = resolve_slot(name, True, role)
    latin = _optional_slot(fonts.latin, False)
    # Page numbers: digits in the Latin face like all digits, the 一字线 from the smallest 宋体
    # stand-in that has it: one 26 MB face less to read and subset saves ≈ 50 ms per PDF.
    dashes = "".join(ch for ch in PAGE_NUMBER_CHARS if not (latin and ch.isascii()))
    page_number = compact_slot(slots[(s.STYLE_PAGE_NUMBER.font, False)], dashes)
    return FontPlan(slots, latin, _optional_slot(fonts.latin, True), page_number)


def _optional_slot(name: str, bold: bool) -> FontSlot | None:
    try:
        return resolve_slot(name, bold, "latin")
    except FontError:  # without Times New Roman's stand-in, digits come from the Chinese face
        return None


def metadata_head() -> str:
    """Return <meta> elements: dates only from SOURCE_DATE_EPOCH, so the same input gives the same bytes."""
    metas = ['<meta name="generator" content="speechgen"/>']
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(epoch)))
        metas += [f'<meta name="dcterms.created" content="{stamp}"/>',
                  f'<meta name="dcterms.modified" content="{stamp}"/>']
    return "\n".join(metas)


def html_text_items(html: str, plan: FontPlan) -> Iterator[TextItem]:
    """Yield every piece of text in the HTML with the font slot that draws it."""
    root = ET.fromstring(html.split("\n", 1)[1])  # drop <!DOCTYPE html>
    body = root.find("body")
    assert body is not None
    yield from _walk(body, plan, s.STYLE_BODY, False, "")
    yield TextItem(plan.page_number, PAGE_NUMBER_CHARS, "页码")


def _walk(elem: ET.Element, plan: FontPlan, style: s.ParagraphStyle, bold: bool,
          where: str) -> Iterator[TextItem]:
    for name in (elem.get("class") or "").split():
        if name in STYLE_BY_ID:
            style, bold = STYLE_BY_ID[name], STYLE_BY_ID[name].bold
            own = "".join(elem.itertext()).strip()
            label = STYLE_LABELS.get(style.style_id, style.name)
            where = f"{label}“{own[:12]}{'…' if len(own) > 12 else ''}”"
        elif name == s.CHAR_STYLE_LEAD[0]:
            bold = True
    slot = plan.slots[(style.font, bold)]
    if elem.text and not elem.text.isspace():
        yield TextItem(slot, elem.text, where)
    for child in elem:
        yield from _walk(child, plan, style, bold, where)
        if child.tail and not child.tail.isspace():
            yield TextItem(slot, child.tail, where)


def check_html_glyphs(html: str, plan: FontPlan) -> None:
    """Raise FontError when a character has no glyph in its fonts; log characters that fell back."""
    fallbacks = check_glyphs(html_text_items(html, plan), plan.latin)
    if fallbacks:
        shown = "、".join(f"“{char}”（{family}）" for char, family in list(fallbacks.items())[:10])
        log.info("以下字符首选字体没有，改用后备字体：%s", shown)


@cache
def harfbuzz_subset_available() -> bool:
    """Return True when libharfbuzz-subset can be loaded (WeasyPrint subsets fonts with it)."""
    import ctypes
    import ctypes.util

    if ctypes.util.find_library("harfbuzz-subset"):
        return True
    try:
        ctypes.CDLL("libharfbuzz-subset.so.0")
    except OSError:
        return False
    return True


def environment_problems() -> list[Problem]:
    """Return warnings about the PDF set-up (today: the missing HarfBuzz subsetter)."""
    if harfbuzz_subset_available():
        return []
    return [Problem("未安装 libharfbuzz-subset0：WeasyPrint 将用纯 Python 子集化中文字体，PDF 生成会慢约 35 倍",
                    hint=f"请安装：{HARFBUZZ_FIX}", severity="warning")]


@cache
def warn_if_slow_subsetting() -> None:
    """Log the missing-subsetter warning once per process."""
    for problem in environment_problems():
        log.warning(problem.format())


@cache
def _font_config() -> Any:
    from weasyprint.text.fonts import FontConfiguration

    from speechgen.writers.justify import install

    install()  # Chinese lines justified between characters, as Word does
    # Release it before interpreter shutdown: its __del__ removes WeasyPrint's temporary font
    # folder and fails noisily once module globals are gone.
    atexit.register(_release_weasyprint)
    return FontConfiguration()


def _release_weasyprint() -> None:
    _stylesheet.cache_clear()
    _font_config.cache_clear()


@cache
def _stylesheet(fonts: s.FontSet, page_numbers: PageNumbers, char_grid: bool, imprint_at_bottom: bool) -> Any:
    from weasyprint import CSS

    css = build_css(font_plan(fonts).css_fonts(), page_numbers=page_numbers, char_grid=char_grid,
                    imprint_at_bottom=imprint_at_bottom)
    return CSS(string=css, font_config=_font_config())


_render_lock = threading.Lock()  # the shared FontConfiguration is not safe across threads


def _weasyprint_pdf(html: str, options: PdfOptions) -> bytes:
    from weasyprint import HTML

    with _render_lock, captured_weasyprint_warnings() as records:
        stylesheet = _stylesheet(options.fonts, options.page_numbers, options.char_grid,
                                 options.imprint_at_bottom)
        pdf = HTML(string=html).write_pdf(stylesheets=[stylesheet], font_config=_font_config())
    raise_font_warnings(records)
    return pdf


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.records.append(record)


@contextmanager
def captured_weasyprint_warnings() -> Iterator[list[logging.LogRecord]]:
    """Collect the warnings WeasyPrint logs on this thread while the block runs."""
    logger = logging.getLogger("weasyprint")
    collector = _Collector()
    logger.addHandler(collector)
    try:
        yield collector.records
    finally:
        logger.removeHandler(collector)


def raise_font_warnings(records: list[logging.LogRecord]) -> None:
    """Raise FontError for font warnings (.notdef, unloadable font-face); pass the others on."""
    messages = list(dict.fromkeys(r.getMessage() for r in records))
    font = [m for m in messages if any(w in m.lower() for w in _FONT_WARNINGS)]
    for message in messages:
        if message not in font and _SLOW_SUBSET_WARNING not in message.lower():
            log.warning("WeasyPrint：%s", message)
    if font:
        raise FontError("PDF 渲染时字体出错：" + "；".join(font[:5]) + "；未写出 PDF。"
                        "请安装缺少的字体（sudo apt-get install fonts-noto-cjk），或检查文中的生僻字符。")


__all__ = ["PdfOptions", "environment_problems", "render_pdf"]
