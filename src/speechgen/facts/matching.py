"""Which project of one period is which of the other: by 项目编号 first, then by normalised name.

A name is normalised for matching by: NFKC (full width → half width), no spaces, no brackets of
any kind (the words inside them kept), and no trailing "项目" — so "东城区老旧小区改造（第三批）项目"
and "东城区老旧小区改造(第三批)" are one project. A project found in only one period is reported
(新增入库 in the current one, 本期调出 from the previous one), never dropped. A name that matches
two projects of the other period is an error naming both rows.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from speechgen.errors import InputError, Problem
from speechgen.model import Project

MatchedBy = Literal["code", "name"]
_DROPPED = re.compile(r"[\s()\[\]{}【】〔〕〈〉《》<>「」『』]+")
_SUFFIX = "项目"


def match_key(name: str) -> str:
    """Return the form two names of one project share ("X项目（一期）" and "X(一期)" → "X一期")."""
    text = _DROPPED.sub("", unicodedata.normalize("NFKC", name))
    while text.endswith(_SUFFIX) and len(text) > len(_SUFFIX):
        text = text[: -len(_SUFFIX)]
    return text


def code_key(code: str | None) -> str:
    """Return a 项目编号 in comparable form ("" for none)."""
    return _DROPPED.sub("", unicodedata.normalize("NFKC", code or "")).upper()


@dataclass(frozen=True)
class Pair:
    """One project in both periods."""

    now: Project
    then: Project
    by: MatchedBy


@dataclass(frozen=True)
class Matching:
    """The projects of two periods matched: ``pairs`` in the current ledger's order, ``added``
    (only in the current one: 新增入库) in its order, ``removed`` (only in the previous one:
    本期调出) in the previous ledger's order."""

    pairs: tuple[Pair, ...]
    added: tuple[Project, ...]
    removed: tuple[Project, ...]

    def then_of(self, project: Project) -> Project | None:
        """Return the previous period's row of a current project, or None (新增入库)."""
        pair = self._by_now.get(id(project))
        return pair.then if pair is not None and pair.now is project else None

    def now_of(self, project: Project) -> Project | None:
        """Return the current period's row of a previous project, or None (本期调出)."""
        pair = self._by_then.get(id(project))
        return pair.now if pair is not None and pair.then is project else None

    @functools.cached_property
    def _by_now(self) -> dict[int, Pair]:  # asked once per laggard and period: no scan of every pair
        return {id(pair.now): pair for pair in self.pairs}

    @functools.cached_property
    def _by_then(self) -> dict[int, Pair]:
        return {id(pair.then): pair for pair in self.pairs}


def _where(project: Project) -> str:
    return f"第{project.row}行" if project.row else "（无行号）"


def match_projects(current: Sequence[Project], previous: Sequence[Project], *, current_file: str = "本期台账",
                   previous_file: str = "上期台账") -> Matching:
    """Return the projects of ``current`` matched to those of ``previous`` (see the module doc).

    Raise InputError naming both rows for every name (or 项目编号) that matches two projects of
    the other period, all at once.
    """
    problems: list[Problem] = []
    taken: dict[int, Project] = {}  # id(previous project) → the current project it was matched to
    found: dict[int, tuple[Project, MatchedBy]] = {}  # id(current project) → its previous row
    found_by: dict[int, MatchedBy] = {}  # id(previous project) → how it was matched
    by_code = _index(previous, lambda p: code_key(p.code))
    by_name = _index(previous, lambda p: match_key(p.name))
    for project in current:
        code = code_key(project.code)
        if code and code in by_code:
            candidates, by = by_code[code], "code"
        else:
            candidates, by = by_name.get(match_key(project.name), []), "name"
            candidates = [c for c in candidates if not (code and code_key(c.code) and code_key(c.code) != code)]
        if by == "name":  # a row matched by its 项目编号 belongs to that project alone
            candidates = [c for c in candidates if found_by.get(id(c)) != "code"]
        if len(candidates) > 1:
            rows = "、".join(f"“{c.name}”（{_where(c)}）" for c in candidates)
            what = "项目编号" if by == "code" else "项目名称"
            problems.append(Problem(
                f"“{project.name}”的{what}在上期台账中对应两个以上项目：{rows}", file=current_file,
                row=project.row, column=what,
                hint=f"请在“{previous_file}”中删去重复的一行，或把名称改得能区分（如加上期次），再比较"))
            continue
        if not candidates:
            continue
        then = candidates[0]
        if id(then) in taken:
            other = taken[id(then)]
            problems.append(Problem(
                f"“{project.name}”（{_where(project)}）和“{other.name}”（{_where(other)}）对应上期台账的同一个项目"
                f"“{then.name}”（{_where(then)}）", file=current_file, row=project.row, column="项目名称",
                hint="两者若是同一项目，请删去一行；若是不同项目，请把名称改得能区分，或填写项目编号"))
            continue
        taken[id(then)] = project
        found_by[id(then)] = by
        found[id(project)] = (then, by)
    if problems:
        raise InputError(problems)
    pairs = tuple(Pair(p, found[id(p)][0], found[id(p)][1]) for p in current if id(p) in found)
    added = tuple(p for p in current if id(p) not in found)
    removed = tuple(p for p in previous if id(p) not in taken)
    return Matching(pairs, added, removed)


def _index(projects: Sequence[Project], key: Callable[[Project], str]) -> dict[str, list[Project]]:
    out: dict[str, list[Project]] = {}
    for project in projects:
        value = key(project)
        if value:
            out.setdefault(value, []).append(project)
    return out
