"""问题分类: how many projects report each type of problem (用地/资金/手续审批/…/其他).

The types and their keywords live in ``speechgen.vocab`` (one vocabulary for the reader and
the counts): a cell naming several types ("资金、用地") counts for each.
"""

from __future__ import annotations

from collections.abc import Sequence

import speechgen.vocab as vocab
from speechgen.facts.types import ProblemCount
from speechgen.model import Project


def problem_types(project: Project) -> tuple[str, ...]:
    """Return the project's problem types, each once, in the fixed order (``vocab.problem_types``):
    from 问题类型 when filled, else inferred from 存在问题; no problem at all → ()."""
    return vocab.problem_types(project.problem_type, project.problem)


def count_problems(projects: Sequence[Project]) -> tuple[ProblemCount, ...]:
    """Return one ProblemCount per type reported, most frequent first; equal counts in the fixed
    type order (用地/资金/手续审批/环评/能耗/征迁/规划/其他); project names in ledger order."""
    names: dict[str, list[str]] = {}
    for project in projects:
        for problem_type in problem_types(project):
            names.setdefault(problem_type, []).append(project.name)
    ordered = sorted(names, key=lambda t: (-len(names[t]), vocab.type_order(t)))
    return tuple(ProblemCount(problem_type=t, count=len(names[t]), projects=tuple(names[t])) for t in ordered)
