"""The web app under test: a TestClient on an app whose work runs in threads and whose session
folders live under the test's tmp_path, and small ledgers written as CSV text."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from speechgen.web import WebSettings, create_app

HEADER = "项目名称,县区,责任单位,总投资（万元）,年度计划投资（万元）,完成投资（万元）,项目状态\n"
GOOD_ROWS = "甲项目,东城区,市城投集团,1000,500,200,在建\n乙项目,西湖区,市交投集团,800,400,100,未开工\n"
BAD_ROWS = "甲项目,东城区,市城投集团,一千,500,200,在建\n乙项目,西湖区,,800,400,100,谈判中\n"
MEETING = "region: 示例市\nmeeting: 全市重点项目调度会\ndate: 2026-06-05\nas_of: 2026-05-31\n"


@contextmanager
def web_client(tmp_path: Path, **settings: Any) -> Iterator[TestClient]:
    """Yield a client of a fresh app (threads, no warm-up, Host "testserver" allowed)."""
    chosen = {"workers": 0, "warm_up": False, "temp_root": tmp_path, "allowed_hosts": frozenset({"testserver"}),
              **settings}
    with TestClient(create_app(WebSettings(**chosen)), raise_server_exceptions=False) as client:
        use_page_token(client)
        yield client


def use_page_token(client: TestClient) -> str:
    """Open the page as a browser does (its session cookie) and send its token with every request."""
    found = re.search(r'<meta name="speechgen-token" content="([^"]+)">', client.get("/").text)
    assert found, "the page carries no token"
    client.headers["X-Speechgen-Token"] = found.group(1)
    return found.group(1)


def upload(client: TestClient, slot: str, name: str, data: bytes | str) -> Any:
    """POST one file into a slot; return the response."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return client.post("/api/upload", data={"slot": slot}, files={"file": (name, payload)})


def example_ids(client: TestClient) -> tuple[str, str]:
    body = client.post("/api/example").json()
    return body["ledger"]["id"], body["meeting"]["id"]


def draft(client: TestClient, ledger: str, meeting: str, **choice: Any) -> Any:
    return client.post("/api/draft", json={"ledger": ledger, "meeting": meeting, "kind": "speech", "seed": 1,
                                           **choice})


def assert_chinese_error(response: Any, status: int, *needles: str) -> dict:
    """Assert a JSON error answer: the status, ok false, Chinese text with each needle, no traceback."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False
    assert "Traceback" not in response.text and "Internal Server Error" not in response.text
    error = body["error"]
    whole = error["title"] + error["message"] + "".join(p["text"] for p in error["problems"])
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error["title"])
    for needle in needles:
        assert needle in whole, whole
    return body


@contextmanager
def live_app(tmp_path: Path, **settings: Any) -> Iterator[int]:
    """Serve a fresh app (threads, no warm-up) with the real uvicorn server in a thread, on a free
    loopback port; yield the port."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    chosen = WebSettings(**{"port": port, "workers": 0, "warm_up": False, "temp_root": tmp_path, **settings})
    server = uvicorn.Server(uvicorn.Config(create_app(chosen), host="127.0.0.1", port=port, log_level="critical",
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "uvicorn did not start"
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(10)
