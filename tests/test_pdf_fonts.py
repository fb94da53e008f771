"""No tofu: glyph coverage is checked before rendering; font trouble is a FontError, not a bad PDF."""

from __future__ import annotations

import logging
import os
import shutil

import pytest

from speechgen.document import Document, Heading, Paragraph, Run, Title
from speechgen.errors import FontError
from speechgen.writers import fonts, pdf
from speechgen.writers.fonts import Face, Slot, TextItem, check_glyphs

needs_cjk_fonts = pytest.mark.skipif(
    shutil.which("fc-list") is None or not fonts.installed_faces().get("Noto Serif CJK SC"),
    reason="fontconfig or fonts-noto-cjk not installed",
)


@needs_cjk_fonts
def test_private_use_character_is_refused_with_its_place() -> None:
    doc = Document("generic", (Title("通知"), Paragraph((Run("请各单位于\ue000月底前报送。"),))))
    with pytest.raises(FontError) as err:
        pdf.render_pdf(doc)
    message = str(err.value)
    assert "U+E000" in message and "私用区" in message
    assert "正文“请各单位于\ue000月底前报送。”" in message


@needs_cjk_fonts
def test_missing_glyph_names_char_element_font_and_package(monkeypatch: pytest.MonkeyPatch) -> None:
    # A slot whose only face is Liberation Serif cannot draw a hanzi.
    latin = fonts.best_face("Liberation Serif", False)
    if latin is None:
        pytest.skip("fonts-liberation2 not installed")
    slot = Slot("仿宋_GB2312", (latin,))
    monkeypatch.setattr(fonts, "installed_faces", lambda: {"Liberation Serif": (latin,)})
    with pytest.raises(FontError) as err:
        check_glyphs([TextItem(slot, "镕", "一级标题“镕”")])
    message = str(err.value)
    assert "“镕”（U+9555）" in message and "一级标题" in message and "仿宋_GB2312" in message
    assert "fonts-noto-cjk" in message


@needs_cjk_fonts
def test_rare_character_falls_back_within_the_stack() -> None:
    slot = fonts.resolve_slot("仿宋_GB2312")
    if slot.faces[0].family != "FandolFang":
        pytest.skip("FandolFang is not the first installed 仿宋 stand-in here")
    fallbacks = check_glyphs([TextItem(slot, "朱镕基", "正文")])
    assert fallbacks == {"镕": slot.faces[1].family}


@needs_cjk_fonts
def test_heading_text_is_checked_in_the_heading_font() -> None:
    plan = pdf.font_plan()
    doc = Document("generic", (Heading(1, "一、", "总体情况"),))
    html = pdf.build_html(doc, css=None)
    items = list(pdf.html_text_items(html, plan))
    assert items[0].slot == plan.slots[("hei", False)]
    assert items[0].text == "一、总体情况" and items[0].where.startswith("一级标题")
    assert items[-1].where == "页码"


@needs_cjk_fonts
def test_sc_faces_are_chosen_not_japanese() -> None:
    for key, slot in pdf.font_plan().slots.items():
        for face in slot.faces:
            assert "JP" not in face.family, key


def test_unknown_font_family_is_a_font_error() -> None:
    with pytest.raises(FontError, match="没有安装“不存在的字体甲”"):
        fonts.resolve_slot("不存在的字体甲")


def test_bold_face_detection() -> None:
    assert Face("FandolSong", "Bold", 80, "x.otf", 0).bold  # declared weight 80, style Bold
    assert not Face("FandolFang", "Regular", 80, "x.otf", 0).bold


def test_missing_harfbuzz_subset_is_a_loud_warning(monkeypatch: pytest.MonkeyPatch,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(pdf, "harfbuzz_subset_available", lambda: False)
    problems = pdf.environment_problems()
    assert problems and problems[0].severity == "warning"
    assert pdf.HARFBUZZ_FIX in problems[0].format()
    pdf.warn_if_slow_subsetting.cache_clear()
    with caplog.at_level(logging.WARNING, logger="speechgen.writers.pdf"):
        pdf.warn_if_slow_subsetting()
    pdf.warn_if_slow_subsetting.cache_clear()
    assert "libharfbuzz-subset0" in caplog.text


def test_harfbuzz_subset_is_installed_here() -> None:
    if not pdf.harfbuzz_subset_available():
        pytest.skip("libharfbuzz-subset0 not installed on this machine")
    assert pdf.environment_problems() == []


def _record(message: str) -> logging.LogRecord:
    return logging.LogRecord("weasyprint", logging.WARNING, __file__, 1, message, None, None)


def test_weasyprint_font_warnings_become_font_errors() -> None:
    with pytest.raises(FontError, match="notdef"):
        pdf.raise_font_warnings([_record('.notdef glyph rendered for Unicode string unsupported by fonts: "x"')])
    with pytest.raises(FontError, match="cannot be loaded"):
        pdf.raise_font_warnings([_record("Font-face 'SG Latin' cannot be loaded")])


def test_other_weasyprint_warnings_are_passed_on(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="speechgen.writers.pdf"):
        pdf.raise_font_warnings([_record("Ignored `foo: bar` at 1:1, unknown property.")])
    assert "unknown property" in caplog.text


def test_slow_subsetting_is_not_an_error() -> None:
    # Reported once by warn_if_slow_subsetting(); the PDF itself is right, only slow.
    pdf.raise_font_warnings([_record('Using fontTools instead of HarfBuzz-Subset for font "FandolFang". '
                                     "This will be unsupported in future versions of WeasyPrint.")])
    with pytest.raises(FontError, match="Unable to subset"):
        pdf.raise_font_warnings([_record('Unable to subset "FandolFang" with HarfBuzz')])


def test_dates_come_only_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert "dcterms.created" not in pdf.metadata_head()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1778198400")
    assert '<meta name="dcterms.created" content="2026-05-08T00:00:00Z"/>' in pdf.metadata_head()


@needs_cjk_fonts
def test_page_numbers_take_the_smallest_face_that_has_their_glyphs() -> None:
    slot = fonts.resolve_slot("宋体")
    compact = fonts.compact_slot(slot, "— 0123456789 —")
    assert set(compact.faces) == set(slot.faces)
    first = compact.faces[0]
    assert all(fonts.has_glyph(first, ch) for ch in "—0123456789")
    sizes = {face: os.path.getsize(face.file) for face in slot.faces}
    assert sizes[first] == min(size for face, size in sizes.items()
                               if all(fonts.has_glyph(face, ch) for ch in "—0123456789"))
    assert pdf.font_plan().page_number.faces[0] == first
