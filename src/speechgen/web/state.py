"""What every request reaches: the settings, the sessions, the workers and the page templates; the
middleware that gives each browser its session (an HttpOnly cookie holding a random id), and the
one that refuses a state-changing request that does not come from this page (CSRF)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request

from speechgen.api import InputFile
from speechgen.web.failures import WebError
from speechgen.web.guards import ASGIApp, Message, Receive, Scope, Send, send_error
from speechgen.web.sessions import COOKIE, Draft, Session, SessionStore, StoredFile, is_id
from speechgen.web.settings import WebSettings
from speechgen.web.workers import Workers

MAX_SHEET_NAME = 100  # Excel allows 31 characters
HERE = Path(__file__).resolve().parent
EXPIRED = "文件已随会话结束而删除（闲置过久或已点“结束并清除”），或不属于本浏览器；请重新上传。"


@dataclass
class AppState:
    settings: WebSettings
    store: SessionStore
    workers: Workers
    pages: jinja2.Environment
    batches: list[Any] = field(default_factory=list)  # the batches last started (web.batches.BatchRun)


def page_templates() -> jinja2.Environment:
    """Return the environment of the page's own templates (ours, not users': no sandbox needed)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def app_state(request: Request) -> AppState:
    return request.app.state.speechgen


def session_of(request: Request) -> Session:
    """Return the session of this browser (made by SessionCookie for every request)."""
    return request.scope["speechgen.session"]


def stored_file(session: Session, file_id: object, slot: str) -> StoredFile:
    """Return the session's upload with this id in this slot; 404 in Chinese for any other id."""
    found = session.files.get(file_id) if is_id(file_id) else None  # type: ignore[arg-type]
    if found is None or found.slot != slot:
        raise WebError(404, "找不到上传的文件", EXPIRED)
    return found


def ledger_inputs(session: Session, choice: dict[str, Any]) -> tuple[InputFile, tuple[InputFile, ...]]:
    """Return the ledger of ``choice`` (its id in "ledger", the worksheet chosen in "sheet") and the
    previous month's ledger ("previous": an id or none) as the API takes them (FactsRequest)."""
    sheet = choice.get("sheet") or None
    if sheet is not None and (not isinstance(sheet, str) or len(sheet) > MAX_SHEET_NAME):
        raise WebError(400, "工作表名称不对", "请在本页的“工作表”列表中选择。")
    ledger = stored_file(session, choice.get("ledger"), "ledger").input_file(sheet)
    found = choice.get("previous")
    return ledger, (stored_file(session, found, "previous").input_file(),) if found else ()


def draft_of(session: Session, draft_id: str) -> Draft:
    found = session.drafts.get(draft_id) if is_id(draft_id) else None
    if found is None:
        raise WebError(404, "找不到这份稿件", EXPIRED)
    return found


def render_page(request: Request, name: str, **context: Any) -> str:
    return app_state(request).pages.get_template(name).render(**context)


class SessionCookie:
    """Find the browser's session by its cookie, or start one and set the cookie on the answer."""

    def __init__(self, app: ASGIApp, store: SessionStore, max_age: int):
        self.app, self.store, self.max_age = app, store, max_age

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        session = self.store.get(Request(scope).cookies.get(COOKIE))
        fresh = session is None
        if session is None:
            session = self.store.create()
        scope["speechgen.session"] = session
        cookie = (f"{COOKIE}={session.id}; Path=/; HttpOnly; SameSite=Strict; Max-Age={self.max_age}").encode()

        async def with_cookie(message: Message) -> None:
            if fresh and message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"set-cookie", cookie)]
            await send(message)

        await self.app(scope, receive, with_cookie)


TOKEN_HEADER = "x-speechgen-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class RequestCheck:
    """Refuse a POST (any method but GET, HEAD, OPTIONS) that another site could have made: one the
    browser says is cross-site (Sec-Fetch-Site), one whose Origin is not this server's, and one
    without the session's token in the X-Speechgen-Token header — the page's script sends it, read
    from the page; a form or script on another site cannot read it, nor set the header on a
    request to this server without a CORS answer it never gets. Inside SessionCookie: a request
    with no session, or one ended since, has no token to match (the page says to reload)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            refusal = refused(scope)
            if refusal is not None:
                await send_error(send, scope, refusal)
                return
        await self.app(scope, receive, send)


def refused(scope: Scope) -> WebError | None:
    """Return why a state-changing request is refused, or None when it comes from this page."""
    headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope.get("headers", [])}
    other_site = WebError(403, "请求不是来自本页", "只接受 speechgen 本页发出的操作；请在本机浏览器中打开"
                                                 "启动时显示的地址后再操作。")
    if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return other_site
    origin = headers.get("origin")
    if origin is not None and origin.lower().split("://", 1)[-1] != headers.get("host", "").lower():
        return other_site
    session: Session | None = scope.get("speechgen.session")
    token = headers.get(TOKEN_HEADER, "")
    if session is None or not token or not secrets.compare_digest(token.encode(), session.token.encode()):
        return WebError(403, "页面已过期", "本页的会话已结束（闲置过久、点了“结束并清除”或服务重新启动过）；"
                                         "请刷新本页后重新上传文件。")
    return None
