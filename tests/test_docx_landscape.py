"""Clause 8 横排表格: an attachment whose table is too wide for the portrait 版心 turns landscape.

The attachment gets a section of its own (A4 turned, the 版心 turned with it), page numbers go on,
turned, in the left margin, and the 版记 spans the turned 版心 at the foot of the last page.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from docx_samples import NS, q, style_of, text_of
from speechgen import document as d
from speechgen import style
from speechgen.writers.docx import DocxOptions, render_docx
from speechgen.writers.docx.geometry import LANDSCAPE, PORTRAIT, mm
from speechgen.writers.docx.table_layout import landscape_blocks

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
HEADER = ("序号", "项目名称", "县区", "责任单位", "包保领导", "年度计划（万元）", "完成投资（万元）",
          "完成率", "存在问题")
_PLACES = ("高新区", "东城区", "南山县", "北岭县", "青河县")
_NAMES = ("人才公寓", "商贸物流园区", "氢能装备制造项目", "经济开发区标准化厂房", "农副产品加工园")


def ledger_rows(count: int) -> tuple[tuple[str, ...], ...]:
    """Return invented 督查清单 rows of nine columns, like the generated notice's attachment."""
    rows = []
    for i in range(1, count + 1):
        place = _PLACES[i % len(_PLACES)]
        rows.append((str(i), place + _NAMES[i % len(_NAMES)], place, f"示例市{place[:2]}发展集团有限公司",
                     "赵文清", f"{i * 1000 + 8000}", f"{i * 300}", f"{i * 1.5:.1f}%", "投资进度滞后；用地问题"))
    return tuple(rows)


def wide_notice(rows: int = 30, imprint: bool = True) -> d.Document:
    """Return a notice whose attachment is a nine-column 督查清单, closed by the 版记."""
    blocks: list[d.Block] = [
        d.RedHeader("示例市重点项目建设领导小组办公室", "示项办〔2026〕12号"),
        d.Title("关于开展全市重点项目建设专项督查的通知"),
        d.Addressee("各县（区）人民政府："),
        d.Paragraph((d.Run("为督促进度滞后项目加快推进，决定开展专项督查。现将有关事项通知如下："),)),
        d.AttachmentNote(("重点项目督查清单",)),
        d.Signature("示例市重点项目建设领导小组办公室", "2026年6月5日"),
        d.AttachmentHeading("附件", "重点项目督查清单"),
        d.Table(HEADER, ledger_rows(rows)),
    ]
    if imprint:
        blocks.append(d.Imprint("市委办公室，市政府办公室。", "示例市重点项目建设领导小组办公室", "2026年6月5日"))
    return d.Document("notice", tuple(blocks), "关于开展全市重点项目建设专项督查的通知")


