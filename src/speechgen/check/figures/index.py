"""Every figure the ledger's Facts can back, labelled with its metric and subject, and the
names a draft may give those subjects — for tracing the figures of a draft."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from speechgen.check.figures.labels import SubjectNames
from speechgen.check.figures.written import Kind, find_figures
from speechgen.facts import Facts, GroupFacts, group_facts
from speechgen.facts.laggards import project_rate
from speechgen.facts.problems import problem_types
from speechgen.facts.types import UNFILLED
from speechgen.model import Stage
from speechgen.rounding import percent, points
from speechgen.zh.people import split_person, spoken_person

_STAGE_METRICS = {Stage.PREPARATION: "preparing", Stage.NOT_STARTED: "ready",  # 具备条件尚未开工
                  Stage.UNDER_CONSTRUCTION: "building", Stage.COMPLETED: "finished",
                  Stage.OPERATING: "operating", Stage.SUSPENDED: "suspended", Stage.DEFERRED: "deferred"}
WHOLE_NAMES = ("全市", "全县", "全区")  # what a text calls the whole ledger
TOTAL_ROWS = ("合计", "总计", "全市合计", "全县合计", "全区合计")  # … and a table's last row


@dataclass(frozen=True)
class Candidate:
    """A figure the ledger backs: amounts in 万元, rates in percent, gaps in 百分点 (unsigned).

    ``metric`` names what it is (see ``check.figures.labels``: "completed", "start_rate",
    "gap_schedule", "not_started" …); None for a figure quoted from the ledger's own words,
    which may stand for anything. ``subject`` is whose it is: the whole ledger's or a group's
    key, or a project's name; None for figures of no one subject (时序进度, the lag threshold,
    the laggard and problem lists). ``rest`` is the size of what remains of a named list after
    its first few members were described one by one ("此外，甲、乙等13个项目……"); it backs
    only a count written after 等.
    """

    kind: Kind
    value: Decimal
    label: str
    metric: str | None = None
    subject: str | None = None
    signed: Decimal | None = None  # a gap with its direction: + ahead, − behind (figure-direction)


@dataclass(frozen=True)
class FigureIndex:
    """Every figure the Facts back, and the names that say whose a figure is."""

    candidates: tuple[Candidate, ...]
    names: SubjectNames = field(default_factory=lambda: SubjectNames({}))

    def __iter__(self):
        return iter(self.candidates)


def facts_candidates(facts: Facts) -> FigureIndex:
    """Return every figure the Facts back (whole ledger, each 县区, each project) and the
    subject names: 全市/全县/全区 and the scope, every group key, project and owner (an owner
    stands for its projects)."""
    whole = facts.overall.key
    out: list[Candidate] = [
        Candidate("percent", facts.schedule.progress, "时序进度", "schedule"),
        Candidate("points", facts.lag_threshold_points, "滞后判定标准", "threshold"),
        Candidate("count", Decimal(len(facts.by_district)), "县区数", "districts", whole),
        Candidate("count", Decimal(len(facts.problems)), "问题类型数", "problems", whole),
    ]
    groups = [facts.overall, *facts.by_district, *facts.siblings, *_unit_groups(facts)]
    if facts.group is not None:
        groups.append(facts.group)
    for group in groups:
        out.extend(_group(group))
    for laggard in facts.laggards:
        if laggard.gap_points is not None:
            out.append(Candidate("points", abs(laggard.gap_points), f"{laggard.project.name}落后时序进度",
                                 "gap_schedule", laggard.project.name, laggard.gap_points))
    for reason, label, metric in (("behind_schedule", "投资进度滞后项目数", "laggards"),
                                  ("not_started_overdue", "逾期未开工项目数", "overdue")):
        out.append(Candidate("count", Decimal(sum(reason in lag.reasons for lag in facts.laggards)), label, metric,
                             whole))
    for problem in facts.problems:
        out.append(Candidate("count", Decimal(problem.count), f"存在{problem.problem_type}问题的项目数", "problems",
                             f"{problem.problem_type}问题"))
    reporting = {name for problem in facts.problems for name in problem.projects}
    out.append(Candidate("count", Decimal(len(reporting)), "反映问题的项目数", "problems", whole))
    # 具备开工条件: not started and no problem recorded (the planner's ready_to_start)
    ready = sum(not p.status.started and not problem_types(p) for p in facts.projects)
    out.append(Candidate("count", Decimal(ready), "未开工且没有记录问题的项目数", "ready", whole))
    _rests(out, facts)
    _remaining(out, facts)
    for project in facts.projects:
        out.extend(_project(project, facts))
        out.extend(_quoted(project))
    _differences(out, facts)
    _changes(out, facts)
    return FigureIndex(tuple(out), subject_names(facts))


def _changes(out: list[Candidate], facts: Facts) -> None:
    """Add the figures of the comparison with the previous period (``--previous``): what each
    group completed since, its 完成率 and gap changes, its previous figures and rank, and the
    counts of projects started, finished, added, removed and lagging again, newly or no longer."""
    changes = facts.changes
    if changes is None:
        return
    rows = [changes.overall, *(row for _, group in changes.groups for row in group)]
    for row in rows:
        name, then = row.key, row.then
        if then is None:
            continue
        if row.completed_increase is not None:
            out.append(Candidate("amount", row.completed_increase, f"{name}本期完成投资", "completed", name))
        out.append(Candidate("amount", then.completed, f"{name}上期完成投资", "completed", name))
        if row.rate_change is not None:
            out.append(Candidate("points", abs(row.rate_change), f"{name}完成率较上期变化", "rate_change", name))
        if row.gap_change is not None:
            out.append(Candidate("points", abs(row.gap_change), f"{name}与时序进度差距的变化", "gap_schedule", name))
        if then.completion_rate is not None:
            out.append(Candidate("percent", then.completion_rate, f"{name}上期完成率", "completion_rate", name))
        if then.gap_points is not None:
            out.append(Candidate("points", abs(then.gap_points), f"{name}上期与时序进度之差", "gap_schedule", name,
                                 then.gap_points))
        if row.rank_then is not None:
            out.append(Candidate("count", Decimal(row.rank_then), f"{name}上期排名", "rank", name))
    whole = facts.overall.key
    out.append(Candidate("percent", changes.previous.progress, "上期时序进度", "schedule"))
    longest = max((s.periods for s in changes.continuing), default=0)
    for count, label, metric in (
        (len(changes.newly_started), "本期新开工项目数", "started"),
        (len(changes.newly_completed), "本期新竣工或投产项目数", "finished"),
        (len(changes.added), "新增入库项目数", "projects"),
        (len(changes.removed), "调出项目数", "projects"),
        (len(changes.continuing), "连续滞后项目数", "laggards"),
        (sum(1 for s in changes.continuing if s.periods == longest), "滞后期数最长的项目数", "laggards"),
        (len(changes.new_laggards), "新增滞后项目数", "laggards"),
        (len(changes.cleared), "摘帽项目数", "laggards"),
    ):
        out.append(Candidate("count", Decimal(count), label, metric, whole))


def _unit_groups(facts: Facts) -> tuple[GroupFacts, ...]:
    """Return the groups of the whole ledger per 责任单位 and per 包保领导 of more than one project,
    whose own figures a document addressed to one of them prints (speechgen batch --per owner /
    leader); a 责任单位 of one project already stands for its project."""
    if facts.group_by is not None:  # the facts of one group: its siblings are there already
        return ()
    return tuple(group for by in ("owner", "leader", "category", "nature") for group in group_facts(facts, by)
                 if group.key != UNFILLED and group.projects > 1)


def subject_names(facts: Facts) -> SubjectNames:
    """Return the names a draft may give a figure's subject, each with the subject keys; a
    table's 合计 row stands for the whole ledger."""
    names: dict[str, set[str]] = {}
    ranks: dict[str, int] = {}
    whole = facts.overall.key
    groups = (*facts.by_district, *facts.siblings, *([facts.group] if facts.group else []), *_unit_groups(facts))
    entries = [(name, whole, 0) for name in (*WHOLE_NAMES, whole)]
    # a 建设性质 is named with 项目 ("新建项目34个"): bare, 新建/续建 are words of running text
    # ("新建成竣工、投产1个" is no figure of the 新建 projects)
    natures = {p.nature for p in facts.projects if p.nature}
    entries += [(_nature_name(group.key) if group.key in natures else group.key, group.key, 1)
                for group in groups if group.key != UNFILLED]
    # a 包保领导's projects, as a 督办通知 to the leader names them: "赵文清副市长包保"
    entries += [(f"{spoken_person(key)}包保", key, 1) for key in dict.fromkeys((whole, *(g.key for g in groups)))
                if split_person(key)[1]]
    entries += [(p.owner, p.name, 2) for p in facts.projects if p.owner]
    entries += [(p.name, p.name, 3) for p in facts.projects]
    entries += [(f"{p.problem_type}问题", f"{p.problem_type}问题", 1) for p in facts.problems]  # 用地问题涉及8个项目
    for name, key, rank in entries:
        names.setdefault(name, set()).add(key)
        ranks[name] = max(rank, ranks.get(name, 0))
    totals = {name: frozenset({whole}) for name in TOTAL_ROWS}
    return SubjectNames({name: frozenset(keys) for name, keys in names.items()}, totals, ranks,
                        frozenset({whole}))


