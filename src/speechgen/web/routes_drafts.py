"""Drafts: draft from the figures (kind, frame, seed), re-render edited text, the PDF's pages as
images, the check findings, the HTML preview and the downloads (.docx, .pdf, .md)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, Response

from speechgen import api
from speechgen.web import jobs
from speechgen.web.failures import WebError
from speechgen.web.routes_inputs import json_body
from speechgen.web.sessions import Draft, Session, new_id
from speechgen.web.state import app_state, draft_of, ledger_inputs, render_page, session_of, stored_file
from speechgen.web.views import findings_view, problem_view

router = APIRouter(prefix="/api")
DOWNLOADS = {"docx": ".docx", "pdf": ".pdf", "md": ".md"}
MEDIA = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".pdf": "application/pdf", ".md": "text/markdown; charset=utf-8", ".png": "image/png"}
MAX_SEED = 2**31 - 1
MAX_TEXT = 400_000  # characters of dialect text one draft may hold
# The HTML preview is our writer's page; it runs no script and loads nothing from anywhere.
PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; sandbox"
SCREEN_CSS = ("<style media=\"screen\">html{background:#e8e8e8}body{box-sizing:content-box;width:156mm;"
              "margin:12px auto;padding:37mm 26mm 35mm 28mm;background:#fff;box-shadow:0 1px 4px #0003}</style>")


def _choice(body: dict[str, Any]) -> tuple[str, str | None, int]:
    kinds = {kind.name: kind for kind in api.kinds()}
    kind = str(body.get("kind", ""))
    if kind not in kinds:
        raise WebError(400, "文稿类型不对", f"可选：{'、'.join(f'{k.label}（{k.name}）' for k in kinds.values())}。")
    frame = body.get("frame") or None
    frames = {item.name for item in api.frames()}
    if frame is not None and (kind != "speech" or frame not in frames):
        raise WebError(400, "讲话稿框架不对", f"框架只用于讲话稿，可选：{'、'.join(sorted(frames))}。")
    seed = body.get("seed", api.DEFAULT_SEED)
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed <= MAX_SEED:
        raise WebError(400, "随机种子不对", f"种子应是 0 到 {MAX_SEED} 之间的整数。")
    return kind, frame, seed


def _answer(request: Request, session: Session, draft: Draft, html: bytes, warnings: tuple, seed: int | None) -> dict:
    """Keep the draft's HTML preview and answer what the page shows of it."""
    path = session.output_path(draft.id, ".html")
    path.write_bytes(html)
    draft.rendered[".html"] = path
    session.add_draft(draft, app_state(request).settings.max_files_per_session)
    base = f"/api/drafts/{draft.id}"
    return {"ok": True, "draft": draft.id, "kind": draft.kind, "seed": seed, "title": draft.title, "text": draft.text,
            "preview": f"{base}/preview.html", "pages": f"{base}/pages", "check": f"{base}/check",
            "downloads": {name: f"{base}/download/{name}" for name in DOWNLOADS},
            "warnings": [problem_view(p)["text"] for p in warnings]}


@router.get("/kinds")
async def kinds() -> dict:
    """The kinds the page offers (from the API: a kind added there appears here) and the frames."""
    return {"kinds": [{"name": k.name, "label": k.label, "description": k.description} for k in api.kinds()],
            "frames": [{"name": f.name, "label": f.label, "description": f.description} for f in api.frames()]}


