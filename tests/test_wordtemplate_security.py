"""Untrusted Word templates: a file that is no plain .docx is refused before docxtpl opens it, and the
sandbox payloads of docxtpl #549/#632 are refused with Chinese errors, nothing executed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from unittest import mock

import pytest

from speechgen import document as d
from speechgen.compose.limits import TemplateLimits
from speechgen.errors import InputError, TemplateError
from speechgen.wordtemplate import inspect_word_template, prepare_word_template
from speechgen.wordtemplate.context import word_context
from speechgen.wordtemplate.filling import render_parts
from speechgen.wordtemplate.package import MAX_UNCOMPRESSED_BYTES
from wordtemplate_samples import docx, p

BODY = p("{{ 发文字号 }}") + p("{{p 正文 }}")
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def refused(data: bytes) -> str:
    with mock.patch("docxtpl.DocxTemplate", side_effect=AssertionError("docxtpl must not open it")), \
            pytest.raises(InputError) as raised:
        inspect_word_template(data, "模板.docx")
    return str(raised.value)


def _rezip(data: bytes, **changes: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            out.writestr(name, changes.pop(name, source.read(name)))
        for name, content in changes.items():
            out.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "phrase"), [
    (b"", "文件是空的"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "旧版 Word 97-2003 文档（.doc）"),
    (b"%PDF-1.7\n", "这是 PDF 文件"),
    (b"{\\rtf1\\ansi", "这是 RTF 文档"),
    (b"hello, not a zip", "文件开头不是 zip 格式的标志"),
    (b"PK\x03\x04" + b"\0" * 100, "文件已损坏"),
])
def test_files_that_are_no_docx_are_refused_by_their_bytes(data: bytes, phrase: str) -> None:
    assert phrase in refused(data)


def test_a_zip_without_a_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "缺少 [Content_Types].xml" in refused(buffer.getvalue())


def test_macro_enabled_documents_are_refused() -> None:
    docm = docx(BODY, main_type="application/vnd.ms-word.document.macroEnabled.main+xml")
    assert "启用宏的 Word 文档（.docm）" in refused(docm)
    with_macros = _rezip(docx(BODY), **{"word/vbaProject.bin": b"\0" * 64})
    assert "含有宏或 ActiveX 控件（vbaProject.bin）" in refused(with_macros)
    dotx = docx(BODY, main_type=f"{_CT}.template.main+xml")
    assert "Word 模板文件（.dotx）" in refused(dotx)


def test_a_zip_bomb_is_refused_by_its_directory() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx(BODY))) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            out.writestr(name, source.read(name))
        with out.open("word/media/image1.png", "w", force_zip64=True) as bomb:
            chunk = b"\0" * 1_000_000
            for _ in range(MAX_UNCOMPRESSED_BYTES // len(chunk) + 1):
                bomb.write(chunk)
    assert len(buffer.getvalue()) < 1_000_000  # small on disk …
    assert "可能是“压缩炸弹”" in refused(buffer.getvalue())  # … and refused without unpacking it


def test_dtds_external_links_and_fetching_fields_are_refused() -> None:
    entity = _rezip(docx(BODY), **{"word/settings.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x/>'})
    assert "含有 DTD 声明" in refused(entity)
    linked = docx(BODY, rels_extra='<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/'
                                   'officeDocument/2006/relationships/image" Target="file:///etc/passwd" '
                                   'TargetMode="External"/>')
    assert "指向外部文件或网址的链接（image：file:///etc/passwd）" in refused(linked)
    field = docx(BODY + '<w:p><w:r><w:instrText> INCLUDETEXT "/etc/passwd" </w:instrText></w:r></w:p>')
    assert "INCLUDETEXT 域" in refused(field)
    hyperlink = docx(BODY, rels_extra='<Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/'
                                      'officeDocument/2006/relationships/hyperlink" Target="https://example.cn" '
                                      'TargetMode="External"/>')
    assert not inspect_word_template(hyperlink, "模板.docx").report.errors  # a link is only a link


PAYLOADS = [
    "{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ joiner.__init__.__globals__.os.system('touch {marker}') }}",
    "{% for i in range(10**9) %}{{ i }}{% endfor %}",
    "{% include '/etc/passwd' %}",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sandbox_payloads_are_refused_and_nothing_runs(payload: str, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    body = BODY + p(payload.replace("{marker}", str(marker)))
    with pytest.raises(TemplateError) as raised:
        prepare_word_template(docx(body), "模板.docx")
    text = str(raised.value)
    assert any(word in text for word in ("安全限制", "上限", "引用被拒绝")), text
    assert "Traceback" not in text
    assert not marker.exists()


@pytest.mark.parametrize("payload", PAYLOADS[:3])
def test_the_sandbox_refuses_them_at_render_time_too(payload: str, tmp_path: Path) -> None:
    """Defense in depth: the compiled parts themselves refuse, whatever template-check says."""
    marker = tmp_path / "pwned"
    template = inspect_word_template(docx(BODY + p(payload.replace("{marker}", str(marker)))), "模板.docx")
    assert template.report.errors and template.compiled
    values = word_context({"发文字号": "X", "正文": ""})
    with pytest.raises(TemplateError, match="安全限制"):
        render_parts(template.xml, template.compiled, values, name="模板.docx", labels=template.labels,
                     limits=template.limits)
    assert not marker.exists()


def test_an_endless_template_is_stopped_by_the_limits() -> None:
    loops = "{% for i in range(10000) %}{% for j in range(10000) %}{{ i }}{% endfor %}{% endfor %}"
    with pytest.raises(TemplateError, match=r"上限|时间限制"):
        prepare_word_template(docx(BODY + p(loops)), "模板.docx", limits=TemplateLimits(seconds=1))


def test_fill_errors_are_chinese_and_name_the_paragraph() -> None:
    template = prepare_word_template(docx(BODY + p("完成率：{{ 总体.完成率 }}")), "模板.docx")
    with pytest.raises(TemplateError) as raised:
        from speechgen.wordtemplate import fill_word_template

        fill_word_template(template, d.Document("notice", ()), None)  # no ledger: 总体 is missing
    text = str(raised.value)
    assert "未定义的名称“总体”" in text and "段落“完成率：{{ 总体.完成率 }}”" in text
