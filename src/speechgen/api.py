"""One function per use case; the CLI and the web app call only these."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from speechgen import facts
from speechgen.document import Document
from speechgen.errors import InputError, Problem
from speechgen.facts import DEFAULT_LAG_THRESHOLD, Facts, GroupBy, GroupFacts
from speechgen.model import Dossier, Layout
from speechgen.style import FontSet
from speechgen.writers.options import Engine, RenderOptions

if TYPE_CHECKING:
    from speechgen.check import Outline, Report
    from speechgen.compose import DocKind, Frame, SnippetLibrary
    from speechgen.writers import Written

DEFAULT_SEED = 1  # = speechgen.compose.DEFAULT_SEED; not imported, so that `--help` stays free of Jinja


def load_dossier(data: Path, meeting: Path) -> Dossier:
    """Return the Dossier of a 项目台账 file and a meeting file (raises InputError, all problems at once)."""
    from speechgen.sources import read_dossier

    return read_dossier(Path(data), Path(meeting))


def compute_facts(data: Path, meeting: Path, *, lag_threshold: Decimal = DEFAULT_LAG_THRESHOLD) -> Facts:
    """Return the Facts (every figure: 时序进度, rates, ranks, 滞后项目, 问题分类) of a 项目台账
    and a meeting file; ``lag_threshold`` in 百分点. Raises InputError on bad input."""
    return facts.compute_facts(load_dossier(data, meeting), lag_threshold=lag_threshold)


def group_facts(source: Facts | Dossier, by: GroupBy) -> tuple[GroupFacts, ...]:
    """Return the ranked figures per 县区/责任单位/包保领导/建设性质/产业类别 (see facts.group_facts)."""
    return facts.group_facts(source, by)


def facts_to_json(computed: Facts, by: GroupBy | None = None) -> str:
    """Return the Facts as JSON text, schema speechgen-facts/1 (see speechgen.facts.jsonout)."""
    return facts.facts_to_json(computed, by)


# ── render: 公文 Markdown → .docx / .pdf / .html / .txt / .md (issue 3) ─────────────────────


def render_options(layout: Layout | None = None) -> RenderOptions:
    """Return the options record for a meeting file's 版式 (``Meeting.layout``): every key the
    unit set, the defaults for the rest."""
    if layout is None:
        return RenderOptions()
    chosen = layout.model_dump(exclude_none=True)
    if "fonts" in chosen:
        chosen["fonts"] = FontSet(**chosen["fonts"])
    return RenderOptions(**chosen)


def _options(options: RenderOptions | None, engine: Engine | None, layout: Layout | None = None) -> RenderOptions:
    """Return the options to render with: the caller's record, else the meeting file's 版式, else
    the defaults; an ``engine`` given on its own replaces the record's."""
    chosen = options or render_options(layout)
    return replace(chosen, engine=engine) if engine else chosen


def parse_markup_file(source: Path) -> Document:
    """Return the Document of a dialect file (UTF-8, GBK/GB18030 or UTF-16 text).

    Raises InputError when the file is missing or not text, MarkupError with every problem.
    """
    from speechgen.markup import decode_markup, parse_markup

    source = Path(source)
    if not source.is_file():
        what = "是一个文件夹，不是文件" if source.is_dir() else "文件不存在"
        raise InputError(Problem(what, file=str(source), hint="请检查路径和文件名（如“讲话稿.md”）"))
    return parse_markup(decode_markup(source.read_bytes(), source.name), source=source.name)


def render_markup(text: str, fmt: str, *, source: str = "稿件.md", engine: Engine | None = None,
                  options: RenderOptions | None = None) -> bytes:
    """Return dialect text rendered as fmt (".docx", ".pdf", ".html", ".txt" or ".md"), no files.
    ``options`` carries the layout choices (default: GB/T 9704 as speechgen sets it)."""
    from speechgen.markup import parse_markup
    from speechgen.writers import format_of

    writer = format_of(fmt)
    return writer.render(parse_markup(text, source=source), _options(options, engine))


