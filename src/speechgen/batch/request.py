"""The records of a batch: what to make (BatchRequest), how far it is (Progress), what it made
(BatchSummary). Plain frozen data, like the api's records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from speechgen.batch.groups import Only, Per
from speechgen.errors import Problem
from speechgen.writers.options import Engine

DEFAULT_SEED = 1


@dataclass(frozen=True)
class BatchRequest:
    """One document of ``kind`` per group of ``per``, into the folder ``out_dir``.

    ``only``: which groups (None: 督办通知 and 督办单 only those with something to 督办, the
    other kinds every group); ``formats``: suffixes (".docx", ".pdf", ".md", ".html", ".txt");
    ``zip_to``: also a zip of the files and the manifest; ``merged``: also one .docx or .pdf of
    every document in order, each starting on an odd page with its own page numbers;
    ``jobs``: worker processes (None: the cores); ``number_from``: 发文字号 from this number on;
    ``name``: the file-name pattern (batch/naming.py); ``force``: replace existing files;
    ``resume``: make only what the folder's manifest does not list as made from the same input;
    ``shard``: (i, n), the i-th of n slices; ``feedback_by`` replaces the meeting file's date for
    the written report of a 督办通知/督办单; ``docx_template`` is an office's Word template each
    .docx fills (docs/docx-templates.md; its .pdf is LibreOffice's conversion); ``previous``
    the earlier periods' ledgers each group's document is compared with.
    """

    kind: str
    data: Path
    meeting: Path
    per: Per
    out_dir: Path
    only: Only | None = None
    formats: tuple[str, ...] = (".docx",)
    zip_to: Path | None = None
    merged: Path | None = None
    jobs: int | None = None
    number_from: int | None = None
    name: str | None = None
    seed: int = DEFAULT_SEED
    force: bool = False
    resume: bool = False
    shard: tuple[int, int] | None = None
    template: Path | None = None
    snippets: tuple[Path, ...] = ()
    feedback_by: dt.date | None = None
    engine: Engine | None = None
    template_seconds: float | None = None
    docx_template: Path | None = None
    previous: tuple[Path, ...] = ()  # earlier periods' ledgers, oldest first (较上月, 连续滞后)


@dataclass(frozen=True)
class Progress:
    """How far the run is: documents finished (made, reused or failed) of ``total``."""

    done: int
    total: int
    failed: int
    name: str = ""  # the document just finished


@dataclass(frozen=True)
class BatchSummary:
    """What the run did. ``failed`` and ``skipped`` are (名称, reason) pairs; ``reused`` counts
    documents --resume found made already."""

    made: int
    reused: int
    skipped: tuple[tuple[str, str], ...]
    failed: tuple[tuple[str, str], ...]
    out_dir: Path
    manifest: Path
    zip_file: Path | None = None
    merged: Path | None = None
    warnings: tuple[Problem, ...] = ()
    created_folder: bool = False
    unnumbered: bool = False  # documents of a numbered kind left without 发文字号 (no --number-from)

    @property
    def exit_code(self) -> int:
        """Return 1 when some document failed, else 0."""
        return 1 if self.failed else 0
