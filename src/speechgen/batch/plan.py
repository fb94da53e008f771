"""The plan of a batch: which groups get a document, in which order, with which 序号, 发文字号,
主送, figures and file name — decided before any document is made, the same on every run and
every shard.

Order: groups as the ledger lists them (a 县区, 责任单位 or 包保领导 where its first project is;
projects in ledger order). Groups --only leaves out are skipped (with the reason) and take no
number. Documents are numbered 1, 2, 3 … in that order; with ``--number-from N`` the 发文字号 of
the k-th is 代字〔年〕(N+k−1)号, 代字 from the meeting file's doc_number, 年 its 成文日期's year.
``--shard i/n`` then makes the i-th of n contiguous slices of the numbered list.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from speechgen import __version__
from speechgen.batch.addressing import document_meeting, is_county_document
from speechgen.batch.groups import Group, Only, Per, groups_of, shard_range, skip_reason
from speechgen.batch.naming import DEFAULT_PATTERN, UniqueNames, check_pattern, fill_pattern
from speechgen.errors import InputError, Problem
from speechgen.facts import Facts, compute_facts
from speechgen.model import Dossier, Meeting
from speechgen.zh.docnumber import parse_doc_number

_FIELDS_BY_PER: dict[Per, tuple[str, ...]] = {
    "district": ("序号", "名称", "单位", "县区", "类型"),
    "owner": ("序号", "名称", "单位", "类型"),
    "leader": ("序号", "名称", "包保领导", "类型"),
    "project": ("序号", "名称", "单位", "项目", "县区", "包保领导", "类型"),
}
MIN_NUMBER_WIDTH = 3  # 序号 001 … in file names, wider when there are more documents


@dataclass(frozen=True)
class Planned:
    """One document of the run: its place among all groups, 序号, figures (as the document sees
    them: its 主送, or the county's own meeting), 发文字号, file stem and input fingerprint."""

    order: int
    number: int
    group: Group
    facts: Facts
    addressee: str
    doc_number: str | None
    stem: str
    fingerprint: str


@dataclass(frozen=True)
class Skipped:
    """A group --only leaves out, and why."""

    order: int
    group: Group
    reason: str


@dataclass(frozen=True)
class BatchPlan:
    """Every document of the run (all shards, numbered), the skipped groups, and the positions in
    ``documents`` this shard makes."""

    documents: tuple[Planned, ...]
    skipped: tuple[Skipped, ...]
    selected: range
    width: int

    def chosen(self) -> tuple[Planned, ...]:
        return tuple(self.documents[index] for index in self.selected)


@dataclass(frozen=True)
class PlanChoices:
    """What the plan depends on besides the ledger: the batch's options."""

    kind: str
    kind_label: str
    per: Per
    only: Only
    suffixes: tuple[str, ...]
    pattern: str | None = None
    number_from: int | None = None
    shard: tuple[int, int] | None = None
    feedback_by: dt.date | None = None
    lag_threshold: Decimal = Decimal(10)
    shared: str = ""  # a digest of what every document shares (template, seed, options)
    reserved: tuple[str, ...] = ()  # names the batch writes besides its documents
    previous: tuple[Dossier, ...] = ()  # earlier periods, oldest first: each group's Facts.changes


def plan_batch(dossier: Dossier, choices: PlanChoices) -> BatchPlan:
    """Return the plan; InputError (exit 2, before anything is written) for a --name pattern
    with unknown fields or a --number-from the meeting file gives no 代字 for."""
    fields = _FIELDS_BY_PER[choices.per] + (("发文字号",) if choices.number_from is not None else ())
    pattern = check_pattern(choices.pattern or DEFAULT_PATTERN, fields)
    numbering = _numbering(dossier, choices.number_from)
    kept: list[tuple[int, Group]] = []
    skipped: list[Skipped] = []
    for order, group in enumerate(groups_of(dossier, choices.per, lag_threshold=choices.lag_threshold,
                                                previous=choices.previous)):
        reason = skip_reason(group, choices.only)
        if reason is None:
            kept.append((order, group))
        else:
            skipped.append(Skipped(order, group, reason))
    width = max(MIN_NUMBER_WIDTH, len(str(len(kept))))
    names = UniqueNames()
    for name in choices.reserved:
        names.reserve(name)
    documents = []
    meetings: dict[str, Meeting] = {}  # one Meeting object per 主送: documents share its conversion
    shown = _SharedRepr()  # the ranked table every group's facts hold, written out once, not once per group
    for number, (order, group) in enumerate(kept, 1):
        doc_number = numbering(number) if numbering else None
        facts = _document_facts(dossier, group, choices, meetings)
        values = _name_values(group, str(number).zfill(width), doc_number, choices.kind_label)
        stem = names.claim(fill_pattern(pattern, values), choices.suffixes)
        addressee = facts.meeting.addressee_or_default
        documents.append(Planned(order, number, group, facts, addressee, doc_number, stem,
                                 _fingerprint(choices.shared, facts, doc_number, stem, shown)))
    return BatchPlan(tuple(documents), tuple(skipped), shard_range(len(documents), choices.shard), width)


def _document_facts(dossier: Dossier, group: Group, choices: PlanChoices, meetings: dict[str, Meeting]) -> Facts:
    """Return the figures the group's document is drafted from (addressing.py says what changes)."""
    meeting = document_meeting(dossier.meeting, group, choices.kind)
    if choices.feedback_by is not None:
        meeting = meeting.model_copy(update={"feedback_by": choices.feedback_by})
    meeting = meetings.setdefault(repr(meeting), meeting)
    if not is_county_document(group, choices.kind):
        return dataclasses.replace(group.facts, meeting=meeting)
    own = compute_facts(Dossier(meeting=meeting, projects=group.facts.projects), lag_threshold=choices.lag_threshold)
    return dataclasses.replace(own, group_by=group.facts.group_by, group=group.facts.group,
                               siblings=group.facts.siblings, changes=group.facts.changes)


def _numbering(dossier: Dossier, number_from: int | None):  # type: ignore[no-untyped-def]
    """Return number → 发文字号 for --number-from, or None without it."""
    if number_from is None:
        return None
    meeting = dossier.meeting
    parsed = parse_doc_number(meeting.doc_number) if meeting.doc_number else None
    if parsed is None:
        raise InputError(Problem("用 --number-from 编发文字号，需要会议信息的 doc_number 给出机关代字",
                                 column="doc_number",
                                 hint=f"请在 meeting.yaml 写如“doc_number: 示项办〔{meeting.date.year}〕1号”"
                                      "（批量时取其中的机关代字，年份取成文日期的年份）"))
    org, year = parsed.org, meeting.date.year
    return lambda number: f"{org}〔{year}〕{number_from + number - 1}号"


def _name_values(group: Group, number: str, doc_number: str | None, kind_label: str) -> dict[str, str]:
    values = {"序号": number, "名称": group.key, "类型": kind_label, "发文字号": doc_number or ""}
    project = group.project
    if project is not None:
        values |= {"单位": project.owner, "项目": project.name, "县区": project.district,
                   "包保领导": project.leader or ""}
    else:
        role = {"district": "县区", "owner": "单位", "leader": "包保领导"}[group.per]
        values[role] = group.key
        if group.per == "district":
            values["单位"] = group.key
    return values


def _fingerprint(shared: str, facts: Facts, doc_number: str | None, stem: str,
                 shown: _SharedRepr | None = None) -> str:
    """Return what the document is a function of, as 16 hex digits: a change in any of it (the
    group's figures, its 发文字号, its name, the shared template, seed and options) remakes it
    on --resume. The figures are the repr of the facts (without their warnings); ``shown`` gives
    the repr of the siblings table, which every group holds, once per plan (the same text)."""
    digest = hashlib.sha256()
    plain = dataclasses.replace(facts, warnings=())
    if shown is not None and facts.siblings:
        plain = dataclasses.replace(plain, siblings=shown.of(facts.siblings))  # type: ignore[arg-type]
    for part in (__version__, shared, repr(plain), doc_number or "", stem):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:16]


class _SharedRepr:
    """The repr of the siblings table the groups of a plan share, made once: ``of`` returns a
    stand-in whose repr is that text. Every group's facts hold the same tuple (one object), but
    the stand-in is made again for any other table, compared by value."""

    def __init__(self) -> None:
        self._table: tuple[object, ...] | None = None
        self._shown: _Shown | None = None

    def of(self, table: tuple[object, ...]) -> _Shown:
        if self._shown is None or not (table is self._table or table == self._table):
            self._table, self._shown = table, _Shown(repr(table))
        return self._shown


class _Shown:
    """A value whose repr is the given text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def shared_digest(parts: Sequence[object]) -> str:
    """Return the digest of what every document of the batch shares."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else repr(part).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()
