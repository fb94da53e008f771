"""The path API is a thin wrapper over the value API: the same bytes on disk as in memory, and the
same problems (file, sheet, row, column, message) whether a file comes as a path or as bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from speechgen import api
from speechgen.api import CheckRequest, FactsRequest, GenerateRequest, InputFile, OutlineRequest, RenderRequest
from speechgen.errors import InputError, Problem
from speechgen.paths import resource_dir
from test_sources_helpers import HEADER, row, simple_ledger, write_xlsx

EXAMPLES = resource_dir("examples")
LEDGER, MEETING, SPEECH = EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml", EXAMPLES / "speech.md"
FORMATS = (".docx", ".html", ".txt", ".md")


@pytest.fixture(autouse=True)
def _fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # the .docx records its creation time


def as_file(path: Path) -> InputFile:
    return InputFile(path.name, path.read_bytes())


def problems(call, *args, **kwargs) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        call(*args, **kwargs)
    return caught.value.problems


@pytest.mark.parametrize("kind", ["speech", "bulletin", "notice"])
def test_generate_writes_the_bytes_generate_from_bytes_returns(tmp_path: Path, kind: str) -> None:
    outputs = [tmp_path / f"稿{suffix}" for suffix in FORMATS]
    written = api.generate(kind, LEDGER, MEETING, outputs, seed=2)  # type: ignore[arg-type]
    result = api.generate_from_bytes(GenerateRequest(kind, as_file(LEDGER), as_file(MEETING), formats=FORMATS,  # type: ignore[arg-type]
                                                     seed=2))
    assert {output.suffix: output.read_bytes() for output in outputs} == result.files
    assert written.paths == outputs and written.warnings == result.warnings


def test_generate_with_a_template_file_matches_its_bytes_and_reads_its_folder(tmp_path: Path) -> None:
    (tmp_path / "_head.md.j2").write_text("---\ntitle: {{ region }}简报\n---\n", encoding="utf-8")
    template = tmp_path / "通报.md.j2"
    template.write_text('{% include "_head.md.j2" %}\n\n共{{ n_projects }}个项目。\n', encoding="utf-8")
    out = tmp_path / "通报.txt"
    api.generate("bulletin", LEDGER, MEETING, [out], template=template)
    request = GenerateRequest("bulletin", as_file(LEDGER), as_file(MEETING), formats=(".txt",),
                              template=as_file(template), template_folder=tmp_path)
    assert out.read_bytes() == api.generate_from_bytes(request).files[".txt"]
    assert "示例市简报" in out.read_text(encoding="utf-8")


def test_render_writes_the_bytes_render_from_bytes_returns(tmp_path: Path) -> None:
    outputs = [tmp_path / f"讲话{suffix}" for suffix in FORMATS] + [tmp_path / "副本.docx"]
    api.render(SPEECH, outputs)
    files = api.render_from_bytes(RenderRequest(as_file(SPEECH), formats=FORMATS)).files
    assert {output.name: output.read_bytes() for output in outputs} == {
        **{f"讲话{suffix}": data for suffix, data in files.items()}, "副本.docx": files[".docx"]}


def test_reference_docx_writes_the_bytes_reference_docx_returns(tmp_path: Path) -> None:
    api.write_reference_docx(tmp_path / "样式.docx")
    assert (tmp_path / "样式.docx").read_bytes() == api.reference_docx()


def test_facts_check_and_outline_give_the_values_of_the_bytes(tmp_path: Path) -> None:
    ledger, meeting = as_file(LEDGER), as_file(MEETING)
    assert api.compute_facts(LEDGER, MEETING) == api.facts_from_bytes(FactsRequest(ledger, meeting)).facts
    draft = tmp_path / "通报.docx"
    api.generate("bulletin", LEDGER, MEETING, [draft])
    on_disk = api.check(draft, data=LEDGER, meeting=MEETING)
    in_memory = api.check_from_bytes(CheckRequest(as_file(draft), ledger, meeting)).report
    assert json.dumps(on_disk.to_json()) == json.dumps(in_memory.to_json())
    assert api.outline(SPEECH) == api.outline_from_bytes(OutlineRequest(as_file(SPEECH))).outline


def bad_ledgers(tmp_path: Path) -> list[Path]:
    xlsx = simple_ledger(tmp_path / "台账.xlsx", [row(1, "甲项目", plan="约3亿"), row(2, "甲项目", done=-5)])
    no_header = write_xlsx(tmp_path / "无表头.xlsx", [["示例市重点项目表"], ["名字", "钱"], ["甲", 1]],
                           extra_sheets=[("说明", [["填表说明"]])])
    csv = tmp_path / "台账.csv"
    csv.write_bytes((",".join(HEADER) + "\n1,甲项目,东城区,东城区发展改革局,一千,500,100,在建\n").encode("gbk"))
    yaml = tmp_path / "台账.yaml"
    yaml.write_text("projects:\n  - name: 甲项目\n    total: 多少\n  - 名称: 乙\n", encoding="utf-8")
    json_ledger = tmp_path / "台账.json"
    json_ledger.write_text('[{"name": "甲项目",}]', encoding="utf-8")
    empty, old = tmp_path / "空.csv", tmp_path / "旧表.xls"
    empty.write_bytes(b"  \n")
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    return [xlsx, no_header, csv, yaml, json_ledger, empty, old]


def test_ledger_and_meeting_problems_are_the_same_from_bytes(tmp_path: Path) -> None:
    meeting = tmp_path / "会议.yaml"
    meeting.write_text("region: 示例市\nmeeting：调度会\ndate: 2026-02-30\n", encoding="utf-8")
    for ledger in bad_ledgers(tmp_path):
        from_path = problems(api.compute_facts, ledger, meeting)
        from_bytes = problems(api.facts_from_bytes, FactsRequest(as_file(ledger), as_file(meeting)))
        assert from_path == from_bytes, ledger.name
        assert {problem.file for problem in from_path} == {ledger.name, meeting.name}
    sheets = {p.sheet for p in problems(api.facts_from_bytes, FactsRequest(as_file(tmp_path / "台账.xlsx"),
                                                                             as_file(MEETING)))}
    assert sheets == {"项目表"}


def test_a_missing_ledger_comes_with_the_meeting_files_problems(tmp_path: Path) -> None:
    meeting = tmp_path / "会议.yaml"
    meeting.write_text("region: 示例市\n", encoding="utf-8")
    found = problems(api.compute_facts, tmp_path / "没有.xlsx", meeting)
    assert found[0].file == "会议.yaml" and any("找不到台账文件" in p.message for p in found)
    found = problems(api.generate, "speech", LEDGER, tmp_path / "没有.yaml", [tmp_path / "稿.docx"])
    assert [p.message for p in found] == [f"找不到会议信息文件：{tmp_path / '没有.yaml'}"]
    assert not (tmp_path / "稿.docx").exists()


def test_draft_dialect_and_template_problems_are_the_same_from_bytes(tmp_path: Path) -> None:
    old_draft, blank, dialect, template = (tmp_path / "稿.doc", tmp_path / "空.txt", tmp_path / "稿.md",
                                           tmp_path / "模板.md.j2")
    old_draft.write_bytes(b"\xd0\xcf\x11\xe0")
    blank.write_text("\n\n", encoding="utf-8")
    dialect.write_text("---\ntitle: [\n---\n\n正文。\n", encoding="utf-8")
    template.write_text("第一行\n{% if %}\n", encoding="utf-8")
    for draft in (old_draft, blank):
        assert problems(api.check, draft) == problems(api.check_from_bytes, CheckRequest(as_file(draft)))
        assert problems(api.outline, draft) == problems(api.outline_from_bytes, OutlineRequest(as_file(draft)))
    assert problems(api.render, dialect, [tmp_path / "稿.docx"]) == problems(
        api.render_from_bytes, RenderRequest(as_file(dialect)))
    from_path = problems(api.generate, "bulletin", LEDGER, MEETING, [tmp_path / "通报.docx"], template=template)
    from_bytes = problems(api.generate_from_bytes, GenerateRequest(
        "bulletin", as_file(LEDGER), as_file(MEETING), template=as_file(template), template_folder=tmp_path))
    assert from_path == from_bytes and from_path[0].file == "模板.md.j2" and from_path[0].row == 2
    assert list(tmp_path.glob("*.docx")) == []


def test_a_missing_draft_or_template_is_named_by_its_path(tmp_path: Path) -> None:
    [missing] = problems(api.check, tmp_path / "没有.docx")
    assert (missing.message, missing.file) == ("文件不存在", str(tmp_path / "没有.docx"))
    [missing] = problems(api.generate, "speech", LEDGER, MEETING, [tmp_path / "稿.md"], template=tmp_path / "无.j2")
    assert (missing.message, missing.file) == ("模板文件不存在", str(tmp_path / "无.j2"))


@pytest.mark.slow
def test_generate_pdf_writes_the_bytes_generate_from_bytes_returns(tmp_path: Path) -> None:
    out = tmp_path / "通报.pdf"
    api.generate("bulletin", LEDGER, MEETING, [out])
    request = GenerateRequest("bulletin", as_file(LEDGER), as_file(MEETING), formats=(".pdf",))
    assert out.read_bytes() == api.generate_from_bytes(request).files[".pdf"]
