"""The value API (issue 9.2): every use case from bytes and names, with no user file read and
nothing written — what a web app and batch workers call."""

from __future__ import annotations

import io
import pickle
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from api_guard import no_user_files
from speechgen import api
from speechgen.api import (
    CheckRequest,
    FactsRequest,
    GenerateRequest,
    InputFile,
    OutlineRequest,
    RenderRequest,
)
from speechgen.errors import InputError, MarkupError, TemplateError
from speechgen.paths import resource_dir

EXAMPLES = resource_dir("examples")
LEDGER = InputFile("ledger.xlsx", (EXAMPLES / "ledger.xlsx").read_bytes())
CSV_LEDGER = InputFile("ledger-gbk.csv", (EXAMPLES / "ledger-gbk.csv").read_bytes())
MEETING = InputFile("meeting.yaml", (EXAMPLES / "meeting.yaml").read_bytes())
SPEECH_MD = InputFile("speech.md", (EXAMPLES / "speech.md").read_bytes())
FORMATS = (".docx", ".html", ".txt", ".md")


@pytest.fixture
def sealed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run in an empty folder with every user-file read and every write refused; afterwards
    nothing was refused and the folder is still empty."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    with no_user_files() as violations:
        yield
    assert violations == []
    assert list(tmp_path.iterdir()) == []


def test_the_guard_refuses_reads_of_user_files_and_writes(tmp_path: Path) -> None:
    with no_user_files() as violations:
        with pytest.raises(PermissionError):
            (EXAMPLES / "meeting.yaml").read_bytes()
        with pytest.raises(PermissionError):
            (tmp_path / "x.docx").write_bytes(b"PK")
        with pytest.raises(PermissionError):
            (tmp_path / "folder").mkdir()
    assert len(violations) == 3 and not (tmp_path / "x.docx").exists()


def test_facts_from_bytes(sealed: None) -> None:
    result = api.facts_from_bytes(FactsRequest(LEDGER, MEETING))
    assert result.facts.overall.projects == len(result.dossier.projects) > 0
    assert result.dossier.source == "ledger.xlsx"
    assert result.warnings == result.facts.warnings
    assert result.warnings and all(w.severity == "warning" and w.file == "ledger.xlsx" for w in result.warnings)


def test_facts_from_bytes_reads_every_ledger_format(sealed: None) -> None:
    from_xlsx = api.facts_from_bytes(FactsRequest(LEDGER, MEETING)).facts
    from_csv = api.facts_from_bytes(FactsRequest(CSV_LEDGER, MEETING)).facts  # GBK bytes
    assert from_csv.overall == from_xlsx.overall
    assert [p.name for p in from_csv.projects] == [p.name for p in from_xlsx.projects]


@pytest.mark.parametrize("kind", ["speech", "bulletin", "notice"])
def test_generate_from_bytes_returns_every_format(sealed: None, kind: str) -> None:
    result = api.generate_from_bytes(GenerateRequest(kind, LEDGER, MEETING, formats=FORMATS))  # type: ignore[arg-type]
    assert list(result.files) == list(FORMATS)
    assert zipfile.ZipFile(io.BytesIO(result.files[".docx"])).testzip() is None
    assert result.files[".md"] == result.text.encode("utf-8")
    assert result.files[".html"].startswith(b"<!DOCTYPE html>")
    assert result.text == api.draft(kind, result.facts)  # type: ignore[arg-type]
    assert result.warnings == result.facts.warnings != ()


def test_generate_from_bytes_follows_seed_frame_and_doc_number(sealed: None) -> None:
    def text(**choices: object) -> str:
        return api.generate_from_bytes(GenerateRequest("speech", LEDGER, MEETING, formats=(), **choices)).text

    plain = text()
    assert text(seed=2) != plain and "三种现象" in text(frame="three_x")
    notice = api.generate_from_bytes(GenerateRequest("notice", LEDGER, MEETING, formats=(),
                                                     doc_number="示项办〔2026〕13号"))
    assert notice.files == {} and "示项办〔2026〕13号" in notice.text


