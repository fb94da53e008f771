"""read_dossier / parse_dossier: the ledger and the meeting file together, problems of both in one report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from speechgen.errors import InputError, Problem
from speechgen.inputs import InputFile
from speechgen.model import Dossier, Meeting
from speechgen.sources.files import LEDGER_LOOKALIKES, check_file
from speechgen.sources.ledger import LEDGER_SUFFIXES, Ledger, ledger_size_limit, parse_ledger
from speechgen.sources.limits import MAX_MEETING_BYTES
from speechgen.sources.meeting import MEETING_SUFFIXES, parse_meeting
from speechgen.zh import format_date


def read_dossier(data: Path, meeting: Path, *, sheet: str | None = None) -> Dossier:
    """Return the Dossier of a ledger file and a meeting file (as parse_dossier does of their bytes)."""
    return parse_dossier(*read_dossier_files(data, meeting, sheet=sheet))


def read_dossier_files(data: Path, meeting: Path, *, sheet: str | None = None) -> tuple[InputFile, InputFile]:
    """Return the ledger file (with the worksheet ``sheet`` to read, if given) and the meeting
    file as InputFiles, for parse_dossier.

    When one cannot be read (missing, a folder, the wrong type, empty), raise InputError with that
    problem and every problem of the other file too, as parse_dossier would list them.
    """
    data, meeting = Path(data), Path(meeting)
    max_bytes, too_big_hint = ledger_size_limit(data.suffix.lower())
    ledger = _attempt(lambda: check_file(data, LEDGER_SUFFIXES, "台账文件", max_bytes, LEDGER_LOOKALIKES,
                                         too_big_hint), data, sheet)
    info = _attempt(lambda: check_file(meeting, MEETING_SUFFIXES, "会议信息文件", MAX_MEETING_BYTES), meeting)
    if isinstance(ledger, InputFile) and isinstance(info, InputFile):
        return ledger, info
    _parse(ledger, info)
    raise AssertionError("unreachable: a file that cannot be read is an error")


def parse_dossier(ledger: InputFile, meeting: InputFile) -> Dossier:
    """Return the Dossier of a ledger's and a meeting file's bytes, reading nothing from disk.

    Raise InputError with the errors of both files at once; warnings of both (and a 数据截至
    date in the ledger that differs from the meeting's as_of) go to ``Dossier.warnings``.
    """
    return _parse(ledger, meeting)


def _attempt(read: Callable[[], bytes], path: Path, sheet: str | None = None) -> InputFile | InputError:
    try:
        return InputFile(path.name, read(), sheet)
    except InputError as exc:
        return exc


def _parse(ledger_file: InputFile | InputError, meeting_file: InputFile | InputError) -> Dossier:
    """Return the Dossier, or raise with the problems of both files (a file that could not be
    read brings its reading problem)."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    info: Meeting | None = None
    ledger: Ledger | None = None
    try:
        info, meeting_warnings = parse_meeting(_readable(meeting_file))
        warnings.extend(meeting_warnings)
    except InputError as exc:
        errors.extend(exc.problems)
    try:
        ledger = parse_ledger(_readable(ledger_file), year=info.as_of.year if info else None)
        warnings.extend(ledger.warnings)
    except InputError as exc:
        errors.extend(exc.problems)
    if errors or info is None or ledger is None:
        raise InputError(errors)
    assert isinstance(ledger_file, InputFile) and isinstance(meeting_file, InputFile)
    if ledger.as_of and ledger.as_of != info.as_of:
        warnings.append(Problem(
            f"台账写明数据截至{format_date(ledger.as_of)}，会议信息的 as_of 是{format_date(info.as_of)}",
            file=meeting_file.name, column="as_of", severity="warning",
            hint="文稿按会议信息的日期计算时序进度；如不对，请改 as_of 或换用最新台账"))
    if ledger.period and ledger.period[1] != info.as_of.month:
        header, month = ledger.period
        warnings.append(Problem(
            f"台账的“{header}”是截至{month}月的数，会议信息的 as_of 是{format_date(info.as_of)}",
            file=meeting_file.name, column="as_of", severity="warning",
            hint=f"文稿一律按 as_of（{info.as_of.month}月）写数据截至日期和时序进度；"
                 f"如台账确是{month}月的，请把 as_of 改为{month}月底"))
    return Dossier(meeting=info, projects=ledger.projects, source=ledger_file.name, warnings=tuple(warnings))


def _readable(file: InputFile | InputError) -> InputFile:
    if isinstance(file, InputError):
        raise file
    return file
