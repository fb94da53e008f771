"""The inputs: uploads into a slot, the bundled example, the meeting form, and the figures of a
ledger and a meeting file (tables, chart, and the problems beside their rows)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from speechgen import api
from speechgen.errors import InputError
from speechgen.web.failures import WebError
from speechgen.web.meeting_form import meeting_file
from speechgen.web.state import app_state, ledger_inputs, render_page, session_of, stored_file
from speechgen.web.uploads import SLOTS, WrongType, check_upload
from speechgen.web.views import facts_view, problems_by_row

router = APIRouter(prefix="/api")
_FORM_LIMITS = {"max_files": 2, "max_fields": 60, "max_part_size": 256 * 1024}


async def read_form(request: Request) -> Any:
    """Return the request's form; a malformed body is a Chinese 400 (an oversized one, 413, comes
    from the body limit while the form streams in)."""
    try:
        return await request.form(**_FORM_LIMITS)
    except MultiPartException as error:
        raise WebError(400, "上传的表单无法读取", f"请用本页的上传按钮重新上传（{error.message}）。") from None


def _stored_json(stored: Any) -> dict[str, Any]:
    return {"ok": True, "id": stored.id, "slot": stored.slot, "name": stored.name, "size": stored.size}


@router.post("/upload")
async def upload(request: Request) -> JSONResponse:
    """Store one file in a slot (ledger, meeting, template) after its checks; answer its id."""
    form = await read_form(request)
    slot = SLOTS.get(str(form.get("slot", "")))
    upload = form.get("file")
    if slot is None:
        raise WebError(400, "不知道这是哪一种文件", f"slot 应是 {'、'.join(SLOTS)} 之一。")
    if not isinstance(upload, UploadFile):
        raise WebError(400, f"没有收到{slot.label}", "请先选择一个文件再上传。")
    state = app_state(request)
    data = await upload.read()
    try:
        file = check_upload(slot, upload.filename or "", data, state.settings.max_unzipped)
    except InputError as error:
        raise WebError(415 if isinstance(error, WrongType) else 422, f"{slot.label}无法使用",
                       problems=tuple(error.problems)) from None
    stored = session_of(request).save_file(slot.name, file, state.settings.max_files_per_session)
    return JSONResponse(_stored_json(stored))


@router.post("/example")
async def example(request: Request) -> JSONResponse:
    """Put the bundled example ledger and meeting file in the session; answer both ids."""
    session, keep = session_of(request), app_state(request).settings.max_files_per_session
    ledger, meeting = api.example_inputs()
    return JSONResponse({"ok": True, "ledger": _stored_json(session.save_file("ledger", ledger, keep)),
                         "meeting": _stored_json(session.save_file("meeting", meeting, keep))})


@router.post("/meeting")
async def meeting_from_form(request: Request) -> JSONResponse:
    """Make a meeting file from the form (on top of the meeting read before, ``base``)."""
    form = await read_form(request)
    session = session_of(request)
    base_id = str(form.get("base", ""))
    base = session.meetings_read.get(base_id) if base_id else None
    try:
        file = meeting_file({key: str(value) for key, value in form.items() if isinstance(value, str)}, base)
    except InputError as error:
        raise WebError(422, "会议信息没有填完", problems=tuple(error.problems)) from None
    stored = session.save_file("meeting", file, app_state(request).settings.max_files_per_session)
    return JSONResponse(_stored_json(stored))


@router.post("/facts")
async def facts(request: Request) -> JSONResponse:
    """Compute the figures of the session's ledger and meeting file; answer the facts section (or
    the problems by row, 422) as HTML for the page, with the meeting's values for the form."""
    body = await json_body(request)
    session, state = session_of(request), app_state(request)
    ledger_file, previous = ledger_inputs(session, body)
    ledger = stored_file(session, body.get("ledger"), "ledger")
    meeting = stored_file(session, body.get("meeting"), "meeting")
    sheets = api.worksheet_names(ledger_file)
    try:
        result = await state.workers.run(api.facts_from_bytes, api.FactsRequest(ledger_file, meeting.input_file(),
                                                                                   previous=previous))
    except WebError as error:
        html = render_page(request, "_problems.html", title=error.title, rows=problems_by_row(error.problems),
                           message=error.message)
        raise FactsRefused(error, html, sheets) from None
    read = result.dossier.meeting.model_dump(mode="json", exclude_none=True)
    session.meetings_read[meeting.id] = read
    view = facts_view(result)
    return JSONResponse({"ok": True, "html": render_page(request, "_facts.html", f=view, ledger=ledger.name),
                         "sheets": sheets,
                         "compared": view["changes"] is not None,
                         "meeting": read, "projects": len(result.dossier.projects),
                         "completion_rate": view["overall"]["completion_rate"], "progress": view["progress"],
                         "warnings": [p["text"] for row in view["projects"] for p in row["warnings"]]
                         + [p["text"] for p in view["other_warnings"]]})


class FactsRefused(WebError):
    """A ledger or meeting file with errors: the error, and the problems table for the page."""

    def __init__(self, error: WebError, html: str, sheets: tuple[str, ...] = ()):
        super().__init__(error.status, error.title, error.message, error.problems)
        self.html, self.sheets = html, sheets


async def json_body(request: Request) -> dict[str, Any]:
    """Return the request's JSON object; a Chinese 400 when it is not one."""
    try:
        body = await request.json()
    except ValueError:
        raise WebError(400, "请求无法读取", "请求应是 JSON 对象；请在本页上操作。") from None
    if not isinstance(body, dict):
        raise WebError(400, "请求无法读取", "请求应是 JSON 对象；请在本页上操作。")
    return body

