"""run_batch: one document per group, from reading the ledger to the zip.

1. Read and check the ledger and the meeting file once (bad input: InputError, exit 2, nothing
   written). 2. Plan every document (plan.py: order, 序号, 发文字号, 主送, names). 3. Check every
   output (writing.py: names, what exists). 4. Lock the folder, remove the temp files a killed run
   left. 5. Make the documents in the pool (pool.py), writing each atomically as it arrives and
   the manifest as the run goes. 6. The zip and the merged file, from the files on disk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from speechgen import api
from speechgen.batch.archive import write_zip
from speechgen.batch.groups import PER_LABELS, Only
from speechgen.batch.lock import LOCK_NAME, folder_lock
from speechgen.batch.manifest import Manifest, Row, manifest_name, read_manifest, reorder
from speechgen.batch.merged import write_merged
from speechgen.batch.plan import BatchPlan, PlanChoices, Planned, plan_batch, shared_digest
from speechgen.batch.pool import default_jobs, run_jobs
from speechgen.batch.request import BatchRequest, BatchSummary, Progress
from speechgen.batch.worker import Job, Outcome, Settings
from speechgen.batch.writing import Folder, check_folder, reusable, sha256s
from speechgen.errors import InputError, Problem
from speechgen.inputs import InputFile
from speechgen.kinds import KIND_LABELS
from speechgen.writers.output import remove_stale_temps

# Kinds that address one unit about what it must put right: by default only groups with something to 督办.
SUPERVISION_KINDS = ("supervision", "sheet")
NUMBERED_KINDS = ("bulletin", "notice", "supervision", "sheet")

ProgressCallback = Callable[[Progress], None]


def run_batch(request: BatchRequest, progress: ProgressCallback | None = None) -> BatchSummary:
    """Make the batch (see the module docstring); return what it did. Raises InputError before
    anything is written for bad input or outputs; a group that fails is a failed row instead."""
    kind = _check_kind(request)
    suffixes = _suffixes(request)
    ledger, meeting_file = _read_inputs(request)
    template = _read_template(request.template) if request.template else None
    computed = api.facts_from_bytes(api.FactsRequest(ledger, meeting_file, previous=_read_previous(request)))
    # what every document needs, refused before any is made: the template compiles, the snippets load
    if template is not None:
        api.check_template(template, request.template.resolve().parent)  # type: ignore[union-attr]
    api.snippet_library(tuple(request.snippets))
    dossier = computed.dossier
    if template is None and kind not in SUPERVISION_KINDS:
        from speechgen.compose.guards import require_annual_plan

        require_annual_plan(computed.facts, ledger.name)
    options = dataclasses.replace(api.render_options(dossier.meeting.layout), timestamp=_midnight(dossier.meeting.date))
    if request.engine:
        options = dataclasses.replace(options, engine=request.engine)
    word = _read_docx_template(request.docx_template) if request.docx_template else None
    warnings = computed.warnings
    if word is not None:  # refused before any document, as generate refuses it
        warnings += api.check_docx_template(word, suffixes, template_seconds=request.template_seconds)
    settings = Settings(kind, suffixes, request.seed, options, template,
                        request.template.resolve().parent if request.template else None,
                        tuple(request.snippets), request.template_seconds, ledger.name, word)
    manifest_file = manifest_name(request.shard)
    plan = plan_batch(dossier, PlanChoices(
        kind, KIND_LABELS[kind], request.per, _only(request, kind), suffixes, request.name,
        request.number_from, request.shard, request.feedback_by,
        shared=shared_digest(_shared_parts(settings, request)), reserved=(manifest_file, LOCK_NAME),
        previous=computed.previous))
    inputs = [Path(request.data), Path(request.meeting), *map(Path, request.previous),
              *(Path(path) for path in (request.template, request.docx_template) if path is not None)]
    return _write_batch(request, plan, settings, manifest_file, inputs, progress, warnings)


def _write_batch(request: BatchRequest, plan: BatchPlan, settings: Settings, manifest_file: str,
                 inputs: list[Path], progress: ProgressCallback | None, warnings: tuple[Problem, ...]) -> BatchSummary:
    out_dir = Path(request.out_dir)
    chosen = plan.chosen()
    manifest_path = out_dir / manifest_file
    old = read_manifest(manifest_path) if request.resume else {}
    targets = [out_dir / f"{doc.stem}{suffix}" for doc in chosen for suffix in settings.formats]
    extra = [manifest_path, *(p for p in (request.zip_to, request.merged) if p is not None)]
    output_plan, ours = check_folder(out_dir, targets, extra, inputs=inputs, force=request.force,
                                     resume=request.resume, old=old)
    created = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    label = PER_LABELS[request.per]
    folder = Folder(out_dir, output_plan, manifest_path, Manifest(plan.width), ours, request.force)
    with folder_lock(out_dir):
        remove_stale_temps(out_dir, exclusive=True)
        to_make = _reuse_or_queue(folder, plan, chosen, old, settings, label)
        for skipped in plan.skipped if request.shard is None or request.shard[0] == 1 else ():  # listed once
            folder.manifest.set(Row(skipped.order, None, label, skipped.group.key, KIND_LABELS[settings.kind],
                                    status="skipped", reason=skipped.reason))
        try:
            made, _ = _make(folder, to_make, settings, request, label, progress, len(chosen))
        finally:
            folder.finish()
            folder.save_manifest(final=True)
        ok_files = folder.manifest.ok_files()
        day = settings.options.timestamp
        if request.zip_to is not None:
            write_zip(output_plan.part([request.zip_to]), request.zip_to, out_dir, ok_files,
                      (manifest_file, folder.manifest.data()), (day or _midnight(dt.date.today())).date())
        merged = request.merged if request.merged is not None and ok_files else None
        if merged is not None:
            write_merged(output_plan.part([merged]), merged, out_dir, ok_files, timestamp=day)
    rows = sorted(folder.manifest.rows.values(), key=lambda row: row.order)
    return BatchSummary(
        made=made, reused=len(chosen) - len(to_make),
        skipped=tuple((s.group.key, s.reason) for s in plan.skipped),
        failed=tuple((row.name, row.reason) for row in rows if row.status == "failed"),
        out_dir=out_dir, manifest=manifest_path, zip_file=request.zip_to, merged=merged,
        warnings=warnings, created_folder=created,
        unnumbered=request.number_from is None and settings.kind in NUMBERED_KINDS and bool(chosen))


def _reuse_or_queue(folder: Folder, plan: BatchPlan, chosen: tuple[Planned, ...], old: dict[str, Row],
                    settings: Settings, label: str) -> list[Planned]:
    """List the documents --resume finds made already; return the others, to make."""
    queue: list[Planned] = []
    for document in chosen:
        files = tuple(f"{document.stem}{suffix}" for suffix in settings.formats)
        previous = old.get("|".join(files))
        if reusable(previous, document, folder.out_dir):
            folder.manifest.set(reorder(previous, document.order))  # type: ignore[arg-type]
        else:
            queue.append(document)
    return queue


def _make(folder: Folder, to_make: list[Planned], settings: Settings, request: BatchRequest, label: str,
          progress: ProgressCallback | None, total: int) -> tuple[int, int]:
    """Make the documents, write each as it arrives; return how many were made and failed."""
    by_number = {document.number: document for document in to_make}
    done = total - len(to_make)
    made = failed = 0
    workers = min(request.jobs or default_jobs(), max(1, len(to_make)))
    shared = to_make[0].facts.siblings if to_make else ()
    settings = dataclasses.replace(settings, siblings=shared)
    for outcome in run_jobs(settings, _jobs(to_make, shared), workers):
        document = by_number[outcome.number]
        row = _row(document, outcome, settings, label)
        if row.status == "ok":
            row = folder.write_document(document, outcome, row)
        if row.status == "failed":
            failed += 1
        else:
            made += 1
        folder.manifest.set(row)
        folder.save_manifest()
        done += 1
        if progress is not None:
            progress(Progress(done, total, failed, document.stem))
    return made, failed


def _jobs(documents: list[Planned], shared: tuple[object, ...]) -> Iterator[Job]:
    """Yield the jobs; the ranked table every group's facts hold goes to each worker once
    (Settings.siblings), not with every job."""
    for document in documents:
        facts = document.facts
        shares = bool(shared) and facts.siblings is shared
        yield Job(document.number, document.stem, dataclasses.replace(facts, siblings=()) if shares else facts,
                  document.doc_number, shares)


def _row(document: Planned, outcome: Outcome, settings: Settings, label: str) -> Row:
    files = tuple(f"{document.stem}{suffix}" for suffix in settings.formats)
    base = Row(document.order, document.number, label, document.group.key, KIND_LABELS[settings.kind],
               document.doc_number or "", document.addressee, files, fingerprint=document.fingerprint)
    if outcome.error is not None:
        return dataclasses.replace(base, status="failed", reason=outcome.error)
    return dataclasses.replace(base, sha256=sha256s(outcome.files), pages=outcome.pages)


def _check_kind(request: BatchRequest) -> str:
    if request.kind not in KIND_LABELS:
        raise InputError(Problem(f"不支持的文稿类型“{request.kind}”", hint=f"可选：{'、'.join(KIND_LABELS)}"))
    if request.kind == "sheet" and request.per != "project":
        raise InputError(Problem("督办单一个项目一张，只能按项目生成", column="--per",
                                 hint="请用 --per project；按县区、单位督办请用 督办通知（supervision）"))
    if request.number_from is not None and request.number_from < 1:
        raise InputError(Problem("--number-from 应是正整数", column="--number-from", hint="如 --number-from 13"))
    return request.kind


def _only(request: BatchRequest, kind: str) -> Only:
    if request.only is not None:
        return request.only
    return "lagging" if kind in SUPERVISION_KINDS else "all"


def _suffixes(request: BatchRequest) -> tuple[str, ...]:
    from speechgen.writers import format_of

    suffixes = tuple(dict.fromkeys(format_of(name).suffix for name in request.formats))
    if not suffixes:
        raise InputError(Problem("没有指定输出格式", column="--format", hint="如 --format docx,pdf"))
    if request.merged is not None:
        merged = request.merged.suffix.lower()
        if merged not in (".docx", ".pdf"):
            raise InputError(Problem("合订本只能是 .docx 或 .pdf", file=str(request.merged),
                                     hint="如 --merged 合订本.pdf"))
        if merged not in suffixes:
            raise InputError(Problem(f"合订本 {request.merged.name} 由各份 {merged} 文件合成，"
                                     f"但 --format 里没有 {merged[1:]}", column="--merged",
                                     hint=f"请在 --format 中加上 {merged[1:]}"))
    return suffixes


def _read_inputs(request: BatchRequest) -> tuple[InputFile, InputFile]:
    from speechgen.sources import read_dossier_files

    return read_dossier_files(Path(request.data), Path(request.meeting))


def _read_previous(request: BatchRequest) -> tuple[InputFile, ...]:
    from speechgen.api.paths import read_previous

    return read_previous(request.previous)


def _read_template(path: Path) -> InputFile:
    from speechgen.sources import read_input
    from speechgen.sources.limits import MAX_TEMPLATE_TEXT_BYTES

    return read_input(Path(path), "模板文件", max_bytes=MAX_TEMPLATE_TEXT_BYTES)


def _read_docx_template(path: Path) -> InputFile:
    from speechgen.api.paths import read_docx_template

    return read_docx_template(path)


def _shared_parts(settings: Settings, request: BatchRequest) -> list[object]:
    """Return what every document depends on besides its group: kind, seed, formats, layout,
    the template's bytes, the snippet folders' files (names, sizes, times)."""
    parts: list[object] = [settings.kind, settings.seed, settings.formats, settings.options,
                           settings.template.data if settings.template else b"",
                           settings.docx_template.data if settings.docx_template else b""]
    for folder in settings.snippets:
        parts += sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in Path(folder).glob("*.yaml"))
    return parts


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
