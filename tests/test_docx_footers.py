"""Page numbers: "— 1 —" from a PAGE field, 四号宋体, odd pages right and even pages left (7.5)."""

from __future__ import annotations

from docx_samples import NS, minimal, part_xml, q, render
from speechgen.writers.docx import render_docx


def _footer_paragraph(data: bytes, name: str) -> object:
    footer = part_xml(data, f"word/{name}")
    paragraphs = footer.findall("w:p", NS)
    assert len(paragraphs) == 1
    return paragraphs[0]


def test_footer_holds_a_page_field_between_em_dashes() -> None:
    paragraph = _footer_paragraph(render_docx(minimal()), "footer1.xml")
    texts = [t.text for t in paragraph.iter(q("t"))]
    assert texts == ["\u2014 ", "1", " \u2014"]  # U+2014 一字线, half-width spaces
    kinds = [f.get(q("fldCharType")) for f in paragraph.iter(q("fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert paragraph.findtext(".//w:instrText", namespaces=NS).strip() == "PAGE"
    # the dashes stay in the East Asian font (宋体), not Times New Roman
    dash_runs = [r for r in paragraph.findall("w:r", NS) if "\u2014" in "".join(r.itertext())]
    assert all(r.find("w:rPr/w:rFonts", NS).get(q("hint")) == "eastAsia" for r in dash_runs)


def test_odd_right_even_left_one_character_in() -> None:
    data = render_docx(minimal())
    odd = _footer_paragraph(data, "footer1.xml").find("w:pPr", NS)
    even = _footer_paragraph(data, "footer2.xml").find("w:pPr", NS)
    assert odd.find("w:pStyle", NS).get(q("val")) == "PageNumber"
    assert odd.find("w:jc", NS).get(q("val")) == "right"
    assert odd.find("w:ind", NS).get(q("right")) == "280"  # one 四号 character
    assert even.find("w:jc", NS).get(q("val")) == "left"
    assert even.find("w:ind", NS).get(q("left")) == "280"
    section = part_xml(data, "word/document.xml").find(".//w:body/w:sectPr", NS)
    refs = {r.get(q("type")) for r in section.findall("w:footerReference", NS)}
    assert refs == {"default", "even"}
    assert part_xml(data, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None


def test_footer_sits_7_mm_below_the_type_area() -> None:
    margins = part_xml(render_docx(minimal()), "word/document.xml").find(".//w:sectPr/w:pgMar", NS)
    footer_mm = int(margins.get(q("footer"))) / 1440 * 25.4
    # the footer line (14 pt) ends footer_mm above the page edge; its top is 7 mm below 262 mm
    top_from_page_top = 297 - footer_mm - 14 * 25.4 / 72
    assert abs(top_from_page_top - 269) < 0.2


def test_centred_page_numbers() -> None:
    data = render(minimal(), page_numbers="center")
    paragraph = _footer_paragraph(data, "footer1.xml").find("w:pPr", NS)
    assert paragraph.find("w:jc", NS).get(q("val")) == "center"
    assert paragraph.find("w:ind", NS) is None
    section = part_xml(data, "word/document.xml").find(".//w:body/w:sectPr", NS)
    assert [r.get(q("type")) for r in section.findall("w:footerReference", NS)] == ["default"]
