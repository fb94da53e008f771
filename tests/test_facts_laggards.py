"""滞后项目 rules: more than the threshold behind 时序进度, or not started after 计划开工."""

import datetime as dt
from decimal import Decimal as D

from speechgen.facts import compute_facts
from speechgen.model import Dossier, Meeting, Project, Stage

MEETING = Meeting(region="示例市", meeting="全市重点项目调度会", date=dt.date(2024, 6, 5), as_of=dt.date(2024, 5, 31))
# 时序进度 41.7%


def project(name: str, status: str, plan: str, done: str, **extra: object) -> Project:
    return Project(name=name, district="东城区", owner="东城区发改局", total=D(10000), status=Stage(status),
                   annual_plan=D(plan), completed=D(done), **extra)  # type: ignore[arg-type]


def laggards(*projects: Project, threshold: str = "10", meeting: Meeting = MEETING):
    facts = compute_facts(Dossier(meeting=meeting, projects=projects), lag_threshold=D(threshold))
    return [(lag.project.name, lag.completion_rate, lag.gap_points, lag.reasons) for lag in facts.laggards]


def test_threshold_boundary_is_strict() -> None:
    assert laggards(
        project("正好十个百分点", "在建", "1000", "317"),  # 31.7% → −10.0: not a laggard
        project("差十点一", "在建", "1000", "316"),  # 31.6% → −10.1: laggard
        project("持平", "在建", "1000", "417"),
    ) == [("差十点一", D("31.6"), D("-10.1"), ("behind_schedule",))]


def test_boundary_uses_rounded_rate() -> None:
    # 316.6/1000 = 31.66% prints 31.7%, so the gap is −10.0 and the project is not behind.
    assert laggards(project("四舍五入", "在建", "1000", "316.6")) == []


def test_custom_threshold() -> None:
    assert [n for n, *_ in laggards(project("甲", "在建", "1000", "350"), threshold="5")] == ["甲"]  # −6.7
    assert laggards(project("甲", "在建", "1000", "350"), threshold="10") == []


def test_not_started_after_planned_start() -> None:
    found = laggards(
        project("逾期前期", "前期", "500", "0", planned_start=dt.date(2024, 4, 1)),
        project("逾期未开工无计划", "未开工", "0", "0", planned_start=dt.date(2024, 1, 10)),
        project("当天计划开工", "未开工", "500", "0", planned_start=dt.date(2024, 5, 31)),
        project("下半年开工", "前期", "500", "0", planned_start=dt.date(2024, 9, 1)),
        project("已开工", "在建", "500", "300", planned_start=dt.date(2024, 3, 1)),
    )
    assert found == [
        ("逾期前期", D("0.0"), D("-41.7"), ("behind_schedule", "not_started_overdue")),
        ("逾期未开工无计划", None, None, ("not_started_overdue",)),
    ]


def test_no_annual_plan_is_never_behind_by_rate() -> None:
    assert laggards(project("无年度计划", "在建", "0", "0"), project("计划外完成", "在建", "0", "50")) == []


def test_not_started_without_planned_start_is_judged_by_rate() -> None:
    assert laggards(project("未填计划开工", "前期", "500", "0")) == [
        ("未填计划开工", D("0.0"), D("-41.7"), ("behind_schedule",))]


def test_worst_gap_first_ties_in_ledger_order_no_rate_last() -> None:
    found = laggards(
        project("无率", "前期", "0", "0", planned_start=dt.date(2024, 2, 1)),
        project("差二十", "在建", "1000", "217"),
        project("差三十甲", "在建", "1000", "117"),
        project("差三十乙", "在建", "2000", "234"),
        project("差四十", "在建", "1000", "17"),
    )
    assert [(n, g) for n, _, g, _ in found] == [
        ("差四十", D("-40.0")), ("差三十甲", D("-30.0")), ("差三十乙", D("-30.0")), ("差二十", D("-20.0")),
        ("无率", None)]


def test_laggards_on_day_basis() -> None:
    mid_may = MEETING.model_copy(update={"as_of": dt.date(2024, 5, 20)})  # 141/366 → 38.5%
    assert laggards(project("甲", "在建", "1000", "285"), meeting=mid_may) == []  # 28.5 → −10.0
    assert laggards(project("甲", "在建", "1000", "284"), meeting=mid_may)[0][2] == D("-10.1")
