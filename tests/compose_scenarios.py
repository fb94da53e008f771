"""The ledgers issue 10 was reviewed on, as Facts: the example ledger and copies of it changed into
other situations (ahead of 时序进度, 2月底 with half not started, 11月底, 6月底, the speaker's own
lagging projects, a unit exactly on 时序进度, tied problem types), and small county ledgers (two
units one of which is a 开发区, one project). Not collected (no test_ prefix)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal as D

from speechgen import api
from speechgen.facts import compute_facts
from speechgen.facts.types import Facts
from speechgen.model import Contact, Dossier, Inspection, Meeting, Project, Stage
from speechgen.paths import resource_dir

EXAMPLES = resource_dir("examples")
LEDGER, MEETING = EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml"
BUILDING, PREP, UNSTARTED = Stage.UNDER_CONSTRUCTION, Stage.PREPARATION, Stage.NOT_STARTED


def example_dossier() -> Dossier:
    return api.load_dossier(LEDGER, MEETING)


def _facts(dossier: Dossier, projects: Iterable[Project] | None = None, **meeting: object) -> Facts:
    changed = dossier.meeting.model_copy(update=meeting)
    chosen = tuple(projects) if projects is not None else dossier.projects
    return compute_facts(dossier.model_copy(update={"meeting": changed, "projects": chosen}))


def _scaled(projects: Iterable[Project], factor: str) -> list[Project]:
    return [p.model_copy(update={"completed": (p.completed * D(factor)).quantize(D(1))}) for p in projects]


def example() -> Facts:
    """The example ledger (examples/ledger.xlsx, 5月底), as it is."""
    return _facts(example_dossier())


def ahead() -> Facts:
    """The example city ahead of 时序进度 (every completed amount ×1.35)."""
    dossier = example_dossier()
    return _facts(dossier, _scaled(dossier.projects, "1.35"))


def february() -> Facts:
    """2月底 (meeting 3月5日): half the projects not started, some of them past their planned
    start (1月), the others due in 3—4月; the problems the ledger records are kept."""
    dossier = example_dossier()
    projects = []
    for index, p in enumerate(dossier.projects):
        if index % 2:
            start = dt.date(2026, 1, 15) if index % 4 == 1 else dt.date(2026, 3 + index % 2, 1)
            projects.append(p.model_copy(update={"status": UNSTARTED if index % 3 else PREP, "completed": D(0),
                                                 "planned_start": start}))
        else:
            projects.append(p.model_copy(update={"completed": (p.completed * D("0.28")).quantize(D(1)),
                                                 "status": BUILDING if p.status.started else p.status}))
    return _facts(dossier, projects, as_of=dt.date(2026, 2, 28), date=dt.date(2026, 3, 5))


def november() -> Facts:
    """11月底 (meeting 12月5日): the example's amounts ×2.15 — one month, 12月, is left."""
    dossier = example_dossier()
    return _facts(dossier, _scaled(dossier.projects, "2.15"), as_of=dt.date(2026, 11, 30), date=dt.date(2026, 12, 5))


def half_secured() -> Facts:
    """5月底 with more than half the plan done (amounts ×1.7): 双过半 already secured."""
    dossier = example_dossier()
    return _facts(dossier, _scaled(dossier.projects, "1.7"))


def june() -> Facts:
    """6月底 (meeting 7月6日): the example's amounts ×1.2 — 双过半 not reached."""
    dossier = example_dossier()
    return _facts(dossier, _scaled(dossier.projects, "1.2"), as_of=dt.date(2026, 6, 30), date=dt.date(2026, 7, 6))


def majority() -> Facts:
    """The example far behind (amounts ×0.45): more than half of the projects are laggards."""
    dossier = example_dossier()
    return _facts(dossier, _scaled(dossier.projects, "0.45"))


def low_start() -> Facts:
    """The example with 青河县's projects but one not started yet (planned for later in the year)."""
    dossier = example_dossier()
    projects, first = [], True
    for p in dossier.projects:
        if p.district == "青河县" and not first:
            p = p.model_copy(update={"status": UNSTARTED, "completed": D(0), "planned_start": dt.date(2026, 8, 1),
                                     "problem": None, "problem_type": None})
        elif p.district == "青河县":
            first = False
        projects.append(p)
    return _facts(dossier, projects)


def speaker_lagging() -> Facts:
    """The example, spoken by 副市长 王建国, 包保领导 of three lagging projects."""
    return _facts(example_dossier(), speaker="副市长 王建国")


def unit_level() -> Facts:
    """The example with 东城区 exactly on 时序进度 (42.0% → 41.7%)."""
    dossier = example_dossier()
    projects = [p.model_copy(update={"completed": D(11100)}) if p.name == "东城区数字经济产业大厦" else p
                for p in dossier.projects]  # 东城区: 12.51亿元 of 30亿元 = 41.7%
    return _facts(dossier, projects)