def _nature_name(key: str) -> str:
    """Return the name a text gives the projects of one 建设性质: 新建 → 新建项目."""
    return key if key.endswith("项目") else f"{key}项目"


def _group(group: GroupFacts) -> list[Candidate]:
    name = group.key
    counts = [(group.projects, "项目数", "projects"), (group.started, "已开工项目数", "started"),
              (group.not_started, "未开工项目数", "not_started"), (group.laggards, "滞后项目数", "laggards")]
    out = [Candidate("count", Decimal(n), f"{name}{what}", metric, name) for n, what, metric in counts]
    out += [
        Candidate("amount", group.total, f"{name}总投资", "total", name),
        Candidate("amount", group.annual_plan, f"{name}年度计划投资", "plan", name),
        Candidate("amount", group.completed, f"{name}完成投资", "completed", name),
        Candidate("amount", group.annual_plan - group.completed, f"{name}年度计划尚未完成的投资",
                  "remaining", name),
    ]
    out.extend(Candidate("count", Decimal(n), f"{name}状态为“{stage.value}”的项目数", _STAGE_METRICS[stage], name)
               for stage, n in group.stage_counts)
    if group.rank is not None:
        out.append(Candidate("count", Decimal(group.rank), f"{name}排名", "rank", name))
    if group.start_rate is not None:
        out.append(Candidate("percent", group.start_rate, f"{name}开工率", "start_rate", name))
    for n, what in ((group.laggards, "滞后项目"), (group.not_started, "未开工项目")):
        share = percent(n, group.projects)
        if n and share is not None:  # "滞后项目16个，占项目总数的32.0%"
            out.append(Candidate("percent", share, f"{name}{what}占项目总数的比例", "share", name))
    if group.completion_rate is not None:
        out.append(Candidate("percent", group.completion_rate, f"{name}完成率", "completion_rate", name))
    if group.gap_points is not None:
        out.append(Candidate("points", abs(group.gap_points), f"{name}与时序进度之差", "gap_schedule", name,
                             group.gap_points))
    return out


