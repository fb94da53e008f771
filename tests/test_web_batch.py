"""The batch part of the page: a batch started from the session's files is `speechgen batch` (the
same documents, byte for byte, and the same manifest), its progress is polled, its zip and manifest
download; bad choices, bad ledgers and a batch already running get their own Chinese answers."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from speechgen import api
from speechgen.cli import main
from speechgen.web import batches
from web_client import BAD_ROWS, HEADER, MEETING, assert_chinese_error, example_ids, upload, web_client

WORD_TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "docx" / "红头模板.docx"
DONE = ("done",)


def _wait(client: Any, url: str, seconds: float = 120) -> Any:
    """Poll a batch until it has ended; return the last answer and every state seen."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        answer = client.get(url)
        if answer.status_code != 200 or answer.json()["state"] in DONE:
            return answer
        time.sleep(0.05)
    raise AssertionError("the batch did not end")


def _start(client: Any, ledger: str, meeting: str, **choice: Any) -> Any:
    return client.post("/api/batches", json={"ledger": ledger, "meeting": meeting, "kind": "supervision",
                                             "per": "district", **choice})


def _cli_batch(tmp_path: Path, *args: str) -> Path:
    ledger, meeting = api.example_inputs()
    for file in (ledger, meeting):
        (tmp_path / file.name).write_bytes(file.data)
    out = tmp_path / "cli-out"
    result = CliRunner().invoke(main, ["batch", *args, "-d", str(tmp_path / ledger.name), "-m",
                                       str(tmp_path / meeting.name), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return out


def test_a_batch_is_speechgen_batch_with_progress_zip_and_manifest(tmp_path: Path) -> None:
    (tmp_path / "web").mkdir()
    with web_client(tmp_path / "web") as client:
        ledger, meeting = example_ids(client)
        started = _start(client, ledger, meeting, number_from=13, formats=["docx", "md"])
        assert started.status_code == 200, started.text
        assert started.json()["label"] == "督办通知（按县区）"
        status = _wait(client, started.json()["status"]).json()
        zipped = client.get(status["downloads"]["zip"])
        manifest = client.get(status["downloads"]["manifest"])
    cli = _cli_batch(tmp_path, "督办通知", "--per", "district", "--number-from", "13", "--format", "docx,md")
    made = sorted(path.name for path in cli.iterdir() if path.suffix in (".docx", ".md"))
    assert status["done"] == status["total"] == len(status["rows"]) and status["failed"] == 0
    assert status["summary"]["lines"][0] == f"完成：生成 {len(made) // 2} 份。"
    warnings = status["summary"]["warnings"]
    assert warnings and all(w.startswith("警告：ledger.xlsx › ") for w in warnings)  # the user's file name
    assert [row["doc_number"] for row in status["rows"]][:2] == ["示项办〔2026〕13号", "示项办〔2026〕14号"]
    assert zipped.status_code == 200 and zipped.headers["content-type"] == "application/zip"
    assert "filename*=UTF-8''" in zipped.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as archive:
        assert sorted(archive.namelist()) == sorted([*made, "manifest.csv"])
        for name in made:  # the page is thin over batch: the very documents the CLI makes
            assert archive.read(name) == (cli / name).read_bytes(), name
    assert manifest.content == (cli / "manifest.csv").read_bytes()
    assert manifest.headers["content-type"].startswith("text/csv")


def test_sheets_per_project_only_the_overdue_fill_the_office_s_word_template(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        word = upload(client, "docx_template", WORD_TEMPLATE.name, WORD_TEMPLATE.read_bytes()).json()["id"]
        status = _wait(client, _start(client, ledger, meeting, kind="sheet", per="project", only="overdue",
                                      docx_template=word).json()["status"]).json()
        zipped = client.get(status["downloads"]["zip"]).content
    made = [row for row in status["rows"] if row["status"] == "ok"]
    skipped = [row for row in status["rows"] if row["status"] == "skipped"]
    assert made and skipped and all(row["files"][0].endswith("督办单.docx") for row in made)
    assert any(line.startswith(f"跳过 {len(skipped)} 组") for line in status["summary"]["lines"])
    cli = _cli_batch(tmp_path, "督办单", "--per", "project", "--only", "overdue", "--docx-template", str(WORD_TEMPLATE))
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        for row in made:  # the template filled as `speechgen batch --docx-template` fills it
            assert archive.read(row["files"][0]) == (cli / row["files"][0]).read_bytes()
        first = archive.read(made[0]["files"][0])
    with zipfile.ZipFile(io.BytesIO(first)) as document:
        xml = document.read("word/document.xml").decode("utf-8")
    template = zipfile.ZipFile(WORD_TEMPLATE).read("word/document.xml").decode("utf-8")
    assert made[0]["name"] in xml and "{{" not in xml and "{{" in template


@pytest.mark.parametrize(("choice", "status", "needle"), [
    ({"kind": "letter"}, 400, "文稿类型不对"),
    ({"per": "town"}, 400, "分组方式不对"),
    ({"only": "some"}, 400, "生成范围不对"),
    ({"kind": "sheet", "per": "district"}, 400, "督办单只能按项目生成"),
    ({"formats": ["exe"]}, 400, "输出格式不对"),
    ({"number_from": 0}, 400, "起始发文号不对"),
    ({"number_from": "13"}, 400, "起始发文号不对"),
    ({"seed": -1}, 400, "随机种子不对"),
    ({"feedback_by": "六月底"}, 400, "报送截止日期不对"),
    ({"ledger": "../../etc/passwd"}, 404, "找不到上传的文件"),
])
def test_a_bad_batch_choice_is_a_chinese_answer(tmp_path: Path, choice: dict, status: int, needle: str) -> None:
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        answer = client.post("/api/batches", json={"ledger": ledger, "meeting": meeting, "kind": "supervision",
                                                   "per": "district", **choice})
    assert_chinese_error(answer, status, needle)


def test_a_ledger_with_errors_ends_the_batch_with_its_problems_and_nothing_to_download(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ledger = upload(client, "ledger", "台账.csv", HEADER + BAD_ROWS).json()["id"]
        meeting = upload(client, "meeting", "meeting.yaml", MEETING).json()["id"]
        started = _start(client, ledger, meeting).json()
        ended = _wait(client, started["status"])
        download = client.get(f"/api/batches/{started['batch']}/download/zip")
        unknown = client.get("/api/batches/0123456789abcdef")
    body = assert_chinese_error(ended, 422, "批量生成无法进行")
    assert any(p["row"] == 2 and "总投资" in p["text"] for p in body["error"]["problems"])
    assert {p["file"] for p in body["error"]["problems"]} <= {"台账.csv", "meeting.yaml"}  # the user's names
    assert_chinese_error(download, 409, "还没有完成")
    assert_chinese_error(unknown, 404, "找不到这一批")


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Make every batch wait, after its first progress, until the event is set."""
    release = threading.Event()
    real = batches.batch.run_batch

    def slow(request: Any, progress: Any = None) -> Any:
        progress(batches.batch.Progress(0, 6, 0))
        release.wait(30)
        return real(request, progress)

    monkeypatch.setattr(batches.batch, "run_batch", slow)
    return release


def test_progress_shows_while_it_runs_and_one_batch_at_a_time(tmp_path: Path, held: threading.Event) -> None:
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        started = _start(client, ledger, meeting).json()
        deadline = time.monotonic() + 10
        while (running := client.get(started["status"]).json()).get("total") is None and time.monotonic() < deadline:
            time.sleep(0.02)
        second = _start(client, ledger, meeting)
        held.set()
        ended = _wait(client, started["status"]).json()
    assert running["state"] == "running" and running["done"] == 0 and running["total"] == 6
    assert_chinese_error(second, 409, "已有一批正在生成")
    assert ended["state"] == "done" and ended["done"] == ended["total"]


def test_a_batch_whose_process_died_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def killed(folder: str, spec: Any, inputs: Any) -> None:
        return None  # ends without an outcome, as a process killed by the system would

    monkeypatch.setattr(batches, "run_in_folder", killed)
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        started = _start(client, ledger, meeting).json()
        ended = _wait(client, started["status"])
    assert_chinese_error(ended, 503, "批量生成意外中止", "重新开始")


def test_ending_the_session_removes_the_batch_s_files(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        started = _start(client, ledger, meeting).json()
        _wait(client, started["status"])
        folders = list(tmp_path.glob("speechgen-web-*/s-*/batch-*"))
        assert len(folders) == 1 and any(folders[0].rglob("*.docx"))
        client.post("/api/session/end")
        assert not folders[0].exists()
        assert_chinese_error(client.get(started["status"]), 404, "找不到这一批")


def test_the_page_offers_every_kind_grouping_and_range(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        page = client.get("/").text
    for text in ("批量生成", "督办通知", "督办单", "按县区", "按责任单位", "按包保领导", "按项目", "有逾期未开工项目的",
                 "起始发文号", "下载压缩包", "下载清单"):
        assert text in page, text


def test_an_uploaded_template_makes_each_group_s_document_in_the_sandbox(tmp_path: Path) -> None:
    good = "---\nkind: speech\ntitle: 测试讲话\n---\n\n同志们：\n\n本地项目{{ facts.overall.projects }}个。\n"
    escape = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        mine = upload(client, "template", "我的.md.j2", good).json()["id"]
        evil = upload(client, "template", "坏的.md.j2", escape).json()["id"]
        made = _wait(client, _start(client, ledger, meeting, kind="speech", formats=["md"],
                                    template=mine).json()["status"]).json()
        zipped = client.get(made["downloads"]["zip"]).content
        refused = _wait(client, _start(client, ledger, meeting, kind="speech", template=evil).json()["status"])
    facts = api.facts_from_bytes(api.FactsRequest(*api.example_inputs())).facts
    counts = {group.key: group.projects for group in facts.by_district}
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        for row in made["rows"]:
            assert f"本地项目{counts[row['name']]}个。" in archive.read(row["files"][0]).decode("utf-8")
    # as `speechgen batch` does: the sandbox refuses each document, the reason in the manifest's row
    failed = refused.json()
    assert failed["summary"]["made"] == 0 and failed["summary"]["failed"] == len(failed["rows"]) == len(counts)
    assert failed["summary"]["lines"][0] == f"完成：生成 0 份，失败 {len(counts)} 份。"
    for row in failed["rows"]:
        assert row["status"] == "failed" and row["reason"].startswith("坏的.md.j2 › 第1行：模板出错：出于安全限制")


def test_with_worker_processes_a_batch_runs_in_a_process_of_its_own_and_the_page_goes_on(tmp_path: Path) -> None:
    import multiprocessing

    with web_client(tmp_path, workers=1) as client:
        ledger, meeting = example_ids(client)
        started = _start(client, ledger, meeting).json()
        facts = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting})  # answered meanwhile
        ended = _wait(client, started["status"]).json()
        run = client.app.state.speechgen.batches[0]
    assert facts.status_code == 200 and ended["state"] == "done" and ended["summary"]["failed"] == 0
    assert isinstance(run.runner, multiprocessing.process.BaseProcess) and run.runner.exitcode == 0


def test_ending_the_session_stops_its_running_batch_process(tmp_path: Path) -> None:
    with web_client(tmp_path, workers=1) as client:
        ledger, meeting = example_ids(client)
        started = _start(client, ledger, meeting, formats=["docx", "pdf"]).json()
        run = client.app.state.speechgen.batches[0]
        assert run.running
        client.post("/api/session/end")
        gone = client.get(started["status"])
    assert not run.runner.is_alive() and run.runner.exitcode != 0  # terminated, not finished
    assert not run.folder.exists()
    assert_chinese_error(gone, 404, "找不到这一批")
