"""Tables: 四号 cells, repeated bold header row, grid widths from the text summing to the 版心."""

from __future__ import annotations

import pytest
from lxml import etree

from docx_samples import NS, body_of, q, style_of, text_of
from speechgen import document as d
from speechgen import style
from speechgen.writers.docx.table_layout import (
    cell_need_em,
    column_widths,
    header_text,
    layout_table,
    line_count,
    needs_landscape,
    table_size,
)

LEDGER = d.Table(
    header=("序号", "项目名称", "年度计划投资（万元）", "完成率（%）", "责任单位"),
    rows=(
        ("1", "城东污水处理厂二期工程", "12,500.00", "45.2", "市住建局"),
        ("2", "高新区智能制造产业园标准厂房及配套基础设施建设项目", "86000", "61.0", "高新区管委会"),
        ("10", "G205国道改线工程", "230000", "38.7", "市交通运输局"),
    ),
    caption="重点项目推进情况表",
)


def table_of(block: d.Table) -> etree._Element:
    return next(c for c in body_of(block) if c.tag == q("tbl"))


def grid(table: etree._Element) -> list[int]:
    return [int(c.get(q("w"))) for c in table.findall("w:tblGrid/w:gridCol", NS)]


def test_grid_sums_to_the_type_area_and_cells_match_it() -> None:
    table = table_of(LEDGER)
    widths = grid(table)
    assert len(widths) == 5 and sum(widths) == 8844
    assert table.find("w:tblPr/w:tblW", NS).get(q("w")) == "8844"
    assert table.find("w:tblPr/w:tblLayout", NS).get(q("type")) == "fixed"
    for row in table.findall("w:tr", NS):
        assert [int(c.find("w:tcPr/w:tcW", NS).get(q("w"))) for c in row.findall("w:tc", NS)] == widths


def test_widths_follow_the_text() -> None:
    widths = grid(table_of(LEDGER))
    serial, name, money, _rate, unit = widths
    assert name == max(widths)  # the long project names get the room
    assert serial == min(widths)
    assert money >= 4 * 280  # "年度计划投资" wraps at four characters at most …
    assert unit >= 6 * 280  # … and "市交通运输局" stays on one line


def test_header_row_is_bold_style_and_repeats_on_every_page() -> None:
    header, *rows = table_of(LEDGER).findall("w:tr", NS)
    assert header.find("w:trPr/w:tblHeader", NS) is not None
    assert header.find("w:trPr/w:cantSplit", NS) is not None
    assert {style_of(p) for p in header.iter(q("p"))} == {"TableHeader"}
    assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows)
    assert {style_of(p) for r in rows for p in r.iter(q("p"))} == {"TableText"}
    # the header keeps with the first row, as the attachment title keeps with the header
    assert all(p.find("w:pPr/w:keepNext", NS) is not None for p in header.iter(q("p")))
    assert all(p.find("w:pPr/w:keepNext", NS) is None for r in rows for p in r.iter(q("p")))


def test_caption_precedes_the_table() -> None:
    caption, table, _closing = body_of(LEDGER)
    assert style_of(caption) == "TableCaption" and text_of(caption) == "重点项目推进情况表"
    assert table.tag == q("tbl")


def test_alignment_by_content() -> None:
    _header, first, *_ = table_of(LEDGER).findall("w:tr", NS)
    aligns = []
    for cell in first.findall("w:tc", NS):
        jc = cell.find("w:p/w:pPr/w:jc", NS)
        aligns.append(jc.get(q("val")) if jc is not None else "center")  # TableText is centred
    assert aligns == ["center", "left", "right", "right", "center"]


def test_author_alignment_wins() -> None:
    table = table_of(d.Table(("甲", "乙"), (("1", "2"),), align=("left", "right")))
    _header, row = table.findall("w:tr", NS)
    assert [c.find("w:p/w:pPr/w:jc", NS).get(q("val")) for c in row.findall("w:tc", NS)] == ["left", "right"]


