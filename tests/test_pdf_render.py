"""PDF writer, measured on the output: A4, the 22 × 28 grid, page numbers, fonts, 版记, no warnings.

Positions use one convention (writers/css.py): a glyph's top edge is its ideographic em box top,
0.88 em above the baseline, and baselines come from each character's text matrix.
"""

from __future__ import annotations

import io
import itertools
import logging
import shutil
from collections import defaultdict
from collections.abc import Iterator

import pdfplumber
import pypdf
import pytest

from pdf_samples import every_block_document, plain_document
from speechgen import style as s
from speechgen.writers import fonts, pdf

MM = s.MM_PER_PT
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("fc-list") is None or not fonts.installed_faces().get("Noto Serif CJK SC"),
                       reason="fontconfig or fonts-noto-cjk not installed"),
]


def render_quietly(doc, caplog: pytest.LogCaptureFixture, **options) -> bytes:
    """Render and assert neither WeasyPrint nor speechgen logged a warning."""
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        data = pdf.render_pdf(doc, pdf.PdfOptions(**options))
    noisy = [r.getMessage() for r in caplog.records
             if r.levelno >= logging.WARNING and r.name.startswith(("weasyprint", "speechgen"))]
    assert noisy == []
    return data


@pytest.fixture(scope="module")
def notice_pdf() -> bytes:
    return pdf.render_pdf(every_block_document())


def lines_of(page) -> Iterator[tuple[float, list[dict]]]:
    """Yield (baseline from the top in pt, characters left to right) for each text line."""
    rows: dict[float, list[dict]] = defaultdict(list)
    for char in page.chars:
        rows[round(page.height - char["matrix"][5], 1)].append(char)
    for baseline in sorted(rows):
        yield baseline, sorted(rows[baseline], key=lambda c: c["x0"])


def em_top_mm(baseline: float, chars: list[dict]) -> float:
    return (baseline - 0.88 * max(c["size"] for c in chars)) * MM


def test_no_warnings_and_same_bytes_twice(caplog: pytest.LogCaptureFixture, notice_pdf: bytes) -> None:
    assert render_quietly(every_block_document(), caplog) == notice_pdf


def test_a4_and_several_pages(notice_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(notice_pdf))
    assert len(reader.pages) > 1
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(841.89, abs=0.5)


def test_page_numbers_alternate_sides_at_269mm(notice_pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(notice_pdf)) as doc:
        for number, page in enumerate(doc.pages, 1):
            baseline, chars = list(lines_of(page))[-1]
            assert "".join(c["text"] for c in chars) == s.page_number_text(number)
            assert chars[0]["size"] == pytest.approx(s.SIZE_4HAO_PT, abs=0.01)
            assert em_top_mm(baseline, chars) == pytest.approx(269, abs=1)
            one_char = s.SIZE_4HAO_PT * MM
            if number % 2:
                assert chars[-1]["x1"] * MM == pytest.approx(s.PAGE_WIDTH_MM - s.MARGIN_RIGHT_MM - one_char, abs=0.5)
            else:
                assert chars[0]["x0"] * MM == pytest.approx(s.MARGIN_LEFT_MM + one_char, abs=0.5)


def test_embedded_fonts_are_the_planned_families(notice_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(notice_pdf))
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            embedded.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    plan = pdf.font_plan()
    expected = [plan.slots[key].faces[0].family for key in [("title", False), ("body", False), ("body", True),
                                                            ("hei", False), ("kai", False)]]
    for family in [*expected, plan.page_number.faces[0].family]:
        assert any(name.startswith(family.replace(" ", "-")) for name in embedded), (family, embedded)
    assert not any("JP" in name or "jp" in name for name in embedded)
    if plan.latin:
        assert "SG-Latin" in embedded


def test_full_page_is_22_lines_of_28_characters(caplog: pytest.LogCaptureFixture) -> None:
    data = render_quietly(plain_document(), caplog)
    with pdfplumber.open(io.BytesIO(data)) as doc:
        page = doc.pages[1]  # a page full of body text
        body = [(b, cs) for b, cs in lines_of(page) if cs[0]["size"] == pytest.approx(s.BODY_SIZE_PT, abs=0.01)]
    assert len(body) == s.LINES_PER_PAGE
    pitches = [b2 - b1 for (b1, _), (b2, _) in itertools.pairwise(body)]
    assert all(p == pytest.approx(s.LINE_PITCH_PT, abs=0.1) for p in pitches)
    assert em_top_mm(*body[0]) == pytest.approx(s.MARGIN_TOP_MM, abs=0.5)
    right_edge = s.PAGE_WIDTH_MM - s.MARGIN_RIGHT_MM

    def flush_left(chars: list[dict]) -> bool:
        return chars[0]["x0"] * MM == pytest.approx(s.MARGIN_LEFT_MM, abs=0.2)

    # A line followed by an unindented line is not a paragraph's last: it must be full and justified.
    inner = [cs for (_, cs), (_, after) in itertools.pairwise(body) if flush_left(after)]
    assert len(inner) > 10
    for chars in inner:
        assert len(chars) <= s.CHARS_PER_LINE
        assert chars[-1]["x1"] * MM == pytest.approx(right_edge, abs=0.5)  # justified
    assert sum(len(cs) == s.CHARS_PER_LINE for cs in inner if flush_left(cs)) >= len(inner) // 2


def test_red_rule_and_imprint_positions(notice_pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(notice_pdf)) as doc:
        first, last = doc.pages[0], doc.pages[-1]
        number_line = next(cs for b, cs in lines_of(first) if "〔2026〕" in "".join(c["text"] for c in cs))
        number_bottom = (page_baseline(first, number_line) + 0.12 * s.BODY_SIZE_PT) * MM
        red = [r for r in first.rects if r["non_stroking_color"] == (1.0, 0.0, 0.0)]
        assert red and red[0]["top"] * MM == pytest.approx(number_bottom + s.RED_RULE_BELOW_NUMBER_MM, abs=0.3)
        assert (red[0]["x1"] - red[0]["x0"]) * MM == pytest.approx(s.TEXT_WIDTH_MM, abs=0.2)
        rules = sorted(r["bottom"] for r in last.rects if r["width"] > 400)
        assert len(rules) >= 3
        assert rules[-1] * MM == pytest.approx(s.PAGE_HEIGHT_MM - s.MARGIN_BOTTOM_MM, abs=0.5)
        assert "抄送：" in last.extract_text()


def page_baseline(page, chars: list[dict]) -> float:
    return page.height - chars[0]["matrix"][5]


def test_source_date_epoch_sets_the_dates(monkeypatch: pytest.MonkeyPatch,
                                          caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1778198400")
    data = render_quietly(plain_document(2), caplog)
    info = pypdf.PdfReader(io.BytesIO(data)).metadata
    assert str(info["/CreationDate"]).startswith("D:20260508000000")
    assert pdf.render_pdf(plain_document(2)) == data
