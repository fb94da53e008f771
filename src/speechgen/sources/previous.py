"""parse_previous: the ledgers of earlier periods (``--previous``), read by the same reader with the
same rules and messages, each with its 数据截至 date, checked against the current one.

The 数据截至 of a previous ledger comes, in this order, from ``previous_as_of`` in meeting.yaml
(one date per previous ledger, oldest first), from a "数据截至：2026年4月30日" note above its table,
or from its 完成投资 header ("1—4月完成投资" → 4月30日 of the meeting's year); else it is an error
asking for it. A previous ledger must be of the same year, earlier than the current one (and than
the next previous one), not the same file, and have every column the comparison reads that the
current ledger has (包保领导, 建设性质).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

from speechgen.errors import InputError, Problem
from speechgen.inputs import InputFile
from speechgen.model import Dossier
from speechgen.sources.headers import RULES_BY_FIELD
from speechgen.sources.ledger import Ledger, parse_ledger
from speechgen.sources.text import normalise
from speechgen.zh import format_date

# "1—4月完成投资", "1-4月累计完成", "1至4月": the last month of a year-to-date column
_MONTH_RANGE = re.compile(r"1[-—~至－]+(\d{1,2})月")
# optional columns whose groups are compared when the current ledger has them
COMPARED_OPTIONAL = ("leader", "nature")
_AS_OF_HINT = ("请在 meeting.yaml 中写上期的数据截至日期，如 previous_as_of: 2026-04-30（多期时写成列表，从早到晚），"
               "或在上期台账表头写明“1—4月完成投资”")


def previous_as_of(ledger: Ledger, year: int) -> dt.date | None:
    """Return the 数据截至 a ledger states: its "数据截至" note, else its 完成投资 header's last month."""
    if ledger.as_of is not None:
        return ledger.as_of
    header = ledger.headers.get("completed")
    found = _MONTH_RANGE.search(normalise(header)) if header else None
    if found and 1 <= int(found.group(1)) <= 12:
        month = int(found.group(1))
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return None


def parse_previous(files: Sequence[InputFile], current: Dossier, current_file: InputFile,
                   meeting_name: str = "meeting.yaml") -> tuple[tuple[Dossier, ...], tuple[Problem, ...]]:
    """Return the previous periods' Dossiers (oldest first, as given) and their warnings.

    Each Dossier has the current meeting with ``as_of`` set to that ledger's 数据截至, and that
    ledger's warnings (the ones returned, by file). Raise InputError with every problem of every
    file at once.
    """
    meeting = current.meeting
    errors: list[Problem] = []
    warnings: list[Problem] = []
    given = meeting.previous_as_of
    if given and len(given) != len(files):
        errors.append(Problem(
            f"meeting.yaml 的 previous_as_of 写了{len(given)}个日期，但给了{len(files)}个上期台账（--previous）",
            file=meeting_name, column="previous_as_of", hint="请每个上期台账写一个日期，按从早到晚的顺序"))
    read: list[tuple[InputFile, Ledger]] = []
    for file in files:
        if file.data == current_file.data:
            errors.append(Problem("上期台账与本期台账是同一个文件", file=file.name,
                                  hint=f"--previous 应给上一期的台账，而不是本期的“{current_file.name}”"))
            continue
        if any(file.data == other.data for other, _ in read):
            errors.append(Problem("同一个上期台账给了两次", file=file.name, hint="每期台账只给一次"))
            continue
        try:
            ledger = parse_ledger(file, year=meeting.as_of.year)
        except InputError as exc:
            errors.extend(exc.problems)
            continue
        read.append((file, ledger))
        warnings.extend(ledger.warnings)
        errors.extend(_missing_columns(file, ledger, current))
    if errors:
        raise InputError(errors)
    dossiers: list[Dossier] = []
    later = meeting.as_of
    stated: list[Problem] = []
    dates = [_as_of(file, ledger, given[i] if len(given) == len(files) else None, meeting.as_of.year, errors,
                    stated) for i, (file, ledger) in enumerate(read)]
    warnings.extend(stated)
    for (file, ledger), day in zip(reversed(read), reversed(dates), strict=True):
        if day is None:
            continue
        _check_order(file, day, later, meeting.as_of, errors)
        later = min(later, day)
        dossiers.append(Dossier(meeting=meeting.model_copy(update={"as_of": day}), projects=ledger.projects,
                                source=file.name,
                                warnings=ledger.warnings + tuple(w for w in stated if w.file == file.name)))
    if errors:
        raise InputError(errors)
    return tuple(reversed(dossiers)), tuple(warnings)


def _as_of(file: InputFile, ledger: Ledger, given: dt.date | None, year: int, errors: list[Problem],
           warnings: list[Problem]) -> dt.date | None:
    stated = previous_as_of(ledger, year)
    if given is not None:
        if stated is not None and stated != given:
            warnings.append(Problem(
                f"上期台账写明数据截至{format_date(stated)}，meeting.yaml 的 previous_as_of 是{format_date(given)}",
                file=file.name, severity="warning", hint="按 previous_as_of 计算上期时序进度；如不对，请改正"))
        return given
    if stated is None:
        errors.append(Problem("无法确定上期台账的数据截至日期", file=file.name, hint=_AS_OF_HINT))
    return stated


def _check_order(file: InputFile, day: dt.date, later: dt.date, current: dt.date, errors: list[Problem]) -> None:
    if day.year != current.year:
        errors.append(Problem(
            f"上期台账数据截至{format_date(day)}，与本期（{format_date(current)}）不是同一年度，年度计划不同，不能比较",
            file=file.name, hint="请给本年度上一期的台账"))
    elif day >= current:
        errors.append(Problem(
            f"上期台账数据截至{format_date(day)}，不早于本期的{format_date(current)}",
            file=file.name, hint="--previous 应给更早一期的台账；请核对是否把本期和上期台账弄反了"))
    elif day >= later:
        errors.append(Problem(
            f"上期台账数据截至{format_date(day)}，不早于在它之后给出的上期台账（{format_date(later)}）",
            file=file.name, hint="多个 --previous 请按从早到晚的顺序给出"))


def _missing_columns(file: InputFile, ledger: Ledger, current: Dossier) -> list[Problem]:
    """Return an error per compared column the current ledger has and the previous one lacks."""
    problems = []
    for name in COMPARED_OPTIONAL:
        label = RULES_BY_FIELD[name].label
        if any(getattr(p, name) for p in current.projects) and name not in ledger.headers:
            problems.append(Problem(
                f"上期台账没有“{label}”一列，本期台账有，无法比较各{label}的变化", file=file.name, sheet=ledger.sheet,
                column=label, hint=f"请在上期台账中补上“{label}”一列（表头应含“{label}”）"))
    return problems
