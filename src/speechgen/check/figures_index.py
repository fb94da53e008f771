"""Every figure the ledger's Facts can back, labelled, for tracing the figures of a draft."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from speechgen.facts import Facts, GroupFacts
from speechgen.facts.laggards import project_rate
from speechgen.rounding import points

Kind = Literal["amount", "percent", "points", "count", "rest"]


@dataclass(frozen=True)
class Candidate:
    """A figure the ledger backs: amounts in 万元, rates in percent, gaps in 百分点 (unsigned).

    ``rest`` is the size of what remains of a named list after its first few members were
    described one by one ("此外，甲、乙等13个项目……"); it backs only a count written after 等.
    """

    kind: Kind
    value: Decimal
    label: str


def facts_candidates(facts: Facts) -> list[Candidate]:
    """Return every figure the Facts back: whole ledger, each 县区, each project."""
    out: list[Candidate] = [
        Candidate("percent", facts.schedule.progress, "时序进度"),
        Candidate("points", facts.lag_threshold_points, "滞后判定标准"),
        Candidate("count", Decimal(len(facts.laggards)), "滞后项目数"),
        Candidate("count", Decimal(len(facts.by_district)), "县区数"),
        Candidate("count", Decimal(len(facts.problems)), "问题类型数"),
    ]
    groups = [facts.overall, *facts.by_district, *facts.siblings]
    if facts.group is not None:
        groups.append(facts.group)
    for group in groups:
        out.extend(_group(group))
    for laggard in facts.laggards:
        if laggard.gap_points is not None:
            out.append(Candidate("points", abs(laggard.gap_points), f"{laggard.project.name}落后时序进度"))
    for reason in ("behind_schedule", "not_started_overdue"):
        count = sum(reason in lag.reasons for lag in facts.laggards)
        out.append(Candidate("count", Decimal(count), "滞后项目数（按原因）"))
    for problem in facts.problems:
        out.append(Candidate("count", Decimal(problem.count), f"存在{problem.problem_type}问题的项目数"))
    reporting = {name for problem in facts.problems for name in problem.projects}
    out.append(Candidate("count", Decimal(len(reporting)), "反映问题的项目数"))
    _rests(out, facts)
    for project in facts.projects:
        out.extend(_project(project, facts))
        out.extend(_quoted(project))
    _differences(out, facts)
    return out


def _group(group: GroupFacts) -> list[Candidate]:
    name = group.key
    out = [
        Candidate("count", Decimal(group.projects), f"{name}项目数"),
        Candidate("count", Decimal(group.started), f"{name}已开工项目数"),
        Candidate("count", Decimal(group.not_started), f"{name}未开工项目数"),
        Candidate("count", Decimal(group.laggards), f"{name}滞后项目数"),
        Candidate("amount", group.total, f"{name}总投资"),
        Candidate("amount", group.annual_plan, f"{name}年度计划投资"),
        Candidate("amount", group.completed, f"{name}完成投资"),
        Candidate("amount", group.annual_plan - group.completed, f"{name}年度计划尚未完成的投资"),
    ]
    out.extend(Candidate("count", Decimal(n), f"{name}{stage.value}项目数") for stage, n in group.stage_counts)
    if group.rank is not None:
        out.append(Candidate("count", Decimal(group.rank), f"{name}排名"))
    if group.start_rate is not None:
        out.append(Candidate("percent", group.start_rate, f"{name}开工率"))
    if group.completion_rate is not None:
        out.append(Candidate("percent", group.completion_rate, f"{name}完成率"))
    if group.gap_points is not None:
        out.append(Candidate("points", abs(group.gap_points), f"{name}与时序进度之差"))
    return out


def _project(project, facts: Facts) -> list[Candidate]:
    name = project.name
    out = [
        Candidate("amount", project.total, f"{name}总投资"),
        Candidate("amount", project.annual_plan, f"{name}年度计划投资"),
        Candidate("amount", project.completed, f"{name}完成投资"),
        Candidate("amount", project.annual_plan - project.completed, f"{name}年度计划尚未完成的投资"),
    ]
    rate = project_rate(project)
    if rate is not None:
        out.append(Candidate("percent", rate, f"{name}完成率"))
        out.append(Candidate("points", abs(points(rate, facts.schedule.progress)),
                             f"{name}与时序进度之差"))
    return out


def _differences(out: list[Candidate], facts: Facts) -> None:
    """Add the gaps a text sets between a 县区 and the whole ledger (百分点 from rounded rates)."""
    overall = facts.overall.completion_rate
    if overall is None:
        return
    for group in facts.by_district:
        if group.completion_rate is not None:
            out.append(Candidate("points", abs(points(group.completion_rate, overall)),
                                 f"{group.key}与{facts.overall.key}完成率之差"))


def _rests(out: list[Candidate], facts: Facts) -> None:
    """Add the remainders of the laggard lists after the first one to five were named."""
    lists = {
        "滞后项目": facts.laggards,
        "进度滞后项目": [lag for lag in facts.laggards if "behind_schedule" in lag.reasons],
        "逾期未开工项目": [lag for lag in facts.laggards if "not_started_overdue" in lag.reasons],
    }
    for label, members in lists.items():
        for named in range(1, 6):
            if len(members) > named:
                out.append(Candidate("rest", Decimal(len(members) - named), f"其余{label}数"))


def _quoted(project) -> list[Candidate]:
    """Return the figures the ledger's own words carry (存在问题, 形象进度: "缺口1.2亿元"); a
    document quoting them quotes the ledger."""
    from speechgen.check.rules.figures import find_figures

    out = []
    for text in (project.problem, project.progress):
        for written, _, _ in find_figures(text or ""):
            value = written.value * 10000 if written.unit == "亿元" else written.value
            out.append(Candidate(written.kind, value, f"{project.name}台账原文"))
    return out