def test_generate_from_bytes_with_a_template_given_as_text(sealed: None) -> None:
    text = "---\ntitle: {{ region }}简报\n---\n\n共{{ n_projects }}个项目。\n"
    template = InputFile.from_text("我的通报.md.j2", text)
    result = api.generate_from_bytes(GenerateRequest("bulletin", LEDGER, MEETING, formats=(".txt",),
                                                     template=template))
    assert f"共{result.facts.overall.projects}个项目" in result.text
    assert "示例市简报" in result.files[".txt"].decode("utf-8")


def test_a_template_given_as_text_may_import_the_built_in_ones_only(sealed: None) -> None:
    importing = InputFile.from_text("t.md.j2",
                                    '{% import "_meta.md.j2" as meta with context %}{{ n_projects }}个项目\n')
    assert "个项目" in api.generate_from_bytes(GenerateRequest("bulletin", LEDGER, MEETING, formats=(),
                                                               template=importing)).text
    including = InputFile.from_text("t.md.j2", '{% include "mine.md.j2" %}\n')
    with pytest.raises(TemplateError) as caught:
        api.generate_from_bytes(GenerateRequest("bulletin", LEDGER, MEETING, formats=(), template=including))
    [problem] = caught.value.problems
    assert (problem.file, problem.row) == ("t.md.j2", 1) and "mine.md.j2" in problem.message


def test_template_errors_name_the_template_and_its_line(sealed: None) -> None:
    broken = InputFile.from_text("通报模板.md.j2", "第一行\n{{ n_projects }\n")
    with pytest.raises(TemplateError) as caught:
        api.generate_from_bytes(GenerateRequest("bulletin", LEDGER, MEETING, template=broken))
    [problem] = caught.value.problems
    assert (problem.file, problem.row) == ("通报模板.md.j2", 2) and "模板语法错误" in problem.message
    with pytest.raises(InputError) as caught:
        api.generate_from_bytes(GenerateRequest("bulletin", LEDGER, MEETING,
                                                template=InputFile("gbk.md.j2", "通报".encode("gbk"))))
    assert caught.value.problems[0].file == "gbk.md.j2"


def test_bad_formats_are_refused_before_the_ledger_is_read(sealed: None) -> None:
    unreadable = InputFile("台账.xlsx", b"not a workbook")
    with pytest.raises(InputError) as caught:
        api.generate_from_bytes(GenerateRequest("speech", unreadable, MEETING, formats=(".docx", ".rtf")))
    assert "不支持输出为“.rtf”格式" in str(caught.value)
    with pytest.raises(InputError) as caught:
        api.render_from_bytes(RenderRequest(SPEECH_MD, formats=("odt",)))
    assert "odt" in str(caught.value)


def test_formats_are_rendered_once_each_in_the_order_asked(sealed: None) -> None:
    result = api.render_from_bytes(RenderRequest(SPEECH_MD, formats=("txt", ".DOCX", ".txt")))
    assert list(result.files) == [".txt", ".docx"]


def test_render_from_bytes_and_from_text_agree(sealed: None) -> None:
    text = SPEECH_MD.data.decode("utf-8")
    from_bytes = api.render_from_bytes(RenderRequest(SPEECH_MD, formats=(".docx", ".md", ".txt"))).files
    from_text = api.render_from_bytes(RenderRequest(InputFile.from_text("speech.md", text),
                                                    formats=(".docx", ".md", ".txt"))).files
    gbk = api.render_from_bytes(RenderRequest(InputFile("speech.md", text.encode("gb18030")), formats=(".txt",)))
    assert from_bytes == from_text and gbk.files[".txt"] == from_bytes[".txt"]
    assert from_bytes[".docx"] == api.render_markup(text, ".docx", source="speech.md")


def test_dialect_errors_name_the_given_file_and_line(sealed: None) -> None:
    with pytest.raises(MarkupError) as caught:
        api.render_from_bytes(RenderRequest(InputFile.from_text("我的稿.md", "---\ntitle: [\n---\n\n正文。\n")))
    assert all(problem.file == "我的稿.md" for problem in caught.value.problems)
    with pytest.raises(InputError) as caught:
        api.render_from_bytes(RenderRequest(InputFile("图片.md", b"\x89PNG\r\n\x1a\n\x00\x00")))
    assert caught.value.problems[0].file == "图片.md"


