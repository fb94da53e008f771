"""facts/matching.py and facts/compare.py: which project is which across periods, and every change
figure on small ledgers whose values are computed by hand in the comments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from speechgen.errors import InputError
from speechgen.facts import compute_facts, facts_for_group
from speechgen.facts.matching import match_key, match_projects
from speechgen.model import Dossier, Meeting, Project, Stage

MAY, APRIL, MARCH = dt.date(2026, 5, 31), dt.date(2026, 4, 30), dt.date(2026, 3, 31)  # 41.7%, 33.3%, 25.0%


def _p(name: str, district: str, plan: int, done: int, status: Stage = Stage.UNDER_CONSTRUCTION, *,
       code: str | None = None, row: int = 4, start: dt.date | None = None) -> Project:
    return Project(name=name, district=district, owner=f"{district}责任单位", total=D(plan * 3), annual_plan=D(plan),
                   completed=D(done), status=status, code=code, row=row, planned_start=start)


def _dossier(as_of: dt.date, projects: list[Project], source: str = "台账.xlsx") -> Dossier:
    meeting = Meeting(region="示例市", meeting="全市重点项目调度会", date=dt.date(2026, 6, 5), as_of=as_of)
    return Dossier(meeting=meeting, projects=tuple(projects), source=source)


# --- matching ------------------------------------------------------------------------------------

def test_match_key_normalises_width_spaces_brackets_and_a_trailing_项目() -> None:
    assert match_key("东城区老旧小区改造（第三批）项目") == match_key("东城区老旧小区改造(第三批)")
    assert match_key("高新区 人工智能算力中心") == match_key("高新区人工智能算力中心")
    assert match_key("ＡＢＣ产业园项目") == "ABC产业园"
    assert match_key("项目") == "项目"  # a name that is only the word is kept


def test_renamed_by_spacing_and_brackets_is_the_same_project() -> None:
    now = [_p("北岭县硅材料深加工项目", "北岭县", 100, 40), _p("东城区改造（一期）", "东城区", 100, 30)]
    then = [_p("东城区改造(一期)", "东城区", 100, 20), _p("北岭县 硅材料深加工", "北岭县", 100, 10)]
    matching = match_projects(now, then)
    assert [(pair.now.name, pair.then.name, pair.by) for pair in matching.pairs] == [
        ("北岭县硅材料深加工项目", "北岭县 硅材料深加工", "name"), ("东城区改造（一期）", "东城区改造(一期)", "name")]
    assert matching.added == () and matching.removed == ()


def test_number_first_even_when_the_name_changed() -> None:
    now = [_p("青河县新能源产业园", "青河县", 100, 40, code="XM-001"),
           _p("青河县光伏项目", "青河县", 100, 20, code="XM-002")]
    then = [_p("青河县光伏项目", "青河县", 100, 10, code="XM-001"),
            _p("青河县光伏二期", "青河县", 100, 5, code="XM-002")]
    matching = match_projects(now, then)
    # by number: the renamed 新能源产业园 is the old 光伏项目 (XM-001), not the project of that name
    assert [(pair.now.name, pair.then.name, pair.by) for pair in matching.pairs] == [
        ("青河县新能源产业园", "青河县光伏项目", "code"), ("青河县光伏项目", "青河县光伏二期", "code")]


def test_a_name_matching_two_previous_rows_is_an_error_naming_both() -> None:
    now = [_p("西湖区会展中心", "西湖区", 100, 40, row=5)]
    then = [_p("西湖区会展中心项目", "西湖区", 100, 10, row=7), _p("西湖区 会展中心", "西湖区", 100, 10, row=9)]
    with pytest.raises(InputError) as caught:
        match_projects(now, then, current_file="本月.xlsx", previous_file="上月.xlsx")
    problem = caught.value.problems[0]
    assert "第7行" in problem.message and "第9行" in problem.message
    assert problem.file == "本月.xlsx" and problem.row == 5 and "上月.xlsx" in (problem.hint or "")


def test_two_current_rows_matching_one_previous_row_is_an_error_naming_both() -> None:
    now = [_p("南山县茶园项目", "南山县", 100, 40, row=4), _p("南山县茶园", "南山县", 100, 30, row=6)]
    with pytest.raises(InputError) as caught:
        match_projects(now, [_p("南山县茶园", "南山县", 100, 10, row=8)])
    message = caught.value.problems[0].message
    assert "第4行" in message and "第6行" in message and "第8行" in message


def test_only_in_one_period_is_reported_never_dropped() -> None:
    now = [_p("甲", "东城区", 100, 40), _p("新项目", "东城区", 100, 0, Stage.NOT_STARTED)]
    then = [_p("甲", "东城区", 100, 20), _p("调出项目", "东城区", 100, 50)]
    matching = match_projects(now, then)
    assert [p.name for p in matching.added] == ["新项目"]
    assert [p.name for p in matching.removed] == ["调出项目"]


# --- figures ------------------------------------------------------------------------------------

def _two_districts() -> tuple[Dossier, Dossier]:
    # May (41.7%): 东城区 甲 300/1000 + 乙 250/500 = 550/1500 = 36.7%; 西湖区 丙 400/1000 = 40.0%
    # April (33.3%): 东城区 甲 200 + 乙 100 = 300/1500 = 20.0%; 西湖区 丙 150 (前期→在建 in May) = 15.0%
    now = [_p("甲", "东城区", 1000, 300), _p("乙", "东城区", 500, 250), _p("丙", "西湖区", 1000, 400)]
    then = [_p("甲", "东城区", 1000, 200), _p("乙", "东城区", 500, 100),
            _p("丙", "西湖区", 1000, 150, Stage.PREPARATION)]
    return _dossier(MAY, now), _dossier(APRIL, then, "上月.xlsx")


def test_whole_ledger_change_by_hand() -> None:
    now, then = _two_districts()
    changes = compute_facts(now, previous=[then]).changes
    assert changes is not None
    o = changes.overall
    # completed 950 vs 450: 本月完成 500; rates 950/2500 = 38.0%, 450/2500 = 18.0% → +20.0 百分点
    assert o.completed_increase == D(500)
    assert (o.then.completion_rate, o.now.completion_rate, o.rate_change) == (D("18.0"), D("38.0"), D("20.0"))
    # gaps 18.0 − 33.3 = −15.3 and 38.0 − 41.7 = −3.7: narrowed by 11.6
    assert (o.then.gap_points, o.now.gap_points, o.gap_change) == (D("-15.3"), D("-3.7"), D("11.6"))
    assert o.started_change == 1 and changes.periods[0].progress == D("33.3")
    assert [c.now.name for c in changes.newly_started] == ["丙"]


def test_district_ranks_move_and_overtake() -> None:
    now, then = _two_districts()
    rows = compute_facts(now, previous=[then]).changes.rows("district")
    by_key = {row.key: row for row in rows}
    # April: 东城区 20.0% first, 西湖区 15.0% second; May: 西湖区 40.0% first, 东城区 36.7% second
    assert (by_key["西湖区"].rank_then, by_key["西湖区"].rank_now, by_key["西湖区"].rank_move) == (2, 1, 1)
    assert (by_key["东城区"].rank_then, by_key["东城区"].rank_now, by_key["东城区"].rank_move) == (1, 2, -1)
    assert by_key["西湖区"].rate_change == D("25.0") and by_key["东城区"].rate_change == D("16.7")
    assert by_key["东城区"].completed_increase == D(250)


def test_ranks_with_ties() -> None:
    # May: A 50.0%, B 50.0%, C 40.0% → ranks 1, 1, 3; April: C 30.0%, A 20.0%, B 20.0% → 1, 2, 2
    now = _dossier(MAY, [_p("a", "A", 100, 50), _p("b", "B", 100, 50), _p("c", "C", 100, 40)])
    then = _dossier(APRIL, [_p("a", "A", 100, 20), _p("b", "B", 100, 20), _p("c", "C", 100, 30)])
    rows = {r.key: r for r in compute_facts(now, previous=[then]).changes.rows("district")}
    assert [(k, rows[k].rank_then, rows[k].rank_now, rows[k].rank_move) for k in "ABC"] == [
        ("A", 2, 1, 1), ("B", 2, 1, 1), ("C", 1, 3, -2)]


def test_a_group_new_this_period_has_no_previous_figures() -> None:
    now = _dossier(MAY, [_p("a", "A", 100, 50), _p("n", "新区", 100, 10)])
    then = _dossier(APRIL, [_p("a", "A", 100, 30)])
    rows = {r.key: r for r in compute_facts(now, previous=[then]).changes.rows("district")}
    new = rows["新区"]
    assert new.then is None and new.rate_change is None and new.rank_move is None and new.rank_now == 2


def test_laggards_new_cleared_and_continuing() -> None:
    # threshold 10: behind when the rate is below 31.7% in May, below 23.3% in April
    now = _dossier(MAY, [_p("连续", "A", 100, 20), _p("新增", "A", 100, 30), _p("摘帽", "A", 100, 40)])
    then = _dossier(APRIL, [_p("连续", "A", 100, 10), _p("新增", "A", 100, 25), _p("摘帽", "A", 100, 20)])
    changes = compute_facts(now, previous=[then]).changes
    assert [s.laggard.project.name for s in changes.continuing] == ["连续"]
    assert [s.periods for s in changes.continuing] == [2]
    assert [lag.project.name for lag in changes.new_laggards] == ["新增"]
    assert [p.name for p in changes.cleared] == ["摘帽"]


def test_consecutive_laggard_count_over_three_ledgers() -> None:
    # below 31.7% (May), 23.3% (April), 15.0% (March): 三期 lags all three, 两期 May and April only,
    # 断档 lagged in March and May but not April (the count restarts: 1 period, new)
    may = _dossier(MAY, [_p("三期", "A", 100, 10), _p("两期", "A", 100, 20), _p("断档", "A", 100, 30)])
    april = _dossier(APRIL, [_p("三期", "A", 100, 5), _p("两期", "A", 100, 20), _p("断档", "A", 100, 25)])
    march = _dossier(MARCH, [_p("三期", "A", 100, 2), _p("两期", "A", 100, 20), _p("断档", "A", 100, 10)])
    changes = compute_facts(may, previous=[march, april]).changes
    assert [(s.laggard.project.name, s.periods) for s in changes.continuing] == [("三期", 3), ("两期", 2)]
    assert [lag.project.name for lag in changes.new_laggards] == ["断档"]
    assert [p.as_of for p in changes.periods] == [MARCH, APRIL]


def test_consecutive_count_follows_renamed_projects_back() -> None:
    may = _dossier(MAY, [_p("丁项目（一期）", "A", 100, 10)])
    april = _dossier(APRIL, [_p("丁项目(一期)", "A", 100, 5)])
    march = _dossier(MARCH, [_p("丁 项目 (一期)", "A", 100, 2)])
    assert compute_facts(may, previous=[march, april]).changes.continuing[0].periods == 3


def test_completed_going_down_is_a_warning_naming_the_project() -> None:
    now = _dossier(MAY, [_p("更正", "A", 100, 30, row=6)])
    then = _dossier(APRIL, [_p("更正", "A", 100, 45)])
    facts = compute_facts(now, previous=[then])
    assert [c.now.name for c in facts.changes.decreased] == ["更正"]
    warning = next(w for w in facts.warnings if "减少" in w.message)
    assert "“更正”完成投资由上期的45万元减少为30万元" in warning.message
    assert warning.severity == "warning" and warning.row == 6


def test_a_group_document_has_its_own_share_of_the_changes() -> None:
    now, then = _two_districts()
    facts = facts_for_group(now, "district", "西湖区", previous=[then])
    changes = facts.changes
    assert changes is not None and changes.overall.key == "西湖区" and changes.overall.rank_move == 1
    assert [c.now.name for c in changes.projects] == ["丙"]
    assert [c.now.name for c in changes.newly_started] == ["丙"]


def test_no_previous_no_changes() -> None:
    now, _ = _two_districts()
    assert compute_facts(now).changes is None
