"""Every failure of `speechgen serve` is a Chinese answer with its own status and no traceback: a
file removed under a request, a full disk, too little memory, input nested too deep, a browser that
left mid-upload, a bug — in the API (JSON) and on a page (HTML), through the real uvicorn server
too, where Starlette's last-resort handler would otherwise answer "Internal Server Error"."""

from __future__ import annotations

import errno
import http.client
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.requests import ClientDisconnect

from speechgen import api
from speechgen.web import batches
from speechgen.web.failures import from_exception
from web_client import assert_chinese_error, draft, example_ids, live_app, web_client

FAILURES = [
    (FileNotFoundError(2, "No such file", "/tmp/speechgen-web-x/s-y/0123.upload"), 404, "文件已删除"),
    (OSError(errno.ENOSPC, "No space left on device"), 507, "磁盘空间不足"),
    (MemoryError(), 507, "内存不足"),
    (RecursionError("maximum recursion depth exceeded"), 422, "嵌套过深"),
    (ClientDisconnect(), 400, "上传中断"),
    (PermissionError(errno.EACCES, "Permission denied", "/tmp/speechgen-web-x"), 500, "临时文件夹可写"),
    (RuntimeError("secret internal detail"), 500, "程序的缺陷"),
    (KeyError("secret internal detail"), 500, "程序的缺陷"),
]


def _no_detail(text: str) -> None:
    for leak in ("secret internal detail", "Traceback", "Internal Server Error", "/tmp/speechgen-web-x",
                 "Error(", "errno"):
        assert leak not in text, leak


@pytest.mark.parametrize(("error", "status", "needle"), FAILURES)
def test_each_failure_in_the_api_is_its_own_chinese_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          error: BaseException, status: int, needle: str) -> None:
    def failing(request: Any) -> Any:
        raise error

    monkeypatch.setattr(api, "facts_from_bytes", failing)
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        answer = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting})
    assert_chinese_error(answer, status, needle)
    _no_detail(answer.text)


def test_a_preview_whose_file_was_removed_meanwhile_is_a_404_not_a_bug(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        made = draft(client, *example_ids(client)).json()
        for rendered in tmp_path.rglob("*.html"):
            rendered.unlink()  # as a session pruning its oldest drafts would
        page = client.get(made["preview"], headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
        script = client.get(made["preview"])  # the page's script asking
    assert page.status_code == 404 and "文件已删除" in page.text and "返回首页" in page.text
    _no_detail(page.text)
    assert_chinese_error(script, 404, "文件已删除")


@pytest.mark.parametrize(("error", "status", "needle"), FAILURES[:2] + FAILURES[-1:])
def test_a_batch_that_fails_in_its_process_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    error: BaseException, status: int, needle: str) -> None:
    def failing(request: Any, progress: Any = None) -> Any:
        raise error

    monkeypatch.setattr(batches.batch, "run_batch", failing)
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        started = client.post("/api/batches", json={"ledger": ledger, "meeting": meeting, "kind": "supervision",
                                                     "per": "district"}).json()
        deadline = time.monotonic() + 30
        while (answer := client.get(started["status"])).status_code == 200 and time.monotonic() < deadline:
            time.sleep(0.05)
    assert_chinese_error(answer, status, needle)
    _no_detail(answer.text)


def test_every_exception_class_has_a_status_and_a_chinese_title() -> None:
    for error, status, _ in FAILURES:
        answer = from_exception(error)
        assert answer.status == status and any("\u4e00" <= ch <= "\u9fff" for ch in answer.title + answer.message)


@pytest.fixture
def live(tmp_path: Path) -> Iterator[int]:
    """The app under the real uvicorn server, in a thread, on a free loopback port."""
    with live_app(tmp_path) as port:
        yield port


def _get(port: int, path: str, **headers: str) -> tuple[int, str, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    return response.status, response.getheader("Content-Type") or "", response.read().decode("utf-8")


def test_a_bug_through_the_real_server_is_a_chinese_page_or_json(live: int, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(api, "kinds", broken)
    page_status, page_type, page = _get(live, "/")
    api_status, api_type, body = _get(live, "/api/kinds")
    missing_status, _, missing = _get(live, "/static/missing.js")
    assert page_status == 500 and page_type.startswith("text/html") and "内部错误" in page and "返回首页" in page
    assert api_status == 500 and api_type == "application/json"
    assert json.loads(body)["error"]["title"] == "内部错误"
    assert missing_status == 404 and "找不到这个页面或文件" in missing
    for text in (page, body, missing):
        _no_detail(text)
