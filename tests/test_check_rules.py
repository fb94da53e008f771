"""The text rules of `speechgen check`: a clean draft passes; each mistake is found, located and
explained in Chinese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechgen.check import check_source, read_bytes
from speechgen.check.findings import Report
from speechgen.cli import main

CLEAN = "\n".join([
    "关于全市重点项目建设情况的通报",
    "各县（市、区）人民政府，市直有关单位：",
    "现将1—5月全市重点项目建设情况通报如下。",
    "一、总体情况",
    "全市重点项目推进有力，“三个一批”活动成效明显。",
    "二、存在问题",
    "（一）开工偏慢",
    "部分项目手续办理滞后。",
    "（二）投资不足",
    "一是要素保障不到位；二是融资渠道偏窄。",
    "三、下步工作",
    "请各地对照《项目管理办法》抓好整改。",
    "示例市重点项目建设领导小组办公室",
    "2026年6月5日",
])


def _report(text: str) -> Report:
    return check_source(read_bytes(text.encode("utf-8"), "稿.txt", "txt"))


def _rules(text: str) -> list[str]:
    return [f.rule for f in _report(text).findings]


def test_clean_draft_has_no_findings() -> None:
    report = _report(CLEAN)
    assert report.findings == (), report.render()
    assert report.exit_code == 0


@pytest.mark.parametrize(("old", "new", "rule"), [
    ("全市重点项目推进有力", "全市XX个重点项目推进有力", "placeholder"),
    ("全市重点项目推进有力", "全市xx个重点项目推进有力", "placeholder"),
    ("全市重点项目推进有力", "全市ＸＸ个重点项目推进有力", "placeholder"),
    ("全市重点项目推进有力", "××县重点项目推进有力", "placeholder"),
    ("全市重点项目推进有力", "完成率*％，重点项目推进有力", "placeholder"),
    ("全市重点项目推进有力", "某某县重点项目推进有力", "placeholder"),
    ("全市重点项目推进有力", "〇〇县重点项目推进有力", "placeholder"),
    ("全市重点项目推进有力", "【此处补充数据】重点项目推进有力", "placeholder"),
    ("全市重点项目推进有力", "{{ overall.projects }}个重点项目推进有力", "placeholder"),
    ("全市重点项目推进有力", "{% if x %}重点项目推进有力", "placeholder"),
    ("全市重点项目推进有力", "此处填写项目名称，重点项目推进有力", "placeholder"),
    ("全市重点项目推进有力", "投资增长%，重点项目推进有力", "placeholder-blank"),
    ("全市重点项目推进有力", "高出时序进度个百分点，项目推进有力", "placeholder-blank"),
    ("全市重点项目推进有力", "刚才，个部门作了发言", "placeholder-blank"),
    ("三、下步工作", "四、下步工作", "numbering-gap"),
    ("三、下步工作", "二、下步工作", "numbering-repeat"),
    ("（二）投资不足", "（三）投资不足", "numbering-gap"),
    ("二、存在问题", "第二，存在问题", "numbering-mixed"),
    ("（二）投资不足", "(二)投资不足", "numbering-mixed"),
    ("二是融资渠道偏窄", "三是融资渠道偏窄", "numbering-gap"),
    ("全市重点项目推进有力，", "全市重点项目推进有力,", "punct-halfwidth"),
    ("手续办理滞后。", "手续办理滞后;", "punct-halfwidth"),
    ("各县（市、区）", "各县(市、区)", "punct-halfwidth"),
    ("“三个一批”", '"三个一批"', "punct-halfwidth"),
    ("“三个一批”", "“三个一批", "punct-unbalanced"),
    ("《项目管理办法》", "《项目管理办法", "punct-unbalanced"),
    ("各县（市、区）", "各县（市、区", "punct-unbalanced"),
    ("推进有力，", "推进有力，，", "punct-doubled"),
    ("成效明显。", "成效明显。。", "punct-doubled"),
    ("推进有力，", "推进有力，。", "punct-doubled"),
    ("一、总体情况", "一、总体情况。", "heading-period"),
    ("（一）开工偏慢", "（一）开工偏慢。", "heading-period"),
    ("2026年6月5日", "2026年06月05日", "date-padding"),
    ("2026年6月5日", "二〇二六年六月五日", "date-chinese-numerals"),
    ("2026年6月5日", "2026年2月30日", "date-invalid"),
])
def test_each_mistake_is_found(old: str, new: str, rule: str) -> None:
    assert old in CLEAN
    report = _report(CLEAN.replace(old, new, 1))
    found = [f for f in report.findings if f.rule == rule]
    assert found, report.render()
    finding = found[0]
    assert finding.paragraph is not None and finding.line == finding.paragraph  # one line each
    assert finding.message and finding.fix
    assert report.exit_code == 1


def test_finding_location_and_quote() -> None:
    report = _report(CLEAN.replace("推进有力", "推进有力（完成率*％）", 1))
    finding = next(f for f in report.findings if f.rule == "placeholder")
    assert finding.paragraph == 5
    assert "*" in finding.quote
    assert "数字" in finding.fix


def test_signature_date_in_chinese_numerals_is_an_error_but_a_speech_byline_is_fine() -> None:
    bulletin = _report(CLEAN.replace("2026年6月5日", "二〇二六年六月五日"))
    assert [f.severity for f in bulletin.findings if f.rule == "date-chinese-numerals"] == ["error"]
    speech = "\n".join(["在全市项目推进会上的讲话", "（二〇二六年六月五日）", "同志们：", "一、认识", "内容。",
                        "二、措施", "内容。"])
    assert "date-chinese-numerals" not in _rules(speech)
    running = "\n".join(["一、认识", "二〇二六年六月五日召开了会议。", "二、措施", "内容。"])
    assert [f.severity for f in _report(running).findings if f.rule == "date-chinese-numerals"] == ["warning"]


def test_years_in_chinese_numerals_are_not_placeholders() -> None:
    text = "一、回顾\n二〇〇八年以来，项目建设成效明显。\n二、展望\n内容。"
    assert "placeholder" not in _rules(text)


def test_run_in_heading_keeps_its_full_stop() -> None:
    text = "一、统一思想。这是前提。\n二、狠抓落实。这是关键。"
    assert "heading-period" not in _rules(text)


def test_half_width_marks_between_digits_and_in_english_are_fine() -> None:
    text = "一、进度\n1-5月完成12.5亿元，时间为10:30，Word (docx) 文件。\n二、措施\n内容。"
    assert "punct-halfwidth" not in _rules(text)


def test_web_debris_and_traditional_text() -> None:
    text = "項目講話\n導語:來源於網友上傳,歡迎參考。\n一、認識\n內容。\n二、措施\n內容。"
    rules = _rules(text)
    assert "web-debris" in rules
    assert "text-traditional" in rules


def test_markdown_source_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "稿.md"
    path.write_text("---\nkind: bulletin\ntitle: 关于项目情况的通报\n---\n\n## 总体情况\n\n全市XX个项目。\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert "placeholder" in result.output
    assert "第" in result.output and "段" in result.output


def test_cli_json_and_exit_codes(tmp_path: Path) -> None:
    clean = tmp_path / "稿.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(clean)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output
    dirty = tmp_path / "稿2.txt"
    dirty.write_text(CLEAN.replace("推进有力", "推进有力（完成率XX%）"), encoding="gbk")
    result = CliRunner().invoke(main, ["check", "--json", str(dirty)])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["ok"] is False
    finding = data["findings"][0]
    assert set(finding) == {"rule", "severity", "paragraph", "quote", "message", "fix", "line"}
    assert finding["rule"] == "placeholder"
    assert data["counts"]["error"] >= 1


def test_cli_needs_both_data_and_meeting(tmp_path: Path) -> None:
    path = tmp_path / "稿.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--data", str(path)])
    assert result.exit_code == 2
    assert "--meeting" in result.stderr
    assert "Traceback" not in result.output
