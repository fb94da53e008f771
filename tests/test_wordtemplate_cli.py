"""`speechgen template-check`, and `--docx-template` on generate and render (CLI and value API)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from speechgen import api
from speechgen.cli import main
from speechgen.writers import libreoffice
from wordtemplate_samples import docx, p, texts

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "templates" / "docx" / "红头模板.docx"
EXAMPLES = ROOT / "examples"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def refused(result: Result, *phrases: str, code: int = 2) -> None:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    for phrase in phrases:
        assert phrase in result.output


def generate(tmp_path: Path, template: Path, *outputs: str) -> Result:
    return run("generate", "notice", "-d", EXAMPLES / "ledger.xlsx", "-m", EXAMPLES / "meeting.yaml",
               "--docx-template", template, *(arg for name in outputs for arg in ("-o", tmp_path / name)))


def test_template_check_lists_the_fields_of_the_example() -> None:
    result = run("template-check", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert "红头模板.docx：找到 11 个字段" in result.stdout
    assert "正文 第10段   {{p 正文 }}" in result.stdout and result.stdout.rstrip().endswith("可以使用。")


def test_template_check_names_the_nearest_field_and_exits_1(tmp_path: Path) -> None:
    template = tmp_path / "红头.docx"
    template.write_bytes(docx(p("{{ 发文号 }}") + p("{{p 正文 }}")))
    result = run("template-check", template)
    refused(result, "未知字段“发文号”，是否想写“发文字号”？", "不能使用：有 1 个错误", code=1)


def test_template_check_for_render_and_the_field_list(tmp_path: Path) -> None:
    template = tmp_path / "表.docx"
    template.write_bytes(docx(p("{{ 发文字号 }}") + p("{{p 正文 }}") + p("{{ 时序进度 }}")))
    assert run("template-check", template).exit_code == 0
    refused(run("template-check", template, "--render"), "来自台账", code=1)
    listed = run("template-check", "--fields")
    assert listed.exit_code == 0 and "doc_number" in listed.stdout and "与时序进度比" in listed.stdout
    refused(run("template-check"), "缺少参数 模板.docx")


def test_a_file_that_is_no_docx_is_refused_with_exit_2(tmp_path: Path) -> None:
    fake = tmp_path / "红头.docx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 512)
    refused(run("template-check", fake), "旧版 Word 97-2003 文档")
    refused(run("template-check", tmp_path / "没有.docx"), "Word 模板不存在")


def test_generate_fills_the_template(tmp_path: Path) -> None:
    result = generate(tmp_path, EXAMPLE, "通知.docx", "通知.md")
    assert result.exit_code == 0, result.output
    lines = texts((tmp_path / "通知.docx").read_bytes())
    assert lines[0] == "示例市重点项目建设领导小组办公室" and "示项办〔2026〕13号" in lines
    assert (tmp_path / "通知.md").read_text(encoding="utf-8").startswith("---")  # other formats as before


def test_generate_with_a_bad_template_writes_nothing(tmp_path: Path) -> None:
    template = tmp_path / "红头.docx"
    template.write_bytes(docx(p("{{ 发文号 }}") + p("{{p 正文 }}")))
    refused(generate(tmp_path, template, "通知.docx"), "未知字段“发文号”，是否想写“发文字号”？")
    assert not (tmp_path / "通知.docx").exists()
    bomb = tmp_path / "宏.docx"
    bomb.write_bytes(docx(p("{{p 正文 }}"), main_type="application/vnd.ms-word.document.macroEnabled.main+xml"))
    refused(generate(tmp_path, bomb, "通知.docx"), "启用宏的 Word 文档")
    assert not (tmp_path / "通知.docx").exists()


def test_render_with_a_template_and_its_warnings(tmp_path: Path) -> None:
    template = tmp_path / "模板.docx"
    template.write_bytes(docx(p("{{ 标题 }}") + p("{{p 正文 }}")))
    target = tmp_path / "通知.docx"
    result = run("render", EXAMPLES / "notice.md", "-o", target, "--docx-template", template)
    assert result.exit_code == 0, result.output
    assert "模板中没有 {{ 发文字号 }}" in result.stderr
    assert "关于开展全市重点项目建设专项督查的通知" in texts(target.read_bytes())
    ledger_only = tmp_path / "台账字段.docx"
    ledger_only.write_bytes(docx(p("{{p 正文 }}") + p("{{ 时序进度 }}")))
    refused(run("render", EXAMPLES / "notice.md", "-o", tmp_path / "b.docx", "--docx-template", ledger_only),
            "字段“时序进度”来自台账")
    assert not (tmp_path / "b.docx").exists()


def test_missing_libreoffice_is_said_before_anything_is_written(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    refused(generate(tmp_path, EXAMPLE, "通知.docx", "通知.pdf"), "未找到 LibreOffice", "用 Word 模板生成 PDF", code=1)
    assert not (tmp_path / "通知.docx").exists()


def test_the_value_api_fills_the_template_from_bytes() -> None:
    ledger = api.InputFile("台账.xlsx", (EXAMPLES / "ledger.xlsx").read_bytes())
    meeting = api.InputFile("meeting.yaml", (EXAMPLES / "meeting.yaml").read_bytes())
    template = api.InputFile("红头.docx", EXAMPLE.read_bytes())
    result = api.generate_from_bytes(api.GenerateRequest("bulletin", ledger, meeting, docx_template=template))
    assert "示项办〔2026〕12号" in texts(result.files[".docx"])
    report = api.template_check_from_bytes(api.TemplateCheckRequest(template)).report
    assert report.placed >= {"正文", "发文字号"} and not report.problems


def test_requests_with_one_template_prepare_it_once() -> None:
    from speechgen.wordtemplate import prepared_word_template

    data = EXAMPLE.read_bytes()
    first = prepared_word_template(data, "红头.docx")
    assert prepared_word_template(bytes(data), "红头.docx") is first
    assert prepared_word_template(data, "红头.docx", source="document") is not first


@pytest.mark.slow
def test_pdf_from_a_template_is_libreoffices_conversion(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    result = generate(tmp_path, EXAMPLE, "通知.pdf")
    assert result.exit_code == 0, result.output
    import pdfplumber

    with pdfplumber.open(tmp_path / "通知.pdf") as pdf:
        first = pdf.pages[0].extract_text().replace(" ", "")
        creator = pdf.metadata.get("Producer", "") + pdf.metadata.get("Creator", "")
    assert "示项办〔2026〕13号" in first
    assert "LibreOffice" in creator  # not WeasyPrint
