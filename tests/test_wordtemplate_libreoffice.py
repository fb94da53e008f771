"""Word templates and LibreOffice: a template saved by LibreOffice (its own runs, rsids, styles and
footer names) still has every tag found and filled."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from speechgen import api
from speechgen.markup import parse_markup
from speechgen.wordtemplate import fill_word_template, prepare_word_template
from wordtemplate_samples import docx, p, run, table, texts

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def saved_by_libreoffice(data: bytes, tmp_path: Path) -> bytes:
    """Return the .docx as LibreOffice writes it after opening it."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / "in" / "模板.docx"
    source.parent.mkdir()
    source.write_bytes(data)
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    return (tmp_path / "模板.docx").read_bytes()


def test_a_template_saved_by_libreoffice_keeps_its_tags(tmp_path: Path) -> None:
    body = ("<w:p>" + run("发文字号：{{ 发文") + run("字号 }}", '<w:rFonts w:eastAsia="黑体"/><w:b/>') + "</w:p>"
            + p("{{ 标题 }}") + p("{{p 正文 }}")
            + table(["{%tr for p in 滞后项目 %}"], ["{{ p.项目名称 }}"], ["{%tr endfor %}"]))
    saved = saved_by_libreoffice(docx(body, footer=p("{{ 印发机关 }}")), tmp_path)
    template = prepare_word_template(saved, "模板.docx")
    assert [tag.text for tag in template.report.tags] == [
        "{{ 发文字号 }}", "{{ 标题 }}", "{{p 正文 }}", "{%tr for p in 滞后项目 %}", "{{ p.项目名称 }}",
        "{%tr endfor %}", "{{ 印发机关 }}"]
    facts = api.compute_facts(EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml")
    doc = parse_markup(api.draft("notice", facts), source="notice.md")
    filled = fill_word_template(template, doc, facts)
    lines = texts(filled)
    assert "发文字号：示项办〔2026〕13号" in lines and "一、督查内容" in lines
    assert all(lag.project.name in lines for lag in facts.laggards)
    footers = [name for name, label in template.labels.items() if label == "页脚"]
    footer_lines = [line for name in footers for line in texts(filled, name)]
    assert "示例市重点项目建设领导小组办公室" in footer_lines
