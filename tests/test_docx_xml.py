"""Paragraph properties kept in schema order by a value (writers/docx/xml.py PPr and Para)."""

from __future__ import annotations

import pytest
from lxml import etree

from docx_samples import W_NS
from speechgen import document as d
from speechgen.writers.docx import DocxOptions, body
from speechgen.writers.docx.footers import section_xml
from speechgen.writers.docx.xml import (
    KEEP_NEXT,
    NS_DECL,
    PAGE_BREAK_BEFORE,
    PPR_ORDER,
    Para,
    PPr,
    justification,
    keep_with_next,
    paragraph,
    paragraph_xml,
)
from test_docx_schema import SEQUENCES

IND = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
SPACING = '<w:spacing w:line="579" w:lineRule="exact"/>'


def child_names(xml: str) -> list[str]:
    """Return the local names of the w:pPr children of one paragraph's XML."""
    root = etree.fromstring(f"<w:body {NS_DECL}>{xml}</w:body>")
    ppr = root.find(f"{{{W_NS}}}p/{{{W_NS}}}pPr")
    return [] if ppr is None else [etree.QName(child).localname for child in ppr]


def test_the_order_is_the_schema_s() -> None:
    # the schema test's own copy of ECMA-376 §17.3.1.26 (python-docx deletes CT_PPr._tag_seq
    # once its class is built, so it cannot be read back)
    assert SEQUENCES["pPr"] == PPR_ORDER


def test_elements_given_in_any_order_come_out_in_schema_order() -> None:
    ppr = PPr(justification("center"), IND, KEEP_NEXT, SPACING, '<w:pStyle w:val="Title"/>')
    assert child_names(f"<w:p>{ppr.xml}</w:p>") == ["pStyle", "keepNext", "spacing", "ind", "jc"]


def test_adding_a_property_the_paragraph_has_replaces_it() -> None:
    ppr = PPr(justification("left"), IND).add(justification("center"))
    assert ppr == PPr(IND, justification("center"))
    assert ppr.xml.count("<w:jc ") == 1 and 'w:val="center"' in ppr.xml


def test_an_element_that_is_no_paragraph_property_is_refused() -> None:
    with pytest.raises(ValueError, match="not a paragraph property"):
        PPr("<w:b/>")
    with pytest.raises(ValueError, match="not a paragraph property"):
        PPr(IND, "<w:keepnext/>")


def test_page_break_keep_next_and_section_land_in_their_places() -> None:
    heading = paragraph("Heading1", "<w:r><w:t>一、总体情况</w:t></w:r>", SPACING, justification("left"))
    sect_pr = section_xml(DocxOptions())
    changed = keep_with_next(heading).add(sect_pr).add(PAGE_BREAK_BEFORE)
    assert isinstance(changed, Para)
    assert child_names(changed.xml()) == ["pStyle", "keepNext", "pageBreakBefore", "spacing", "jc", "sectPr"]
    assert changed.content == heading.content


def test_a_table_is_left_as_it_is() -> None:
    table = "<w:tbl></w:tbl>"
    assert keep_with_next(table) == table


def test_the_body_breaks_before_a_styled_paragraph_after_its_keep_properties() -> None:
    first = keep_with_next(paragraph("AttachmentLabel", "<w:r><w:t>附件1</w:t></w:r>"))
    broken = body._break_before([first, paragraph(None, "")])
    assert isinstance(broken[0], Para)
    assert child_names(broken[0].xml()) == ["pStyle", "keepNext", "pageBreakBefore"]


def test_a_section_after_a_table_goes_into_a_one_point_paragraph() -> None:
    out: list = [paragraph(None, "<w:r/>"), "<w:tbl></w:tbl>"]
    body._end_section(out, section_xml(DocxOptions()))
    assert len(out) == 3 and child_names(out[-1].xml()) == ["snapToGrid", "spacing", "sectPr"]


def test_empty_paragraphs_are_written_short() -> None:
    assert Para().xml() == "<w:p/>"
    assert paragraph(None).xml() == "<w:p/>"
    assert paragraph_xml(None) == "<w:p/>"
    assert paragraph_xml("TableText", "") == '<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>'


def test_every_body_paragraph_of_a_signed_notice_is_in_schema_order() -> None:
    doc = d.Document("notice", (
        d.Title("关于开展专项督查的通知"),
        d.Paragraph((d.Run("正文。"),), align="center", indent=False),
        d.AttachmentNote(("督查清单",)),
        d.Signature("青山市人民政府办公室", "2026年5月8日"),
        d.AttachmentHeading("附件", "督查清单"),
        d.Imprint("市委办公室。", "青山市人民政府办公室", "2026年5月8日"),
    ))
    pieces, _ = body.render_blocks(doc.blocks, DocxOptions(imprint_at_bottom=False))
    for piece in pieces:
        if isinstance(piece, Para):
            names = child_names(piece.xml())
            assert [PPR_ORDER.index(n) for n in names] == sorted(PPR_ORDER.index(n) for n in names)
    kept = [piece for piece in pieces if isinstance(piece, Para) and KEEP_NEXT in piece.ppr]
    assert len(kept) >= 3  # the last body line, the 附件说明 and the 署名 move with the date
