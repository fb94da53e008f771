"""The value API's records: one request and one result per use case, plain frozen data (picklable,
so a batch can hand them to worker processes); files travel as InputFile (name + bytes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from speechgen.errors import Problem
from speechgen.facts import DEFAULT_LAG_THRESHOLD, Facts
from speechgen.inputs import InputFile
from speechgen.model import Dossier
from speechgen.writers.options import Engine, RenderOptions

if TYPE_CHECKING:
    from speechgen.check import Outline, Report
    from speechgen.compose import DocKind
    from speechgen.wordtemplate import TemplateReport

DEFAULT_SEED = 1  # = speechgen.compose.DEFAULT_SEED; not imported, so that `--help` stays free of Jinja
DEFAULT_FORMATS = (".docx",)


@dataclass(frozen=True)
class FactsRequest:
    """Compute the figures of a ledger (.xlsx/.csv/.yaml/.json by its name) and a meeting file;
    ``lag_threshold`` in 百分点 (a project further behind 时序进度 is 滞后)."""

    ledger: InputFile
    meeting: InputFile
    lag_threshold: Decimal = DEFAULT_LAG_THRESHOLD
    previous: tuple[InputFile, ...] = ()  # earlier periods' ledgers, oldest first (Facts.changes)

    def __post_init__(self) -> None:
        object.__setattr__(self, "previous", tuple(self.previous))


@dataclass(frozen=True)
class FactsResult:
    """The Dossier read from the files, every figure computed from it, and the warnings of both
    files (Problem, severity "warning", each naming its file, sheet, row and column)."""

    dossier: Dossier
    facts: Facts
    warnings: tuple[Problem, ...]
    previous: tuple[Dossier, ...] = ()  # the earlier periods read (FactsRequest.previous), oldest first


@dataclass(frozen=True)
class GenerateRequest:
    """Draft a document of ``kind`` (speech 讲话稿, bulletin 通报, notice 督查通知) from a ledger and
    a meeting file, and render it in each of ``formats`` (".docx", ".pdf", ".html", ".txt", ".md";
    none: the text and the figures only).

    ``frame`` names a speech frame, ``seed`` picks the wording, ``length`` how much a speech
    says (short / normal / long); ``template`` is a user's Jinja
    template (InputFile.from_text for text typed in a page), run in the sandbox; it may include
    files of ``template_folder`` (a path: None for an upload, which may include built-in
    templates only). ``snippets`` are folders of extra passages (paths; read from disk).
    ``doc_number`` replaces the meeting file's 发文字号; ``template_seconds`` bounds the render
    (default 5 s). ``options`` is the whole layout record (default: the meeting file's
    ``layout:``); ``engine`` alone picks the PDF engine. ``docx_template`` is an office's own Word
    template (.docx, docs/docx-templates.md): the .docx is that template filled, and the .pdf is
    LibreOffice's conversion of it; it is checked (template-check) before anything is computed.
    """

    kind: DocKind
    ledger: InputFile
    meeting: InputFile
    formats: tuple[str, ...] = DEFAULT_FORMATS
    frame: str | None = None
    seed: int = DEFAULT_SEED
    length: str = "normal"
    attach: str = "laggards"  # a notice's 督查清单: the laggards and overdue projects, or "all"
    template: InputFile | None = None
    template_folder: Path | None = None
    snippets: tuple[Path, ...] = ()
    doc_number: str | None = None
    template_seconds: float | None = None
    options: RenderOptions | None = None
    engine: Engine | None = None
    docx_template: InputFile | None = None
    previous: tuple[InputFile, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "formats", tuple(self.formats))
        object.__setattr__(self, "snippets", tuple(Path(folder) for folder in self.snippets))
        object.__setattr__(self, "previous", tuple(self.previous))


@dataclass(frozen=True)
class GenerateResult:
    """The rendered files by suffix (".docx" → bytes, in the order asked), the draft in the 公文
    Markdown dialect (what a .md holds; edit it and send it to render), the figures it was made
    from, and the ledger's and meeting file's warnings."""

    files: dict[str, bytes] = field(repr=False)
    text: str = field(repr=False)
    facts: Facts = field(repr=False)
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class RenderRequest:
    """Lay out a 公文 Markdown (dialect) file — bytes in UTF-8, GBK/GB18030 or UTF-16, or
    InputFile.from_text — in each of ``formats``; ``options``, ``engine`` and ``docx_template`` as
    in GenerateRequest (default: GB/T 9704 as speechgen sets it; a Word template may use the
    公文's own fields only, there is no ledger)."""

    source: InputFile
    formats: tuple[str, ...] = DEFAULT_FORMATS
    options: RenderOptions | None = None
    engine: Engine | None = None
    docx_template: InputFile | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "formats", tuple(self.formats))


@dataclass(frozen=True)
class RenderResult:
    """The rendered files by suffix (".docx" → bytes, in the order asked), and what the author
    should know (Problem, severity "warning"): the draft's (a kind inferred, a duplicate title)
    and the Word template's (template-check's) when one was used."""

    files: dict[str, bytes] = field(repr=False)
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class CheckRequest:
    """Lint a draft (.txt, .docx or dialect .md, by its name); with a ledger and a meeting file
    (both or neither), also trace every figure to the facts and hold a .docx to the unit's fonts.
    ``ignore`` names the rules not to run (``check_rules`` lists them)."""

    draft: InputFile
    ledger: InputFile | None = None
    meeting: InputFile | None = None
    ignore: tuple[str, ...] = ()
    previous: tuple[InputFile, ...] = ()  # earlier ledgers: 较上月 figures are traced too

    def __post_init__(self) -> None:
        object.__setattr__(self, "previous", tuple(self.previous))
        names = (self.ignore,) if isinstance(self.ignore, str) else tuple(self.ignore)
        object.__setattr__(self, "ignore", names)


@dataclass(frozen=True)
class CheckResult:
    """The findings (Report: render() for people, to_json() for programs, exit_code), the facts the
    figures were traced to (None without a ledger), and the ledger's and meeting file's warnings."""

    report: Report
    facts: Facts | None = field(default=None, repr=False)
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class OutlineRequest:
    """Read the structure of a draft (.txt in UTF-8/GBK, .docx or dialect .md, by its name)."""

    draft: InputFile


@dataclass(frozen=True)
class OutlineResult:
    """The outline: title, salutation, parts with their points, closing (to_json() for programs)."""

    outline: Outline


@dataclass(frozen=True)
class TemplateCheckRequest:
    """Check a Word template (.docx) as ``--docx-template`` would use it: for generate, or, with
    ``for_render``, for render (no ledger, so the ledger's fields are errors)."""

    template: InputFile
    for_render: bool = False


@dataclass(frozen=True)
class TemplateCheckResult:
    """What template-check found: ``report.tags`` (each with its part and paragraph),
    ``report.problems`` (errors and warnings), ``report.render()`` as the CLI shows it."""

    report: TemplateReport