def render(source: Path, outputs: list[Path], *, force: bool = False, engine: Engine | None = None,
           options: RenderOptions | None = None) -> Written:
    """Render a dialect file to every output (format from each extension); return what was written
    (the paths, and the folders created for them).

    Nothing is written unless every output is writable and every format renders: the outputs are
    checked first (existing ones need force), then rendered in memory, then written atomically
    (writers.output.write_outputs). ``options`` carries the layout choices; ``engine`` alone picks
    the PDF engine.
    """
    from speechgen.writers import check_outputs, format_for_path, write_outputs

    source, outputs = Path(source), [Path(output) for output in outputs]
    plan = check_outputs(outputs, inputs=[source], force=force)  # first: a name with control characters is never echoed
    formats = [format_for_path(output) for output in outputs]
    document = parse_markup_file(source)
    options = _options(options, engine)
    rendered = [(output, writer.render(document, options)) for output, writer in zip(outputs, formats, strict=True)]
    return write_outputs(plan, rendered)


def write_reference_docx(target: Path, *, force: bool = False, options: RenderOptions | None = None) -> Written:
    """Write an empty .docx that carries every named style of speechgen's 公文 layout (with the
    unit's fonts and grid from ``options``); return what was written.

    Users restyle their own documents from it (Word: 样式 › 管理样式 › 导入/导出).
    """
    from speechgen.writers import check_outputs, write_outputs
    from speechgen.writers.docx import DocxOptions, reference_docx

    target = Path(target)
    plan = check_outputs([target], force=force)
    if target.suffix.lower() != ".docx":
        raise InputError(Problem("样式参考文件必须是 .docx", file=str(target), hint="请写成如“-o 公文样式.docx”"))
    return write_outputs(plan, [(target, reference_docx(DocxOptions.of(options or RenderOptions())))])


# ── draft and generate: Facts → speech / bulletin / notice (issue 4) ───────────────────────


@dataclass(frozen=True)
class Generated:
    """What generate wrote (and the folders it created for it), and the ledger's warnings
    (Problem, severity "warning") to show."""

    paths: list[Path]
    warnings: tuple[Problem, ...]
    created_folders: tuple[Path, ...] = ()


def draft(
    kind: DocKind,
    computed: Facts,
    *,
    frame: str | None = None,
    seed: int = DEFAULT_SEED,
    template: Path | None = None,
    snippets: Sequence[Path] = (),
    doc_number: str | None = None,
    source: str | None = None,
    template_seconds: float | None = None,
) -> str:
    """Return the document of ``kind`` (speech 讲话稿, bulletin 通报, notice 督查通知) in the 公文
    Markdown dialect. ``frame`` names a speech frame, ``template`` a user's Jinja file (sandboxed),
    ``snippets`` folders of extra passages, ``doc_number`` a 发文字号 for this one bulletin or
    notice instead of the meeting file's, ``source`` the ledger's name for messages,
    ``template_seconds`` the render's time limit (default 5 s; docs/security.md).
    Raises TemplateError / InputError."""
    from speechgen.compose import DEFAULT_LIMITS, compose

    limits = DEFAULT_LIMITS if template_seconds is None else replace(DEFAULT_LIMITS, seconds=template_seconds)
    return compose(kind, computed, frame=frame, seed=seed, template=template, snippet_dirs=snippets,
                   doc_number=doc_number, source=source, limits=limits)


