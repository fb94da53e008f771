"""Batches: start one (kind, --per, --only, formats, 发文字号 from, the Word template), see how far
it is (polled), download its zip and its manifest."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse

from speechgen import batch
from speechgen.batch.request import DEFAULT_SEED
from speechgen.kinds import KIND_LABELS
from speechgen.web.batches import FORMATS, INPUT_NAMES, INPUTS, OUTPUT, BatchRun, BatchSpec, Outcome, zip_name
from speechgen.web.failures import WebError
from speechgen.web.routes_inputs import json_body
from speechgen.web.sessions import Session, new_id
from speechgen.web.state import EXPIRED, app_state, ledger_inputs, session_of, stored_file
from speechgen.web.views import problem_view

router = APIRouter(prefix="/api")
MAX_SEED = 2**31 - 1
KEEP_BATCHES = 5  # finished batches a session keeps (their files); older ones are removed
DOWNLOAD_MEDIA = {"zip": "application/zip", "manifest": "text/csv; charset=utf-8"}


def choices() -> dict[str, Any]:
    """What the batch form offers: every kind, the groupings (--per) and the ranges (--only)."""
    return {"kinds": [{"name": name, "label": label} for name, label in KIND_LABELS.items()],
            "per": [{"name": name, "label": label} for name, label in batch.PER_LABELS.items()],
            "only": [{"name": name, "label": label} for name, label in batch.ONLY_LABELS.items()],
            "formats": list(FORMATS)}


def _spec(body: dict[str, Any], jobs: int) -> BatchSpec:
    """Return the batch asked for; a Chinese 400 naming the choice that is not one."""
    kind, per, only = str(body.get("kind", "")), str(body.get("per", "")), body.get("only") or None
    if kind not in KIND_LABELS:
        raise WebError(400, "文稿类型不对", f"可选：{'、'.join(KIND_LABELS.values())}。")
    if per not in batch.PER_LABELS:
        raise WebError(400, "分组方式不对", f"可选：按{'、按'.join(batch.PER_LABELS.values())}。")
    if only is not None and only not in batch.ONLY_LABELS:
        raise WebError(400, "生成范围不对", f"可选：{'；'.join(batch.ONLY_LABELS.values())}。")
    if kind == "sheet" and per != "project":
        raise WebError(400, "督办单只能按项目生成", "督办单一个项目一张；按县区、单位督办请选“督办通知”。")
    formats = body.get("formats") or ["docx"]
    if not isinstance(formats, list) or not formats or any(name not in FORMATS for name in formats):
        raise WebError(400, "输出格式不对", "可选 docx、pdf、md，至少选一种。")
    number_from = body.get("number_from")
    if number_from in ("", None):
        number_from = None
    elif not isinstance(number_from, int) or isinstance(number_from, bool) or not 1 <= number_from <= 99999:
        raise WebError(400, "起始发文号不对", "应是 1 到 99999 之间的整数，如 13"
                                         "（发文字号的机关代字和年份取自会议信息）。")
    seed = body.get("seed", DEFAULT_SEED)
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed <= MAX_SEED:
        raise WebError(400, "随机种子不对", f"种子应是 0 到 {MAX_SEED} 之间的整数。")
    feedback_by = None
    if body.get("feedback_by"):
        try:
            feedback_by = dt.date.fromisoformat(str(body["feedback_by"]))
        except ValueError:
            raise WebError(400, "报送截止日期不对", "请按“2026-06-20”的样子填写日期。") from None
    return BatchSpec(kind, per, only, tuple(dict.fromkeys(FORMATS[name] for name in formats)),  # type: ignore[arg-type]
                     number_from, seed, feedback_by, jobs)


@router.post("/batches")
async def start(request: Request) -> JSONResponse:
    """Start a batch from the session's ledger and meeting file (and its templates, when given)."""
    body = await json_body(request)
    session, state = session_of(request), app_state(request)
    spec = _spec(body, state.settings.batch_jobs)
    ledger_inputs(session, body)  # the worksheet's name and the previous ledger's id checked
    spec = replace(spec, sheet=body.get("sheet") or None)
    files = {"ledger": stored_file(session, body.get("ledger"), "ledger"),
             "meeting": stored_file(session, body.get("meeting"), "meeting")}
    for slot in ("previous", "template", "docx_template"):
        if body.get(slot):
            files[slot] = stored_file(session, body[slot], slot)
    if any(run.running for run in session.batches.values()):
        raise WebError(409, "已有一批正在生成", "请等这一批完成后再开始下一批。")
    running = [run for run in state.batches if run.running]
    if len(running) >= state.settings.max_batches:
        raise WebError(503, "批量生成正忙", f"本机同时最多运行 {state.settings.max_batches} 批；请稍后再试。")
    run = BatchRun(new_id(), session.folder / f"batch-{new_id()}", spec)
    (run.folder / INPUTS).mkdir(parents=True)
    inputs = {}
    for slot, stored in files.items():
        name = INPUT_NAMES[slot] + PurePosixPath(stored.name).suffix.lower()  # the suffix the slot checked
        shutil.copyfile(stored.path, run.folder / INPUTS / name)
        inputs[slot] = name
        run.shown_names[name] = stored.name
    _keep(session, run)
    state.batches[:] = [*running, run]
    run.start(inputs, in_process=state.settings.workers > 0)
    return JSONResponse({"ok": True, "batch": run.id, "status": f"/api/batches/{run.id}",
                         "label": _label(spec)})


