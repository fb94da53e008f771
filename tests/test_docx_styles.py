"""Page geometry, the grid and the named styles of the .docx, checked in the XML (GB/T 9704)."""

from __future__ import annotations

import pytest

from docx_samples import NS, minimal, notice, part_xml, parts, q, render, speech, style_element
from speechgen import style
from speechgen.writers.docx import render_docx

TNR = "Times New Roman"


@pytest.fixture(scope="module")
def styles() -> object:
    return part_xml(render_docx(minimal()), "word/styles.xml")


def test_a4_page_and_margins_in_twips() -> None:
    section = part_xml(render_docx(minimal()), "word/document.xml").find(".//w:body/w:sectPr", NS)
    size, margins = section.find("w:pgSz", NS), section.find("w:pgMar", NS)
    assert (size.get(q("w")), size.get(q("h"))) == ("11906", "16838")
    got = {side: int(margins.get(q(side))) for side in ("top", "bottom", "left", "right")}
    assert got == {"top": 2098, "bottom": 1984, "left": 1588, "right": 1474}
    # 版心 156 × 225 mm: 8844 × 12756 twips, the width that table grids sum to
    assert 11906 - got["left"] - got["right"] == 8844
    assert 16838 - got["top"] - got["bottom"] == 12756


def test_document_grid_is_22_lines_of_28_95_pt() -> None:
    grid = part_xml(render_docx(minimal()), "word/document.xml").find(".//w:sectPr/w:docGrid", NS)
    assert grid.get(q("type")) == "lines"
    pitch = int(grid.get(q("linePitch")))
    assert pitch == 579
    assert 22 * pitch <= 12756 < 23 * pitch


def test_body_character_spacing_gives_28_characters_a_line(styles: object) -> None:
    normal = style_element(styles, "Normal")
    spacing = int(normal.find("w:rPr/w:spacing", NS).get(q("val")))
    assert spacing == -5
    advance_twips = 16 * 20 + spacing
    assert 28 * advance_twips <= 8844 < 29 * advance_twips
    # a first line indented two characters holds 26
    first = int(normal.find("w:pPr/w:ind", NS).get(q("firstLine")))
    assert first + 26 * advance_twips <= 8844 < first + 27 * advance_twips


def test_without_char_grid_text_keeps_its_natural_pitch() -> None:
    normal = style_element(part_xml(render(minimal(), char_grid=False), "word/styles.xml"), "Normal")
    assert normal.find("w:rPr/w:spacing", NS).get(q("val")) == "0"


def test_normal_is_3hao_fangsong_justified_exact_pitch_indented(styles: object) -> None:
    normal = style_element(styles, "Normal")
    assert normal.get(q("default")) == "1"
    fonts = normal.find("w:rPr/w:rFonts", NS)
    assert fonts.get(q("eastAsia")) == "仿宋_GB2312"
    assert (fonts.get(q("ascii")), fonts.get(q("hAnsi"))) == (TNR, TNR)
    assert normal.find("w:rPr/w:sz", NS).get(q("val")) == "32"
    spacing = normal.find("w:pPr/w:spacing", NS)
    assert (spacing.get(q("line")), spacing.get(q("lineRule"))) == ("579", "exact")
    assert normal.find("w:pPr/w:ind", NS).get(q("firstLineChars")) == "200"
    assert normal.find("w:pPr/w:jc", NS).get(q("val")) == "both"


@pytest.mark.parametrize(
    ("style_id", "name", "east_asia", "size", "outline"),
    [
        ("Title", "Title", "方正小标宋简体", 44, None),
        ("Subtitle", "Subtitle", "楷体_GB2312", 32, None),
        ("Heading1", "heading 1", "黑体", 32, "0"),
        ("Heading2", "heading 2", "楷体_GB2312", 32, "1"),
        ("Heading3", "heading 3", "仿宋_GB2312", 32, "2"),
        ("Heading4", "heading 4", "仿宋_GB2312", 32, "3"),
        ("IssuerMark", "发文机关标志", "方正小标宋简体", 72, None),
        ("Imprint", "版记", "仿宋_GB2312", 28, None),
        ("TableText", "表格文字", "仿宋_GB2312", 28, None),
        ("PageNumber", "页码", "宋体", 28, None),
    ],
)
def test_named_styles(styles: object, style_id: str, name: str, east_asia: str, size: int,
                      outline: str | None) -> None:
    element = style_element(styles, style_id)
    assert element.find("w:name", NS).get(q("val")) == name
    assert element.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == east_asia
    assert element.find("w:rPr/w:sz", NS).get(q("val")) == str(size)
    level = element.find("w:pPr/w:outlineLvl", NS)
    assert (level.get(q("val")) if level is not None else None) == outline


