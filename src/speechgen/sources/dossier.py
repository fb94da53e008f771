"""read_dossier: the ledger and the meeting file together, problems of both in one report."""

from __future__ import annotations

from pathlib import Path

from speechgen.errors import InputError, Problem
from speechgen.model import Dossier, Meeting
from speechgen.sources.ledger import Ledger, read_ledger
from speechgen.sources.meeting import read_meeting_checked
from speechgen.zh import format_date


def read_dossier(data: Path, meeting: Path) -> Dossier:
    """Return the Dossier of a ledger file and a meeting file.

    Raise InputError with the errors of both files at once; warnings of both (and a 数据截至
    date in the ledger that differs from the meeting's as_of) go to ``Dossier.warnings``.
    """
    data, meeting = Path(data), Path(meeting)
    errors: list[Problem] = []
    warnings: list[Problem] = []
    info: Meeting | None = None
    ledger: Ledger | None = None
    try:
        info, meeting_warnings = read_meeting_checked(meeting)
        warnings.extend(meeting_warnings)
    except InputError as exc:
        errors.extend(exc.problems)
    try:
        ledger = read_ledger(data, year=info.as_of.year if info else None)
        warnings.extend(ledger.warnings)
    except InputError as exc:
        errors.extend(exc.problems)
    if errors or info is None or ledger is None:
        raise InputError(errors)
    if ledger.as_of and ledger.as_of != info.as_of:
        warnings.append(Problem(
            f"台账写明数据截至{format_date(ledger.as_of)}，会议信息的 as_of 是{format_date(info.as_of)}",
            file=meeting.name, column="as_of", severity="warning",
            hint="文稿按会议信息的日期计算时序进度；如不对，请改 as_of 或换用最新台账"))
    return Dossier(meeting=info, projects=ledger.projects, source=data.name, warnings=tuple(warnings))