def _keep(session: Session, run: BatchRun) -> None:
    """Add the run to the session; remove the oldest finished runs beyond KEEP_BATCHES."""
    session.batches[run.id] = run
    finished = [old for old in session.batches.values() if not old.running and old is not run]
    for old in finished[:max(0, len(session.batches) - KEEP_BATCHES)]:
        session.batches.pop(old.id)
        shutil.rmtree(old.folder, ignore_errors=True)


def _label(spec: BatchSpec) -> str:
    return f"{KIND_LABELS[spec.kind]}（按{batch.PER_LABELS[spec.per]}）"


def _run_of(session: Session, batch_id: str) -> BatchRun:
    found = session.batches.get(batch_id)
    if found is None:
        raise WebError(404, "找不到这一批", EXPIRED)
    return found


@router.get("/batches/{batch_id}")
async def status(request: Request, batch_id: str) -> dict[str, Any]:
    """How far the batch is; when it has ended, what it made (the manifest's rows) and the downloads."""
    run = _run_of(session_of(request), batch_id)
    running = run.running
    outcome = None if running else run.outcome()
    progress = run.progress()
    answer: dict[str, Any] = {"ok": True, "batch": run.id, "label": _label(run.spec), **progress}
    if running:
        return {**answer, "state": "running" if progress.get("total") is not None else "planning"}
    if outcome is None:
        raise WebError(503, "批量生成意外中止", "生成批量的进程没有完成就退出了（可能是本机内存不足）；"
                                        "已生成的文件不完整，请重新开始批量生成。")
    if outcome.error == "other":
        raise WebError(outcome.status, *outcome.messages)
    if outcome.error is not None:
        raise WebError(422, "批量生成无法进行", "；".join(outcome.messages) if not outcome.problems else "",
                       run.named(outcome.problems))
    base = f"/api/batches/{run.id}/download"
    rows = [{**row, "reason": run.named_text(row["reason"])} for row in outcome.rows]
    return {**answer, "state": "done", "summary": _summary(outcome, run), "rows": rows,
            "downloads": {"zip": f"{base}/zip" if outcome.zip_name else None, "manifest": f"{base}/manifest"}}


def _summary(outcome: Outcome, run: BatchRun) -> dict[str, Any]:
    """The summary `speechgen batch` prints, as lines for the page."""
    parts = [f"生成 {outcome.made} 份"]
    if outcome.skipped:
        parts.append(f"跳过 {len(outcome.skipped)} 组")
    if outcome.failed:
        parts.append(f"失败 {len(outcome.failed)} 份")
    lines = [f"完成：{'，'.join(parts)}。"]
    lines += [f"跳过 {count} 组：{reason}" for reason, count in Counter(r for _, r in outcome.skipped).items()]
    if outcome.unnumbered:
        lines.append("未编发文字号：要编号请填写“起始发文号”（机关代字和年份取自会议信息的发文字号）。")
    lines += [f"失败：{name}：{run.named_text(reason)}" for name, reason in outcome.failed]
    return {"made": outcome.made, "skipped": len(outcome.skipped), "failed": len(outcome.failed),
            "unnumbered": outcome.unnumbered, "lines": lines,
            "warnings": [problem_view(p)["text"] for p in run.named(outcome.warnings)]}


@router.get("/batches/{batch_id}/download/{name}")
async def download(request: Request, batch_id: str, name: str) -> FileResponse:
    """The batch's zip (every document and manifest.csv) or its manifest alone."""
    run = _run_of(session_of(request), batch_id)
    outcome = None if run.running else run.outcome()
    if outcome is None or outcome.error is not None:
        raise WebError(409, "这一批还没有完成", "请等进度显示完成后再下载。")
    if name == "zip" and outcome.zip_name:
        path, shown = run.folder / outcome.zip_name, zip_name(run.spec)
    elif name == "manifest":
        path, shown = run.folder / OUTPUT / outcome.manifest_name, f"{_label(run.spec)}清单.csv"
    else:
        raise WebError(404, "没有这种下载", "可下载压缩包（zip）和清单（manifest）。")
    if not path.is_file():
        raise WebError(404, "文件已删除", EXPIRED)
    disposition = f"attachment; filename=\"batch-{name}{path.suffix}\"; filename*=UTF-8''{quote(shown)}"
    return FileResponse(path, media_type=DOWNLOAD_MEDIA[name], headers={"Content-Disposition": disposition,
                                                                        "Cache-Control": "no-store"})
