"""The 公文 elements with prescribed positions: 版头, 附件说明, 署名和日期, 附件标识, 版记."""

from __future__ import annotations

import pytest
from lxml import etree

from docx_samples import NS, body_of, para, part_xml, q, render, style_of, text_of
from speechgen import document as d
from speechgen import style

TWIPS_PER_MM = 1440 / 25.4
PITCH = 579


def spacing(paragraph: etree._Element) -> tuple[int, int]:
    """Return (space before, exact line height) of a paragraph in twips (0 when unset)."""
    element = paragraph.find("w:pPr/w:spacing", NS)
    if element is None:
        return 0, PITCH
    return int(element.get(q("before"), 0)), int(element.get(q("line"), PITCH))


def test_red_header_geometry() -> None:
    mark, blank1, blank2, number, blank3, blank4, title = body_of(
        d.RedHeader("青山市人民政府办公室文件", "青政办发〔2026〕7号"), d.Title("标题"))
    assert style_of(mark) == "IssuerMark" and text_of(mark) == "青山市人民政府办公室文件"
    size_pt = style.issuer_mark_size_pt("青山市人民政府办公室文件")
    assert mark.find(".//w:rPr/w:sz", NS).get(q("val")) == str(round(size_pt * 2))
    before, line = spacing(mark)
    # 7.2.4: the mark's top 35 mm below the type area; its line exactly as high as its font
    assert abs(before / TWIPS_PER_MM - 35) < 0.05
    assert line == size_pt * 20
    # 7.2.5: two blank lines, the first bringing the 发文字号 back onto the 28.95 pt grid
    assert not text_of(blank1) and not text_of(blank2)
    assert (before + line + spacing(blank1)[1] + spacing(blank2)[1]) % PITCH == 0
    assert style_of(number) == "DocNumber" and text_of(number) == "青政办发〔2026〕7号"
    # 7.2.7: the red rule, a bottom border of the 发文字号 paragraph, 4 mm below its glyphs
    rule = number.find("w:pPr/w:pBdr/w:bottom", NS)
    assert rule.get(q("color")) == "FF0000" and rule.get(q("val")) == "single"
    glyph_gap_pt = (PITCH / 20 - 16) / 2
    assert abs((int(rule.get(q("space"))) + glyph_gap_pt) * 25.4 / 72 - 4) < 0.4
    # 7.3.1: title two lines below the rule, the first blank line absorbing the rule's height
    rule_twips = (int(rule.get(q("space"))) + int(rule.get(q("sz"))) / 8) * 20
    assert spacing(blank3)[1] + rule_twips == PITCH
    assert not text_of(blank4) and style_of(title) == "Title"


def test_red_header_without_document_number_keeps_the_rule() -> None:
    children = body_of(d.RedHeader("青山市人民政府文件"))
    number = children[3]
    assert text_of(number) == ""
    assert number.find("w:pPr/w:pBdr/w:bottom", NS).get(q("color")) == "FF0000"


def test_long_issuer_mark_shrinks_to_one_line() -> None:
    issuer = "青山市人民政府办公室青山市发展和改革委员会文件"
    (mark, *_) = body_of(d.RedHeader(issuer))
    size = int(mark.find(".//w:rPr/w:sz", NS).get(q("val"))) / 2
    assert size < style.SIZE_ISSUER_MAX_PT
    assert size * len(issuer) <= style.TEXT_WIDTH_PT


def indent(paragraph: etree._Element) -> dict[str, int]:
    element = paragraph.find("w:pPr/w:ind", NS)
    return {etree.QName(k).localname: int(v) for k, v in element.attrib.items()}


def test_attachment_note_hangs_items_under_the_first_name() -> None:
    first, second = body_of(d.AttachmentNote(("全市重点项目督查清单", "联系人名单")))
    assert [text_of(first), text_of(second)] == ["附件：1.全市重点项目督查清单", "2.联系人名单"]
    one, two = indent(first), indent(second)
    char = 315  # a 3号 character on the grid: 16 pt less 0.25 pt of spacing
    number = 240 - 2 * 5  # "1." in Times New Roman: 0.75 em of 16 pt, less the spacing
    assert one["left"] - one["hanging"] == pytest.approx(2 * char, abs=1)  # 正文下 "左空二字"
    assert one["left"] == pytest.approx(5 * char + number, abs=1)  # wrapped lines under the name
    assert two["left"] - two["hanging"] == pytest.approx(5 * char, abs=1)  # "2." under "1."
    assert two["left"] == one["left"]


def test_single_attachment_is_not_numbered() -> None:
    (note,) = body_of(d.AttachmentNote(("督查清单",)))
    assert text_of(note) == "附件：督查清单"
    assert indent(note)["left"] - indent(note)["hanging"] == pytest.approx(630, abs=1)


def test_unsealed_signature_and_date() -> None:
    signature, date = body_of(d.Signature("青山市人民政府办公室", "2026年5月8日"))
    assert style_of(signature) == "SignatureOrgan" and style_of(date) == "DocDate"
    # 7.3.5.2: signature two characters from the right
    assert indent(signature)["rightChars"] == 200
    # the date starts two characters right of the signature's first character
    signature_start = 8844 - indent(signature)["right"] - 10 * 315
    assert indent(date)["left"] == pytest.approx(signature_start + 2 * 315, abs=2)
    assert date.find("w:pPr/w:jc", NS).get(q("val")) == "left"