@router.post("/draft")
async def draft(request: Request) -> JSONResponse:
    """Draft a document from the session's ledger and meeting file (and an uploaded template)."""
    body = await json_body(request)
    session, state = session_of(request), app_state(request)
    kind, frame, seed = _choice(body)
    ledger = stored_file(session, body.get("ledger"), "ledger")
    meeting = stored_file(session, body.get("meeting"), "meeting")
    template = stored_file(session, body["template"], "template") if body.get("template") else None
    word = stored_file(session, body["docx_template"], "docx_template") if body.get("docx_template") else None
    ledger_inputs(session, body)  # the worksheet's name and the previous ledger's id checked
    choice = {"kind": kind, "frame": frame, "seed": seed, "template": template.id if template else None,
              "sheet": body.get("sheet") or None, "previous": body.get("previous") or None}
    request_ = _generate_request(session, ledger.id, meeting.id, choice)
    out: jobs.DraftOut = await state.workers.run(
        jobs.draft_job, replace(request_, docx_template=word.input_file() if word else None))  # checked first
    label = next(k.label for k in api.kinds() if k.name == kind)
    made = Draft(new_id(), kind, out.title or label, out.text, out.options, ledger.id, meeting.id,
                 docx_template=word.id if word else None, choice=choice, sheet=choice["sheet"],
                 previous=choice["previous"])
    # the ledger's warnings were shown beside its rows with the figures; not again with every draft
    return JSONResponse(_answer(request, session, made, out.html, (), seed))


@router.post("/drafts/{draft_id}/text")
async def edited(request: Request, draft_id: str) -> JSONResponse:
    """Make a new draft of the edited text (same kind, inputs and layout) and its HTML preview."""
    session = session_of(request)
    parent = draft_of(session, draft_id)
    text = (await json_body(request)).get("text")
    if not isinstance(text, str) or not text.strip():
        raise WebError(400, "稿件是空的", "请在文本框中写入稿件内容后再排版。")
    if len(text) > MAX_TEXT:
        raise WebError(413, "稿件太长", f"一份稿件不能超过 {MAX_TEXT} 字。")
    out: jobs.RenderOut = await app_state(request).workers.run(
        jobs.render_job, text, _source_name(parent), (".html",), parent.options)
    made = Draft(new_id(), parent.kind, jobs.title_of(text) or parent.title, text, parent.options,
                 parent.ledger, parent.meeting, docx_template=parent.docx_template, sheet=parent.sheet,
                 previous=parent.previous)
    return JSONResponse(_answer(request, session, made, out.files[".html"], out.warnings, None))


@router.post("/drafts/{draft_id}/pages")
async def pages(request: Request, draft_id: str) -> dict:
    """Render the draft's PDF and its pages as PNG images (once; later calls answer the same)."""
    session, state = session_of(request), app_state(request)
    found = draft_of(session, draft_id)
    if not found.pages:
        out: jobs.RenderOut = await state.workers.run(
            jobs.render_job, found.text, _source_name(found), (".pdf",), found.options, state.settings.page_dpi,
            *_word_template(session, found))
        _keep(session, found, out.files)
        images = []
        for number, png in enumerate(out.pages, start=1):
            path = session.output_path(found.id, f".page{number}.png")
            path.write_bytes(png)
            images.append(path)
        found.pages = images
    base = f"/api/drafts/{found.id}"
    return {"ok": True, "count": len(found.pages), "pdf": f"{base}/download/pdf",
            "images": [f"{base}/pages/{number}.png" for number in range(1, len(found.pages) + 1)]}


@router.get("/drafts/{draft_id}/pages/{number}.png")
async def page_image(request: Request, draft_id: str, number: int) -> FileResponse:
    found = draft_of(session_of(request), draft_id)
    if not 1 <= number <= len(found.pages):
        raise WebError(404, "没有这一页", f"这份稿件共 {len(found.pages)} 页。")
    return FileResponse(found.pages[number - 1], media_type=MEDIA[".png"], headers={"Cache-Control": "no-store"})


@router.post("/drafts/{draft_id}/check")
async def check(request: Request, draft_id: str) -> dict:
    """Run every check rule on the draft, its figures traced to the ledger it was drafted from (its
    worksheet, and the previous month's ledger: the 较上月 figures too)."""
    session = session_of(request)
    found = draft_of(session, draft_id)
    ledger, previous = (ledger_inputs(session, {"ledger": found.ledger, "sheet": found.sheet,
                                                "previous": found.previous}) if found.ledger else (None, ()))
    meeting = stored_file(session, found.meeting, "meeting").input_file() if found.meeting else None
    report = await app_state(request).workers.run(jobs.check_job, found.text, _source_name(found), ledger, meeting,
                                                  previous)
    view = findings_view(report)
    return {**view, "html": render_page(request, "_findings.html", report=view)}


