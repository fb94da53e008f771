"""The use cases on files: read the inputs through sources/, call the value API, write the outputs
through writers.output (check every output first, render in memory, write all atomically)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from speechgen.api.requests import (
    DEFAULT_SEED,
    CheckRequest,
    FactsRequest,
    GenerateRequest,
    OutlineRequest,
    RenderRequest,
    TemplateCheckRequest,
)
from speechgen.api.values import (
    check_from_bytes,
    facts_from_bytes,
    generate_from_bytes,
    outline_from_bytes,
    parse_dialect,
    reference_docx,
    render_from_bytes,
    require_ledger_pair,
    template_check_from_bytes,
)
from speechgen.document import Document
from speechgen.errors import InputError, OutputExistsError, Problem
from speechgen.facts import DEFAULT_LAG_THRESHOLD, Facts
from speechgen.inputs import InputFile
from speechgen.model import Dossier
from speechgen.writers.options import Engine, RenderOptions

if TYPE_CHECKING:
    from speechgen.check import Outline, Report
    from speechgen.compose import DocKind
    from speechgen.wordtemplate import TemplateReport
    from speechgen.writers import Written

T = TypeVar("T")
_DIALECT_HINT = "请检查路径和文件名（如“讲话稿.md”）"


@dataclass(frozen=True)
class Generated:
    """What generate wrote (and the folders it created for it), and the ledger's warnings
    (Problem, severity "warning") to show."""

    paths: list[Path]
    warnings: tuple[Problem, ...]
    created_folders: tuple[Path, ...] = ()


def load_dossier(data: Path, meeting: Path) -> Dossier:
    """Return the Dossier of a 项目台账 file and a meeting file (raises InputError, all problems at once)."""
    from speechgen.sources import read_dossier

    return read_dossier(Path(data), Path(meeting))


def compute_facts(data: Path, meeting: Path, *, lag_threshold: Decimal = DEFAULT_LAG_THRESHOLD,
                  previous: Sequence[Path] = (), sheet: str | None = None) -> Facts:
    """Return the Facts (every figure: 时序进度, rates, ranks, 滞后项目, 问题分类) of a 项目台账
    and a meeting file; ``lag_threshold`` in 百分点; ``previous`` earlier periods' ledgers, oldest
    first (Facts.changes); ``sheet`` the workbook's worksheet to read. Raises InputError on bad input."""
    return facts_from_bytes(FactsRequest(*_dossier_files(data, meeting, sheet), lag_threshold=lag_threshold,
                                         previous=read_previous(previous))).facts


def read_previous(paths: Sequence[Path]) -> tuple[InputFile, ...]:
    """Return the earlier periods' ledger files (--previous), read as the ledger is."""
    from speechgen.sources.files import LEDGER_LOOKALIKES, check_file
    from speechgen.sources.ledger import LEDGER_SUFFIXES, ledger_size_limit

    files = []
    for path in paths:
        path = Path(path)
        max_bytes, hint = ledger_size_limit(path.suffix.lower())
        files.append(InputFile(path.name, check_file(path, LEDGER_SUFFIXES, "上期台账文件", max_bytes,
                                                     LEDGER_LOOKALIKES, hint)))
    return tuple(files)


def parse_markup_file(source: Path) -> Document:
    """Return the Document of a dialect file (UTF-8, GBK/GB18030 or UTF-16 text).

    Raises InputError when the file is missing or not text, MarkupError with every problem.
    """
    return parse_dialect(_read(source, hint=_DIALECT_HINT))


@dataclass(frozen=True)
class Rendered:
    """What render wrote (and the folders it created for it), and the warnings of the draft and of the Word template."""

    paths: tuple[Path, ...]
    created_folders: tuple[Path, ...] = ()
    warnings: tuple[Problem, ...] = ()