def test_date_longer_than_signature_keeps_two_characters_from_the_right() -> None:
    signature, date = body_of(d.Signature("青山市政府", "2026年12月28日"))
    assert indent(date)["rightChars"] == 200
    assert date.find("w:pPr/w:jc", NS) is None  # right-aligned by its style
    sig_chars, _ = style.signature_indents_chars("青山市政府", "2026年12月28日", False)
    assert indent(signature)["rightChars"] == round(sig_chars * 100)


def test_sealed_date_four_characters_from_the_right() -> None:
    signature, date = body_of(d.Signature("青山市人民政府", "2026年5月8日", sealed=True))
    assert indent(date)["rightChars"] == 400
    sig_chars, _ = style.signature_indents_chars("青山市人民政府", "2026年5月8日", True)
    assert indent(signature)["rightChars"] == round(sig_chars * 100)


def test_attachment_heading_starts_a_page_label_line_1_title_line_3() -> None:
    children = body_of(para("正文。"), d.AttachmentHeading("附件1", "督查清单"), para("内容。"))
    label, blank, title, after = children[1:5]
    assert style_of(label) == "AttachmentLabel" and text_of(label) == "附件1"
    assert label.find("w:pPr/w:pageBreakBefore", NS) is not None
    assert text_of(blank) == "" and style_of(title) == "AttachmentTitle" and text_of(after) == ""
    # the label, the title and the blank lines move with what they head: never a page holding only a title
    assert all(p.find("w:pPr/w:keepNext", NS) is not None for p in (label, blank, title, after))


def test_imprint_floats_to_the_bottom_with_thick_thin_thick_rules() -> None:
    children = body_of(para("正文。"), d.Imprint("市委办公室。", "青山市人民政府办公室", "2026年5月8日"))
    table = next(c for c in children if c.tag == q("tbl"))
    assert children[-1].tag == q("p")  # the anchor paragraph after the table
    position = table.find("w:tblPr/w:tblpPr", NS)
    assert position.get(q("vertAnchor")) == "margin" and position.get(q("tblpYSpec")) == "bottom"
    assert position.get(q("tblpX")) == "1588"
    borders = table.find("w:tblPr/w:tblBorders", NS)
    widths = {side: borders.find(f"w:{side}", NS).get(q("sz")) for side in ("top", "insideH", "bottom")}
    assert widths == {"top": "8", "insideH": "6", "bottom": "8"}  # 0.35 / 0.25 mm rules (7.4.1)
    assert borders.find("w:left", NS).get(q("val")) == "nil"
    assert table.find("w:tblGrid/w:gridCol", NS).get(q("w")) == "8844"
    cc, printed = table.findall(".//w:p", NS)
    assert text_of(cc) == "抄送：市委办公室。"
    cc_indent = indent(cc)
    assert (cc_indent["left"] - cc_indent["hanging"], cc_indent["right"]) == (280, 280)  # 左右各空一字
    assert cc_indent["hanging"] == 3 * 280  # wrapped lines align after "抄送："
    assert text_of(printed) == "青山市人民政府办公室2026年5月8日印发"
    assert printed.find(".//w:tab", NS) is not None  # a right tab stop, not spaces
    stop = printed.find("w:pPr/w:tabs/w:tab", NS)
    assert (stop.get(q("val")), stop.get(q("pos"))) == ("right", str(8844 - 280))


def test_imprint_in_the_flow_keeps_its_rows_together() -> None:
    doc = d.Document("notice", (para("正文。"), d.Imprint("市委办公室。", "青山市人民政府办公室", "2026年5月8日")))
    document = part_xml(render(doc, imprint_at_bottom=False), "word/document.xml")
    table = document.find(".//w:tbl", NS)
    assert table.find("w:tblPr/w:tblpPr", NS) is None
    first, last = table.findall(".//w:p", NS)
    assert first.find("w:pPr/w:keepNext", NS) is not None and last.find("w:pPr/w:keepNext", NS) is None


def test_empty_imprint_renders_nothing() -> None:
    assert [text_of(c) for c in body_of(para("正文。"), d.Imprint())] == ["正文。"]
    table = d.Table(("甲",), (("乙",),))
    children = body_of(table, d.PageBreak(), d.Imprint(), para("正文。"))
    assert [etree.QName(c).localname for c in children] == ["tbl", "p"]
    assert children[1].find("w:pPr/w:pageBreakBefore", NS) is not None


def test_signature_keeps_the_last_body_line_with_it() -> None:
    """7.3.5: no page holding only the signature — last paragraph, 附件说明 and 署名 keep together."""
    elements = body_of(para("正文第一段。"), para("特此通知。"), d.AttachmentNote(("清单",)),
                       d.Signature("示例市人民政府办公室", "2026年6月5日"))
    keeps = [element.find("w:pPr/w:keepNext", NS) is not None for element in elements]
    texts = [text_of(element) for element in elements]
    assert texts[0] == "正文第一段。" and not keeps[0]
    # everything from "特此通知。" up to the signature line keeps with the next; the date ends it
    assert all(keeps[1:-1]), list(zip(texts, keeps, strict=True))
    assert texts[-1] == "2026年6月5日" and not keeps[-1]
