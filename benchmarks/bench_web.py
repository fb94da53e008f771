"""`speechgen serve` on loopback: the HTML preview and the PDF page images of the example speech
after the first request, a page answered while another user's PDF renders, and a bounded load
test (8 concurrent clients, 200 requests) with its 95th-percentile latency and errors.

The server is the real command (`speechgen serve --workers 2` on a free 127.0.0.1 port); every
request goes to that loopback address only, and every loop is bounded in count and time.
Run: .venv/bin/python benchmarks/run.py web   (or make bench)
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CLIENTS, REQUESTS, LOAD_SECONDS = 8, 200, 600
RUNS = 10


@contextmanager
def served() -> Iterator[int]:
    """Start `speechgen serve` on a free loopback port; yield the port; stop it after."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    script = Path(sys.executable).with_name("speechgen")
    command = [str(script) if script.exists() else shutil.which("speechgen") or "speechgen",
               "serve", "--port", str(port), "--workers", "2"]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


class Client:
    """One browser: its own connection and session cookie."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookie = ""
        self.token = ""

    def call(self, method: str, path: str, body: object = None) -> tuple[int, bytes, float]:
        if method != "GET" and not self.token:
            self.open()
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if method != "GET":
            headers["X-Speechgen-Token"] = self.token
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        start = time.perf_counter()
        self.connection.request(method, path, body=payload, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        elapsed = time.perf_counter() - start
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, data, elapsed

    def open(self) -> None:
        """Open the page as a browser does: its session cookie and the token its requests carry."""
        _, page, _ = self.call("GET", "/")
        self.token = re.search(rb'name="speechgen-token" content="([^"]+)"', page).group(1).decode()

    def json(self, method: str, path: str, body: object = None) -> dict:
        status, data, _ = self.call(method, path, body)
        assert status == 200, data.decode()
        return json.loads(data)

    def example(self) -> dict:
        ids = self.json("POST", "/api/example")
        return {"ledger": ids["ledger"]["id"], "meeting": ids["meeting"]["id"]}


def html_preview(client: Client, ids: dict, seed: int) -> tuple[float, dict]:
    """Return the seconds from asking for a draft to holding its HTML preview, and the draft."""
    start = time.perf_counter()
    made = client.json("POST", "/api/draft", {**ids, "kind": "speech", "seed": seed})
    status, _, _ = client.call("GET", made["preview"])
    assert status == 200
    return time.perf_counter() - start, made


def page_images(client: Client, made: dict) -> tuple[float, int]:
    """Return the seconds to render a draft's PDF pages and fetch every PNG, and the page count."""
    start = time.perf_counter()
    pages = client.json("POST", made["pages"])
    for image in pages["images"]:
        assert client.call("GET", image)[0] == 200
    return time.perf_counter() - start, pages["count"]


def while_rendering(port: int, seed: int) -> float:
    """Return how long another user's page takes while one user's PDF renders."""
    renderer, other = Client(port), Client(port)
    ids = renderer.example()  # a session sees only its own files
    made = renderer.json("POST", "/api/draft", {**ids, "kind": "speech", "seed": seed})
    worker = threading.Thread(target=renderer.call, args=("POST", made["pages"]))
    worker.start()
    time.sleep(0.05)
    _, _, seconds = other.call("GET", "/")
    worker.join()
    return seconds


def load(port: int) -> tuple[list[float], int, float]:
    """Run REQUESTS requests from CLIENTS concurrent clients (each its own session, a mix of figures,
    drafts, previews and page images); return the latencies, the errors and the wall time."""
    latencies: list[float] = []
    errors = [0]
    counter = iter(range(REQUESTS))
    lock = threading.Lock()
    deadline = time.monotonic() + LOAD_SECONDS

    def run(number: int) -> None:
        client = Client(port)
        ids = client.example()
        made = client.json("POST", "/api/draft", {**ids, "kind": "speech", "seed": number})
        while time.monotonic() < deadline:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            step = index % 10
            if step < 3:
                status, data, seconds = client.call("POST", "/api/facts", ids)
            elif step < 7:
                status, data, seconds = client.call("POST", "/api/draft", {**ids, "kind": "speech", "seed": index})
                if status == 200:
                    made = json.loads(data)
            elif step < 9:
                status, data, seconds = client.call("GET", made["preview"])
            else:
                status, data, seconds = client.call("POST", made["pages"])
            with lock:
                latencies.append(seconds)
                errors[0] += status != 200

    start = time.perf_counter()
    threads = [threading.Thread(target=run, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0], time.perf_counter() - start


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run() -> None:
    with served() as port:
        client = Client(port)
        ids = client.example()
        first, made = html_preview(client, ids, 1)
        first_pages, count = page_images(client, made)
        print(f"first request (workers warming up): HTML preview {first:.2f} s, page images {first_pages:.2f} s")
        htmls, pngs = [], []
        for seed in range(2, 2 + RUNS):
            seconds, made = html_preview(client, ids, seed)
            htmls.append(seconds)
            pngs.append(page_images(client, made)[0])
        print(f"HTML preview of the example speech: median {statistics.median(htmls):.3f} s, "
              f"max {max(htmls):.3f} s over {RUNS} drafts (aim ≤ 0.5 s)")
        print(f"PDF page images ({count} pages, 96 dpi): median {statistics.median(pngs):.3f} s, "
              f"max {max(pngs):.3f} s (aim ≤ 1.5 s)")
        blocked = [while_rendering(port, 100 + n) for n in range(5)]
        print(f"another user's page while a PDF renders: median {statistics.median(blocked) * 1000:.0f} ms, "
              f"max {max(blocked) * 1000:.0f} ms")
        latencies, errors, wall = load(port)
        print(f"load: {CLIENTS} clients, {len(latencies)} requests in {wall:.1f} s, errors {errors}; latency "
              f"p50 {percentile(latencies, 0.5):.3f} s, p95 {percentile(latencies, 0.95):.3f} s, "
              f"max {max(latencies):.3f} s")
