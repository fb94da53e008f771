"""template-check: tags listed with their paragraph, unknown fields with the nearest name, syntax
errors with the paragraph text, misplaced or split statements, expected fields that are missing."""

from __future__ import annotations

import pytest

from speechgen.errors import TemplateError
from speechgen.wordtemplate import inspect_word_template, prepare_word_template
from speechgen.wordtemplate.report import TemplateReport
from wordtemplate_samples import STYLES, docx, p, run, table

BODY = p("{{ 发文字号 }}") + p("{{p 正文 }}")


def report(body: str, source: str = "ledger", **parts: str) -> TemplateReport:
    return inspect_word_template(docx(body, **parts), "红头.docx", source=source).report  # type: ignore[arg-type]


def messages(found: TemplateReport, severity: str = "error") -> list[str]:
    return [problem.format() for problem in found.problems if problem.severity == severity]


def test_every_tag_is_listed_with_its_part_and_paragraph() -> None:
    found = report(p("{{ 发文", "字号 }}") + p("{{p 正文 }}") + table(["{{ 标题 }}"]),
                   header=p("页眉：{{ 标题 }}"), footer=p("{{ 印发机关 }}"), first_footer=p("{{ 成文日期 }}"))
    listed = [(tag.paragraph.part, tag.paragraph.number, tag.text, tag.paragraph.text) for tag in found.tags]
    assert listed == [
        ("正文", 1, "{{ 发文字号 }}", "{{ 发文字号 }}"),
        ("正文", 2, "{{p 正文 }}", "{{p 正文 }}"),
        ("正文", 3, "{{ 标题 }}", "{{ 标题 }}"),
        ("页眉", 1, "{{ 标题 }}", "页眉：{{ 标题 }}"),
        ("页脚", 1, "{{ 印发机关 }}", "{{ 印发机关 }}"),
        ("首页页脚", 1, "{{ 成文日期 }}", "{{ 成文日期 }}"),
    ]
    assert not found.errors
    assert found.placed == {"发文字号", "正文", "标题"} and "印发机关" in found.fields


def test_unknown_field_names_the_nearest_known_one() -> None:
    found = report(BODY + p("文号：{{ 发文号 }}"))
    assert messages(found) == ["红头.docx › 正文：第3段“文号：{{ 发文号 }}”：未知字段“发文号”，是否想写“发文字号”？"]
    assert "是否想写“doc_number”" in messages(report(BODY + p("{{ doc_numbr }}")))[0]
    assert "未知字段“随便”；可用的字段见 docs/docx-templates.md" in messages(report(BODY + p("{{ 随便 }}")))[0]


def test_unknown_field_of_a_row() -> None:
    rows = table(["{%tr for p in 滞后项目 %}"], ["{{ p.项目名城 }}"], ["{%tr endfor %}"])
    assert "“p”的每一项没有字段“项目名城”，是否想写“项目名称”？" in messages(report(BODY + rows))[0]


def test_syntax_error_names_the_paragraph_text() -> None:
    found = report(BODY + p("说明文字 {{ 标题 | }} 后面"))
    assert len(found.errors) == 1
    text = found.errors[0].format()
    assert "段落“说明文字 {{ 标题 | }} 后面”" in text and "模板语法错误" in text
    assert "<w:" not in text


@pytest.mark.parametrize(("body", "phrase"), [
    (p("{% if 抄送 %}") + p("抄送：{{ 抄送 }}") + p("{% endif %}"), "在第3段，“{% endif %}”在另一段"),
    (p("{% if 抄送 %}抄送：{{ 抄送 }}"), "“{% if 抄送 %}”没有对应的 {% endif %}"),
    (p("抄送：{{ 抄送 }}{% endif %}"), "“{% endif %}”缺少与之对应的 {% if … %}"),
    (p("{%p if 抄送 %}") + p("{{ 抄送 }}{% endif %}"), "的写法不一致"),
    (p("{%tr for p in 滞后项目 %}") + p("{%tr endfor %}"), "不在表格中"),
    (p("{{ 标题"), "“{{”没有配对的“}}”"),
    (p("{{ 正文 }}"), "须写成 {{p 正文 }} 并单独成段"),
    (p("{% include '/etc/passwd' %}"), "模板引用被拒绝"),
    (p("{% include 'other.docx' %}"), "Word 模板不能引用其他文件"),
    (p("{{ 标题.__class__ }}"), "不能使用以下划线开头的“__class__”"),
])
def test_statement_and_placement_errors(body: str, phrase: str) -> None:
    found = report(BODY + body)
    assert any(phrase in message for message in messages(found)), messages(found)


def test_body_in_a_footer_is_refused() -> None:
    found = report(BODY, footer=p("{{p 正文 }}"))
    assert any("不能写在页脚里" in message for message in messages(found))


def test_ledger_fields_are_errors_for_render() -> None:
    body = BODY + p("{{ 时序进度 }}")
    assert not report(body).errors
    assert "字段“时序进度”来自台账，render 排版的稿件没有台账" in messages(report(body, source="document"))[0]


def test_missing_expected_fields_and_warnings() -> None:
    found = report(p("{{ 标题 }}") + p("{{ 署名 }}") + p("｛｛ 抄送 ｝｝")
                   + p("{%p if 抄送 %}多余的字") + p("{%p endif %}"))
    assert not found.errors
    warned = "\n".join(messages(found, "warning"))
    assert "模板中没有 {{p 正文 }}" in warned and "模板中没有 {{ 发文字号 }}" in warned
    assert "附件会排在署名之前" in warned
    assert "全角" in warned
    assert "其他文字“多余的字”会被删去" in warned


def test_a_small_normal_style_is_reported() -> None:
    small = STYLES.replace('<w:sz w:val="32"/></w:rPr></w:style>', '<w:sz w:val="21"/></w:rPr></w:style>', 1)
    found = inspect_word_template(docx(BODY, styles=small), "红头.docx").report
    assert any("“正文”样式是 10.5 磅" in p.message for p in found.warnings)


def test_the_trial_fill_finds_what_breaks_on_text() -> None:
    found = report(BODY + p("{{ 时序进度 + 1 }}"))
    assert any("用示例数据试填时" in message for message in messages(found))


def test_prepare_stops_on_errors_with_every_one_listed() -> None:
    with pytest.raises(TemplateError) as raised:
        prepare_word_template(docx(BODY + p("{{ 发文号 }}") + p("{{ 主题 }}")), "红头.docx")
    assert len(raised.value.problems) == 2


def test_chinese_and_english_names_and_full_width_spaces() -> None:
    found = report(p("{{\u3000发文字号\u3000}}") + p("{{p body }}") + p(run("{{ title }}")))
    assert not found.errors and {"发文字号", "正文", "标题"} <= found.placed
