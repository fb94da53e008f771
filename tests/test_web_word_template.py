"""An office's own Word 红头 template on the page: uploaded into its slot, checked as template-check
checks it, and the draft's .docx and print preview filled into it (edited text too)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from speechgen import api
from web_client import assert_chinese_error, draft, example_ids, upload, web_client

WORD_TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "docx" / "红头模板.docx"


def _with_macros(template: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/vbaProject.bin", b"\x00macro")
    return buffer.getvalue()


def test_the_template_is_checked_as_template_check_checks_it(tmp_path: Path) -> None:
    expected = api.template_check_from_bytes(api.TemplateCheckRequest(
        api.InputFile(WORD_TEMPLATE.name, WORD_TEMPLATE.read_bytes()))).report.render()
    with web_client(tmp_path) as client:
        stored = upload(client, "docx_template", WORD_TEMPLATE.name, WORD_TEMPLATE.read_bytes()).json()
        report = client.post("/api/word-template/check", json={"template": stored["id"]}).json()
    assert report["usable"] and report["text"] == expected and "可以使用" in report["text"]


def test_a_bad_word_template_is_refused_in_chinese(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        assert_chinese_error(upload(client, "docx_template", "红头.doc", b"\xd0\xcf\x11\xe0"), 415,
                             "Word 模板不能是 .doc 文件", "另存为")
        not_word = upload(client, "docx_template", "红头.docx", WORD_TEMPLATE.read_bytes()[:200])
        assert_chinese_error(not_word, 422, "不是Word 文档")
        macros = upload(client, "docx_template", "红头.docx", _with_macros(WORD_TEMPLATE.read_bytes())).json()
        refused = client.post("/api/word-template/check", json={"template": macros["id"]})
        assert_chinese_error(refused, 422, "红头.docx")
        ledger, meeting = example_ids(client)
        assert_chinese_error(draft(client, ledger, meeting, kind="notice", docx_template=macros["id"]), 422)


def test_the_draft_s_docx_is_the_template_filled(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        word = upload(client, "docx_template", WORD_TEMPLATE.name, WORD_TEMPLATE.read_bytes()).json()["id"]
        made = draft(client, ledger, meeting, kind="notice", docx_template=word).json()
        filled = client.get(made["downloads"]["docx"]).content
        plain = client.get(draft(client, ledger, meeting, kind="notice").json()["downloads"]["docx"]).content
    expected = api.generate_from_bytes(api.GenerateRequest(
        "notice", *api.example_inputs(), docx_template=api.InputFile(WORD_TEMPLATE.name, WORD_TEMPLATE.read_bytes()))
    ).files[".docx"]
    assert filled == expected and filled != plain
    assert made["title"] in [p.text for p in docx.Document(io.BytesIO(filled)).paragraphs]


@pytest.mark.slow
def test_the_print_preview_is_the_filled_template_and_edited_text_is_filled_too(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        word = upload(client, "docx_template", WORD_TEMPLATE.name, WORD_TEMPLATE.read_bytes()).json()["id"]
        made = draft(client, ledger, meeting, kind="notice", docx_template=word).json()
        pages = client.post(made["pages"]).json()
        text = made["text"].replace("现将有关事项通知如下", "现将有关事项通知如下（已改）", 1)
        edited = client.post(f"/api/drafts/{made['draft']}/text", json={"text": text}).json()
        edited_docx = client.get(edited["downloads"]["docx"]).content
        edited_pages = client.post(edited["pages"]).json()
    assert pages["count"] >= 2 and edited_pages["count"] >= 2
    assert any("（已改）" in p.text for p in docx.Document(io.BytesIO(edited_docx)).paragraphs)
