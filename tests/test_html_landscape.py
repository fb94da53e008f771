"""The HTML preview of clause 8: a wide attachment in a <section> on the named page ``landscape``,
and tables in the 表格文字 style of their size, as in the .docx."""

from __future__ import annotations

import re

import pytest

from speechgen import style as s
from speechgen.document import AttachmentHeading, Document, Paragraph, Run, Table
from speechgen.writers.css import LANDSCAPE_PAGE, build_css, portable_fonts
from speechgen.writers.html import render_blocks, render_html
from test_docx_landscape import HEADER, ledger_rows, wide_notice

CSS = build_css(portable_fonts())


def test_wide_attachment_is_a_landscape_section() -> None:
    html = render_html(wide_notice())
    section = re.search(r'<section class="Landscape">(.*?)</section>', html, re.S)
    assert section and html.count("<section") == 1
    inside = section.group(1)
    assert 'class="AttachmentLabel"' in inside and "<table" in inside and "imprint-block" in inside
    assert "AttachmentLabel" not in html[html.index("<body"):section.start()]  # the whole attachment, 版记 too


def test_narrow_attachment_stays_on_portrait_pages() -> None:
    doc = Document("notice", (Paragraph((Run("正文。"),)), AttachmentHeading("附件", "清单"),
                              Table(("县区", "完成率"), (("高新区", "53.8%"),))))
    assert "<section" not in "\n".join(render_blocks(doc.blocks))


def test_landscape_page_rules() -> None:
    page = re.search(r"@page landscape \{ (.*?) @bottom-right", CSS).group(1)
    assert "size: A4 landscape" in page
    margins = [float(v.removesuffix("mm")) for v in re.search(r"margin: (.*?);", page).group(1).split()]
    shift = (s.LINE_PITCH_PT - s.BODY_SIZE_PT) / 2 * s.MM_PER_PT  # the grid's half leading, as portrait
    turned = (s.LANDSCAPE_MARGIN_TOP_MM - shift, s.LANDSCAPE_MARGIN_RIGHT_MM,
              s.LANDSCAPE_MARGIN_BOTTOM_MM + shift, s.LANDSCAPE_MARGIN_LEFT_MM)
    assert margins == pytest.approx(turned, abs=0.001)
    assert f"section.Landscape {{ page: {LANDSCAPE_PAGE}; }}" in CSS
    # portrait numbers off, the turned one on; odd pages at the 版心's bottom end, even at its top
    assert re.search(r"@page landscape \{.*@bottom-right \{ content: none; \}.*@left-middle \{ content: ", CSS)
    assert "rotate(90deg)" in CSS
    assert "@page landscape:right { @left-middle { text-align: right; } }" in CSS
    assert "@page landscape:left { @left-middle { text-align: left; } }" in CSS


@pytest.mark.parametrize("rows, landscape, cell_class", [(3, True, "TableText")])
def test_cells_take_the_style_of_the_table_size(rows: int, landscape: bool, cell_class: str) -> None:
    from speechgen.writers.html import table

    html = table(Table(HEADER, ledger_rows(rows)), landscape=landscape)
    assert f'<td class="{cell_class} ' in html and '<th class="TableHeader">' in html
    small = table(Table(("名称",) * 4, (("甲" * 16,) * 4,)))  # names of 4 × 8 a line: 小四
    assert '<td class="TableTextSmall ' in small and '<th class="TableHeaderSmall">' in small
    assert ".TableTextSmall { " in CSS and f"font-size: {s.SIZE_XIAO4_PT:.3f}pt" in CSS
    assert "年度计划<br/>" in table(Table(HEADER, ledger_rows(rows)), landscape=True).replace("</span>", "")
