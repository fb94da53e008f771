"""Filling a Word template: meta tags in body, header and footer, split tags, escaping, 正文 in our
styles or the template's, loops over the ledger's figures, page numbers kept, one template many times."""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from pathlib import Path

import pytest

from speechgen import api, zh
from speechgen import document as d
from speechgen.facts import Facts, facts_for_group
from speechgen.markup import parse_markup
from speechgen.wordtemplate import fill_word_template, prepare_word_template
from wordtemplate_samples import PAGE_FIELD, W_NS, docx, p, part, run, style_ids, styles_used, table, texts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@cache
def facts() -> Facts:
    return api.compute_facts(EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml")


@cache
def notice() -> d.Document:
    return parse_markup(api.draft("notice", facts()), source="notice.md")


def fill(template: bytes, doc: d.Document | None = None, with_facts: bool = True) -> bytes:
    prepared = prepare_word_template(template, "模板.docx", source="ledger" if with_facts else "document")
    return fill_word_template(prepared, doc or notice(), facts() if with_facts else None)


META = "".join(p(f"{name}={{{{ {name} }}}}") for name in ("发文机关", "发文字号", "标题", "主送", "署名", "成文日期",
                                                     "抄送", "印发机关", "印发日期"))


def test_each_meta_tag_is_filled_in_body_header_and_footer() -> None:
    out = fill(docx(META + p("{{p 正文 }}"), header=META, footer=META))
    doc = notice()
    values = {"发文机关": "示例市重点项目建设领导小组办公室", "发文字号": "示项办〔2026〕13号",
              "标题": next(b.text for b in doc.blocks if isinstance(b, d.Title)),
              "主送": "各县（区）人民政府，高新区管委会，市直有关单位", "成文日期": "2026年6月5日",
              "印发日期": "2026年6月5日", "印发机关": "示例市重点项目建设领导小组办公室"}
    for name in ("word/document.xml", "word/header1.xml", "word/footer1.xml"):
        lines = texts(out, name)
        for field, value in values.items():
            assert f"{field}={value}" in lines, (name, field)
        assert any(line.startswith("抄送=市委办公室") and line.endswith("。") for line in lines)


def test_english_names_are_the_same_fields() -> None:
    out = fill(docx(p("{{ doc_number }}|{{ title }}|{{ date }}") + p("{{p body }}")))
    assert "示项办〔2026〕13号|关于开展全市重点项目建设专项督查的通知|2026年6月5日" in texts(out)


@pytest.mark.parametrize("runs", [
    ("{{ 发文", "字号 }}"),
    ("{", "{ 发文字号 }", "}"),
    ("{{", " 发文字号 ", "}}"),
])
def test_tags_split_over_runs_are_filled(runs: tuple[str, ...]) -> None:
    out = fill(docx(p(*runs) + p("{{p 正文 }}")))
    assert texts(out)[0] == "示项办〔2026〕13号"


def test_tags_split_by_spell_check_marks_and_font_changes() -> None:
    split = ("<w:p>" + run("{{ 发文") + '<w:proofErr w:type="spellStart"/>'
             + run("字", '<w:rFonts w:eastAsia="黑体"/><w:b/>') + '<w:proofErr w:type="spellEnd"/>'
             + '<w:bookmarkStart w:id="0" w:name="a"/>' + run("号 }}", "<w:sz w:val=\"28\"/>")
             + '<w:bookmarkEnd w:id="0"/></w:p>')
    out = fill(docx(split + p("{{p 正文 }}")))
    assert texts(out)[0] == "示项办〔2026〕13号"


def test_xml_characters_in_values_are_escaped() -> None:
    doc = d.Document("notice", (d.RedHeader("A&B<办公室>", "X〔2026〕1号"), d.Title("关于“A&B<路>”的通知"),
                                d.Paragraph((d.Run("正文里有 & 和 <w:p> 这样的字。"),))))
    out = fill(docx(p("{{ 发文机关 }}") + p("{{ 标题 }}") + p("{{p 正文 }}")), doc, with_facts=False)
    lines = texts(out)
    assert lines[:2] == ["A&B<办公室>", "关于“A&B<路>”的通知"]
    pasted = d.Document("notice", (d.RedHeader("某\x0b办公室\x07", "X〔2026〕1号"), d.Paragraph((d.Run("正文"),))))
    assert texts(fill(docx(p("{{ 发文机关 }}") + p("{{p 正文 }}")), pasted, with_facts=False))[0] == "某办公室"
    assert "正文里有 & 和 <w:p> 这样的字。" in lines


def test_body_is_real_paragraphs_and_placed_blocks_are_not_repeated() -> None:
    out = fill(docx(p("{{ 标题 }}") + p("{{p 正文 }}")))
    lines = texts(out)
    title = next(b.text for b in notice().blocks if isinstance(b, d.Title))
    assert lines.count(title) == 1  # the template places the title: 正文 does not repeat it
    assert "一、督查内容" in lines
    assert "{{p 正文 }}" not in lines and "示项办〔2026〕13号" in lines  # the 版头 came with 正文


def test_template_styles_win_and_ours_are_added() -> None:
    out = fill(docx(p("{{ 标题 }}") + p("{{p 正文 }}")))
    ids = style_ids(out)
    assert ids["1"] == "heading 1" and ids["a"] == "Normal"  # the template's own, under its own ids
    used = styles_used(out)
    assert "1" in used and "Heading1" not in used  # 一、 headings take the template's heading 1
    assert "Heading2" in used and ids["Heading2"] == "heading 2"  # ours added where it had none
    assert used <= set(ids)  # nothing refers to a style that is not there
    # The template's id "Title" names another style: ours is added under a fresh id.
    assert ids["Title"] == "本单位标题" and ids.get("speechgenTitle") == "Title"
    styles = zipfile.ZipFile(io.BytesIO(out)).read("word/styles.xml").decode("utf-8")
    assert "方正黑体_GBK" in styles  # the template's heading 1 definition is kept as it was


def test_rows_loop_over_the_laggards_with_figures_formatted_as_the_text() -> None:
    rows = table(["项目", "完成投资", "完成率", "与时序进度比"],
                 ["{%tr for p in 滞后项目 %}", "", "", ""],
                 ["{{ p.序号 }}.{{ p.项目名称 }}", "{{ p.完成投资 }}", "{{ p.完成率 }}", "{{ p.与时序进度比 }}"],
                 ["{%tr endfor %}", "", "", ""])
    out = fill(docx(p("{{p 正文 }}") + rows + p("共{{ 滞后项目|length }}个，时序进度{{ 时序进度 }}")))
    lines = texts(out)
    laggards = facts().laggards
    for i, lag in enumerate(laggards, 1):
        row = lines.index(f"{i}.{lag.project.name}")
        assert lines[row + 1:row + 4] == [zh.format_amount(lag.project.completed),
                                          zh.format_percent(lag.completion_rate), zh.compare_phrase(lag.gap_points, "")]
    assert f"共{len(laggards)}个，时序进度41.7%" in lines
    assert re.fullmatch(r"落后\d+\.\d个百分点", lines[lines.index(f"1.{laggards[0].project.name}") + 3])


def test_totals_and_districts() -> None:
    body = p("{{ 总体.项目数 }}个项目完成{{ 总体.完成投资 }}，{{ overall.completion_rate }}") + p(
        "{% for g in 县区 %}{{ g.排名 }}{{ g.名称 }}；{% endfor %}")
    out = fill(docx(body + p("{{p 正文 }}")))
    overall = facts().overall
    assert texts(out)[0] == f"{overall.projects}个项目完成{zh.format_amount(overall.completed)}，" \
                            f"{zh.format_percent(overall.completion_rate)}"
    assert texts(out)[1] == "".join(f"{g.rank}{g.key}；" for g in facts().by_district)


def test_page_number_fields_in_footers_are_kept() -> None:
    footer = "<w:p>" + run("— ") + PAGE_FIELD + run(" —") + "</w:p>" + p("{{ 发文字号 }}")
    out = fill(docx(p("{{p 正文 }}"), footer=footer, first_footer="<w:p>" + PAGE_FIELD + "</w:p>"))
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/footer1.xml").decode("utf-8")
    assert "PAGE" in xml and "示项办〔2026〕13号" in xml
    assert "PAGE" in zipfile.ZipFile(io.BytesIO(out)).read("word/footer2.xml").decode("utf-8")


def test_attachments_start_a_new_page_after_the_signature() -> None:
    body = p("{{ 发文字号 }}") + p("{{p 正文 }}") + p("{{ 署名 }}") + p("{{p 附件 }}") + p("抄送：{{ 抄送 }}")
    out = fill(docx(body))
    lines = texts(out)
    signature, attachment = lines.index("示例市重点项目建设领导小组办公室"), lines.index("重点项目督查清单")
    assert signature < attachment < next(i for i, line in enumerate(lines) if line.startswith("抄送："))
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode("utf-8")
    # the 9-column table turns the attachment landscape: a section break starts its page
    assert re.search(r'</w:sectPr></w:pPr></w:p><w:p><w:pPr><w:pStyle w:val="AttachmentLabel"/>', xml)
    narrow = d.Document("notice", (d.Paragraph((d.Run("正文。"),)), d.Signature("某办公室", "2026年6月5日"),
                                   d.AttachmentHeading("附件", "清单"), d.Table(("序号", "名称"), (("1", "甲"),))))
    xml = zipfile.ZipFile(io.BytesIO(fill(docx(body), narrow))).read("word/document.xml").decode("utf-8")
    assert re.search(r"<w:pStyle w:val=\"AttachmentLabel\"/>(<w:keepNext/>)?<w:pageBreakBefore/>", xml)
    assert xml.count("<w:sectPr>") == 1


def test_same_input_same_bytes_and_one_template_fills_many_documents() -> None:
    body = p("{{ 地区 }}{{ 总体.名称 }}：{{ 总体.完成率 }}") + p("{{p 正文 }}")
    template = prepare_word_template(docx(body), "模板.docx")
    first = fill_word_template(template, notice(), facts())
    assert fill_word_template(template, notice(), facts()) == first
    dossier = api.load_dossier(EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml")
    for district in [group.key for group in facts().by_district[:3]]:
        group = facts_for_group(dossier, "district", district)
        doc = d.Document("notice", (d.Paragraph((d.Run(f"{district}的正文"),)),))
        lines = texts(fill_word_template(template, doc, group))
        assert lines[0] == f"示例市{group.overall.key}：{zh.format_percent(group.overall.completion_rate)}"
        assert f"{district}的正文" in lines


def test_columns_loop_over_the_districts() -> None:
    columns = table(["县区", "{%tc for g in 县区 %}", "{{ g.名称 }}", "{%tc endfor %}"])
    out = fill(docx(p("{{ 发文字号 }}") + p("{{p 正文 }}") + columns))
    names = [group.key for group in facts().by_district]
    tables = part(out, "word/document.xml").findall(f".//{{{W_NS}}}tbl")
    template_table = tables[-1]
    cells = ["".join(t.text or "" for t in cell.iter(f"{{{W_NS}}}t")) for cell in template_table.iter(f"{{{W_NS}}}tc")]
    assert cells == ["县区", *names]
    assert len(template_table.findall(f"{{{W_NS}}}tblGrid/{{{W_NS}}}gridCol")) == len(cells)  # docxtpl's fix_tables
