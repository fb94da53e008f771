"""What a document needs before it can be drafted: an annual plan to measure against, and a
well-formed 发文字号 when one is given for a single document."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from speechgen.errors import InputError, Problem
from speechgen.facts.types import Facts
from speechgen.zh.docnumber import doc_number_problem

PLAN_COLUMN = "年度计划投资"

def _row_ranges(rows: Sequence[int]) -> str:
    """Return "第3—5、9行" for rows 3, 4, 5, 9."""
    runs: list[list[int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]}—{run[-1]}" for run in runs]
    return "第" + "、".join(parts) + "行"


def require_annual_plan(facts: Facts, source: str | None = None) -> None:
    """Raise InputError when the ledger's 年度计划投资 sums to 0: a speech, bulletin or notice
    measures progress as completion against the annual plan (完成率 vs 时序进度), and without a
    plan there is no rate to speak of. ``source`` names the ledger in the message.
    ``speechgen facts`` still works on such a ledger."""
    if facts.overall.annual_plan > 0:
        return
    rows = [p.row for p in facts.projects if p.row is not None]
    where = f"，{_row_ranges(rows)}" if rows and len(rows) <= 30 else ""
    raise InputError(Problem(
        message=(f"台账中年度计划投资合计为0（{len(facts.projects)}个项目{where}，都是0或没有填写），"
                 "算不出投资完成率，无法对照时序进度起草讲话稿、通报或通知"),
        file=source,
        column=PLAN_COLUMN,
        hint=("请填写各项目的年度计划投资（今年计划完成的投资，单位同表头，如万元）后再生成；"
              "只想查看项目数和开工情况，可用 speechgen facts"),
    ))


def check_doc_number(text: str, year: int | None = None) -> str:
    """Return the 发文字号 ``text`` stripped when it reads 机关代字〔YYYY〕N号 (the year ``year``
    when given); InputError otherwise, suggesting the corrected form when it is guessable."""
    problem = doc_number_problem(text, year)
    if problem is None:
        return text.strip()
    message, hint = problem
    raise InputError(Problem(message=message, column="--doc-number", hint=hint))


def with_doc_number(facts: Facts, doc_number: str | None, kind: str) -> Facts:
    """Return the facts whose meeting carries ``doc_number`` (checked) instead of the meeting
    file's one, for this one document; the facts unchanged when ``doc_number`` is None."""
    if doc_number is None:
        return facts
    if kind == "speech":
        raise InputError(Problem(message="讲话稿没有发文字号", column="--doc-number",
                                 hint="--doc-number 只用于通报（bulletin）和督查通知（notice）"))
    number = check_doc_number(doc_number, facts.meeting.date.year)
    meeting = facts.meeting.model_copy(update={"doc_number": number,
                                               "doc_numbers": {**facts.meeting.doc_numbers, kind: number}})
    return dataclasses.replace(facts, meeting=meeting)


SHARED_NUMBER_KINDS = ("bulletin", "notice")  # the two numbered documents one meeting file makes
PENDING = "（时间待定）"  # what a notice prints where the meeting file gives no date: check reports it


def draft_warnings(kind: str, facts: Facts, doc_number: str | None = None) -> tuple[Problem, ...]:
    """Return what a draft of ``kind`` would send out hollow or wrong, as warnings: a 发文字号
    (doc_number) the bulletin and the notice of one meeting would share; a notice without
    inspection dates, 自查 deadline or 联系人 (its text then says "（时间待定）")."""
    meeting = facts.meeting
    found: list[Problem] = []
    if (kind in SHARED_NUMBER_KINDS and doc_number is None and meeting.doc_number
            and kind not in meeting.doc_numbers):
        other = next(k for k in SHARED_NUMBER_KINDS if k != kind)
        if other not in meeting.doc_numbers:
            found.append(Problem(
                message=f"会议信息的 doc_number（{meeting.doc_number}）会同时用在通报和督查通知上，两份文件不能同号",
                column="doc_number", severity="warning",
                hint="请在会议信息中分别写 doc_numbers: {bulletin: …, notice: …}，或用 --doc-number 给本份文件编号"))
    if kind != "notice":
        return tuple(found)
    ins = meeting.inspection
    missing = []
    if ins is None or ins.start is None or ins.end is None:
        missing.append(("inspection.start、inspection.end", "督查时间", f"“{PENDING}”",
                        "inspection:\n  start: 2026-06-15\n  end: 2026-06-19"))
    if ins is None or ins.report_by is None:
        missing.append(("inspection.report_by", "自查报告报送截止日期", f"“{PENDING}”",
                        "inspection:\n  report_by: 2026-06-12"))
    if meeting.contact is None or not meeting.contact.phone:
        missing.append(("contact", "联系人和联系电话", "“联系人及联系电话：（待定）”",
                        'contact:\n  name: 周敏\n  phone: "0000-3216688"'))
    for key, what, shown, example in missing:
        found.append(Problem(message=f"会议信息没有{what}（{key}），通知中写作{shown}，发出前须补上",
                             column=key, severity="warning", hint=f"请在会议信息中补上，如\n{example}"))
    return tuple(found)