def test_title_is_centred_unindented_off_the_grid_and_not_bold(styles: object) -> None:
    title = style_element(styles, "Title")
    assert title.find("w:pPr/w:jc", NS).get(q("val")) == "center"
    indent = title.find("w:pPr/w:ind", NS)
    assert (indent.get(q("firstLine")), indent.get(q("firstLineChars"))) == ("0", "0")
    assert title.find("w:pPr/w:snapToGrid", NS).get(q("val")) == "0"
    assert title.find("w:rPr/w:b", NS).get(q("val")) == "0"
    assert title.find("w:rPr/w:spacing", NS).get(q("val")) == "0"  # 二号 text is not condensed


def test_digits_and_latin_in_times_new_roman_except_page_numbers(styles: object) -> None:
    for element in styles.iterfind("w:style[@w:type='paragraph']", NS):
        fonts = element.find("w:rPr/w:rFonts", NS)
        expected = "宋体" if element.get(q("styleId")) == "PageNumber" else TNR  # 7.5: 半角宋体
        assert fonts.get(q("ascii")) == fonts.get(q("hAnsi")) == expected


def test_every_paragraph_style_is_a_named_style_from_style_py(styles: object) -> None:
    ids = {e.get(q("styleId")) for e in styles.iterfind("w:style[@w:type='paragraph']", NS)}
    assert ids == {s.style_id for s in style.PARAGRAPH_STYLES}
    lead = style_element(styles, style.CHAR_STYLE_LEAD[0])
    assert lead.get(q("type")) == "character"
    assert lead.find("w:rPr/w:b", NS) is not None


def test_custom_font_set_reaches_every_style() -> None:
    fonts = style.FontSet(title="方正小标宋_GBK", body="方正仿宋_GBK", hei="方正黑体_GBK", kai="方正楷体_GBK")
    styles = part_xml(render(minimal(), fonts=fonts), "word/styles.xml")
    assert style_element(styles, "Heading1").find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == "方正黑体_GBK"
    assert style_element(styles, "Normal").find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == "方正仿宋_GBK"
    table = parts(render(minimal(), fonts=fonts))["word/fontTable.xml"].decode()
    assert "方正小标宋_GBK" in table


def test_font_table_names_the_windows_successor_of_gb2312_fonts() -> None:
    table = part_xml(render_docx(minimal()), "word/fontTable.xml")
    font = table.find("w:font[@w:name='仿宋_GB2312']", NS)
    assert font.find("w:altName", NS).get(q("val")) == "仿宋"


@pytest.mark.parametrize("sample", [minimal, notice, speech])
def test_no_theme_fonts_anywhere(sample: object) -> None:
    for name, data in parts(render_docx(sample())).items():
        assert b"Theme" not in data and b"theme" not in data, name


def test_red_only_on_issuer_mark_and_red_rule() -> None:
    data = render_docx(notice())
    styles = part_xml(data, "word/styles.xml")
    red_styles = {e.getparent().getparent().get(q("styleId")) for e in styles.iter(q("color"))
                  if e.get(q("val")) == "FF0000"}
    assert red_styles == {"IssuerMark", "FormTitle"}  # the 版头's mark, and a 督办单's title
    document = part_xml(data, "word/document.xml")
    red = [e for e in document.iter() if e.get(q("color")) == "FF0000" or e.get(q("val")) == "FF0000"]
    assert [e.tag for e in red] == [q("bottom")]  # the 版头 separator
    assert red[0].getparent().getparent().find("w:pStyle", NS).get(q("val")) == "DocNumber"
    assert all(e.get(q("val")) in (None, "auto", "FF0000") for e in document.iter(q("color")))


def test_settings_turn_on_odd_and_even_footers_only_when_asked() -> None:
    assert part_xml(render_docx(minimal()), "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    centred = part_xml(render(minimal(), page_numbers="center"), "word/settings.xml")
    assert centred.find("w:evenAndOddHeaders", NS) is None