def test_check_from_bytes(sealed: None) -> None:
    generated = api.generate_from_bytes(GenerateRequest("bulletin", LEDGER, MEETING, formats=(".docx",)))
    docx_draft = InputFile("通报.docx", generated.files[".docx"])
    traced = api.check_from_bytes(CheckRequest(docx_draft, LEDGER, MEETING))
    assert traced.report.exit_code == 0, traced.report.render()
    assert traced.facts == generated.facts and traced.warnings == generated.warnings
    wrong = InputFile.from_text("稿.txt", generated.text.replace("个项目", "个项目，XX", 1))
    plain = api.check_from_bytes(CheckRequest(wrong))
    assert plain.facts is None and plain.warnings == ()
    assert any(finding.rule == "placeholder" for finding in plain.report.findings)
    assert plain.report.to_json()["file"] == "稿.txt"


def test_check_from_bytes_needs_both_ledger_and_meeting(sealed: None) -> None:
    with pytest.raises(InputError) as caught:
        api.check_from_bytes(CheckRequest(SPEECH_MD, ledger=LEDGER))
    assert "同时给出" in str(caught.value)


def test_outline_from_bytes(sealed: None) -> None:
    text = ("同志们：\n\n一、认清形势，增强紧迫感\n\n今年以来，项目建设总体平稳。\n\n"
            "二、突出重点，加快推进\n\n一是抓开工。二是抓投资。\n\n三、强化保障，压实责任\n\n"
            "各级各部门要各司其职。\n\n同志们，任务艰巨，责任重大。\n")
    result = api.outline_from_bytes(OutlineRequest(InputFile("讲话.txt", text.encode("gbk"))))
    assert result.outline.salutation
    assert [part.heading for part in result.outline.parts] == ["认清形势，增强紧迫感", "突出重点，加快推进",
                                                               "强化保障，压实责任"]
    with pytest.raises(InputError) as caught:
        api.outline_from_bytes(OutlineRequest(InputFile("讲话.doc", b"\xd0\xcf\x11\xe0")))
    assert caught.value.problems[0].file == "讲话.doc" and ".docx" in (caught.value.problems[0].hint or "")


def test_reference_docx_bytes(sealed: None) -> None:
    assert zipfile.ZipFile(io.BytesIO(api.reference_docx())).read("word/styles.xml")


def test_ledger_errors_from_bytes_name_the_given_name(sealed: None) -> None:
    with pytest.raises(InputError) as caught:
        api.facts_from_bytes(FactsRequest(InputFile("上传/县区台账.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
                                          InputFile.from_text("会议.yaml", "region: 示例市\n")))
    files = {problem.file for problem in caught.value.problems}
    assert files == {"县区台账.xls", "会议.yaml"}  # both files' problems at once, each by its own name


def test_input_file_keeps_only_the_file_name() -> None:
    assert InputFile("C:\\上传\\台账.xlsx", b"x").name == "台账.xlsx"
    assert InputFile("../../etc/台账.CSV", b"x").suffix == ".csv"
    assert "3 bytes" in repr(InputFile("a.md", b"abc"))
    with pytest.raises(TypeError):
        InputFile("a.md", "text")  # type: ignore[arg-type]


def test_requests_and_results_cross_process_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch hands requests to worker processes and gets results back: both pickle, and a
    worker's bytes are the bytes made here."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    request = GenerateRequest("notice", LEDGER, MEETING, formats=(".docx", ".md"), seed=3)
    assert pickle.loads(pickle.dumps(request)) == request
    here = api.generate_from_bytes(request)
    with ProcessPoolExecutor(max_workers=1) as pool:
        there = pool.submit(api.generate_from_bytes, request).result()
    assert there.files == here.files and there.text == here.text and there.warnings == here.warnings


def test_every_kind_has_one_label_from_kinds_py_and_its_description_opens_with_it() -> None:
    from speechgen.kinds import KIND_ALIASES, KIND_LABELS

    offered = api.kinds()
    assert [kind.name for kind in offered] == list(KIND_LABELS)  # every kind drafts, none unlabelled
    for kind in offered:
        assert kind.label == KIND_LABELS[kind.name] and kind.description.startswith(f"{kind.label}：")
        assert KIND_ALIASES[kind.label] == kind.name == KIND_ALIASES[kind.name]
