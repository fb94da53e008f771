"""The web app's safety: sessions see only their own files and end with them, the Host check, the
upload limit while the body streams, every error a Chinese answer (404, 405, bad JSON, a bug, a
time-out), and rendering off the event loop."""

from __future__ import annotations

import asyncio
import socket
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from speechgen import api
from speechgen.web import WebSettings, create_app, jobs
from speechgen.web.guards import BodyLimit
from speechgen.web.sessions import SessionStore
from speechgen.web.workers import Workers
from web_client import assert_chinese_error, draft, example_ids, use_page_token, web_client


def test_a_browser_sees_only_its_own_files_and_drafts(tmp_path: Path) -> None:
    with web_client(tmp_path) as alice:
        ledger, meeting = example_ids(alice)
        made = draft(alice, ledger, meeting).json()
        bob = TestClient(alice.app, raise_server_exceptions=False)
        use_page_token(bob)  # another browser with a page of its own
        assert_chinese_error(bob.post("/api/facts", json={"ledger": ledger, "meeting": meeting}), 404, "请重新上传")
        assert_chinese_error(bob.get(made["downloads"]["md"]), 404, "找不到这份稿件")
        assert_chinese_error(bob.post(made["check"]), 404)
        assert alice.get(made["downloads"]["md"]).status_code == 200


@pytest.mark.parametrize("value", ["../../etc/passwd", "0" * 15, "G" * 16, 12, None, ["a"]])
def test_no_client_value_reaches_the_file_system(tmp_path: Path, value: Any) -> None:
    with web_client(tmp_path) as client:
        _, meeting = example_ids(client)
        assert_chinese_error(client.post("/api/facts", json={"ledger": value, "meeting": meeting}), 404)
        answer = client.get("/api/drafts/..%2F..%2Fetc%2Fpasswd/download/md")
        assert answer.status_code == 404 and "Traceback" not in answer.text


def test_ending_the_session_removes_its_files_at_once(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        made = draft(client, ledger, meeting).json()
        folders = [p for p in tmp_path.glob("speechgen-web-*/s-*")]
        assert len(folders) == 1 and any(folders[0].iterdir())
        ended = client.post("/api/session/end")
        assert ended.json()["ok"] and not folders[0].exists()
        assert_chinese_error(client.get(made["downloads"]["md"]), 404, "已随会话结束而删除")


def test_idle_sessions_are_swept_with_their_folders(tmp_path: Path) -> None:
    store = SessionStore(idle_seconds=60, max_sessions=3, root=tmp_path)
    old, kept = store.create(), store.create()
    old.touched -= 120
    assert store.sweep() == 1 and not old.folder.exists() and kept.folder.exists()
    assert store.get(old.id) is None and store.get(kept.id) is kept
    extra = [store.create() for _ in range(3)]
    assert len(store) == 3 and not kept.folder.exists() and all(s.folder.exists() for s in extra)
    store.close()
    assert list(tmp_path.iterdir()) == []


def test_a_foreign_host_header_is_refused(tmp_path: Path) -> None:
    app = create_app(WebSettings(workers=0, warm_up=False, temp_root=tmp_path))  # bound to loopback
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/").status_code == 200
        evil = client.get("/api/kinds", headers={"Host": "attacker.example:8000"})
        assert_chinese_error(evil, 421, "只在本机地址上回答")
        assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200
    assert WebSettings(host="0.0.0.0").answered_hosts() is None
    assert WebSettings(host="::1").answered_hosts() is not None


def test_the_upload_limit_holds_while_the_body_streams() -> None:
    pulled: list[int] = []
    chunk = b"x" * 1000

    async def receive() -> dict:
        pulled.append(1)
        return {"type": "http.request", "body": chunk, "more_body": len(pulled) < 1000}

    async def app(scope: dict, receive_: Any, send: Any) -> None:
        while (await receive_()).get("more_body"):
            pass

    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "path": "/api/upload", "headers": []}
    with pytest.raises(Exception, match="一次上传不能超过"):
        asyncio.run(BodyLimit(app, limit=5000)(scope, receive, send))
    assert len(pulled) == 6  # stopped at the first chunk past 5,000 bytes, not after 1,000 chunks
    declared = {**scope, "headers": [(b"content-length", b"999999")]}
    asyncio.run(BodyLimit(app, limit=5000)(declared, receive, send))
    assert sent[0]["status"] == 413 and "文件太大" in sent[1]["body"].decode()


def test_http_errors_and_bad_requests_answer_in_chinese(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        assert_chinese_error(client.get("/api/draft"), 405, "不支持这种请求")
        assert_chinese_error(client.post("/api/facts", content=b"{not json", headers={
            "Content-Type": "application/json"}), 400, "请求应是 JSON 对象")
        assert_chinese_error(client.post("/api/facts", json=[1, 2]), 400)
        assert_chinese_error(client.get("/api/drafts/abc/pages/x.png"), 400, "请求的参数不对")
        page = client.get("/没有这一页")
        assert page.status_code == 404 and "找不到这个页面或文件" in page.text and "返回首页" in page.text


def test_a_bug_is_a_chinese_answer_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(request: Any) -> Any:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(api, "facts_from_bytes", broken)
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        answer = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting})
    assert_chinese_error(answer, 500, "程序的缺陷")
    assert "secret internal detail" not in answer.text and "RuntimeError" not in answer.text