@router.get("/drafts/{draft_id}/preview.html")
async def preview(request: Request, draft_id: str) -> Response:
    """The draft's HTML (the same CSS as the PDF) on a page-like sheet; no script, nothing loaded."""
    found = draft_of(session_of(request), draft_id)
    html = found.rendered[".html"].read_text(encoding="utf-8").replace("</head>", SCREEN_CSS + "</head>", 1)
    return Response(html, media_type="text/html; charset=utf-8",
                    headers={"Content-Security-Policy": PREVIEW_POLICY, "Cache-Control": "no-store"})


@router.get("/drafts/{draft_id}/download/{name}")
async def download(request: Request, draft_id: str, name: str) -> Response:
    """The draft as .docx, .pdf or .md, named by its title (rendered on first asking)."""
    session, state = session_of(request), app_state(request)
    found = draft_of(session, draft_id)
    suffix = DOWNLOADS.get(name)
    if suffix is None:
        raise WebError(404, "没有这种下载格式", "可下载 .docx、.pdf 和 .md。")
    if suffix == ".md":
        data = found.text.encode("utf-8")
    else:
        if suffix not in found.rendered:
            out: jobs.RenderOut = await state.workers.run(
                jobs.render_job, found.text, _source_name(found), (suffix,), found.options, 0,
                *_word_template(session, found))
            _keep(session, found, out.files)
        data = found.rendered[suffix].read_bytes()
    filename = f"{_safe_title(found.title)}{suffix}"
    disposition = f"attachment; filename=\"{found.kind}{suffix}\"; filename*=UTF-8''{quote(filename)}"
    return Response(data, media_type=MEDIA[suffix], headers={"Content-Disposition": disposition})


@router.post("/word-template/check")
async def word_template_check(request: Request) -> dict:
    """What template-check finds in an uploaded Word template (fields, problems, the verdict)."""
    session = session_of(request)
    word = stored_file(session, (await json_body(request)).get("template"), "docx_template")
    return {"ok": True, **await app_state(request).workers.run(jobs.word_template_job, word.input_file())}


def _generate_request(session: Session, ledger: str, meeting: str, choice: dict[str, Any]) -> api.GenerateRequest:
    """Return the request that drafts ``choice`` (kind, frame, seed, template id, worksheet, previous
    ledger id) from the session's files."""
    template = stored_file(session, choice["template"], "template").input_file() if choice["template"] else None
    ledger_file, previous = ledger_inputs(session, {**choice, "ledger": ledger})
    return api.GenerateRequest(choice["kind"], ledger_file, stored_file(session, meeting, "meeting").input_file(),
                               frame=choice["frame"], seed=choice["seed"], template=template, previous=previous)


def _word_template(session: Session, found: Draft) -> tuple[api.InputFile | None, api.GenerateRequest | None]:
    """Return the draft's Word template and, when its text is as drafted, the request that drafted it."""
    if found.docx_template is None:
        return None, None
    word = stored_file(session, found.docx_template, "docx_template").input_file()
    if found.choice is None or found.ledger is None or found.meeting is None:
        return word, None
    return word, _generate_request(session, found.ledger, found.meeting, found.choice)


def _keep(session: Session, found: Draft, files: dict[str, bytes]) -> None:
    with found.lock:
        for suffix, data in files.items():
            path = session.output_path(found.id, suffix)
            path.write_bytes(data)
            found.rendered[suffix] = path


def _source_name(found: Draft) -> str:
    return f"{found.kind}.md"


def _safe_title(title: str) -> str:
    """Return the title as a file name: no folder marks or control characters, at most 60 characters."""
    cleaned = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in title).strip(" .")
    return cleaned[:60] or "稿件"
