"""Pages as a reader sees them, in both PDF engines (issue 16): what a page holds, where titles turn,
a figure kept with its unit."""

from __future__ import annotations

import io
import shutil
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pytest

from speechgen import api
from speechgen import document as d
from speechgen.writers import fonts
from speechgen.writers.pdf import PdfOptions, render_pdf
from speechgen.writers.titles import title_lines, title_width_chars

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("fc-list") is None or not fonts.installed_faces().get("Noto Serif CJK SC"),
                       reason="fontconfig or fonts-noto-cjk not installed"),
]
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
NOTICE = Path(__file__).resolve().parent.parent / "examples" / "notice.md"
LONG_TITLE = "关于2024年1—5月全市重点项目建设进展情况的通报"


def page_lines(data: bytes, size: float | None = None) -> list[list[str]]:
    """Return each page's text lines (characters of one baseline; of one font size if given)."""
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            rows: dict[float, list[dict]] = defaultdict(list)
            for char in page.chars:
                if size is None or abs(char["size"] - size) < 0.5:
                    rows[round(page.height - char["matrix"][5])].append(char)  # by baseline
            pages.append(["".join(c["text"] for c in sorted(rows[top], key=lambda c: c["x0"])).replace(" ", "")
                          for top in sorted(rows)])
    return pages


def test_weasyprint_never_leaves_the_imprint_alone_on_a_page() -> None:
    pages = page_lines(render_pdf(api.parse_markup_file(NOTICE)))
    last = "".join(pages[-1])
    assert "抄送" in last and "合计" in last  # the last table row came along with the 版记
    attachment = next(lines for lines in pages if lines and lines[0] == "附件")
    assert any("项目清单" in line for line in attachment) and any("东城区" in line for line in attachment)


@pytest.mark.parametrize("engine", ["weasyprint", pytest.param("libreoffice", marks=needs_soffice)])
def test_titles_turn_between_words_in_the_pdf(engine: str) -> None:
    doc = d.Document("bulletin", (d.Title(LONG_TITLE), d.Paragraph((d.Run("正文。"),)),
                                  d.AttachmentHeading("附件", "2026年1—5月各县区重点项目建设推进情况统计表"),
                                  d.Paragraph((d.Run("内容。"),))))
    pages = page_lines(render_pdf(doc, PdfOptions(engine=engine)), size=22)
    assert pages[0] == list(title_lines(LONG_TITLE, title_width_chars()))
    assert pages[1] == ["2026年1—5月各县区", "重点项目建设推进情况统计表"]


@needs_soffice
def test_libreoffice_keeps_a_rate_with_its_percent_sign() -> None:
    header = ("序号", "项目名称", "县区", "责任单位", "包保领导", "年度计划（万元）", "完成投资（万元）", "完成率",
              "存在问题")
    row = ("23", "高新区精密光学元件扩产项目", "高新区", "示例市明视光电股份有限公司", "周慧敏", "8000", "8650",
           "108.1%", "—")
    doc = d.Document("notice", (d.Title("关于开展专项督查的通知"), d.Paragraph((d.Run("正文。"),)),
                                d.AttachmentHeading("附件", "重点项目督查清单"), d.Table(header, (row,) * 3)))
    lines = [line for page in page_lines(render_pdf(doc, PdfOptions(engine="libreoffice"))) for line in page]
    assert sum("108.1%" in line for line in lines) == 3


@needs_soffice
def test_libreoffice_keeps_the_attachment_title_with_its_table() -> None:
    """examples/notice.md in LibreOffice 7.4: the title was alone on page 4, its table on page 5."""
    pages = page_lines(render_pdf(api.parse_markup_file(NOTICE), PdfOptions(engine="libreoffice")))
    attachment = next(lines for lines in pages if lines and lines[0] == "附件")
    assert any("项目清单" in line for line in attachment) and any("合计" in line for line in attachment)
    assert "抄送" in "".join(pages[-1])


def _header_words(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = next(p for p in pdf.pages if "序号" in (p.extract_text() or ""))
        return [word["text"] for word in page.extract_words(x_tolerance=1.5)]


@pytest.mark.parametrize("engine", ["weasyprint", pytest.param("libreoffice", marks=needs_soffice)])
def test_a_table_header_turns_between_words_in_the_pdf(engine: str) -> None:
    """"1—5月完成投资" broke as "1—5月完 / 成投资" in the preview."""
    words = _header_words(render_pdf(api.parse_markup_file(NOTICE), PdfOptions(engine=engine)))
    assert "完成投资" in words, words[:30]  # LibreOffice's autospace splits "1—5 月" into two words
    assert not any(word.endswith("月完") or word.startswith("成投资") for word in words)