def _slow(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def test_a_job_over_its_time_limit_is_answered_and_others_still_run() -> None:
    workers = Workers(0, seconds=0.2)

    async def both() -> tuple[Any, Any]:
        slow = asyncio.create_task(workers.run(_slow, 1.0))
        quick = await workers.run(_slow, 0.0)  # not held up by the slow one
        try:
            await slow
        except Exception as error:
            return quick, error
        return quick, None

    quick, error = asyncio.run(both())
    workers.close()
    assert quick == "done" and error is not None and error.status == 504 and "处理超时" in error.title


def test_an_error_raised_in_a_worker_process_keeps_its_problems() -> None:
    ledger, _ = api.example_inputs()
    request = api.GenerateRequest("speech", ledger, api.InputFile.from_text("meeting.yaml", "region: 示例市\n"))
    workers = Workers(1, seconds=120)
    try:
        with pytest.raises(Exception) as caught:
            asyncio.run(workers.run(jobs.draft_job, request))
    finally:
        workers.close()
    error = caught.value
    assert error.status == 422 and any(p.file == "meeting.yaml" for p in error.problems)


def test_serve_warns_when_it_listens_beyond_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    import speechgen.web
    from speechgen.cli import main

    started: list[WebSettings] = []
    monkeypatch.setattr(speechgen.web, "serve", lambda settings, on_ready: (started.append(settings), on_ready()))
    loopback = CliRunner().invoke(main, ["serve", "--port", "8123"])
    wide = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--max-upload", "5", "--session-minutes", "30"])
    assert loopback.exit_code == wide.exit_code == 0
    assert "警告" not in loopback.output and "http://127.0.0.1:8123/" in loopback.output
    assert "警告：正在监听 0.0.0.0，同一网络中的任何人都能打开本页" in wide.output
    assert started[0].host == "127.0.0.1" and started[1].max_upload == 5 * 1024 * 1024
    assert started[1].session_minutes == 30


def test_serve_on_a_taken_port_says_so_in_chinese() -> None:
    from click.testing import CliRunner

    from speechgen.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 1 and f"无法在 127.0.0.1:{port} 上启动" in result.output
    assert "--port" in result.output and "Traceback" not in result.output


def test_a_post_without_the_page_s_token_or_from_another_site_is_refused(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        token = client.headers.pop("X-Speechgen-Token")
        files_before = sorted(tmp_path.rglob("*.upload"))
        bare = client.post("/api/example")  # a form or script elsewhere: the cookie goes, the token cannot
        form = client.post("/api/upload", data={"slot": "meeting"}, files={"file": ("m.yaml", b"region: x\n")})
        forged = token[:-1] + ("A" if token[-1] != "A" else "B")
        wrong = client.post("/api/example", headers={"X-Speechgen-Token": forged})
        cross = client.post("/api/example", headers={"X-Speechgen-Token": token, "Sec-Fetch-Site": "cross-site"})
        other_port = client.post("/api/example", headers={"X-Speechgen-Token": token, "Sec-Fetch-Site": "same-site"})
        origin = client.post("/api/example", headers={"X-Speechgen-Token": token, "Origin": "http://evil.example"})
        null_origin = client.post("/api/example", headers={"X-Speechgen-Token": token, "Origin": "null"})
        assert sorted(tmp_path.rglob("*.upload")) == files_before  # nothing was stored
        same = client.post("/api/example", headers={"X-Speechgen-Token": token, "Origin": "http://testserver",
                                                    "Sec-Fetch-Site": "same-origin"})
        reading = client.get("/api/kinds")  # reading needs no token
        other = TestClient(client.app, raise_server_exceptions=False)
        use_page_token(other)
        borrowed = other.post("/api/example", headers={"X-Speechgen-Token": token})  # another session's token
    for answer in (bare, form, wrong):
        assert_chinese_error(answer, 403, "页面已过期", "请刷新本页")
    for answer in (cross, other_port, origin, null_origin):
        assert_chinese_error(answer, 403, "请求不是来自本页")
    assert same.status_code == 200 and same.json()["ok"] and reading.status_code == 200
    assert_chinese_error(borrowed, 403, "页面已过期")


def test_after_the_session_ends_the_old_page_is_told_to_reload(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        assert client.post("/api/session/end").status_code == 200
        stale = client.post("/api/example")
        token = use_page_token(client)  # the reloaded page: a new session, a new token
        fresh = client.post("/api/example")
    assert_chinese_error(stale, 403, "页面已过期")
    assert fresh.status_code == 200 and token