def test_header_unit_moves_to_its_own_line_when_the_header_wraps() -> None:
    assert header_text("年度计划投资（万元）", 4 * 280 + 114) == "年度计划\n投资\n（万元）"  # between words
    assert header_text("年度计划投资（万元）", 6 * 280 + 114) == "年度计划投资\n（万元）"
    assert header_text("年度计划投资（万元）", 12 * 280) == "年度计划投资（万元）"
    assert header_text("县（市、区）", 4 * 280) == "县\n（市、区）"  # a qualifier breaks before its bracket
    assert header_text("县（市、区）", 7 * 280) == "县（市、区）"
    assert header_text("建设内容（含续建、新开工）", 14 * 280) == "建设内容（含续建、新开工）"  # no unit
    assert header_text("建设内容（含续建、新开工）", 6 * 280) == "建设内容\n（含续建、\n新开工）"
    header = table_of(LEDGER).find("w:tr", NS)
    assert header.findall(".//w:br", NS)


def test_a_header_too_wide_for_its_column_turns_between_words() -> None:
    """"1—5月完成投资" broke as "1—5月完 / 成投资" in the PDF: the lines are set by the writer, by words."""
    assert header_text("1—5月完成投资（万元）", 1254) == "1—5月\n完成投资\n（万元）"
    assert header_text("1—5月完成投资", 1254) == "1—5月\n完成投资"
    assert header_text("2026年计划投资", 1254) == "2026年\n计划投资"


def test_ragged_rows_are_padded() -> None:
    table = table_of(d.Table(("甲", "乙", "丙"), (("1",), ("1", "2", "3", "4"))))
    assert len(grid(table)) == 4
    assert all(len(r.findall("w:tc", NS)) == 4 for r in table.findall("w:tr", NS))


@pytest.mark.parametrize("columns", [1, 3, 12, 30])
def test_widths_always_sum_exactly(columns: int) -> None:
    rows = [tuple(f"列{i}" * (i % 5 + 1) for i in range(columns)),
            tuple("1234567.89" if i % 2 else "很长的项目名称" * 3 for i in range(columns))]
    widths = column_widths(rows, 8844)
    assert sum(widths) == 8844 and all(w > 0 for w in widths)


def test_numbers_are_never_narrower_than_their_digits() -> None:
    rows = [("项目", "金额"), ("甲" * 60, "123456789.12")]
    _name, amount = column_widths(rows, 8844)
    assert amount >= 12 * 140 + 114  # twelve half-width characters of 四号 plus the cell margins


def test_empty_table() -> None:
    assert [text_of(c) for c in body_of(d.Table((), ()))] == [""]


def _names_table(chars: int, columns: int = 4) -> d.Table:
    """Return a table of ``columns`` name columns whose cells are ``chars`` characters long."""
    name = "项目名称甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"[:chars]
    return d.Table(tuple(f"名称{i}" for i in range(columns)), ((name,) * columns,))


@pytest.mark.parametrize("chars, size, style_id, landscape", [
    (14, style.SIZE_4HAO_PT, "TableText", False),          # 4 × (7 × 14 pt + pads) fits 156 mm
    (16, style.SIZE_XIAO4_PT, "TableTextSmall", False),    # 4 × 8 四号 characters do not, 小四 do
    (18, style.SIZE_5HAO_PT, "TableTextSmaller", False),   # 4 × 9 小四 characters do not, 五号 do
    (20, style.SIZE_5HAO_PT, "TableTextSmaller", True),    # 4 × 10 五号 characters do not: landscape
])
def test_font_size_by_width(chars: int, size: float, style_id: str, landscape: bool) -> None:
    block = _names_table(chars)
    rows = [block.header, *block.rows]
    assert table_size(rows, 8844) == size
    assert needs_landscape(block) is landscape
    header, row = table_of(block).findall("w:tr", NS)
    assert {style_of(p) for p in row.iter(q("p"))} == {style_id}
    assert {style_of(p) for p in header.iter(q("p"))} == {style_id.replace("Text", "Header")}


