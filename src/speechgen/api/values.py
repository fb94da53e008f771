"""The use cases in values: bytes and names in, bytes, values and warnings out, no file touched.

What a web app (uploads in, downloads out) and a batch worker (one document per unit, in worker
processes) call; api/paths.py wraps each for files on disk. Reading the package's own templates,
snippets and fonts is the only disk access here, with two exceptions a caller chooses: snippet
folders and a template's include folder are paths (GenerateRequest.snippets, .template_folder).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from speechgen import facts
from speechgen.api.requests import (
    DEFAULT_SEED,
    CheckRequest,
    CheckResult,
    FactsRequest,
    FactsResult,
    GenerateRequest,
    GenerateResult,
    OutlineRequest,
    OutlineResult,
    RenderRequest,
    RenderResult,
    TemplateCheckRequest,
    TemplateCheckResult,
)
from speechgen.document import Document
from speechgen.errors import InputError, Problem, TemplateError
from speechgen.facts import Facts, GroupBy, GroupFacts
from speechgen.inputs import InputFile
from speechgen.model import Dossier, Layout
from speechgen.style import FontSet
from speechgen.writers.options import Engine, RenderOptions

if TYPE_CHECKING:
    from speechgen.compose import DocKind, SnippetLibrary
    from speechgen.wordtemplate import WordTemplate
    from speechgen.writers.registry import Format


def facts_from_bytes(request: FactsRequest) -> FactsResult:
    """Return the Dossier, the Facts (every figure: 时序进度, rates, ranks, 滞后项目, 问题分类) and
    the warnings of a ledger and a meeting file. Raises InputError with every problem of both."""
    from speechgen.sources import parse_dossier, parse_previous

    dossier = parse_dossier(request.ledger, request.meeting)
    previous: tuple[Dossier, ...] = ()
    if request.previous:
        previous, _ = parse_previous(request.previous, dossier, request.ledger, request.meeting.name)
    computed = facts.compute_facts(dossier, lag_threshold=request.lag_threshold, previous=previous)
    return FactsResult(dossier, computed, computed.warnings, previous)


def generate_from_bytes(request: GenerateRequest) -> GenerateResult:
    """Draft the document of the request from the ledger's and the meeting file's bytes and
    render it in every format asked (see GenerateRequest). Raises InputError (bad input, an
    unknown format — before anything is computed), TemplateError (the template)."""
    writers = _writers(request.formats)
    word = _word_template(request.docx_template, "ledger", request.template_seconds, writers)
    computed = facts_from_bytes(FactsRequest(request.ledger, request.meeting, previous=request.previous)).facts
    text = draft(request.kind, computed, frame=request.frame, seed=request.seed, template=request.template,
                 template_folder=request.template_folder, snippets=request.snippets,
                 doc_number=request.doc_number, source=request.ledger.name,
                 template_seconds=request.template_seconds, length=request.length, attach=request.attach)
    options = _options(request.options, request.engine, computed.meeting.layout)
    files = _render(writers, lambda: _parse(text, f"{request.kind}.md"), options, markdown=text,
                    word=word, facts=computed)
    from speechgen.compose.guards import draft_warnings

    hollow = draft_warnings(request.kind, computed, request.doc_number) if request.template is None else ()
    return GenerateResult(files, text, computed,
                          computed.warnings + hollow + (word.report.warnings if word else ()))


def render_from_bytes(request: RenderRequest) -> RenderResult:
    """Return a dialect file rendered in every format asked (see RenderRequest). Raises
    InputError (not text, an unknown format), MarkupError with every problem of the text."""
    from speechgen.markup import decode_markup, read_markup

    writers = _writers(request.formats)
    word = _word_template(request.docx_template, "document", None, writers)
    parsed = read_markup(decode_markup(request.source.data, request.source.name), source=request.source.name)
    files = _render(writers, lambda: parsed.document, _options(request.options, request.engine), word=word)
    return RenderResult(files, parsed.warnings + (word.report.warnings if word else ()))


def template_check_from_bytes(request: TemplateCheckRequest) -> TemplateCheckResult:
    """Return what template-check finds in a Word template (whatever it finds; see the report).
    Raises InputError only for a file that is no usable .docx (not a zip, macros, a zip bomb …)."""
    from speechgen.wordtemplate import inspect_word_template

    source = "document" if request.for_render else "ledger"
    return TemplateCheckResult(inspect_word_template(request.template.data, request.template.name,
                                                     source=source).report)


def check_from_bytes(request: CheckRequest) -> CheckResult:
    """Return the findings of every check rule on a draft; with a ledger and a meeting file, every
    figure traced to the Facts and a .docx held to the unit's fonts. Raises InputError on unusable
    input (a ledger without a meeting file, or the other way round, among it) and on an unknown
    rule name in ``ignore``."""
    from speechgen.check import RULES, check_source, read_draft

    require_ledger_pair(request.ledger, request.meeting)
    rules = RULES.without(request.ignore)  # a misspelt name is reported before the draft is parsed
    source = read_draft(request.draft)
    computed = None
    if request.ledger is not None and request.meeting is not None:
        computed = facts_from_bytes(FactsRequest(request.ledger, request.meeting, previous=request.previous)).facts
    layout = computed.meeting.layout if computed else None
    report = check_source(source, facts=computed, fonts=render_options(layout).fonts, rules=rules)
    return CheckResult(report, computed, computed.warnings if computed else ())


def outline_from_bytes(request: OutlineRequest) -> OutlineResult:
    """Return the outline (title, salutation, parts with their points, closing) of a draft.
    Raises InputError when it cannot be read."""
    from speechgen.check import outline_source, read_draft

    return OutlineResult(outline_source(read_draft(request.draft)))


def require_ledger_pair(ledger: object | None, meeting: object | None) -> None:
    """Raise InputError unless a ledger and a meeting file are given together, or neither is."""
    if (ledger is None) != (meeting is None):
        raise InputError(Problem("核对数字需要同时给出 --data 台账 和 --meeting 会议信息",
                                 hint="两个都给，或都不给（不核对数字）"))


# ── the steps, for callers that hold Facts already (a batch drafts one document per group) ──


def draft(
    kind: DocKind,
    computed: Facts,
    *,
    frame: str | None = None,
    seed: int = DEFAULT_SEED,
    template: Path | InputFile | None = None,
    template_folder: Path | None = None,
    snippets: Sequence[Path] = (),
    doc_number: str | None = None,
    source: str | None = None,
    template_seconds: float | None = None,
    length: str = "normal",
    library: SnippetLibrary | None = None,
    attach: str = "laggards",
) -> str:
    """Return the document of ``kind`` (speech 讲话稿, bulletin 通报, notice 督查通知) in the 公文
    Markdown dialect. ``frame`` names a speech frame; ``template`` a user's Jinja template (a
    path, read through sources/, or an InputFile; sandboxed), which may include files of its own
    folder (a path's, or ``template_folder`` for an InputFile); ``snippets`` folders of extra
    passages; ``doc_number`` a 发文字号 for this one bulletin or notice instead of the meeting
    file's; ``source`` the ledger's name for messages; ``template_seconds`` the render's time
    limit (default 5 s; docs/security.md); ``length`` short / normal / long (a speech's points
    and the laggards it describes); ``library`` a snippet library loaded already (a batch
    loads it once, api.snippet_library), instead of the built-in one and ``snippets``; ``attach``
    what a notice's 督查清单 lists (laggards, or all projects). Raises
    TemplateError / InputError."""
    from speechgen.compose import DEFAULT_LIMITS, compose, user_template

    limits = DEFAULT_LIMITS if template_seconds is None else replace(DEFAULT_LIMITS, seconds=template_seconds)
    chosen = user_template(template, template_folder) if isinstance(template, InputFile) else template
    return compose(kind, computed, frame=frame, seed=seed, template=chosen, snippet_dirs=snippets,
                   doc_number=doc_number, source=source, limits=limits, length=length,
                   library=library, attach=attach)


def check_template(template: InputFile, template_folder: Path | None = None) -> None:
    """Raise TemplateError (its name and line) when a user's template cannot be compiled — its
    syntax, an include that is not there — before any document is drafted from it (a batch)."""
    import jinja2

    from speechgen.compose import user_template
    from speechgen.compose.env import make_environment, template_error

    try:
        make_environment(user_template(template, template_folder)).get_template(template.name)
    except jinja2.TemplateNotFound as error:
        raise TemplateError(Problem(message=f"找不到模板“{error.name}”", file=template.name)) from None
    except jinja2.TemplateSyntaxError as error:
        raise template_error(error, template.name) from None


def parse_dialect(file: InputFile) -> Document:
    """Return the Document of a dialect file's bytes (UTF-8, GBK/GB18030 or UTF-16 text).
    Raises InputError when it is not text, MarkupError with every problem."""
    from speechgen.markup import decode_markup

    return _parse(decode_markup(file.data, file.name), file.name)


def render_markup(text: str, fmt: str, *, source: str = "稿件.md", engine: Engine | None = None,
                  options: RenderOptions | None = None) -> bytes:
    """Return dialect text rendered as fmt (".docx", ".pdf", ".html", ".txt" or ".md"), no files.
    ``options`` carries the layout choices (default: GB/T 9704 as speechgen sets it)."""
    from speechgen.writers.registry import format_of

    return format_of(fmt).render(_parse(text, source), _options(options, engine))


def render_draft(text: str, computed: Facts, formats: Sequence[str], *, source: str = "稿件.md",
                 options: RenderOptions | None = None, docx_template: InputFile | None = None,
                 template_seconds: float | None = None) -> dict[str, bytes]:
    """Return a draft made from ``computed`` (by draft) rendered in every format (suffix → bytes, in
    the order given; .md is the text itself): what generate_from_bytes does after drafting, for a
    caller that drafts from Facts of its own (a batch worker, one group's Facts per document). A
    Word template fills its fields from the Document and these Facts. Raises MarkupError,
    TemplateError (the Word template)."""
    writers = _writers(formats)
    word = _word_template(docx_template, "ledger", template_seconds, writers)
    return _render(writers, lambda: _parse(text, source), options or RenderOptions(), markdown=text, word=word,
                   facts=computed)


def check_docx_template(docx_template: InputFile, formats: Sequence[str], *,
                        template_seconds: float | None = None) -> tuple[Problem, ...]:
    """Check a Word template for documents drafted from a ledger before any of them is made: raise
    TemplateError for what template-check finds wrong, InputError when the .pdf needs LibreOffice and
    it is missing; return the template's warnings. The prepared template is kept per process."""
    word = _word_template(docx_template, "ledger", template_seconds, _writers(formats))
    return word.report.warnings if word else ()


def reference_docx(options: RenderOptions | None = None) -> bytes:
    """Return an empty .docx that carries every named style of speechgen's 公文 layout, with the
    unit's fonts and grid from ``options``."""
    from speechgen.writers.docx import DocxOptions
    from speechgen.writers.docx import reference_docx as build

    return build(DocxOptions.of(options or RenderOptions()))


def render_options(layout: Layout | None = None) -> RenderOptions:
    """Return the options record for a meeting file's 版式 (``Meeting.layout``): every key the
    unit set, the defaults for the rest."""
    if layout is None:
        return RenderOptions()
    chosen = layout.model_dump(exclude_none=True)
    if "fonts" in chosen:
        chosen["fonts"] = FontSet(**chosen["fonts"])
    return RenderOptions(**chosen)


def group_facts(source: Facts | Dossier, by: GroupBy) -> tuple[GroupFacts, ...]:
    """Return the ranked figures per 县区/责任单位/包保领导/建设性质/产业类别 (see facts.group_facts)."""
    return facts.group_facts(source, by)


def facts_to_json(computed: Facts, by: GroupBy | None = None) -> str:
    """Return the Facts as JSON text, schema speechgen-facts/2 (see speechgen.facts.jsonout)."""
    return facts.facts_to_json(computed, by)


def _options(options: RenderOptions | None, engine: Engine | None, layout: Layout | None = None) -> RenderOptions:
    """Return the options to render with: the caller's record, else the meeting file's 版式, else
    the defaults; an ``engine`` given on its own replaces the record's."""
    chosen = options or render_options(layout)
    return replace(chosen, engine=engine) if engine else chosen


def _writers(formats: Sequence[str]) -> list[Format]:
    """Return the writer of each format, each once, in the order given (InputError for an unknown one)."""
    from speechgen.writers.registry import format_of

    unique: dict[str, Format] = {}
    for name in formats:
        writer = format_of(name)
        unique.setdefault(writer.suffix, writer)
    return list(unique.values())


def _parse(text: str, source: str) -> Document:
    from speechgen.markup import parse_markup

    return parse_markup(text, source=source)


def _render(writers: list[Format], document: Callable[[], Document], options: RenderOptions,
            markdown: str | None = None, word: WordTemplate | None = None, facts: Facts | None = None,
            ) -> dict[str, bytes]:
    """Return suffix → bytes of every writer; ``markdown``, when given, is the .md itself (a draft's
    own text, as composed) instead of the Document written back as dialect. With a Word template
    ``word``, the .docx is the template filled (``facts`` for the ledger's fields) and the .pdf
    LibreOffice's conversion of that .docx. The Document is parsed only when a writer needs it."""
    files: dict[str, bytes] = {}
    parsed: Document | None = None
    filled: bytes | None = None
    for writer in writers:
        if writer.suffix == ".md" and markdown is not None:
            files[writer.suffix] = markdown.encode("utf-8")
            continue
        parsed = parsed or document()
        if word is not None and writer.suffix in (".docx", ".pdf"):
            filled = filled or _fill(word, parsed, facts, options)
            files[writer.suffix] = filled if writer.suffix == ".docx" else _converted(filled, options)
            continue
        files[writer.suffix] = writer.render(parsed, options)
    return files


_NO_TEMPLATE = "，或不用 --docx-template（PDF 按本程序的版式生成）"


def _word_template(file: InputFile | None, source: str, seconds: float | None,
                   writers: list[Format]) -> WordTemplate | None:
    """Return the prepared Word template (TemplateError when template-check finds an error; kept
    per process, so many requests with one template prepare it once), and make sure LibreOffice
    is there when it will make the PDF — both before any other work."""
    if file is None:
        return None
    from speechgen.compose import DEFAULT_LIMITS
    from speechgen.wordtemplate import prepared_word_template
    from speechgen.writers.libreoffice import find_soffice

    limits = DEFAULT_LIMITS if seconds is None else replace(DEFAULT_LIMITS, seconds=seconds)
    template = prepared_word_template(file.data, file.name, source=source, limits=limits)  # type: ignore[arg-type]
    if any(writer.suffix == ".pdf" for writer in writers):
        find_soffice("用 Word 模板生成 PDF 要由 LibreOffice 转换", _NO_TEMPLATE)
    return template


def _fill(word: WordTemplate, document: Document, facts: Facts | None, options: RenderOptions) -> bytes:
    from speechgen.wordtemplate import fill_word_template
    from speechgen.writers.docx import DocxOptions

    return fill_word_template(word, document, facts, DocxOptions.of(options))


def _converted(docx: bytes, options: RenderOptions) -> bytes:
    from speechgen.writers.libreoffice import convert_docx_files

    return convert_docx_files([docx], timeout_s=options.timeout_s, fonts=options.fonts, fallback=_NO_TEMPLATE)[0]


def worksheet_names(ledger: InputFile) -> tuple[str, ...]:
    """Return the worksheets a ledger workbook offers to read (InputFile.sheet, --sheet) in tab
    order; none for a .csv/.yaml/.json ledger or a workbook that cannot be opened (reading the
    ledger says why)."""
    if ledger.suffix not in (".xlsx", ".xlsm"):
        return ()
    from speechgen.sources.xlsx import sheet_names

    try:
        return sheet_names(Path(ledger.name), ledger.data)
    except InputError:
        return ()
