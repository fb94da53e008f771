"""ASGI guards in front of the app: the upload limit, enforced while the body streams in, and the
Host check that keeps a loopback server from answering another site through a rebound DNS name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from speechgen.web.failures import WebError, error_json, error_page, wants_json

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def too_large(limit: int) -> WebError:
    megabytes = f"{limit / (1024 * 1024):g}"
    return WebError(413, "文件太大", f"一次上传不能超过 {megabytes} MB。请确认选对了文件；台账确实很大时，"
                                   "可删去无关的工作表或列后再试（启动时可用 --max-upload 调大上限）。")


async def send_error(send: Send, scope: Scope, error: WebError) -> None:
    """Send a whole error answer (JSON to the page's script, a page to the browser: failures.wants_json)."""
    accept = dict(scope.get("headers", [])).get(b"accept", b"").decode("latin-1")
    json_answer = wants_json(scope["path"], accept)
    status, body = error_json(error) if json_answer else error_page(error)
    kind = b"application/json" if json_answer else b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse a request whose body is over ``limit`` bytes: at once when Content-Length says so,
    else as soon as the bytes received pass the limit (the app reads no further)."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await send_error(send, scope, too_large(self.limit))
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise too_large(self.limit)
            return message

        await self.app(scope, counted, send)


class HostCheck:
    """Answer only requests whose Host header names one of ``hosts`` (any port)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]):
        self.app, self.hosts = app, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.hosts and name.strip("[]") not in self.hosts:
                await send_error(send, scope, WebError(
                    421, "地址不对", "本服务只在本机地址上回答（如 http://127.0.0.1:端口/）；请用启动时显示的地址打开。"))
                return
        await self.app(scope, receive, send)
