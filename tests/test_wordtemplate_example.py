"""The shipped example templates/docx/红头模板.docx: made by its script, clean, filled to GB/T 9704
(landscape attachment tables, page numbers continued), and it opens in LibreOffice."""

from __future__ import annotations

import importlib.util
import io
import re
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from speechgen import api
from speechgen.facts import Facts
from speechgen.markup import parse_markup
from speechgen.wordtemplate import META_FIELDS, fill_word_template, prepare_word_template
from test_docx_schema import _check
from wordtemplate_samples import texts

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "templates" / "docx" / "红头模板.docx"
EXAMPLES = ROOT / "examples"


@cache
def facts() -> Facts:
    return api.compute_facts(EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml")


@cache
def filled(kind: str = "notice") -> bytes:
    template = prepare_word_template(EXAMPLE.read_bytes(), EXAMPLE.name)
    return fill_word_template(template, parse_markup(api.draft(kind, facts()), source=f"{kind}.md"), facts())


def _entries(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def test_the_committed_file_is_what_the_script_makes() -> None:
    spec = importlib.util.spec_from_file_location("make_docx_template", ROOT / "scripts" / "make_docx_template.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert _entries(script.build()) == _entries(EXAMPLE.read_bytes()), "run: make docx-template"


def test_the_example_is_clean_and_holds_the_fields_of_a_red_header_document() -> None:
    report = prepare_word_template(EXAMPLE.read_bytes(), EXAMPLE.name).report
    assert report.problems == ()
    expected = {f.name for f in META_FIELDS} - {"副标题", "称谓", "附件说明"}  # speech-only; 正文 sets 附件说明
    assert report.placed == expected


def test_the_filled_example_keeps_the_layout_and_every_part_is_in_schema_order() -> None:
    data = filled()
    for name, content in _entries(data).items():
        if name.startswith("word/") and name.endswith(".xml"):
            _check(etree.fromstring(content), name)
    lines = texts(data)
    assert lines[0] == "示例市重点项目建设领导小组办公室" and "示项办〔2026〕13号" in lines
    assert "{{" not in "".join(lines) and "{%" not in "".join(lines)
    xml = _entries(data)["word/document.xml"].decode("utf-8")
    sections = re.findall(r"<w:sectPr.*?</w:sectPr>", xml)
    assert any('w:orient="landscape"' in s for s in sections)  # the 9-column attachment table turns
    assert [('w:start="1"' in s) for s in sections] == [True] + [False] * (len(sections) - 1)
    rels = _entries(data)["word/_rels/document.xml.rels"].decode("utf-8")
    assert set(re.findall(r'r:id="(\w+)"', xml)) <= set(re.findall(r'Id="(\w+)"', rels))


@pytest.mark.slow
def test_the_filled_example_opens_in_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / "filled.docx"
    source.write_bytes(filled("bulletin"))
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    import pdfplumber

    with pdfplumber.open(tmp_path / "filled.pdf") as pdf:
        first = pdf.pages[0].extract_text()
        last = pdf.pages[-1].extract_text()
    assert "示项办〔2026〕12号" in first.replace(" ", "") and "通报" in first
    assert "印发" in last.replace(" ", "")


def test_every_field_is_documented() -> None:
    from speechgen.wordtemplate.fields import FIELDS, GROUP_ITEMS, PROJECT_ITEMS

    text = (ROOT / "docs" / "docx-templates.md").read_text(encoding="utf-8")
    missing = [name for f in (*FIELDS, *PROJECT_ITEMS, *GROUP_ITEMS) for name in (f.name, f.english)
               if not re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", text)]
    assert missing == []