def tied_problems() -> Facts:
    """The example with 用地, 资金 and 手续审批 reported by four projects each."""
    dossier = example_dossier()
    wanted = {"用地": 4, "资金": 4, "手续审批": 4}
    projects = []
    for p in dossier.projects:
        if p.problem_type in wanted and wanted[p.problem_type] > 0:
            wanted[p.problem_type] -= 1
            projects.append(p)
        elif p.problem_type or p.problem:
            kind = next((k for k, left in wanted.items() if left > 0), None)
            if kind is None:
                projects.append(p.model_copy(update={"problem": None, "problem_type": None}))
            else:
                wanted[kind] -= 1
                projects.append(p.model_copy(update={"problem_type": kind}))
        else:
            projects.append(p)
    return _facts(dossier, projects)


def county_meeting(as_of: dt.date = dt.date(2026, 5, 31), **changes: object) -> Meeting:
    """A county's meeting file, with the 督查 dates and the 联系人 a real office's notice has (a
    notice without them is hollow: test_compose_review keeps that it warns and check reports it)."""
    date = as_of + dt.timedelta(days=5)
    values: dict[str, object] = {
        "region": "青山县", "level": "县", "meeting": "全县重点项目推进会", "date": date, "as_of": as_of,
        "speaker": "县长 李华",
        "inspection": Inspection(start=date + dt.timedelta(days=10), end=date + dt.timedelta(days=12),
                                 report_by=date + dt.timedelta(days=7)),
        "contact": Contact(name="陈静", phone="0000-5521234")}
    values.update(changes)
    return Meeting(**values)  # type: ignore[arg-type]


def project(name: str, unit: str, plan: str, done: str, *, stage: Stage = BUILDING,
            leader: str | None = "王军（副县长）",
            owner: str | None = None, start: dt.date | None = None, problem: str | None = None) -> Project:
    return Project(name=name, district=unit, owner=owner or f"{unit}管理机构", leader=leader, total=D(plan) * 3,
                   annual_plan=D(plan), completed=D(done), status=stage, planned_start=start, problem=problem)


def county_two_units() -> Facts:
    """A county with two units: 城关镇 (behind) and 青山经济开发区 (ahead); a leader without title."""
    projects = [
        project("城关镇老街改造", "城关镇", "8000", "2000", problem="征迁户未签约"),
        project("城关镇污水管网", "城关镇", "6000", "2100"),
        project("城关镇农贸市场", "城关镇", "3000", "0", stage=UNSTARTED, start=dt.date(2026, 4, 1), leader="吴敏"),
        project("经开区标准厂房", "青山经济开发区", "12000", "6600"),
        project("经开区新材料项目", "青山经济开发区", "15000", "7800", problem="能耗指标未落实"),
        project("经开区道路配套", "青山经济开发区", "5000", "2600"),
    ]
    return compute_facts(Dossier(meeting=county_meeting(), projects=tuple(projects), source="test"))


def county_all_building() -> Facts:
    """The county of two units with every project 在建 (none 竣工, 投产 or not started)."""
    projects = tuple(p.model_copy(update={"status": BUILDING, "planned_start": None,
                                          "completed": p.completed or p.annual_plan * D("0.3")})
                     for p in county_two_units().projects)
    return compute_facts(Dossier(meeting=county_meeting(), projects=projects, source="test"))


def one_project() -> Facts:
    """A county ledger of one project (青山县人民医院迁建), 15.7 百分点 behind."""
    only = project("青山县人民医院迁建", "城关镇", "20000", "5200", owner="县卫健局", leader="张强（副县长）",
                   problem="资金拨付滞后")
    return compute_facts(Dossier(meeting=county_meeting(), projects=(only,), source="test"))


def compared() -> Facts:
    """The example against its previous month (examples/ledger-previous.xlsx, 4月底): the gap
    narrowed, three projects started, 南山县 overtook 北岭县, 14 projects lagging both months."""
    return api.compute_facts(LEDGER, MEETING, previous=[EXAMPLES / "ledger-previous.xlsx"])


def compared_worse() -> Facts:
    """The example against a made-up 4月底 at which every project had 90 % of its May figure and
    the same stage: the city was level with 时序进度 then (33.2% vs 33.3%) and fell behind."""
    dossier = example_dossier()
    earlier = dossier.model_copy(update={
        "meeting": dossier.meeting.model_copy(update={"as_of": dt.date(2026, 4, 30)}),
        "projects": tuple(_scaled(dossier.projects, "0.9"))})
    return compute_facts(dossier, previous=[earlier])


SCENARIOS: dict[str, Callable[[], Facts]] = {
    "example": example, "ahead": ahead, "february": february, "november": november, "june": june,
    "half_secured": half_secured,
    "speaker_lagging": speaker_lagging, "low_start": low_start, "majority": majority, "unit_level": unit_level,
    "tied_problems": tied_problems,
    "county_two_units": county_two_units, "county_all_building": county_all_building, "one_project": one_project,
    "compared": compared, "compared_worse": compared_worse,
}
