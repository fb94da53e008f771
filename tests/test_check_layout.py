"""Layout rules on a .docx made the usual way in Word (python-docx's default template): every
deviation from GB/T 9704 as speechgen.style writes it down is named once, with its paragraphs."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Mm

from speechgen import style
from speechgen.check import check_source, read_source
from speechgen.check.read.docx_styles import same_font


def _plain(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("关于全市重点项目建设情况的通报", style="Title")
    for text in ("一、总体情况", "全市项目推进有力。", "二、存在问题", "部分项目进度滞后。"):
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_default_word_document_is_not_gbt9704(tmp_path: Path) -> None:
    report = check_source(read_source(_plain(tmp_path / "稿.docx")))
    rules = {f.rule for f in report.findings}
    assert {"layout-page-size", "layout-margins", "layout-font", "layout-size", "layout-line-pitch",
            "layout-page-number"} <= rules
    theme = [f for f in report.findings if f.rule == "layout-font" and "主题字体" in f.message]
    assert theme, report.render()
    body = next(f for f in report.findings if f.rule == "layout-size" and f.message.startswith("正文"))
    assert "共2段" in body.message and "三号（16磅）" in body.message


def test_fixed_geometry_and_fonts_clear_the_findings(tmp_path: Path) -> None:
    path = _plain(tmp_path / "稿.docx")
    document = docx.Document(str(path))
    section = document.sections[0]
    section.page_width, section.page_height = Mm(style.PAGE_WIDTH_MM), Mm(style.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(style.MARGIN_TOP_MM), Mm(style.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(style.MARGIN_LEFT_MM), Mm(style.MARGIN_RIGHT_MM)
    document.save(str(path))
    rules = {f.rule for f in check_source(read_source(path)).findings}
    assert "layout-page-size" not in rules and "layout-margins" not in rules
    assert "layout-font" in rules  # fonts still untouched


def test_font_aliases() -> None:
    assert same_font("仿宋", "仿宋_GB2312")
    assert same_font("方正仿宋_GBK", "仿宋_GB2312")
    assert not same_font("宋体", "仿宋_GB2312")
    assert same_font("黑体", "黑体")


def _landscape(path: Path, margins_mm: tuple[float, float, float, float]) -> Path:
    """Return a GB/T 9704 portrait page followed by a landscape section with the given margins
    (top, right, bottom, left): what speechgen writes for a wide attachment table (clause 8)."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    document = docx.Document()
    document.add_paragraph("正文。")
    section = document.sections[0]
    section.page_width, section.page_height = Mm(style.PAGE_WIDTH_MM), Mm(style.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(style.MARGIN_TOP_MM), Mm(style.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(style.MARGIN_LEFT_MM), Mm(style.MARGIN_RIGHT_MM)
    turned = document.add_section(WD_SECTION.NEW_PAGE)
    turned.orientation = WD_ORIENT.LANDSCAPE
    turned.page_width, turned.page_height = Mm(style.PAGE_HEIGHT_MM), Mm(style.PAGE_WIDTH_MM)
    top, right, bottom, left = (Mm(value) for value in margins_mm)
    turned.top_margin, turned.right_margin, turned.bottom_margin, turned.left_margin = top, right, bottom, left
    document.add_paragraph("附件")
    document.save(str(path))
    return path


def _section_findings(path: Path) -> list:
    return [f for f in check_source(read_source(path)).findings if f.rule in ("layout-page-size", "layout-margins")]


def test_landscape_section_with_the_turned_type_area_passes(tmp_path: Path) -> None:
    turned = (style.LANDSCAPE_MARGIN_TOP_MM, style.LANDSCAPE_MARGIN_RIGHT_MM,
              style.LANDSCAPE_MARGIN_BOTTOM_MM, style.LANDSCAPE_MARGIN_LEFT_MM)
    assert _section_findings(_landscape(tmp_path / "左转.docx", turned)) == []
    # turned the other way (table head at the cut edge): the same 版心, also accepted
    other_way = (turned[2], turned[3], turned[0], turned[1])
    assert _section_findings(_landscape(tmp_path / "右转.docx", other_way)) == []


def test_landscape_section_with_portrait_margins_is_reported(tmp_path: Path) -> None:
    portrait = (style.MARGIN_TOP_MM, style.MARGIN_RIGHT_MM, style.MARGIN_BOTTOM_MM, style.MARGIN_LEFT_MM)
    findings = _section_findings(_landscape(tmp_path / "稿.docx", portrait))
    assert [f.rule for f in findings] == ["layout-margins"]
    assert "第2节（横排）" in findings[0].message and "上28毫米" in findings[0].fix


def test_generated_landscape_attachment_passes_the_check(tmp_path: Path) -> None:
    from speechgen.writers.docx import render_docx
    from test_docx_landscape import wide_notice

    path = tmp_path / "通知.docx"
    path.write_bytes(render_docx(wide_notice()))
    layout = [f for f in check_source(read_source(path)).findings if f.rule.startswith("layout-")]
    assert layout == [], [f.message for f in layout]