def unzip(doc: d.Document, options: DocxOptions | None = None) -> dict[str, bytes]:
    options = options or DocxOptions()
    with zipfile.ZipFile(io.BytesIO(render_docx(doc, options))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def sections(parts: dict[str, bytes]) -> list[etree._Element]:
    return etree.fromstring(parts["word/document.xml"]).findall(".//w:sectPr", NS)


def attr(element: etree._Element, path: str, name: str) -> str | None:
    found = element.find(path, NS)
    return None if found is None else found.get(q(name))


def test_wide_attachment_gets_a_landscape_section_after_a_portrait_one() -> None:
    first, last = sections(unzip(wide_notice()))
    assert attr(first, "w:pgSz", "w") == str(PORTRAIT.width) and attr(first, "w:pgSz", "orient") is None
    assert attr(last, "w:pgSz", "orient") == "landscape"
    assert (attr(last, "w:pgSz", "w"), attr(last, "w:pgSz", "h")) == (str(PORTRAIT.height), str(PORTRAIT.width))
    margins = {side: int(attr(last, "w:pgMar", side)) for side in ("top", "right", "bottom", "left")}
    # the portrait margins turned a quarter: 订口 on top, the portrait foot on the left
    assert margins == {"top": PORTRAIT.left, "right": PORTRAIT.top, "bottom": PORTRAIT.right, "left": PORTRAIT.bottom}
    for side, want in (("top", style.LANDSCAPE_MARGIN_TOP_MM), ("right", style.LANDSCAPE_MARGIN_RIGHT_MM),
                       ("bottom", style.LANDSCAPE_MARGIN_BOTTOM_MM), ("left", style.LANDSCAPE_MARGIN_LEFT_MM)):
        assert abs(margins[side] - mm(want)) <= 1
    # the turned 版心: 225 mm wide, 156 mm high, as many twips as the portrait one
    assert (LANDSCAPE.text_width, LANDSCAPE.text_height) == (PORTRAIT.text_height, PORTRAIT.text_width)
    assert 16838 - margins["left"] - margins["right"] == 12756


def test_page_numbers_start_once_and_continue_into_the_landscape_section() -> None:
    first, last = sections(unzip(wide_notice()))
    assert attr(first, "w:pgNumType", "start") == "1"
    assert last.find("w:pgNumType", NS) is None  # continues: the attachment's pages go on counting


def test_section_break_is_in_the_paragraph_before_the_attachment() -> None:
    body = etree.fromstring(unzip(wide_notice())["word/document.xml"]).find("w:body", NS)
    children = list(body)
    carrier = next(c for c in children if c.find("w:pPr/w:sectPr", NS) is not None)
    label = children[children.index(carrier) + 1]
    assert style_of(label) == style.STYLE_ATTACHMENT_LABEL.style_id and text_of(label) == "附件"
    assert text_of(carrier) == "2026年6月5日"  # the 成文日期 closes the portrait section
    assert label.find("w:pPr/w:pageBreakBefore", NS) is None  # the section break starts the page
    assert children[-1].tag == q("sectPr")


def test_landscape_table_fills_the_turned_type_area() -> None:
    body = etree.fromstring(unzip(wide_notice())["word/document.xml"])
    table = next(t for t in body.iter(q("tbl")) if t.find("w:tblPr/w:tblpPr", NS) is None)
    widths = [int(c.get(q("w"))) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    assert sum(widths) == LANDSCAPE.text_width == int(attr(table, "w:tblPr/w:tblW", "w"))


def test_imprint_spans_the_turned_type_area_at_the_foot_of_the_last_page() -> None:
    body = etree.fromstring(unzip(wide_notice())["word/document.xml"])
    imprint = next(t for t in body.iter(q("tbl")) if t.find("w:tblPr/w:tblpPr", NS) is not None)
    assert attr(imprint, "w:tblPr/w:tblW", "w") == str(LANDSCAPE.text_width)
    assert attr(imprint, "w:tblPr/w:tblpPr", "tblpX") == str(LANDSCAPE.left)
    assert attr(imprint, "w:tblPr/w:tblpPr", "tblpYSpec") == "bottom"
    tab = imprint.find(".//w:tabs/w:tab", NS)
    assert int(tab.get(q("pos"))) == LANDSCAPE.text_width - 280  # date one 四号 character from the right


def test_landscape_footers_hold_the_page_number_turned_in_the_left_margin() -> None:
    parts = unzip(wide_notice())
    _first, last = sections(parts)
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    targets = {r.get("Id"): r.get("Target") for r in rels}
    refs = {f.get(q("type")): targets[f.get(R_ID)] for f in last.findall("w:footerReference", NS)}
    assert refs == {"default": "footer3.xml", "even": "footer4.xml"}
    types = parts["[Content_Types].xml"].decode()
    for name, align, indent in (("footer3.xml", "right", "right"), ("footer4.xml", "left", "left")):
        footer = etree.fromstring(parts[f"word/{name}"])
        assert f"/word/{name}" in types
        table = footer.find("w:tbl", NS)
        assert attr(table, "w:tblPr/w:tblpPr", "horzAnchor") == "page"
        # its right edge (the number's top) 7 mm left of the 版心, one 四号 line wide
        x, width = int(attr(table, "w:tblPr/w:tblpPr", "tblpX")), int(attr(table, "w:tblPr/w:tblW", "w"))
        assert x + width == LANDSCAPE.left - mm(style.PAGE_NUMBER_GAP_MM) and width == 280
        assert attr(table, "w:tblPr/w:tblpPr", "tblpY") == str(LANDSCAPE.top)
        assert attr(table, ".//w:trHeight", "val") == str(LANDSCAPE.text_height)
        assert attr(table, ".//w:tcPr/w:textDirection", "val") == "tbRl"
        number = table.find(".//w:p", NS)
        assert attr(number, "w:pPr/w:jc", "val") == align and attr(number, "w:pPr/w:ind", indent) == "280"
        assert "PAGE" in "".join(number.itertext()) and text_of(number).count(style.PAGE_NUMBER_DASH) == 2
        assert footer[-1].tag == q("p")  # the table's anchor paragraph


def test_centred_page_numbers_have_one_landscape_footer() -> None:
    parts = unzip(wide_notice(), DocxOptions(page_numbers="center"))
    assert "word/footer3.xml" in parts and "word/footer4.xml" not in parts
    footer = etree.fromstring(parts["word/footer3.xml"])
    assert attr(footer, ".//w:tbl//w:p/w:pPr/w:jc", "val") == "center"


def test_narrow_attachment_and_wide_body_table_stay_portrait() -> None:
    narrow = d.Document("notice", (d.AttachmentHeading("附件", "清单"),
                                   d.Table(("县区", "项目数", "完成率"), (("高新区", "9", "53.8%"),))))
    wide_body = d.Document("notice", (d.Table(HEADER, ledger_rows(3)),))
    for doc in (narrow, wide_body):
        parts = unzip(doc)
        assert len(sections(parts)) == 1 and "word/footer3.xml" not in parts
        assert attr(sections(parts)[0], "w:pgSz", "orient") is None


def test_only_the_wide_attachment_turns() -> None:
    blocks = (d.Paragraph((d.Run("正文。"),)), d.AttachmentHeading("附件1", "清单"), d.Table(HEADER, ledger_rows(3)),
              d.AttachmentHeading("附件2", "联系人"), d.Table(("单位", "联系人"), (("市发展改革委", "王晓燕"),)))
    assert landscape_blocks(blocks) == frozenset({1, 2})
    found = sections(unzip(d.Document("notice", blocks)))
    assert [attr(s, "w:pgSz", "orient") for s in found] == [None, "landscape", None]
    assert [attr(s, "w:pgNumType", "start") for s in found] == ["1", None, None]
    # the landscape section ends after its table, in a one-point paragraph off the grid
    carrier = found[1].getparent().getparent()
    assert attr(carrier, "w:pPr/w:spacing", "line") == "20"
    assert attr(carrier, "w:pPr/w:snapToGrid", "val") == "0"


@pytest.mark.parametrize("columns, landscape", [(8, False), (9, True)])
def test_more_than_eight_columns_turn(columns: int, landscape: bool) -> None:
    table = d.Table(tuple(f"列{i}" for i in range(columns)), (tuple("1" for _ in range(columns)),))
    assert bool(landscape_blocks((d.AttachmentHeading("附件"), table))) is landscape


def test_a_table_too_wide_even_at_5hao_turns_with_few_columns() -> None:
    prose = "甲" * 20  # names of twenty characters need ten a line
    table = d.Table(("名称", "单位", "地点", "问题", "备注"), ((prose,) * 5,))
    assert landscape_blocks((d.AttachmentHeading("附件"), table)) == frozenset({0, 1})


def test_landscape_parts_follow_the_schema_order() -> None:
    from test_docx_schema import _check

    for name, data in unzip(wide_notice()).items():
        if name.startswith("word/") and name.endswith(".xml"):
            _check(etree.fromstring(data), name)
