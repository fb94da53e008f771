"""The web app: its middleware (Host check, upload limit, session cookie), the routes, the static
files, and the one place every error becomes a Chinese answer."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from speechgen import api
from speechgen.errors import SpeechgenError
from speechgen.web import routes_batches, routes_drafts, routes_inputs
from speechgen.web.failures import (
    NOT_FOUND,
    WebError,
    error_body,
    error_page,
    from_exception,
    from_speechgen,
    wants_json,
)
from speechgen.web.guards import BodyLimit, HostCheck
from speechgen.web.meeting_form import FIELDS, LEVELS
from speechgen.web.routes_inputs import FactsRefused
from speechgen.web.sessions import COOKIE, SessionStore
from speechgen.web.settings import WebSettings
from speechgen.web.state import HERE, AppState, RequestCheck, SessionCookie, app_state, page_templates, session_of
from speechgen.web.uploads import SLOTS
from speechgen.web.workers import Workers

SWEEP_SECONDS = 60


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """Return the app for ``settings``; its sessions, temp files and workers live while it runs."""
    settings = settings or WebSettings()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state: AppState = app.state.speechgen
        if state.settings.warm_up:
            state.workers.warm_up()
        sweeper = asyncio.create_task(_sweep(state))
        try:
            yield
        finally:
            sweeper.cancel()
            for run in state.batches:
                run.stop()
            state.workers.close()
            state.store.close()

    app = FastAPI(title="speechgen", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    store = _store(settings)
    app.state.speechgen = AppState(settings, store, Workers(settings.workers, settings.job_seconds), page_templates())
    app.include_router(routes_inputs.router)
    app.include_router(routes_drafts.router)
    app.include_router(routes_batches.router)
    app.add_api_route("/", index, methods=["GET"], response_class=HTMLResponse)
    app.add_api_route("/api/session/end", end_session, methods=["POST"])
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _handle_errors(app)
    app.add_middleware(RequestCheck)  # inside SessionCookie: it reads the session's token
    app.add_middleware(SessionCookie, store=store, max_age=int(settings.session_minutes * 60))
    app.add_middleware(BodyLimit, limit=settings.max_upload)
    hosts = settings.answered_hosts()
    if hosts is not None:
        app.add_middleware(HostCheck, hosts=hosts)
    return app


def _store(settings: WebSettings) -> SessionStore:
    return SessionStore(settings.session_minutes * 60, settings.max_sessions, settings.temp_root)


async def _sweep(state: AppState) -> None:
    """End idle sessions (and remove their files) once a minute."""
    while True:
        await asyncio.sleep(SWEEP_SECONDS)
        state.store.sweep()


async def index(request: Request) -> HTMLResponse:
    """The page: inputs, figures, draft and preview, all in Chinese."""
    state = app_state(request)
    html = state.pages.get_template("index.html").render(
        kinds=api.kinds(), frames=api.frames(), batch=routes_batches.choices(), fields=FIELDS, levels=LEVELS,
        slots=SLOTS,
        max_upload_mb=f"{state.settings.max_upload / (1024 * 1024):g}",
        session_minutes=f"{state.settings.session_minutes:g}", seed=api.DEFAULT_SEED, token=session_of(request).token)
    return HTMLResponse(html, headers={"Cache-Control": "no-store"})


async def end_session(request: Request) -> JSONResponse:
    """End this browser's session: every upload and rendered file of it is removed now."""
    app_state(request).store.end(session_of(request).id)
    response = JSONResponse({"ok": True, "message": "本次会话的文件已全部删除。"})
    response.delete_cookie(COOKIE, path="/")
    return response


def _answer(request: Request, error: WebError) -> Response:
    if wants_json(request.url.path, request.headers.get("accept", "")):
        body = error_body(error)
        if isinstance(error, FactsRefused):
            body["html"], body["sheets"] = error.html, error.sheets
        return JSONResponse(body, status_code=error.status)
    status, page = error_page(error)
    return HTMLResponse(page, status_code=status)


def _handle_errors(app: FastAPI) -> None:
    """Answer every error in Chinese: ours, the API's, HTTP's (404, 405), bad requests and bugs."""

    @app.exception_handler(WebError)
    async def web_error(request: Request, error: WebError) -> Response:
        return _answer(request, error)

    @app.exception_handler(SpeechgenError)
    async def speechgen_error(request: Request, error: SpeechgenError) -> Response:
        return _answer(request, from_speechgen(error))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if error.status_code == 404:
            return _answer(request, NOT_FOUND)
        if error.status_code == 405:
            return _answer(request, WebError(405, "不支持这种请求", "请在本页上操作。"))
        return _answer(request, WebError(error.status_code, "请求无法处理", "请回到首页重试。"))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        where = "、".join(".".join(str(part) for part in item.get("loc", ())) for item in error.errors())
        return _answer(request, WebError(400, "请求的参数不对", f"有误的参数：{where}；请在本页上操作。"))

    @app.exception_handler(Exception)
    async def other(request: Request, error: Exception) -> Response:
        return _answer(request, from_exception(error))  # a full disk, a file gone, … or a bug (500)
