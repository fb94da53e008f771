"""Uploads: each slot takes its own types, and every bad upload — wrong type, corrupt, not a
workbook, a zip bomb, oversized, empty, binary text, no file, an unknown slot — gets its own Chinese answer."""

from __future__ import annotations

import contextlib
import http.client
import io
import re
import socket
import time
import zipfile
from pathlib import Path

import pytest

from speechgen import api
from web_client import assert_chinese_error, live_app, upload, web_client

EXAMPLE_LEDGER, EXAMPLE_MEETING = api.example_inputs()


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_workbook_a_csv_and_a_meeting_file_are_taken_and_named_by_server_ids(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        answers = [upload(client, "ledger", "台账.xlsx", EXAMPLE_LEDGER.data).json(),
                   upload(client, "ledger", "C:\\上传\\台账.csv", "项目名称,县区\n甲,东城区\n").json(),
                   upload(client, "meeting", "meeting.yaml", EXAMPLE_MEETING.data).json()]
        stored = sorted(p.name for p in tmp_path.rglob("*.upload"))
    assert [a["name"] for a in answers] == ["台账.xlsx", "台账.csv", "meeting.yaml"]  # no folder kept
    assert all(a["ok"] and len(a["id"]) == 16 and set(a["id"]) <= set("0123456789abcdef") for a in answers)
    assert stored == sorted(f"{a['id']}.upload" for a in answers)  # on disk by id, never by the user's name
    assert list(tmp_path.iterdir()) == []  # the server's temporary root went with it


@pytest.mark.parametrize(("slot", "name", "needle"), [
    ("ledger", "台账.xls", "项目台账不能是 .xls 文件"),
    ("ledger", "台账.exe", "可用的格式：.xlsx、.csv、.tsv"),
    ("ledger", "台账", "（无扩展名）"),
    ("meeting", "meeting.docx", "会议信息文件不能是 .docx 文件"),
    ("template", "模板.py", "文稿模板不能是 .py 文件"),
])
def test_a_wrong_type_is_refused_with_the_types_the_slot_takes(tmp_path: Path, slot: str, name: str,
                                                               needle: str) -> None:
    with web_client(tmp_path) as client:
        assert_chinese_error(upload(client, slot, name, b"some bytes"), 415, needle)


def test_a_corrupt_workbook_is_refused_before_any_reader_opens_it(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        truncated = EXAMPLE_LEDGER.data[: len(EXAMPLE_LEDGER.data) // 2]
        assert_chinese_error(upload(client, "ledger", "台账.xlsx", truncated), 422, "文件已损坏或不是Excel 工作簿")
        assert_chinese_error(upload(client, "ledger", "台账.xlsx", b"PK\x03\x04 not really"), 422, "已损坏")


def test_a_zip_that_is_not_a_workbook_names_the_missing_parts(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        response = upload(client, "ledger", "台账.xlsx", _zip({"readme.txt": b"hello"}))
        assert_chinese_error(response, 422, "缺少 [Content_Types].xml、xl/workbook.xml")


def test_an_old_or_password_protected_workbook_says_so(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
        assert_chinese_error(upload(client, "ledger", "台账.xlsx", ole), 422, "设置了打开密码")


def test_a_zip_bomb_is_refused_by_its_total_uncompressed_size(tmp_path: Path) -> None:
    bomb = _zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml":
                 b"\x00" * (3 * 1024 * 1024)})
    assert len(bomb) < 20_000
    with web_client(tmp_path, max_unzipped=2 * 1024 * 1024) as client:
        assert_chinese_error(upload(client, "ledger", "台账.xlsx", bomb), 422, "压缩炸弹", "超过 2 MB")
        assert list(tmp_path.rglob("*.upload")) == []


def test_an_oversized_upload_is_refused_with_the_limit(tmp_path: Path) -> None:
    with web_client(tmp_path, max_upload=64 * 1024) as client:
        response = upload(client, "ledger", "台账.csv", "甲,东城区\n" * 20_000)
        assert_chinese_error(response, 413, "一次上传不能超过 0.0625 MB", "--max-upload")
        # without a Content-Length the limit holds as the body streams in
        preamble = b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n'
        chunks = (preamble if n == 0 else b"x" * 16384 for n in range(10))
        streamed = client.post("/api/upload", content=chunks,
                               headers={"Content-Type": "multipart/form-data; boundary=b"})
        assert_chinese_error(streamed, 413, "文件太大")
        assert list(tmp_path.rglob("*.upload")) == []


def test_an_empty_file_and_a_binary_meeting_file_are_refused(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        assert_chinese_error(upload(client, "ledger", "台账.csv", b"  \n"), 422, "项目台账是空的")
        assert_chinese_error(upload(client, "meeting", "meeting.yaml", b"\x00\x01\x02binary"), 422,
                             "会议信息文件应是文本文件")


def test_a_form_without_a_file_or_with_an_unknown_slot_is_a_chinese_400(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        assert_chinese_error(client.post("/api/upload", data={"slot": "ledger"}), 400, "没有收到项目台账")
        assert_chinese_error(upload(client, "secret", "a.csv", b"x"), 400, "不知道这是哪一种文件")
        broken = client.post("/api/upload", content=b"--b\r\nnonsense", headers={
            "Content-Type": "multipart/form-data; boundary=b"})
        assert broken.status_code == 400 and "Traceback" not in broken.text
        assert broken.json()["ok"] is False


def test_a_session_keeps_a_bounded_number_of_files(tmp_path: Path) -> None:
    with web_client(tmp_path, max_files_per_session=3) as client:
        ids = [upload(client, "ledger", f"台账{n}.csv", "项目名称\n甲\n").json()["id"] for n in range(5)]
        assert len(list(tmp_path.rglob("*.upload"))) == 3
        oldest = client.post("/api/facts", json={"ledger": ids[0], "meeting": ids[1]})
        assert_chinese_error(oldest, 404, "请重新上传")


def _open_page(port: int) -> tuple[str, str]:
    """GET the page as a browser does; return its session cookie and token."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection.request("GET", "/")
    response = connection.getresponse()
    page = response.read().decode("utf-8")
    token = re.search(r'name="speechgen-token" content="([^"]+)"', page)
    assert token
    return (response.getheader("Set-Cookie") or "").split(";", 1)[0], token.group(1)


def _answer_while_sending(port: int, path: str, head: str, chunks: list[bytes]) -> tuple[bytes, int]:
    """Send a request's head and then its body chunk by chunk, never finishing it; return the answer
    the server gives meanwhile and how many body bytes had been sent when it came."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{head}\r\n".encode())
        sock.setblocking(False)
        answer = b""
        for chunk in chunks:
            with contextlib.suppress(BlockingIOError):
                answer += sock.recv(65536)
            if answer:
                break
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
            time.sleep(0.01)
        sock.setblocking(True)
        while b"\r\n\r\n" not in answer:  # the body was never finished: the answer comes regardless
            more = sock.recv(65536)
            if not more:
                break
            answer += more
    return answer, sent


@pytest.mark.parametrize("path", ["/api/upload", "/api/facts"])
def test_the_real_server_answers_413_while_the_body_still_streams(tmp_path: Path, path: str) -> None:
    limit = 256 * 1024
    with live_app(tmp_path, max_upload=limit) as port:
        cookie, token = _open_page(port)
        head = (f"Cookie: {cookie}\r\nX-Speechgen-Token: {token}\r\nTransfer-Encoding: chunked\r\n"
                + ("Content-Type: multipart/form-data; boundary=b\r\n" if path == "/api/upload"
                   else "Content-Type: application/json\r\n"))
        preamble = b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n'
        chunks = [preamble] + [b"x" * 16384] * 2000  # 32 MB were it all sent
        answer, sent = _answer_while_sending(port, path, head, chunks)
        declared, declared_sent = _answer_while_sending(
            port, path, f"Cookie: {cookie}\r\nX-Speechgen-Token: {token}\r\nContent-Length: 10000000000\r\n"
            "Content-Type: application/json\r\n", [])
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    # the answer came with the body unfinished (its last chunk never sent): refused while it streamed
    assert limit < sent < 2000 * 16384
    assert declared.startswith(b"HTTP/1.1 413") and declared_sent == 0  # refused before a byte
    assert list(tmp_path.rglob("*.upload")) == []
