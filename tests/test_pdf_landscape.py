"""Clause 8 in the PDF, from WeasyPrint and from LibreOffice converting the .docx: the wide
attachment on A4 landscape pages, page numbers turned where the portrait pages have them on the
paper, the 版记 across the turned 版心 at the foot of the last page."""

from __future__ import annotations

import io
import logging
import shutil

import pdfplumber
import pytest

from speechgen import style as s
from speechgen.writers import fonts, pdf
from test_docx_landscape import wide_notice

MM = s.MM_PER_PT
ONE_CHAR_MM = s.SIZE_4HAO_PT * MM
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("fc-list") is None or not fonts.installed_faces().get("Noto Serif CJK SC"),
                       reason="fontconfig or fonts-noto-cjk not installed"),
]


@pytest.fixture(scope="module")
def weasy_pdf() -> bytes:
    return pdf.render_pdf(wide_notice())


@pytest.fixture(scope="module")
def office_pdf() -> bytes:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    return pdf.render_pdf(wide_notice(), pdf.PdfOptions(engine="libreoffice"))


def number_chars(page) -> list[dict]:
    """Return the page number's characters: turned ones, or the last line's at the foot."""
    turned = [c for c in page.chars if not c["upright"]]
    if turned:
        return sorted(turned, key=lambda c: c["top"])
    foot = [c for c in page.chars if c["top"] * MM > s.PAGE_HEIGHT_MM - s.MARGIN_BOTTOM_MM]
    return sorted(foot, key=lambda c: c["x0"])


def check_pages(data: bytes) -> None:
    """Assert portrait then landscape pages, numbered "— n —" on every page, in place."""
    with pdfplumber.open(io.BytesIO(data)) as doc:
        orientations = [page.width > page.height for page in doc.pages]
        assert orientations[0] is False and orientations[-1] is True
        assert orientations == sorted(orientations)  # one turn, at the attachment
        for number, page in enumerate(doc.pages, 1):
            chars = number_chars(page)
            assert "".join(c["text"] for c in chars).replace(" ", "") == s.page_number_text(number).replace(" ", "")
            if page.width < page.height:
                continue
            assert (page.width, page.height) == (pytest.approx(841.89, abs=0.5), pytest.approx(595.28, abs=0.5))
            # turned: the number's top (facing the 版心) 7 mm left of it, read top to bottom
            right = max(c["x1"] for c in chars) * MM
            assert right == pytest.approx(s.LANDSCAPE_MARGIN_LEFT_MM - s.PAGE_NUMBER_GAP_MM, abs=0.7)
            top, bottom = chars[0]["top"] * MM, chars[-1]["bottom"] * MM
            if number % 2:  # odd: one character above the 版心's bottom (the portrait right end)
                want = s.PAGE_WIDTH_MM - s.LANDSCAPE_MARGIN_BOTTOM_MM - ONE_CHAR_MM
                assert bottom == pytest.approx(want, abs=0.7)
            else:  # even: one character below its top (the portrait left end)
                assert top == pytest.approx(s.LANDSCAPE_MARGIN_TOP_MM + ONE_CHAR_MM, abs=0.7)


def check_imprint(data: bytes) -> None:
    """Assert the 版记's rules span the turned 版心 and the last lies on its bottom, last page."""
    with pdfplumber.open(io.BytesIO(data)) as doc:
        last = doc.pages[-1]
        assert "抄送：" in last.extract_text()
        width = s.PAGE_HEIGHT_MM - s.LANDSCAPE_MARGIN_LEFT_MM - s.LANDSCAPE_MARGIN_RIGHT_MM  # 225 mm
        # rules (LibreOffice) or bordered boxes (WeasyPrint) as wide as the turned 版心
        edges = [r for r in [*last.rects, *last.lines] if (r["x1"] - r["x0"]) * MM == pytest.approx(width, abs=0.5)]
        assert edges and all(r["x0"] * MM == pytest.approx(s.LANDSCAPE_MARGIN_LEFT_MM, abs=0.5) for r in edges)
        bottom = max(r["bottom"] for r in edges) * MM
        assert bottom == pytest.approx(s.PAGE_WIDTH_MM - s.LANDSCAPE_MARGIN_BOTTOM_MM, abs=0.6)


def test_weasyprint_sets_the_attachment_landscape(weasy_pdf: bytes, caplog: pytest.LogCaptureFixture) -> None:
    check_pages(weasy_pdf)
    check_imprint(weasy_pdf)
    with caplog.at_level(logging.WARNING):
        assert pdf.render_pdf(wide_notice()) == weasy_pdf
    assert not [r for r in caplog.records if r.name.startswith(("weasyprint", "speechgen"))]


def test_libreoffice_sets_the_attachment_landscape(office_pdf: bytes) -> None:
    import pypdf
    reader = pypdf.PdfReader(io.BytesIO(office_pdf))
    boxes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert boxes[0] == (595, 842) and boxes[-1] == (842, 595)
    check_pages(office_pdf)
    check_imprint(office_pdf)


def test_both_engines_agree_on_the_page_count(weasy_pdf: bytes, office_pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(weasy_pdf)) as a, pdfplumber.open(io.BytesIO(office_pdf)) as b:
        assert abs(len(a.pages) - len(b.pages)) <= 1