def test_table_styles_scale_the_line_pitch_with_the_size() -> None:
    for size, (text, header) in style.TABLE_STYLES.items():
        assert text.size_pt == header.size_pt == size and header.bold and not text.bold
        assert text.line_pitch_pt == pytest.approx(style.TABLE_LINE_PITCH_PT * size / style.SIZE_4HAO_PT, abs=0.25)
    assert text in style.PARAGRAPH_STYLES and header in style.PARAGRAPH_STYLES
    assert [style.TABLE_STYLES[s][0].line_pitch_pt for s in style.TABLE_SIZES_PT] == [20, 17, 15]


@pytest.mark.parametrize("size", style.TABLE_SIZES_PT)
@pytest.mark.parametrize("column", [1, 3])
def test_column_width_grows_with_its_content(column: int, size: float) -> None:
    header = ("序号", "项目名称", "县区", "责任单位", "年度计划（万元）")
    others = ("1", "高新区", "示例市东城发展集团", "14000", "逾期未开工；用地问题")
    widths = []
    for chars in range(1, 41):
        cells = list(others)
        cells[column] = "甲" * chars
        widths.append(column_widths([header, tuple(cells)], 8844, size)[column])
    assert widths == sorted(widths) and widths[-1] > widths[0]


def test_short_columns_stay_tight_and_names_take_two_lines_at_most() -> None:
    from test_docx_landscape import HEADER, ledger_rows

    block = d.Table(HEADER, ledger_rows(30))
    fitted = layout_table(block, 12756)  # the turned 版心 of a landscape page
    assert fitted is not None and fitted.size_pt == style.SIZE_4HAO_PT
    em = 20 * fitted.size_pt
    serial, name, place, unit, _leader, plan, _done, rate, problem = (w / em for w in fitted.widths)
    assert serial < 3 and place < 4.5 and rate < 6 and plan < 5  # 序号 ≈ 2, 县区 ≈ 3, 完成率 ≈ 5
    assert min(name, unit, problem) > max(serial, place, rate)  # the text columns get the room
    for row in fitted.rows:
        for i in (1, 3, 8):
            assert line_count(row[i], fitted.widths[i] / em - 0.2) <= 2, row[i]
    assert fitted.header[5] == "年度计划\n（万元）" and fitted.header[4] == "包保领导"


def test_line_count_follows_the_line_breaking_rules() -> None:
    assert line_count("高新区氢能装备制造项目", 6) == 2
    assert line_count("一二三四五六；七八九十一", 6) == 3  # "；" may not start a line: 六 moves down
    assert cell_need_em("一二三四五六；七八九十一") == 7
    # "%" is 0.833 em in Times New Roman: a column measured at half an em for it was too narrow
    # for "108.1%", which LibreOffice then broke before its unit
    assert cell_need_em("高新区") == 3 and cell_need_em("100.0%") == pytest.approx(3.333)
    assert cell_need_em("人才公寓五") == style.TABLE_WHOLE_CHARS  # never narrower than a short cell
    assert cell_need_em("甲" * 40) == style.TABLE_PROSE_MIN_CHARS  # prose wraps freely



def test_a_rate_column_holds_its_widest_figure_with_the_percent_sign() -> None:
    # The 督查清单 of a generated notice: "108.1%" under "完成率" wrapped as "108.1 / %" in LibreOffice.
    from speechgen.writers.docx import geometry
    from speechgen.writers.docx.table_layout import CELL_MARGIN, layout_table, text_em

    header = ("序号", "项目名称", "县区", "责任单位", "包保领导", "年度计划（万元）", "完成投资（万元）",
              "完成率", "存在问题")
    row = ("23", "高新区精密光学元件扩产项目", "高新区", "示例市明视光电股份有限公司", "周慧敏", "8000", "8650",
           "108.1%", "投资进度滞后；用地问题")
    fitted = layout_table(d.Table(header, (row,) * 24), geometry.LANDSCAPE.text_width)
    figure_width = text_em("108.1%") * geometry.pt(fitted.size_pt)  # 0.5 em a digit, 0.25 the point, 0.833 the %
    assert text_em("108.1%") == pytest.approx(3.333)
    assert fitted.widths[7] - 2 * CELL_MARGIN >= figure_width
