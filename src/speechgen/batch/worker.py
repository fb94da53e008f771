"""One document of a batch: a pure function of (the group's facts, the template, the seed, its
number) — draft it, render every format — run in the batch's own process or in a worker process.

Nothing here touches a file: the outcome (bytes per format, or the reason it failed) goes back to
the process that writes (speechgen.batch.run). A group that cannot be made — its template fails
for that group, one of its values breaks a rule, its PDF needs a glyph no font has — comes back as
a failed outcome with the Chinese reason; the others go on.
"""

from __future__ import annotations

import dataclasses
import functools
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from speechgen import api
from speechgen.errors import SpeechgenError
from speechgen.facts import Facts, GroupFacts
from speechgen.inputs import InputFile
from speechgen.writers.options import RenderOptions

if TYPE_CHECKING:
    from speechgen.compose import SnippetLibrary


@dataclass(frozen=True)
class Settings:
    """What every document of a batch shares; sent to each worker process once."""

    kind: str
    formats: tuple[str, ...]  # suffixes, in the order files are listed
    seed: int
    options: RenderOptions
    template: InputFile | None = None
    template_folder: Path | None = None
    snippets: tuple[Path, ...] = ()
    template_seconds: float | None = None
    source: str | None = None  # the ledger's name, for messages
    docx_template: InputFile | None = None  # an office's Word template the .docx fills (--docx-template)
    siblings: tuple[GroupFacts, ...] = ()  # the ranked table of all groups, which every job shares


@dataclass(frozen=True)
class Job:
    """One document to make: its 序号, file stem (the draft's name in messages), figures, 发文字号."""

    number: int
    stem: str
    facts: Facts
    doc_number: str | None = None
    shares_siblings: bool = False  # its facts' siblings are Settings.siblings (sent once, not per job)


@dataclass(frozen=True)
class Outcome:
    """The document made (suffix → bytes, in the order of Settings.formats; the PDF's page count)
    or why it could not be (``error``, Chinese)."""

    number: int
    files: dict[str, bytes] = field(default_factory=dict, repr=False)
    pages: int | None = None
    error: str | None = None


def make_document(settings: Settings, job: Job) -> Outcome:
    """Return the outcome of one job; never raises for a problem of this group's data."""
    facts = dataclasses.replace(job.facts, siblings=settings.siblings) if job.shares_siblings else job.facts
    try:
        text = api.draft(settings.kind, facts, seed=settings.seed,  # type: ignore[arg-type]
                         template=settings.template, template_folder=settings.template_folder,
                         snippets=settings.snippets, doc_number=job.doc_number, source=settings.source,
                         template_seconds=settings.template_seconds, library=_library(settings.snippets))
        files = api.render_draft(text, facts, settings.formats, source=f"{job.stem}.md", options=settings.options,
                                 docx_template=settings.docx_template, template_seconds=settings.template_seconds)
        pages = pdf_pages(files[".pdf"]) if ".pdf" in files else None
        return Outcome(job.number, files, pages)
    except SpeechgenError as error:
        return Outcome(job.number, error=reason_of(error))
    except Exception as error:  # a defect, not this group's data; still only this document fails
        defect = f"内部错误：{type(error).__name__}: {error}（这是 speechgen 的缺陷，请把台账和命令提供给维护者）"
        return Outcome(job.number, error=defect)


@functools.lru_cache(maxsize=4)
def _library(snippets: tuple[Path, ...]) -> SnippetLibrary:
    """Return the snippet library, loaded once per process for the batch's folders (the folders'
    files are not looked at again for every document)."""
    return api.snippet_library(snippets)


def reason_of(error: SpeechgenError) -> str:
    """Return an error's messages on one line, for the manifest."""
    return "；".join(message.rstrip("。") for message in error.messages()) + "。"


def pdf_pages(data: bytes) -> int:
    """Return the number of pages of a PDF."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


# ── in a worker process: the settings arrive once, then jobs one by one ──

_settings: Settings | None = None


def start_worker(settings: Settings) -> None:
    """Keep the batch's settings in this worker process (ProcessPoolExecutor's initializer)."""
    global _settings
    _settings = settings


def work(job: Job) -> Outcome:
    """Make one job with the settings start_worker kept."""
    assert _settings is not None, "start_worker was not called in this process"
    return make_document(_settings, job)


def warm(settings: Settings) -> None:
    """Load in this process what every document needs — the snippet library, the built-in
    template compiled — so that worker processes forked from it start with it."""
    from speechgen.compose import TEMPLATES
    from speechgen.compose.env import builtin_environment

    _library(settings.snippets)
    if settings.template is None:
        builtin_environment().get_template(TEMPLATES[settings.kind])
