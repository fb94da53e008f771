"""问题分类: how many projects report each type of problem (用地/资金/手续审批/…/其他)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from speechgen.facts.types import PROBLEM_TYPES, ProblemCount
from speechgen.model import Project

# Keywords that put a 问题类型 or 存在问题 text under a fixed type. The specific types are tried
# before the generic ones, so "环评手续未批复" is 环评 and "土地征收补偿" is 征迁, while
# "施工许可证未办理" falls through to 手续审批.
_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("环评", ("环评", "环境影响", "环保")),
    ("能耗", ("能耗", "能评", "节能", "用能")),
    ("征迁", ("征迁", "拆迁", "征收", "搬迁", "征地", "迁改")),
    ("用地", ("用地", "土地", "林地", "耕地", "供地", "地块")),
    ("资金", ("资金", "融资", "贷款", "专项债", "拨付", "资本金")),
    ("规划", ("规划", "设计方案", "调规")),
    ("手续审批", ("手续", "审批", "核准", "备案", "立项", "许可", "报批", "办证")),
)
# What ledgers write in 存在问题 when there is none.
_NONE_WORDS = frozenset({"无", "暂无", "没有", "无问题", "暂无问题", "无困难", "-", "—", "——", "/", "／", "否"})
_SEPARATORS = re.compile(r"[、，,；;/／\s]+")


def _classify(text: str) -> str | None:
    """Return the first fixed type (in _KEYWORDS order) with a keyword in text, or None."""
    for problem_type, words in _KEYWORDS:
        if any(word in text for word in words):
            return problem_type
    return None


def _is_none(text: str | None) -> bool:
    """Return True for an empty cell or one saying there is no problem ("无", "暂无", "—")."""
    stripped = (text or "").strip().rstrip("。.")
    return not stripped or stripped in _NONE_WORDS


def problem_types(project: Project) -> tuple[str, ...]:
    """Return the project's problem types, each once, in the fixed order.

    From 问题类型 when filled: it may list several ("用地、资金"); each part is a fixed type,
    a variant naming one ("审批手续" → 手续审批, "资金短缺" → 资金), or kept as written.
    When 问题类型 is empty but 存在问题 describes a problem, the type is inferred from keywords
    in that text, "其他" when none matches. No problem at all → ().
    """
    found: list[str] = []
    if not _is_none(project.problem_type):
        for part in _SEPARATORS.split(project.problem_type or ""):
            if part and not _is_none(part):
                found.append(part if part in PROBLEM_TYPES else _classify(part) or part)
    elif not _is_none(project.problem):
        found.append(_classify(project.problem or "") or "其他")
    return tuple(sorted(set(found), key=_type_order))


def _type_order(problem_type: str) -> tuple[int, str]:
    """Fixed types in PROBLEM_TYPES order; types written otherwise just before 其他, by name."""
    if problem_type in PROBLEM_TYPES:
        index = PROBLEM_TYPES.index(problem_type)
        return (index if problem_type != "其他" else len(PROBLEM_TYPES), "")
    return (len(PROBLEM_TYPES) - 1, problem_type)


def count_problems(projects: Sequence[Project]) -> tuple[ProblemCount, ...]:
    """Return one ProblemCount per type reported, most frequent first; equal counts in the fixed
    type order (用地/资金/手续审批/环评/能耗/征迁/规划/其他); project names in ledger order."""
    names: dict[str, list[str]] = {}
    for project in projects:
        for problem_type in problem_types(project):
            names.setdefault(problem_type, []).append(project.name)
    ordered = sorted(names, key=lambda t: (-len(names[t]), _type_order(t)))
    return tuple(ProblemCount(problem_type=t, count=len(names[t]), projects=tuple(names[t])) for t in ordered)