def render(source: Path, outputs: list[Path], *, force: bool = False, engine: Engine | None = None,
           options: RenderOptions | None = None, docx_template: Path | None = None) -> Rendered:
    """Render a dialect file to every output (format from each extension); return what was written
    (the paths, the folders created for them), with the draft's and the Word template's warnings.

    Nothing is written unless every output is writable and every format renders: the outputs are
    checked first (existing ones need force), then rendered in memory (render_from_bytes), then
    written atomically (writers.output.write_outputs). ``options`` carries the layout choices;
    ``engine`` alone picks the PDF engine; ``docx_template`` an office's Word template to fill.
    """
    from speechgen.writers import check_outputs, write_outputs

    source, outputs = Path(source), [Path(output) for output in outputs]
    inputs = [source, *([Path(docx_template)] if docx_template else [])]
    plan = check_outputs(outputs, inputs=inputs, force=force)  # first: a name with control characters is never echoed
    suffixes = _suffixes(outputs)
    request = RenderRequest(_read(source, hint=_DIALECT_HINT), tuple(suffixes), options=options, engine=engine,
                            docx_template=read_docx_template(docx_template) if docx_template else None)
    result = render_from_bytes(request)
    written = write_outputs(plan, [(output, result.files[suffix])
                                   for output, suffix in zip(outputs, suffixes, strict=True)])
    return Rendered(written.paths, written.created_folders, result.warnings)


def write_meeting_template(target: Path, *, force: bool = False) -> Written:
    """Write a meeting.yaml to fill in (every key, Chinese comments, the four required ones
    marked); return what was written. Refuses to overwrite an existing file without force."""
    from speechgen.writers import check_outputs, write_outputs

    target = Path(target)
    plan = check_outputs([target], force=force)
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise InputError(Problem("会议信息文件须以 .yaml 结尾", file=str(target), hint="请写成如“-o meeting.yaml”"))
    text = (Path(__file__).parent.parent / "data" / "meeting-template.yaml").read_bytes()
    return write_outputs(plan, [(target, text)])


def write_reference_docx(target: Path, *, force: bool = False, options: RenderOptions | None = None) -> Written:
    """Write an empty .docx that carries every named style of speechgen's 公文 layout (with the
    unit's fonts and grid from ``options``); return what was written.

    Users restyle their own documents from it (Word: 样式 › 管理样式 › 导入/导出).
    """
    from speechgen.writers import check_outputs, write_outputs

    target = Path(target)
    plan = check_outputs([target], force=force)
    if target.suffix.lower() != ".docx":
        raise InputError(Problem("样式参考文件必须是 .docx", file=str(target), hint="请写成如“-o 公文样式.docx”"))
    return write_outputs(plan, [(target, reference_docx(options))])


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
    docx_template: Path | None = None,
    length: str = "normal",
    previous: Sequence[Path] = (),
    sheet: str | None = None,
    attach: str = "laggards",
) -> Generated:
    """Draft a document from a ledger and a meeting file and write it to every output (.docx,
    .pdf, .html, .txt; .md is the dialect text itself). Outputs are checked before anything is
    read, every format is rendered in memory (generate_from_bytes), then all are written
    atomically. ``doc_number`` (机关代字〔YYYY〕N号) replaces the meeting file's 发文字号 for this
    document. The layout is the meeting file's ``layout:`` unless ``options`` gives a whole record.
    ``docx_template`` is an office's Word template: the .docx is it filled, the .pdf LibreOffice's
    conversion of that (docs/docx-templates.md). ``length`` is short / normal / long (a speech);
    ``attach`` is what a notice's 督查清单 lists: laggards (the default) or all projects.
    ``sheet`` names the workbook's worksheet to read (else the one ledger sheet, or the latest)."""
    from speechgen.writers import check_outputs, write_outputs

    outputs = [Path(output) for output in outputs]
    template = Path(template) if template is not None else None
    inputs = [Path(data), Path(meeting), *map(Path, previous), *([template] if template else []),
              *([Path(docx_template)] if docx_template else [])]
    plan = _all_at_once(lambda: check_outputs(outputs, inputs=inputs, force=force),
                        lambda: _check_frame(kind, frame))
    suffixes = _suffixes(outputs)
    ledger, info = _dossier_files(data, meeting, sheet)
    request = GenerateRequest(
        kind, ledger, info, formats=tuple(suffixes), frame=frame, seed=seed, length=length, attach=attach,
        template=_read(template, "模板文件") if template else None,
        template_folder=template.resolve().parent if template else None,
        snippets=tuple(snippets), doc_number=doc_number, template_seconds=template_seconds,
        options=options, engine=engine,
        docx_template=read_docx_template(docx_template) if docx_template else None,
        previous=read_previous(previous),
    )
    result = generate_from_bytes(request)
    written = write_outputs(plan, [(output, result.files[suffix])
                                   for output, suffix in zip(outputs, suffixes, strict=True)])
    return Generated(outputs, result.warnings, written.created_folders)