def generate(
    kind: DocKind,
    data: Path,
    meeting: Path,
    outputs: list[Path],
    *,
    frame: str | None = None,
    seed: int = DEFAULT_SEED,
    template: Path | None = None,
    snippets: Sequence[Path] = (),
    force: bool = False,
    engine: Engine | None = None,
    doc_number: str | None = None,
    template_seconds: float | None = None,
    options: RenderOptions | None = None,
) -> Generated:
    """Draft a document from a ledger and a meeting file and write it to every output (.docx,
    .pdf, .html, .txt; .md is the dialect text itself). Outputs are checked before anything is
    computed, every format is rendered in memory, then all are written atomically.
    ``doc_number`` (机关代字〔YYYY〕N号) replaces the meeting file's 发文字号 for this document.
    The layout is the meeting file's ``layout:`` unless ``options`` gives a whole record."""
    from speechgen.markup import parse_markup
    from speechgen.writers import check_outputs, format_for_path, write_outputs

    outputs = [Path(output) for output in outputs]
    inputs = [Path(data), Path(meeting), *([Path(template)] if template else [])]
    plan = check_outputs(outputs, inputs=inputs, force=force)
    formats = [format_for_path(output) for output in outputs]
    computed = compute_facts(data, meeting)
    text = draft(kind, computed, frame=frame, seed=seed, template=template, snippets=snippets,
                 doc_number=doc_number, source=str(data), template_seconds=template_seconds)
    document = None
    chosen = _options(options, engine, computed.meeting.layout)
    rendered: list[tuple[Path, bytes]] = []
    for output, writer in zip(outputs, formats, strict=True):
        if writer.suffix == ".md":
            rendered.append((output, text.encode("utf-8")))
            continue
        document = document or parse_markup(text, source=f"{kind}.md")
        rendered.append((output, writer.render(document, chosen)))
    written = write_outputs(plan, rendered)
    return Generated(outputs, computed.warnings, written.created_folders)


def templates() -> list[tuple[str, Path, str]]:
    """Return the built-in document templates: (kind, file, Chinese description)."""
    from speechgen.compose import TEMPLATE_DESCRIPTIONS, TEMPLATES
    from speechgen.paths import resource_dir

    folder = resource_dir("templates")
    return [(kind, folder / name, TEMPLATE_DESCRIPTIONS[kind]) for kind, name in TEMPLATES.items()]


def frames() -> list[Frame]:
    """Return the speech frames (--frame), default first."""
    from speechgen.compose import FRAMES

    return list(FRAMES.values())


def snippet_library(snippets: Sequence[Path] = ()) -> SnippetLibrary:
    """Return the snippet library: built-in passages plus those in the ``snippets`` folders.
    Raises InputError listing every problem of every file."""
    from speechgen.compose import load_library

    return load_library(snippets)


# ── outline and check: read an existing draft (issue 5) ─────────────────────────────────────


def outline(source: Path) -> Outline:
    """Return the outline (title, salutation, parts with their points, closing) of a .txt
    (UTF-8/GBK), .docx or dialect .md draft. Raises InputError when the file cannot be read."""
    from speechgen.check import outline_source, read_source

    return outline_source(read_source(_existing_file(Path(source))))


def check(source: Path, *, data: Path | None = None, meeting: Path | None = None) -> Report:
    """Return the findings of every check rule on a .txt, .docx or .md draft; with a ledger and
    a meeting file, also trace every figure to the Facts. Raises InputError on unusable input."""
    from speechgen.check import check_source, read_source

    if (data is None) != (meeting is None):
        raise InputError(Problem("核对数字需要同时给出 --data 台账 和 --meeting 会议信息",
                                 hint="两个都给，或都不给（不核对数字）"))
    draft = read_source(_existing_file(Path(source)))
    computed = compute_facts(data, meeting) if data is not None and meeting is not None else None
    layout = computed.meeting.layout if computed else None  # a .docx is held to the unit's fonts
    return check_source(draft, facts=computed, fonts=render_options(layout).fonts)


def _existing_file(path: Path) -> Path:
    if not path.is_file():
        what = "是一个文件夹，不是文件" if path.is_dir() else "文件不存在"
        raise InputError(Problem(what, file=str(path), hint="请检查路径和文件名"))
    return path
