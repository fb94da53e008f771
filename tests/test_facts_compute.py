"""compute_facts, ranking, group views and facts_for_group, against hand-computed figures."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

import pytest

from speechgen.errors import InputError
from speechgen.facts import UNFILLED, GroupFacts, compute_facts, facts_for_group, group_facts
from speechgen.facts.groups import rank_groups
from speechgen.model import Dossier, Meeting, Project, Stage

MEETING = Meeting(region="示例市", meeting="全市重点项目调度会", date=dt.date(2024, 6, 5), as_of=dt.date(2024, 5, 31))


def project(name: str, district: str, status: str, plan: str, done: str, **extra: object) -> Project:
    fields: dict[str, object] = {"owner": f"{district}发改局", "total": D(plan) * 4}
    fields.update(extra)
    return Project(name=name, district=district, status=Stage(status), annual_plan=D(plan), completed=D(done),
                   **fields)  # type: ignore[arg-type]


# 时序进度 at 2024-05-31 is 41.7%.
LEDGER = (
    project("甲", "东城区", "在建", "1000", "500", leader="张三"),  # 50.0%
    project("乙", "东城区", "前期", "300", "0", planned_start=dt.date(2024, 3, 1)),  # 0.0%, overdue
    project("丙", "西城区", "投产", "2000", "600", leader="李四"),  # 30.0%
    project("丁", "西城区", "竣工", "500", "158.5", leader="李四"),  # 31.7%, exactly −10.0
    project("戊", "南城区", "未开工", "0", "0", planned_start=dt.date(2024, 9, 1)),  # no rate
    project("己", "北城区", "在建", "1000", "417", leader="张三"),  # 41.7%
)


def facts_of(*projects: Project, meeting: Meeting = MEETING):
    return compute_facts(Dossier(meeting=meeting, projects=projects))


def test_overall_counts_sums_and_rates() -> None:
    overall = facts_of(*LEDGER).overall
    assert overall.key == "全市"
    assert overall.projects == 6
    assert [(s.value, n) for s, n in overall.stage_counts] == [
        ("前期", 1), ("未开工", 1), ("暂缓", 0), ("在建", 2), ("停工", 0), ("竣工", 1), ("投产", 1)]
    assert overall.stage(Stage.UNDER_CONSTRUCTION) == 2
    assert (overall.started, overall.not_started) == (4, 2)
    assert overall.start_rate == D("66.7")  # 4/6
    assert overall.total == D("19200")
    assert overall.annual_plan == D("4800")
    assert overall.completed == D("1675.5")  # exact, not rounded
    assert overall.completion_rate == D("34.9")  # 1675.5/4800 = 34.906
    assert overall.gap_points == D("-6.8")  # 34.9 − 41.7
    assert overall.laggards == 2


def test_zero_stages_are_kept_and_empty_ledger_has_no_rates() -> None:
    facts = facts_of()
    assert [n for _, n in facts.overall.stage_counts] == [0, 0, 0, 0, 0, 0, 0]
    assert facts.overall.start_rate is None
    assert facts.overall.completion_rate is None
    assert facts.overall.gap_points is None
    assert facts.by_district == () and facts.laggards == () and facts.problems == ()


def test_gap_comes_from_the_rounded_rates() -> None:
    # 231.4/1000 = 23.14% → 23.1%; raw gap 23.14 − 41.667 = −18.53 would print −18.5,
    # but readers subtract the printed figures: 23.1 − 41.7 = −18.6.
    facts = facts_of(project("甲", "东城区", "在建", "1000", "231.4"))
    assert facts.overall.completion_rate == D("23.1")
    assert facts.schedule.progress == D("41.7")
    assert facts.overall.gap_points == D("-18.6")
    assert facts.laggards[0].gap_points == D("-18.6")


def test_rate_rounds_half_up() -> None:
    facts = facts_of(project("甲", "东城区", "在建", "1000", "234.5"))  # 23.45 → 23.5 (not banker's 23.4)
    assert facts.overall.completion_rate == D("23.5")


def test_by_district_table() -> None:
    rows = {g.key: g for g in facts_of(*LEDGER).by_district}
    assert [g.key for g in facts_of(*LEDGER).by_district] == ["北城区", "东城区", "西城区", "南城区"]
    east = rows["东城区"]
    assert (east.projects, east.started, east.annual_plan, east.completed) == (2, 1, D("1300"), D("500"))
    assert east.completion_rate == D("38.5")  # 500/1300 = 38.46
    assert east.gap_points == D("-3.2")
    assert east.rank == 2 and east.laggards == 1
    assert rows["西城区"].completion_rate == D("30.3")  # 758.5/2500 = 30.34
    assert rows["北城区"].rank == 1 and rows["北城区"].gap_points == D("0.0")
    south = rows["南城区"]
    assert south.completion_rate is None and south.gap_points is None and south.rank is None


def _group(key: str, rate: str | None) -> GroupFacts:
    return GroupFacts(key=key, projects=1, stage_counts=tuple((s, 0) for s in Stage), started=0,
                      not_started=1, start_rate=None, total=D(0), annual_plan=D(0), completed=D(0),
                      completion_rate=None if rate is None else D(rate), gap_points=None)


def test_competition_ranking_with_ties_and_no_rate() -> None:
    ranked = rank_groups([_group("甲", "30.0"), _group("乙", None), _group("丙", "50.0"),
                          _group("丁", "30.0"), _group("戊", "50.0"), _group("己", "10.0")])
    assert [(g.key, g.rank) for g in ranked] == [
        ("丙", 1), ("戊", 1), ("甲", 3), ("丁", 3), ("己", 5), ("乙", None)]


def test_ranking_uses_the_printed_rate() -> None:
    # 33.34% and 33.30% both print as 33.3%, so they share rank 1.
    facts = facts_of(project("甲", "A区", "在建", "10000", "3334"), project("乙", "B区", "在建", "10000", "3330"))
    assert [(g.key, g.rank) for g in facts.by_district] == [("A区", 1), ("B区", 1)]


def test_group_facts_by_leader_with_unfilled() -> None:
    facts = facts_of(*LEDGER)
    rows = group_facts(facts, "leader")
    assert [(g.key, g.projects, g.rank) for g in rows] == [("张三", 2, 1), ("李四", 2, 2), (UNFILLED, 2, 3)]
    assert rows[0].completion_rate == D("45.9")  # 917/2000 = 45.85
    assert rows[1].laggards == 1 and rows[2].laggards == 1
    assert group_facts(Dossier(meeting=MEETING, projects=LEDGER), "leader") == rows
    assert group_facts(facts, "district") == facts.by_district


def test_group_facts_for_every_key_cover_all_projects() -> None:
    facts = facts_of(*LEDGER)
    for by in ("district", "owner", "leader", "nature", "category"):
        rows = group_facts(facts, by)  # type: ignore[arg-type]
        assert sum(g.projects for g in rows) == 6
        assert sum((g.completed for g in rows), D(0)) == facts.overall.completed
    assert [g.key for g in group_facts(facts, "nature")] == [UNFILLED]


def test_facts_for_group_keeps_rank_among_siblings() -> None:
    dossier = Dossier(meeting=MEETING, projects=LEDGER)
    west = facts_for_group(dossier, "district", "西城区")
    assert [p.name for p in west.projects] == ["丙", "丁"]
    assert west.overall.key == "西城区"
    assert west.overall.completion_rate == D("30.3")
    assert west.group is not None and west.group.rank == 3
    assert west.group_by == "district"
    assert [g.key for g in west.siblings] == ["北城区", "东城区", "西城区", "南城区"]
    assert replace(west.overall, rank=3) == west.group  # the same figures, computed twice
    assert [lag.project.name for lag in west.laggards] == ["丙"]
    assert west.schedule == compute_facts(dossier).schedule


def test_facts_for_group_unknown_key_names_the_choices() -> None:
    with pytest.raises(InputError) as caught:
        facts_for_group(Dossier(meeting=MEETING, projects=LEDGER), "district", "中城区")
    message = str(caught.value)
    assert "没有县区为“中城区”的项目" in message
    assert "东城区、西城区、南城区、北城区" not in message  # listed in rank order, not ledger order
    assert "北城区、东城区、西城区、南城区" in message


def test_facts_for_unfilled_group() -> None:
    facts = facts_for_group(Dossier(meeting=MEETING, projects=LEDGER), "leader", UNFILLED)
    assert [p.name for p in facts.projects] == ["乙", "戊"]


def test_deterministic() -> None:
    dossier = Dossier(meeting=MEETING, projects=LEDGER)
    assert compute_facts(dossier) == compute_facts(dossier)


def test_warnings_pass_through() -> None:
    from speechgen.errors import Problem

    warning = Problem("完成投资大于年度计划投资", file="台账.xlsx", row=5, severity="warning")
    facts = compute_facts(Dossier(meeting=MEETING, projects=LEDGER, warnings=(warning,)))
    assert facts.warnings == (warning,)


def test_negative_threshold_is_refused() -> None:
    with pytest.raises(ValueError):
        compute_facts(Dossier(meeting=MEETING, projects=LEDGER), lag_threshold=D(-1))


def test_facts_by_group_matches_facts_for_group_in_rank_order() -> None:
    from speechgen.facts import facts_by_group

    dossier = Dossier(meeting=MEETING, projects=LEDGER)
    every = facts_by_group(dossier, "leader")
    assert [f.overall.key for f in every] == ["张三", "李四", UNFILLED]
    assert every == tuple(facts_for_group(dossier, "leader", f.overall.key) for f in every)
    assert sum(f.overall.projects for f in every) == len(LEDGER)
