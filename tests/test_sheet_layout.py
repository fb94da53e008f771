"""The dialect's kind sheet (督办单) and its layout: a red title with the 编号 under it, a form
table (labels, values, room to write), no 主送 or 署名; read back the same from Markdown; GB/T 9704
page and fonts in the .docx; one page in the PDF preview and in LibreOffice's conversion."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from speechgen import api, style
from speechgen import document as d
from speechgen.check import check_source, read_source
from speechgen.markup import parse_markup, read_markup
from speechgen.paths import resource_dir
from speechgen.writers.docx import geometry
from speechgen.writers.markdown import render_markdown

SHEET = """\
---
kind: sheet
title: 示例市重点项目督办单
doc_number: 示项办〔2026〕3号
---

| 督办事项 | 加快推进甲项目建设 |
| --- | --- |
| 项目名称 | 甲项目 |
| 完成率 | 10.0%，落后时序进度31.7个百分点 |
| 办理情况 |  |
| 督办单位 | 示例市重点项目建设领导小组办公室 |
"""


def test_a_sheet_is_a_red_title_with_its_number_and_a_form() -> None:
    doc = parse_markup(SHEET)
    assert doc.kind == "sheet"
    title, table = doc.blocks
    assert isinstance(title, d.FormTitle) and title.number == "示项办〔2026〕3号"
    assert isinstance(table, d.Table) and table.form and table.header == ("督办事项", "加快推进甲项目建设")
    assert d.block_text(title) == ["示例市重点项目督办单", "编号：示项办〔2026〕3号"]


def test_a_sheet_reads_back_the_same_from_its_markdown() -> None:
    doc = parse_markup(SHEET)
    assert parse_markup(render_markdown(doc)) == doc


def test_fields_a_form_does_not_print_are_warned() -> None:
    given = "addressee: 青河县人民政府\nissuer: 示例市重点项目办\ndoc_number:"
    parsed = read_markup(SHEET.replace("doc_number:", given))
    warned = sorted(p.message for p in parsed.warnings)
    assert warned == ["开头信息“addressee”不会出现在督办单里", "开头信息“issuer”不会出现在督办单里"]
    assert not any(isinstance(b, d.Addressee | d.RedHeader | d.Signature) for b in parsed.document.blocks)


def _docx_xml(doc: d.Document) -> tuple[str, str]:
    data = api.render_markup(render_markdown(doc), ".docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode(), package.read("word/styles.xml").decode()


def test_the_docx_form_labels_values_and_room_to_write() -> None:
    body, styles = _docx_xml(parse_markup(SHEET))
    form_title = re.search(r'<w:style [^>]*w:styleId="FormTitle">.*?</w:style>', styles, re.S)
    assert form_title and f'<w:color w:val="{style.RED}"/>' in form_title.group()
    assert '<w:pStyle w:val="FormTitle"/>' in body and '<w:pStyle w:val="FormNumber"/>' in body
    assert "编号：示项办〔2026〕3号" in body
    table = re.search(r"<w:tbl>.*?</w:tbl>", body, re.S).group()  # type: ignore[union-attr]
    assert "<w:tblHeader/>" not in table  # a form has no header row to repeat
    heights = [int(h) for h in re.findall(r'<w:trHeight w:val="(\d+)" w:hRule="atLeast"/>', table)]
    blank = geometry.pt(style.FORM_BLANK_LINES * style.TABLE_LINE_PITCH_PT)
    assert heights == [geometry.pt(style.FORM_ROW_MIN_PT)] * 3 + [blank, geometry.pt(style.FORM_ROW_MIN_PT)]
    label, value = (int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', table))
    assert label + value == geometry.TEXT_WIDTH and label > geometry.char_twips(6, style.SIZE_4HAO_PT, grid=False)
    labels = re.findall(r'<w:pStyle w:val="TableHeader"/></w:pPr><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t>([^<]+)</w:t>',
                        table)
    assert labels == ["督办事项", "项目名称", "完成率", "办理情况", "督办单位"]


def test_the_docx_meets_the_gbt9704_layout_rules(tmp_path: Path) -> None:
    path = tmp_path / "督办单.docx"
    path.write_bytes(api.render_markup(SHEET, ".docx"))
    assert [f.rule for f in check_source(read_source(path)).findings] == []


def test_the_html_form_and_the_text() -> None:
    html = api.render_markup(SHEET, ".html").decode("utf-8")
    assert '<h1 class="FormTitle"><span>示例市重点项目督办单</span></h1>' in html and "编号：示项办〔2026〕3号" in html
    assert '<table class="Table Form">' in html
    assert '<tr class="blank"><th class="TableHeader"><span>办理情况</span></th>' in html
    text = api.render_markup(SHEET, ".txt").decode("utf-8")
    assert text.splitlines()[1].strip() == "编号：示项办〔2026〕3号"


def _example_sheets() -> list[bytes]:
    from speechgen.batch.plan import PlanChoices, plan_batch
    from speechgen.sources import read_dossier

    examples = resource_dir("examples")
    dossier = read_dossier(examples / "ledger.xlsx", examples / "meeting.yaml")
    plan = plan_batch(dossier, PlanChoices("sheet", "督办单", "project", "all", (".docx",), number_from=1))
    return [api.draft("sheet", doc.facts, doc_number=doc.doc_number) for doc in plan.documents]  # type: ignore[misc]


@pytest.mark.slow
def test_every_sheet_of_the_example_is_one_page_with_a_red_title() -> None:
    import pdfplumber

    for text in _example_sheets():
        with pdfplumber.open(io.BytesIO(api.render_markup(text, ".pdf"))) as pdf:  # type: ignore[arg-type]
            assert len(pdf.pages) == 1, text[:200]
            title = [c for c in pdf.pages[0].chars if c["text"] in "示例市重点项目督办单" and c["size"] > 20]
            assert len(title) == len("示例市重点项目督办单")
            assert all(tuple(round(v, 2) for v in c["non_stroking_color"]) in ((1, 0, 0), (1.0, 0.0, 0.0))
                       for c in title)


@pytest.mark.slow
def test_libreoffice_sets_every_sheet_of_the_example_on_one_page() -> None:
    import shutil

    from pypdf import PdfReader

    from speechgen.writers.libreoffice import convert_docx_files

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    sheets = [api.render_markup(text, ".docx") for text in _example_sheets()[:20]]  # type: ignore[arg-type]
    pdfs = convert_docx_files(sheets)
    assert [len(PdfReader(io.BytesIO(pdf)).pages) for pdf in pdfs] == [1] * len(sheets)
