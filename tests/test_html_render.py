"""HTML writer: one classed element per block, escaping, well-formed markup, page-number CSS."""

from __future__ import annotations

import re
import typing
import xml.etree.ElementTree as ET

import pytest

from pdf_samples import every_block_document
from speechgen import style as s
from speechgen.document import AttachmentNote, Block, Document, Paragraph, Run, Signature, Table, Title
from speechgen.writers.html import HtmlOptions, build_html, render_block, render_html


def parse(html: str) -> ET.Element:
    """Parse our HTML as XML (the writer promises well-formed markup)."""
    return ET.fromstring(html.split("\n", 1)[1])


def classes(root: ET.Element) -> set[str]:
    return {name for elem in root.iter() for name in (elem.get("class") or "").split()}


def test_every_block_kind_is_in_the_sample() -> None:
    kinds = {type(block) for block in every_block_document().blocks}
    assert kinds == set(typing.get_args(Block))


def test_each_block_gets_its_style_class() -> None:
    root = parse(render_html(every_block_document()))
    expected = {"RedHeader", "IssuerMark", "DocNumber", "RedRule", "Title", "Subtitle", "Salutation",
                "Addressee", "Heading1", "Heading2", "Heading3", "Heading4", "Normal", "LeadSentence",
                "Table", "TableHeader", "TableText", "TableCaption", "attachment-note", "AttachmentNote",
                "signature", "SignatureOrgan", "DocDate", "PageBreak", "AttachmentLabel",
                "AttachmentTitle", "imprint-block", "Imprint"}
    assert expected <= classes(root)
    assert root.get("lang") == "zh-CN"
    assert root.find("body").get("class") == "kind-notice"


def test_table_header_is_a_thead_for_repetition() -> None:
    root = parse(render_html(every_block_document()))
    table = root.find(".//table")
    assert [th.text or "".join(th.itertext()) for th in table.find("thead").iter("th")] == [
        "序号", "项目名称", "投资（万元）", "完成率"]
    assert len(table.find("tbody").findall("tr")) == 45
    assert "align-right" in table.find("tbody").find("tr")[2].get("class")


def test_text_is_escaped() -> None:
    nasty = '<script>alert("x")</script> & \'q\''
    doc = Document("generic", (Title(nasty), Paragraph((Run(nasty), Run(nasty, bold=True)))), nasty)
    html = render_html(doc)
    assert "<script>" not in html
    root = parse(html)  # still well-formed
    assert "".join(root.find(".//h1").itertext()) == nasty
    assert root.find("head/title").text == nasty


def test_title_line_breaks_and_lead_sentence() -> None:
    html = build_html(every_block_document(), css=None)
    assert "<span>关于开展重点项目</span><br/><span>建设专项督查的通知</span>" in html
    assert '<strong class="LeadSentence">一是抓好前期工作。</strong>' in html


def test_paragraph_overrides_become_classes() -> None:
    block = Paragraph((Run("特此通知。"),), align="right", indent=False)
    assert render_block(block) == '<p class="Normal align-right no-indent"><span>特此通知。</span></p>'


@pytest.mark.parametrize("sealed", [False, True])
def test_signature_indents_come_from_style(sealed: bool) -> None:
    block = Signature("青川市人民政府办公室", "2026年5月8日", sealed=sealed)
    sig, date = s.signature_indents_chars(block.issuer, block.date, block.sealed)
    html = render_block(block)
    margins = [float(m) for m in re.findall(r"margin-right: ([\d.]+)pt", html)]
    assert margins == pytest.approx([sig * s.CHAR_PITCH_PT, date * s.CHAR_PITCH_PT], abs=0.001)
    assert ("sealed" in html) is sealed


def test_attachment_note_hangs_under_the_names() -> None:
    note = next(b for b in every_block_document().blocks if isinstance(b, AttachmentNote))
    html = render_block(note)
    paddings = [float(p) for p in re.findall(r"padding-left: ([\d.]+)pt", html)]
    # 附件： two characters in; names start after "附件：" and the "1." marker on every line.
    assert paddings == pytest.approx([(2 + 3 + 1) * s.CHAR_PITCH_PT] * 2, abs=0.001)
    assert "附件：1.督查清单" in html and ">2.联系人名单<" in html


def test_page_numbers_odd_right_even_left() -> None:
    html = render_html(every_block_document())
    dash = s.PAGE_NUMBER_DASH
    content = f'content: "{dash} " counter(page) " {dash}"'
    right = re.search(r"@page :right \{ @bottom-right \{([^}]*)\}", html)
    left = re.search(r"@page :left \{ @bottom-left \{([^}]*)\}", html)
    assert right and left
    assert content in right.group(1) and "text-align: right" in right.group(1)
    assert content in left.group(1) and "text-align: left" in left.group(1)
    assert f"font-size: {s.SIZE_4HAO_PT:.3f}pt" in right.group(1)


def test_css_can_be_left_out() -> None:
    assert "<style>" in render_html(every_block_document())
    assert "<style>" not in render_html(every_block_document(), HtmlOptions(embed_css=False))


def test_issuer_mark_is_sized_to_fit() -> None:
    html = render_block(every_block_document().blocks[0])
    size = s.issuer_mark_size_pt("青川市人民政府办公室文件")
    assert f'style="font-size: {size:.3f}pt"' in html
    assert 'class="RedHeader"' in html and '<hr class="RedRule"/>' in html


def test_table_columns_match_the_docx_writer() -> None:
    from speechgen.writers.docx.table_layout import column_widths

    table = next(b for b in every_block_document().blocks if isinstance(b, Table))
    html = render_block(table)
    shares = [float(w) for w in re.findall(r'<col style="width: ([\d.]+)%"/>', html)]
    widths = column_widths([table.header, *table.rows], 8844)
    assert shares == pytest.approx([100 * w / sum(widths) for w in widths], abs=0.001)


def _notice_ending_in(block: Block) -> Document:
    from speechgen.document import Imprint

    return Document("notice", (Title("标题"), block, Imprint("市委办公室。", "示例市政府办公室", "2024年6月12日")))


def test_the_imprint_stands_in_the_last_cell_or_line_before_it() -> None:
    # With footnote-policy: line, a 版记 that does not fit takes that row or line to the next page.
    table = Table(("项目", "完成率"), (("甲", "47.6%"), ("合计", "108.1%")))
    root = parse(render_html(_notice_ending_in(table)))
    last_cell = root.findall(".//table//tr")[-1].findall("td")[-1]
    assert last_cell.find("span[@class='imprint-block']") is not None
    root = parse(render_html(_notice_ending_in(Paragraph((Run("特此通知。"),)))))
    assert root.find(".//p[@class='Normal']/span[@class='imprint-block']") is not None


def test_an_imprint_in_the_flow_stays_after_the_text() -> None:
    html = render_html(_notice_ending_in(Paragraph((Run("特此通知。"),))), HtmlOptions(imprint_at_bottom=False))
    assert parse(html).find("body/span[@class='imprint-block']") is not None


def test_figure_cells_never_wrap() -> None:
    root = parse(render_html(_notice_ending_in(Table(("项目", "完成率"), (("甲", "108.1%"),)))))
    assert "figure" in root.findall(".//td")[-1].get("class").split()
    assert "figure" not in root.findall(".//td")[0].get("class").split()