def _check_frame(kind: str, frame: str | None) -> None:
    """Refuse an unknown --frame of a speech before any work (other kinds ignore the frame)."""
    if frame is not None and kind == "speech":
        from speechgen.compose.frames import get_frame

        get_frame(frame)


def _all_at_once(first: Callable[[], T], *others: Callable[[], object]) -> T:
    """Return ``first()`` after running every check, raising one InputError with the problems
    of all that failed (an existing output and a bad --frame are both reported)."""
    problems: list[Problem] = []
    exists: OutputExistsError | None = None
    result = None
    for check in (first, *others):
        try:
            value = check()
        except OutputExistsError as error:
            exists = error
        except InputError as error:
            problems.extend(error.problems)
        else:
            result = value if check is first else result
    if exists is not None and not problems:
        raise exists
    if exists is not None:
        problems.insert(0, Problem(f"输出文件已存在：{exists.path}", hint="如需覆盖请加 --force，或换一个文件名"))
    if problems:
        raise InputError(problems)
    return result  # type: ignore[return-value]


def outline(source: Path) -> Outline:
    """Return the outline (title, salutation, parts with their points, closing) of a .txt
    (UTF-8/GBK), .docx or dialect .md draft. Raises InputError when the file cannot be read."""
    return outline_from_bytes(OutlineRequest(_read(source))).outline


def check(source: Path, *, data: Path | None = None, meeting: Path | None = None,
          ignore: str | Sequence[str] = (), previous: Sequence[Path] = (),
          sheet: str | None = None) -> Report:
    """Return the findings of every check rule on a .txt, .docx or .md draft but those named in
    ``ignore`` (``check_rules`` lists them); with a ledger and a meeting file, also trace every
    figure to the Facts. Raises InputError on unusable input or an unknown rule name."""
    require_ledger_pair(data, meeting)
    draft = _read(source)
    pair = data is not None and meeting is not None
    ledger, info = _dossier_files(data, meeting, sheet) if pair else (None, None)  # type: ignore[arg-type]
    names = (ignore,) if isinstance(ignore, str) else tuple(ignore)  # one name, not its letters
    return check_from_bytes(CheckRequest(draft, ledger, info, names, read_previous(previous))).report


def template_check(template: Path, *, for_render: bool = False) -> TemplateReport:
    """Return what template-check finds in a Word template file (see TemplateCheckRequest).
    Raises InputError when the file is missing or no usable .docx."""
    return template_check_from_bytes(TemplateCheckRequest(read_docx_template(template), for_render)).report


def read_docx_template(path: Path) -> InputFile:
    """Return a Word template file, refused by its size before it is read."""
    from speechgen.wordtemplate import MAX_TEMPLATE_BYTES

    path = Path(path)
    if path.is_file() and path.stat().st_size > MAX_TEMPLATE_BYTES:
        raise InputError(Problem(f"Word 模板过大（{path.stat().st_size:,} 字节，上限 {MAX_TEMPLATE_BYTES:,}）",
                                 file=path.name, hint="请压缩模板中的图片，或删去不需要的内容"))
    return _read(path, "Word 模板", "请检查路径和文件名（如“红头模板.docx”）")


def _read(path: Path, what: str = "文件", hint: str = "请检查路径和文件名") -> InputFile:
    from speechgen.sources import read_input

    return read_input(Path(path), what, hint)


def _dossier_files(data: Path, meeting: Path, sheet: str | None = None) -> tuple[InputFile, InputFile]:
    from speechgen.sources import read_dossier_files

    return read_dossier_files(Path(data), Path(meeting), sheet=sheet)


def _suffixes(outputs: list[Path]) -> list[str]:
    """Return each output's format suffix (InputError naming the file for an unknown extension)."""
    from speechgen.writers import format_for_path

    return [format_for_path(output).suffix for output in outputs]