def _project(project, facts: Facts) -> list[Candidate]:
    name = project.name
    out = [
        Candidate("amount", project.total, f"{name}总投资", "total", name),
        Candidate("amount", project.annual_plan, f"{name}年度计划投资", "plan", name),
        Candidate("amount", project.completed, f"{name}完成投资", "completed", name),
        Candidate("amount", project.annual_plan - project.completed, f"{name}年度计划尚未完成的投资",
                  "remaining", name),
    ]
    rate = project_rate(project)
    if rate is not None:
        out.append(Candidate("percent", rate, f"{name}完成率", "completion_rate", name))
        gap = points(rate, facts.schedule.progress)
        out.append(Candidate("points", abs(gap), f"{name}与时序进度之差", "gap_schedule", name, gap))
    return out


def _differences(out: list[Candidate], facts: Facts) -> None:
    """Add the gaps a text sets between a 县区 and the whole ledger (百分点 from rounded rates)."""
    overall = facts.overall.completion_rate
    if overall is None:
        return
    for group in facts.by_district:
        if group.completion_rate is not None:
            gap = points(group.completion_rate, overall)
            out.append(Candidate("points", abs(gap), f"{group.key}与{facts.overall.key}完成率之差",
                                 "gap_overall", group.key, gap))


def _remaining(out: list[Candidate], facts: Facts) -> None:
    """Add what the year's plan still needs: per month after a month-end cut-off, and to reach
    half the plan by 6月底 (双过半) — amounts a draft says with 还需完成/还差."""
    left, whole = facts.remaining, facts.overall.key
    if left is None:
        return
    if left.per_month is not None:
        out.append(Candidate("amount", left.per_month, f"{whole}剩余月份平均每月需完成的投资", "remaining", whole))
    if left.to_half > 0:
        out.append(Candidate("amount", left.to_half, f"{whole}完成年度计划一半尚需的投资", "remaining", whole))


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
                out.append(Candidate("rest", Decimal(len(members) - named), f"其余{label}数", "laggards"))


def _quoted(project) -> list[Candidate]:
    """Return the figures the ledger's own words carry (存在问题, 形象进度: "缺口1.2亿元"); a
    document quoting them quotes the ledger."""
    out = []
    for text in (project.problem, project.progress):
        for written, _, _ in find_figures(text or ""):
            value = written.value * 10000 if written.unit == "亿元" else written.value
            out.append(Candidate(written.kind, value, f"{project.name}台账原文", None, project.name))
    return out
