"""Observations of the problems the ledger records: the most reported types with ties kept, and
for each the department that owns it (the measure that answers it)."""

from __future__ import annotations

from speechgen import zh
from speechgen.compose.filters import md_escape
from speechgen.compose.observe import ladder
from speechgen.compose.observe.projects import named
from speechgen.compose.observe.types import Local, Observation, Record, held
from speechgen.facts.types import PROBLEM_TYPES, Facts, ProblemCount

# Who solves a problem type: the department a measure answering it names.
OWNERS: dict[str, str] = {
    "用地": "自然资源和规划部门",
    "资金": "财政部门和金融机构",
    "手续审批": "行政审批和相关职能部门",
    "环评": "生态环境部门",
    "能耗": "发展改革部门",
    "征迁": "属地政府和征收部门",
    "规划": "自然资源和规划部门",
    "其他": "有关部门",
}
MAX_FOCUSES = 2  # measures that answer one type each; more tied types are answered together
MAX_LISTED_TYPES = 3


def top_types(facts: Facts) -> list[ProblemCount]:
    """Return the most reported types, every type sharing the largest count (named types before
    其他: "其他" is the top only when nothing else is reported)."""
    named_types = [p for p in facts.problems if p.problem_type != "其他"] or list(facts.problems)
    if not named_types:
        return []
    return [p for p in named_types if p.count == named_types[0].count]


def _focus(problem: ProblemCount) -> Local:
    kind = problem.problem_type if problem.problem_type in PROBLEM_TYPES else "其他"
    record = {"type": md_escape(problem.problem_type), "count": problem.count, "department": OWNERS[kind],
              "projects": named(problem.projects, 3)}
    return Local(frozenset({f"focus_{kind}"}), {"focus": record}, key=problem.problem_type)


def _listed(types: list[ProblemCount]) -> str:
    """Return "用地、资金和手续审批", with 等 when more were reported than shown."""
    shown = zh.join_zh(md_escape(p.problem_type) for p in types[:MAX_LISTED_TYPES])
    return shown + ("等" if len(types) > MAX_LISTED_TYPES else "")


def old_problems(facts: Facts) -> list[str]:
    """Return the projects whose problem the ledger shows is old: not started, a problem recorded,
    and OLD_PROBLEM_MONTHS or more past the planned start (the ledger has no date on a problem;
    a start this overdue is the only sign that it has stood for months)."""
    as_of = facts.schedule.as_of
    months = as_of.year * 12 + as_of.month
    return [p.name for p in facts.projects
            if not p.status.started and (p.problem or p.problem_type) and p.planned_start is not None
            and months - (p.planned_start.year * 12 + p.planned_start.month) >= ladder.OLD_PROBLEM_MONTHS]


def problems(facts: Facts) -> tuple[list[Observation], dict[str, Record], tuple[Local, ...]]:
    """Return has_problems, problem_<type> for each top type, problems_tied, the record
    ``problems`` and one focus item per top type (at most MAX_FOCUSES)."""
    if not facts.problems:
        return [], {}, ()
    top = top_types(facts)
    reporting = {name for p in facts.problems for name in p.projects}
    share = len(reporting) * 100 // max(facts.overall.projects, 1)
    found = [held("has_problems", 40 + share // 3)]
    found += [held(f"problem_{p.problem_type}", 40 + p.count) for p in top if p.problem_type in PROBLEM_TYPES]
    if len(top) > 1:
        found.append(held("problems_tied", 45))
    listed = [p for p in facts.problems if p.problem_type != "其他"] or list(facts.problems)
    if len(reporting) > 1:
        found.append(held("several_problems", 20))
    if len(facts.problems) > 1:
        found.append(held("several_problem_types", 20))
    if old_problems(facts):
        found.append(held("old_problem", 45))
    if len(listed) > len(top):
        found.append(held("other_problem_types", 30))
    owners = list(dict.fromkeys(OWNERS.get(p.problem_type, OWNERS["其他"]) for p in top))
    record = {"projects": len(reporting), "types": _listed(listed),
              "top": zh.join_zh(md_escape(p.problem_type) for p in top), "top_count": top[0].count,
              "n_top": len(top), "departments": zh.join_zh(owners), "n_types": len(listed),
              "others": _listed([p for p in listed if p not in top]),
              "items": tuple({"type": md_escape(p.problem_type), "count": p.count} for p in listed)}
    return found, {"problems": record}, tuple(_focus(p) for p in top[:MAX_FOCUSES])
