"""The batch part of the page: `speechgen batch` over the session's files — one document per 县区,
责任单位, 包保领导 or project, of any kind (督办通知 and 督办单 included), with --per, --only,
--number-from, the formats and the office's Word template.

A batch runs in a process of its own (a thread when the app's work runs in threads, for tests), so
that drafts and previews go on while it runs: the session's files are copied into the batch's
folder under names the server makes, the process calls `batch.run_batch` and writes its progress
(after each document) and its outcome (a summary or the error, as values) beside them; the page
polls the progress and downloads the zip (documents + manifest.csv) and the manifest."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import pickle
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from speechgen import batch
from speechgen.errors import InputError, Problem, SpeechgenError
from speechgen.kinds import KIND_LABELS

FORMATS = {"docx": ".docx", "pdf": ".pdf", "md": ".md"}
PROGRESS, OUTCOME, INPUTS, OUTPUT = "progress.json", "outcome.pickle", "in", "out"
# The inputs in the batch's folder: named by the server (the suffix is the one the upload slot took).
INPUT_NAMES = {"ledger": "项目台账", "previous": "上月台账", "meeting": "会议信息",
               "template": "模板", "docx_template": "Word模板"}


@dataclass(frozen=True)
class BatchSpec:
    """What the page asked for, checked: kind, per, only (None: the kind's default), formats
    (suffixes), 发文字号 from, seed, the date of the written report, the worker count, the worksheet."""

    kind: str
    per: batch.Per
    only: batch.Only | None
    formats: tuple[str, ...]
    number_from: int | None
    seed: int
    feedback_by: dt.date | None
    jobs: int
    sheet: str | None = None  # the ledger workbook's worksheet chosen on the page


@dataclass(frozen=True)
class Outcome:
    """What a finished batch made, as plain values: counts, skipped and failed groups with the
    reasons, the manifest's rows, the warnings; or ``error``, the problems of a refused batch."""

    made: int = 0
    reused: int = 0
    skipped: tuple[tuple[str, str], ...] = ()
    failed: tuple[tuple[str, str], ...] = ()
    rows: tuple[dict[str, Any], ...] = ()
    warnings: tuple[Problem, ...] = ()
    unnumbered: bool = False
    zip_name: str = ""
    manifest_name: str = ""
    error: str | None = None  # the class name of a SpeechgenError, or "other" (status, messages: title, text)
    status: int = 0
    problems: tuple[Problem, ...] = ()
    messages: tuple[str, ...] = ()


def zip_name(spec: BatchSpec) -> str:
    """Return the zip's file name: 督办通知（按县区）.zip."""
    return f"{KIND_LABELS[spec.kind]}（按{batch.PER_LABELS[spec.per]}）.zip"


def run_in_folder(folder: str, spec: BatchSpec, inputs: dict[str, str]) -> None:
    """Run the batch whose inputs are in ``folder``/in (``inputs``: slot → file name); write its
    progress after every document and its Outcome at the end. Runs in the batch's own process."""
    here = Path(folder)
    given = {slot: here / INPUTS / name for slot, name in inputs.items()}
    zip_to = here / zip_name(spec)
    request = batch.BatchRequest(
        spec.kind, given["ledger"], given["meeting"], spec.per, here / OUTPUT, only=spec.only,
        formats=spec.formats, zip_to=zip_to, jobs=spec.jobs, number_from=spec.number_from, seed=spec.seed,
        template=given.get("template"), feedback_by=spec.feedback_by, docx_template=given.get("docx_template"),
        previous=(given["previous"],) if "previous" in given else (), sheet=spec.sheet)
    _write_json(here / PROGRESS, {"done": 0, "total": None, "failed": 0, "name": ""})

    def progress(step: batch.Progress) -> None:
        _write_json(here / PROGRESS, {"done": step.done, "total": step.total, "failed": step.failed,
                                      "name": step.name})

    try:
        summary = batch.run_batch(request, progress=progress)
        outcome = _outcome(summary, zip_to)
    except InputError as error:
        outcome = Outcome(error=type(error).__name__, problems=tuple(error.problems), messages=tuple(error.messages()))
    except SpeechgenError as error:
        outcome = Outcome(error=type(error).__name__, messages=tuple(error.messages()))
    except Exception as error:  # a full disk, … or a bug: said in Chinese; the detail only on the console
        import traceback

        from speechgen.web.failures import from_exception

        traceback.print_exc()  # the server's console (the batch's process shares its stderr)
        answer = from_exception(error)
        outcome = Outcome(error="other", status=answer.status, messages=(answer.title, answer.message))
    _write_bytes(here / OUTCOME, pickle.dumps(outcome))


def _outcome(summary: batch.BatchSummary, zip_to: Path) -> Outcome:
    from speechgen.batch.manifest import read_manifest

    rows = sorted(read_manifest(summary.manifest).values(), key=lambda row: row.order)
    shown = tuple({"number": row.number, "name": row.name, "doc_number": row.doc_number,
                   "addressee": row.addressee, "files": list(row.files), "status": row.status,
                   "reason": row.reason, "pages": row.pages} for row in rows)
    shown += tuple({"number": None, "name": name, "doc_number": "", "addressee": "", "files": [],
                    "status": "skipped", "reason": reason, "pages": None} for name, reason in summary.skipped)
    return Outcome(summary.made, summary.reused, summary.skipped, summary.failed, shown, summary.warnings,
                   summary.unnumbered, zip_to.name if zip_to.exists() else "", summary.manifest.name)


def _write_json(path: Path, value: dict[str, Any]) -> None:
    _write_bytes(path, json.dumps(value, ensure_ascii=False).encode("utf-8"))


def _write_bytes(path: Path, data: bytes) -> None:
    """Write a whole file at once (temp file, rename): the server never reads half of one."""
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)


