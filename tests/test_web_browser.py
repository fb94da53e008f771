"""End to end in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no
downloaded browser): `speechgen serve` on a free loopback port, the example ledger uploaded, the
figures, a speech drafted, its pages, a re-roll, an edit, the .docx downloaded and opened, a bad upload."""

from __future__ import annotations

import http.client
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from speechgen import api

CHROMIUM = "/usr/bin/chromium"
NO_CHROMIUM = "Debian chromium (/usr/bin/chromium) is not installed: make test installs it when run as root"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WORD_TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "docx" / "红头模板.docx"
SCREENSHOTS_ENV = "SPEECHGEN_SCREENSHOTS"  # where the run saves its screenshots (make images: docs/images)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=NO_CHROMIUM)]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _script() -> str:
    beside = Path(sys.executable).with_name("speechgen")
    found = str(beside) if beside.exists() else shutil.which("speechgen")
    assert found, "the speechgen script is not installed (pip install -e '.[dev]')"
    return found


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """Start `speechgen serve` on a free loopback port (1 MB upload limit); yield its address."""
    port = _free_port()
    process = subprocess.Popen([_script(), "serve", "--port", str(port), "--workers", "1", "--max-upload", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.2)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get(SCREENSHOTS_ENV) or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, accept_downloads=True,
            viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        context.set_default_timeout(90_000)
        browser_page = context.new_page()
        browser_page.goto(server + "/")
        try:
            yield browser_page
        finally:
            context.close()


def test_a_secretary_uploads_drafts_previews_rerolls_edits_and_downloads(page, shots: Path, tmp_path: Path) -> None:
    assert page.inner_text("h1") == "speechgen 文稿助手"
    page.set_input_files("#ledger-file", str(EXAMPLES / "ledger.xlsx"))
    page.wait_for_selector("#ledger-name:has-text('已上传：ledger.xlsx')")
    page.set_input_files("#meeting-file", str(EXAMPLES / "meeting.yaml"))
    page.wait_for_selector("#district-table")
    facts = api.facts_from_bytes(api.FactsRequest(*api.example_inputs())).facts
    districts = page.locator("#district-table tbody tr")
    assert districts.count() == len(facts.by_district)
    assert facts.by_district[0].key in districts.first.inner_text()
    assert page.locator(".chart rect.bar").count() == len(facts.by_district)
    page.locator("#facts").screenshot(path=str(shots / "web-facts.png"))

    page.click("#generate")
    page.wait_for_selector("#pages figure img")
    page.wait_for_selector("#findings h3")
    count = page.locator("#pages figure").count()
    assert count >= 3 and page.inner_text("#page-count") == f"共 {count} 页"
    assert all(page.evaluate(f"document.querySelectorAll('#pages img')[{i}].naturalWidth") > 500 for i in range(count))
    first_text = page.input_value("#draft-text")
    assert "同志们：" in first_text
    page.locator("#drafting").screenshot(path=str(shots / "web-preview.png"))

    page.eval_on_selector("#preview-pane", "pane => { pane.scrollTop = 1500; }")
    page.click("#reroll")
    page.wait_for_function("document.getElementById('seed').value === '2'")
    page.wait_for_function("!document.getElementById('pages').classList.contains('stale')")
    assert page.input_value("#draft-text") != first_text
    assert abs(page.eval_on_selector("#preview-pane", "pane => pane.scrollTop") - 1500) < 5  # scroll kept

    edited = page.input_value("#draft-text").replace("同志们：", "同志们：\n\n这是秘书改过的一段话。", 1)
    page.fill("#draft-text", edited)
    page.click("#rerender")
    page.wait_for_function("!document.getElementById('pages').classList.contains('stale')")
    page.click("[data-tab=html]")
    frame = page.frame_locator("#html-preview")
    assert "这是秘书改过的一段话。" in frame.locator("body").inner_text()

    with page.expect_download() as download:
        page.click("#download-docx")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".docx"
    paragraphs = [p.text for p in docx.Document(io.BytesIO(saved.read_bytes())).paragraphs]
    assert "这是秘书改过的一段话。" in paragraphs and "同志们：" in paragraphs
    page.screenshot(path=str(shots / "web-page.png"), full_page=True)


def test_a_bad_upload_is_explained_on_the_page(page, shots: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "台账.xls"
    wrong.write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    page.set_input_files("#ledger-file", str(wrong))
    page.wait_for_selector("#message:not([hidden])")
    message = page.inner_text("#message")
    assert "项目台账无法使用" in message and "不能是 .xls 文件" in message and "另存为" in message
    page.locator("#message").screenshot(path=str(shots / "web-bad-upload.png"))


def test_the_server_refuses_an_oversized_body_while_it_streams(server: str) -> None:
    host, port = server.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", "/")  # a page of its own: its session cookie and token
    opened = connection.getresponse()
    cookie = (opened.getheader("Set-Cookie") or "").split(";", 1)[0]
    token = re.search(r'name="speechgen-token" content="([^"]+)"', opened.read().decode("utf-8")).group(1)
    preamble = b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n'
    chunks = (preamble if n == 0 else b"x" * 65536 for n in range(64))  # 4 MB, no Content-Length
    connection.request("POST", "/api/upload", body=chunks, encode_chunked=True,
                       headers={"Content-Type": "multipart/form-data; boundary=b", "Cookie": cookie,
                                "X-Speechgen-Token": token})
    response = connection.getresponse()
    body = response.read().decode("utf-8")
    assert response.status == 413 and "一次上传不能超过 1 MB" in body and "Traceback" not in body


def test_a_secretary_runs_a_batch_sees_its_progress_and_downloads_the_zip(page, shots: Path, tmp_path: Path) -> None:
    page.click("#use-example")
    page.wait_for_selector("#district-table")
    assert page.is_visible("#batch")
    assert not page.is_visible("#batch-progress") and not page.is_visible("#batch-word-box")  # until wanted
    page.select_option("#batch-kind", "sheet")  # 督办单: one per project, so the grouping follows
    assert page.input_value("#batch-per") == "project"
    assert page.is_disabled("#batch-per option[value=district]")
    page.set_input_files("#docx_template-file", str(WORD_TEMPLATE))  # the office's 红头, uploaded in step 3
    page.wait_for_selector("#batch-word-box:not([hidden])")
    assert "红头模板.docx" in page.inner_text("#batch-word-box") and page.is_checked("#batch-word")
    page.select_option("#batch-kind", "supervision")
    page.select_option("#batch-per", "district")
    page.fill("#batch-number-from", "13")
    page.click("#batch-start")
    page.wait_for_selector("#batch-progress:not([hidden])")
    page.wait_for_selector("#batch-result:not([hidden])", timeout=180_000)
    status = page.inner_text("#batch-status")
    rows = page.locator("#batch-table tbody tr")
    assert rows.count() >= 1 and "示项办〔2026〕13号" in rows.first.inner_text()
    assert f"已完成 {rows.count()} / {rows.count()} 份" in status
    assert page.inner_text("#batch-summary").startswith(f"完成：生成 {rows.count()} 份")
    page.locator("#batch").screenshot(path=str(shots / "web-batch.png"))

    with page.expect_download() as download:
        page.click("#batch-zip")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "督办通知（按县区）.zip"
    with zipfile.ZipFile(saved) as archive:
        names = archive.namelist()
        first = docx.Document(io.BytesIO(archive.read(names[0])))
    assert "manifest.csv" in names and len(names) == rows.count() + 1
    group = rows.first.locator("td").nth(1).inner_text()
    assert group in "".join(p.text for p in first.paragraphs) and group in names[0]  # the first group's notice
    from click.testing import CliRunner

    from speechgen.cli import main

    cli = tmp_path / "cli"  # the same batch by the command line, with the same Word template
    made = CliRunner().invoke(main, ["batch", "督办通知", "-d", str(EXAMPLES / "ledger.xlsx"), "-m",
                                     str(EXAMPLES / "meeting.yaml"), "--per", "district", "--number-from", "13",
                                     "--docx-template", str(WORD_TEMPLATE), "-o", str(cli), "--jobs", "1"])
    assert made.exit_code == 0, made.output
    with zipfile.ZipFile(saved) as archive:
        assert all(archive.read(name) == (cli / name).read_bytes() for name in names if name.endswith(".docx"))
    with page.expect_download() as manifest:
        page.click("#batch-manifest")
    assert manifest.value.suggested_filename == "督办通知（按县区）清单.csv"


def test_a_secretary_compares_with_last_month_and_picks_a_worksheet(page, shots: Path, tmp_path: Path) -> None:
    page.click("#use-example")
    page.wait_for_selector("#district-table")
    assert not page.is_visible("#change-table") and not page.is_visible("#sheet-box")
    page.set_input_files("#previous-file", str(EXAMPLES / "ledger-previous.xlsx"))
    page.wait_for_selector("#change-table")
    assert "已上传：ledger-previous.xlsx" in page.inner_text("#previous-name")
    assert "上升1位" in page.inner_text("#district-change-table")
    page.locator("#facts").screenshot(path=str(shots / "web-compare.png"))
    page.click("#generate")
    page.wait_for_function("document.getElementById('draft-text').value.includes('较上月')")

    from test_sources_helpers import HEADER, row, write_xlsx

    workbook = write_xlsx(tmp_path / "两个月.xlsx", [HEADER, row(1, "八月的项目")], sheet="8月台账",
                          extra_sheets=[("9月台账", [HEADER, row(1, "九月的项目")])])
    page.set_input_files("#ledger-file", str(workbook))
    page.wait_for_selector("#sheet-box:not([hidden])")
    page.wait_for_selector("#project-table:has-text('九月的项目')", state="attached")
    assert "已读取期间最近的“9月台账”" in page.inner_text("#facts-body")
    page.select_option("#sheet-choice", "8月台账")
    page.wait_for_selector("#project-table:has-text('八月的项目')", state="attached")
    assert "工作表像是台账" not in page.inner_text("#facts-body")
