"""document.xml: each block as named-style paragraphs, blank lines and page breaks per GB/T 9704."""

from __future__ import annotations

from lxml import etree

from docx_samples import NS, body_of, para, paragraphs_with_style, part_xml, q, speech, style_of, text_of
from pdf_samples import every_block_document
from speechgen import document as d
from speechgen.writers.docx import render_docx


def test_each_block_kind_takes_its_named_style() -> None:
    children = body_of(
        d.Title("标题"), d.Subtitle("（2026年5月8日）"), d.Salutation("同志们："),
        d.Heading(1, "一、", "甲"), d.Heading(2, "（一）", "乙"), d.Heading(3, "1.", "丙"),
        d.Heading(4, "（1）", "丁"), para("正文。"),
    )
    styles = [(style_of(p), text_of(p)) for p in children]
    assert styles == [
        ("Title", "标题"), ("Subtitle", "（2026年5月8日）"), (None, ""), ("Salutation", "同志们："),
        ("Heading1", "一、甲"), ("Heading2", "（一）乙"), ("Heading3", "1.丙"), ("Heading4", "（1）丁"),
        (None, "正文。"),
    ]


def test_runs_carry_no_fonts_or_sizes() -> None:
    document = part_xml(render_docx(every_block_document()), "word/document.xml")
    for fonts in document.iter(q("rFonts")):
        assert dict(fonts.attrib) == {q("hint"): "eastAsia"}
    sizes = [s.getparent().getparent().getparent() for s in document.iter(q("sz"))]
    assert {style_of(p) for p in sizes} == {"IssuerMark"}  # the mark's size fits its text (7.2.4)


def test_punctuation_that_word_gives_to_latin_fonts_is_hinted_east_asian() -> None:
    (paragraph,) = body_of(para("“三个一批”——推进……"))
    (run,) = paragraph.findall("w:r", NS)
    assert run.find("w:rPr/w:rFonts", NS).get(q("hint")) == "eastAsia"
    (ascii_only,) = body_of(para("2026"))
    assert ascii_only.find("w:r/w:rPr", NS) is None


def test_lead_sentence_keeps_its_paragraph_with_a_character_style() -> None:
    (paragraph,) = body_of(para("后文。", "一是加快建设进度。"))
    runs = paragraph.findall("w:r", NS)
    assert [text_of(r) for r in runs] == ["一是加快建设进度。", "后文。"]
    assert runs[0].find("w:rPr/w:rStyle", NS).get(q("val")) == "LeadSentence"
    assert runs[1].find("w:rPr/w:rStyle", NS) is None
    assert runs[0].find("w:rPr/w:b", NS) is None  # bold comes from the style, not the run


def test_unindented_and_aligned_paragraphs() -> None:
    (paragraph,) = body_of(d.Paragraph((d.Run("特此通知。"),), align="right", indent=False))
    assert paragraph.find("w:pPr/w:ind", NS).get(q("firstLine")) == "0"
    assert paragraph.find("w:pPr/w:jc", NS).get(q("val")) == "right"


def test_line_breaks_and_tabs_inside_a_title() -> None:
    (title,) = body_of(d.Title("关于开展\n专项督查的通知"))
    run = title.find("w:r", NS)
    assert [etree.QName(c).localname for c in run] == ["rPr", "t", "br", "t"]


def test_one_blank_line_after_the_title_block_before_the_addressee() -> None:
    children = body_of(d.Title("标题"), d.Subtitle("副标题"), d.Addressee("各县（市、区）："), para("正文。"))
    assert [style_of(p) or text_of(p) or "blank" for p in children] == [
        "Title", "Subtitle", "blank", "Addressee", "正文。"]


def test_blank_line_before_attachment_note_and_signature() -> None:
    children = body_of(para("正文。"), d.AttachmentNote(("清单",)), d.Signature("青山市人民政府", "2026年5月8日"))
    assert [style_of(p) or text_of(p) or "blank" for p in children] == [
        "正文。", "blank", "AttachmentNote", "blank", "SignatureOrgan", "DocDate"]
    sealed = body_of(para("正文。"), d.Signature("青山市人民政府", "2026年5月8日", sealed=True))
    assert [text_of(p) or "blank" for p in sealed][:3] == ["正文。", "blank", "blank"]


def test_page_break_becomes_page_break_before_the_next_paragraph() -> None:
    children = body_of(para("甲。"), d.PageBreak(), d.Heading(1, "一、", "乙"))
    assert len(children) == 2
    props = children[1].find("w:pPr", NS)
    assert [etree.QName(c).localname for c in props][:2] == ["pStyle", "pageBreakBefore"]
    assert not children[1].findall(".//w:br", NS)


def test_page_break_before_a_table_and_at_the_end() -> None:
    children = body_of(para("甲。"), d.PageBreak(), d.Table(("项目",), (("乙",),)), d.PageBreak())
    kinds = [etree.QName(c).localname for c in children]
    assert kinds == ["p", "p", "tbl", "p"]  # break, table, break (which also closes the body)
    assert children[1].find(".//w:br", NS).get(q("type")) == "page"
    assert children[3].find(".//w:br", NS).get(q("type")) == "page"


def test_body_never_ends_with_a_table_and_tables_never_touch() -> None:
    table = d.Table(("项目",), (("甲",),))
    kinds = [etree.QName(c).localname for c in body_of(table, table)]
    assert kinds == ["tbl", "p", "tbl", "p"]


def test_empty_document_has_one_paragraph() -> None:
    assert [etree.QName(c).localname for c in body_of()] == ["p"]


def test_speech_headings_are_in_the_navigation_pane() -> None:
    document = part_xml(render_docx(speech()), "word/document.xml")
    headings = paragraphs_with_style(document, "Heading1")
    assert [text_of(h) for h in headings] == ["一、认清形势，坚定信心", "二、认清形势，坚定信心",
                                              "三、认清形势，坚定信心"]