@dataclass
class BatchRun:
    """A batch of one session: its folder, what it was asked, and the process (or thread) making it."""

    id: str
    folder: Path
    spec: BatchSpec
    shown_names: dict[str, str] = field(default_factory=dict)  # input's name in the folder → the user's name
    runner: Any = None
    stopped: bool = False
    started: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def start(self, inputs: dict[str, str], in_process: bool) -> None:
        args = (str(self.folder), self.spec, inputs)
        if in_process:
            # spawn, not fork: the server has threads, and a forked copy of them is not safe.
            self.runner = multiprocessing.get_context("spawn").Process(
                target=run_in_folder, args=args, name=f"speechgen-batch-{self.id}", daemon=False)
        else:
            self.runner = threading.Thread(target=run_in_folder, args=args, name=f"speechgen-batch-{self.id}",
                                           daemon=True)
        self.runner.start()

    def named(self, problems: tuple[Problem, ...]) -> tuple[Problem, ...]:
        """Return the problems naming the user's files, not the names they have in the batch's folder."""
        return tuple(replace(p, file=self.shown_names.get(p.file, p.file)) if p.file else p for p in problems)

    def named_text(self, text: str) -> str:
        """Return a reason (a failed document's) naming the user's files."""
        for ours, theirs in self.shown_names.items():
            text = text.replace(ours, theirs)
        return text

    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.is_alive()

    def progress(self) -> dict[str, Any]:
        try:
            return json.loads((self.folder / PROGRESS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"done": 0, "total": None, "failed": 0, "name": ""}

    def outcome(self) -> Outcome | None:
        """Return the Outcome once the batch has ended; None while it runs, or when its process
        ended without one (killed)."""
        try:
            return pickle.loads((self.folder / OUTCOME).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError):
            return None

    def stop(self) -> None:
        """Stop a running batch (its session ends, or the server stops); a thread is left to finish."""
        self.stopped = True
        runner = self.runner
        if isinstance(runner, multiprocessing.process.BaseProcess) and runner.is_alive():
            runner.terminate()
            runner.join(5)
