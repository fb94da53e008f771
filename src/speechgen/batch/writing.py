"""The files of a batch on disk: checked before any work, each document written atomically as it
arrives, the manifest rewritten as the run goes, --resume's reuse of what is made already.

Documents are written without an fsync each (two syncs per document cost more than making it);
the batch syncs once when every document is written, before its final manifest. A kill at any
moment still leaves each document whole or absent; a power cut may leave a file the manifest
lists but the disk did not keep — --resume finds it by its sha256 and makes it again.

What may be replaced: with --force, anything; with --resume, the files the folder's manifest lists
(the previous run's), the manifest itself, the zip and the merged file. An existing file of any
other name stops the run before any work (exit 2) — except, under --resume, a document's file the
manifest does not list yet (a run killed between writing a document and listing it): it is kept
when it holds exactly the bytes this run makes, and the document fails with the reason otherwise.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from speechgen.batch.manifest import Manifest, Row
from speechgen.batch.plan import Planned
from speechgen.batch.worker import Outcome
from speechgen.errors import InputError, OutputExistsError, Problem
from speechgen.writers.output import OutputPlan, check_outputs, sync_folder, write_outputs

MANIFEST_EVERY_SECONDS = 0.5  # how stale the manifest may be while documents keep coming
_SHOWN_EXISTING = 10


@dataclass
class Folder:
    """The output folder of one run: its checked plan, the manifest and what may be replaced."""

    out_dir: Path
    plan: OutputPlan
    manifest_path: Path
    manifest: Manifest
    ours: set[Path] = field(default_factory=set)  # files the previous run's manifest lists
    force: bool = False
    _written_at: float = 0.0

    def files(self, document: Planned, suffixes: tuple[str, ...]) -> list[Path]:
        return [self.out_dir / f"{document.stem}{suffix}" for suffix in suffixes]

    def write_document(self, document: Planned, outcome: Outcome, row: Row) -> Row:
        """Write the outcome's files (all or none) and return the row to list; a file in the way
        (see the module docstring) makes the row failed instead."""
        targets = [self.out_dir / name for name in row.files]
        payloads = list(zip(targets, outcome.files.values(), strict=True))
        strangers = [t for t, _ in payloads if not self.force and t not in self.ours and os.path.lexists(t)]
        if any(_read(target) != data for target, data in payloads if target in strangers):
            return _failed(row, "文件已存在且内容不同，不是本批量生成的，未覆盖（如需覆盖请加 --force）")
        fresh = [(target, data) for target, data in payloads if target not in strangers]
        try:
            if fresh:
                write_outputs(self.plan.part([t for t, _ in fresh], force=self.force or _all_ours(fresh, self)),
                              fresh, clean=False, durable=False)  # synced once, at the end (finish)
        except OutputExistsError as error:
            return _failed(row, f"{error.path} 在生成期间被别的程序创建，未覆盖")
        return row

    def finish(self) -> None:
        """Make every document written durable at once (one sync instead of two per document)."""
        if hasattr(os, "sync"):
            os.sync()
        sync_folder(self.out_dir)

    def save_manifest(self, *, now: float | None = None, final: bool = False) -> None:
        """Rewrite the manifest atomically; between documents at most every MANIFEST_EVERY_SECONDS."""
        now = time.monotonic() if now is None else now
        if not final and now - self._written_at < MANIFEST_EVERY_SECONDS:
            return
        write_outputs(self.plan.part([self.manifest_path]), [(self.manifest_path, self.manifest.data())],
                      clean=False)
        self._written_at = now


def _all_ours(payloads: list[tuple[Path, bytes]], folder: Folder) -> bool:
    return all(target in folder.ours for target, _ in payloads)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _failed(row: Row, reason: str) -> Row:
    from dataclasses import replace

    return replace(row, status="failed", reason=reason, sha256=(), pages=None)


def check_folder(out_dir: Path, targets: list[Path], extra: list[Path], *, inputs: list[Path], force: bool,
                 resume: bool, old: dict[str, Row]) -> tuple[OutputPlan, set[Path]]:
    """Check every output before any work: names, folders, permissions (check_outputs), then what
    exists. Return the plan and the files the previous run made (which --resume may replace).
    ``extra`` are the manifest, zip and merged file, which --resume replaces as well."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(Problem("输出位置是一个文件，不是文件夹", file=str(out_dir),
                                 hint="请用 -o 指定一个文件夹（不存在时会新建）"))
    plan = check_outputs([*targets, *extra], inputs=inputs, force=True)
    ours = {out_dir / name for row in old.values() for name in row.files}
    if force:
        return plan, ours
    blocked = [t for t in targets if os.path.lexists(t) and not (resume and t in ours)]
    blocked += [t for t in extra if os.path.lexists(t) and not resume]
    if resume:  # a file not yet listed may be the killed run's last document: judged by its bytes
        listed = set(targets)
        blocked = [t for t in blocked if t not in listed]
    if blocked:
        shown = "、".join(str(t) for t in blocked[:_SHOWN_EXISTING])
        more = f"等{len(blocked)}个文件" if len(blocked) > _SHOWN_EXISTING else ""
        raise InputError(Problem(f"输出文件已存在：{shown}{more}",
                                 hint="如需覆盖请加 --force；接着上次未完成的批量请加 --resume；或换一个输出文件夹"))
    return plan, ours


def reusable(old: Row | None, document: Planned, folder: Path) -> bool:
    """Return True when the previous run made this document from the same input and its files
    are still what it wrote."""
    if old is None or old.status != "ok" or old.fingerprint != document.fingerprint:
        return False
    if len(old.sha256) != len(old.files):
        return False
    for name, digest in zip(old.files, old.sha256, strict=True):
        data = _read(folder / name)
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            return False
    return True


def sha256s(files: dict[str, bytes]) -> tuple[str, ...]:
    return tuple(hashlib.sha256(data).hexdigest() for data in files.values())
