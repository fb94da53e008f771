"""问题分类: counts by type, most frequent first, ties in the fixed type order."""

import datetime as dt
from decimal import Decimal as D

from speechgen.facts import compute_facts
from speechgen.facts.problems import problem_types
from speechgen.model import Dossier, Meeting, Project, Stage

MEETING = Meeting(region="示例市", meeting="全市重点项目调度会", date=dt.date(2024, 6, 5), as_of=dt.date(2024, 5, 31))


def project(name: str, problem_type: str | None = None, problem: str | None = None) -> Project:
    return Project(name=name, district="东城区", owner="东城区发改局", total=D(100), annual_plan=D(10),
                   completed=D(5), status=Stage.UNDER_CONSTRUCTION, problem_type=problem_type, problem=problem)


def counts(*projects: Project) -> list[tuple[str, int, tuple[str, ...]]]:
    facts = compute_facts(Dossier(meeting=MEETING, projects=projects))
    return [(p.problem_type, p.count, p.projects) for p in facts.problems]


def test_most_frequent_first_then_fixed_order() -> None:
    assert counts(
        project("甲", "其他"), project("乙", "规划"), project("丙", "资金"), project("丁", "用地"),
        project("戊", "资金"), project("己", "手续审批"), project("庚"),
    ) == [
        ("资金", 2, ("丙", "戊")),
        ("用地", 1, ("丁",)),
        ("手续审批", 1, ("己",)),
        ("规划", 1, ("乙",)),
        ("其他", 1, ("甲",)),
    ]


def test_dominant_problem() -> None:
    facts = compute_facts(Dossier(meeting=MEETING, projects=(project("甲", "征迁"), project("乙", "征迁"))))
    assert facts.dominant_problem is not None and facts.dominant_problem.problem_type == "征迁"
    assert compute_facts(Dossier(meeting=MEETING, projects=(project("甲"),))).dominant_problem is None


def test_several_types_in_one_cell_count_once_each() -> None:
    assert problem_types(project("甲", "资金、用地")) == ("用地", "资金")
    assert problem_types(project("甲", "资金；资金")) == ("资金",)
    assert counts(project("甲", "用地/资金"), project("乙", "资金")) == [
        ("资金", 2, ("甲", "乙")), ("用地", 1, ("甲",))]


def test_variants_of_the_fixed_types() -> None:
    assert problem_types(project("甲", "审批手续")) == ("手续审批",)
    assert problem_types(project("甲", "资金短缺")) == ("资金",)
    assert problem_types(project("甲", "土地")) == ("用地",)
    assert problem_types(project("甲", "电力增容")) == ("电力增容",)  # kept as written, before 其他


def test_type_inferred_from_the_problem_text_when_type_is_empty() -> None:
    assert problem_types(project("甲", problem="用地指标尚未落实")) == ("用地",)
    assert problem_types(project("甲", problem="环评手续未批复")) == ("环评",)
    assert problem_types(project("甲", problem="施工许可证未办理")) == ("手续审批",)
    assert problem_types(project("甲", problem="土地征收补偿未谈妥")) == ("征迁",)
    assert problem_types(project("甲", problem="企业负责人变更")) == ("其他",)


def test_no_problem_words() -> None:
    for text in ("无", "暂无", "无。", " — ", "/", ""):
        assert problem_types(project("甲", problem=text)) == ()
        assert problem_types(project("甲", problem_type=text)) == ()


def test_custom_type_sorts_before_other() -> None:
    assert [t for t, *_ in counts(project("甲", "其他"), project("乙", "电力增容"), project("丙", "能耗"))] == [
        "能耗", "电力增容", "其他"]


def test_a_problem_text_naming_two_types_counts_for_each() -> None:
    """存在问题 "资金、用地" with no 问题类型: both types, not 用地 alone (issue 9.5)."""
    assert counts(project("甲", problem="资金、用地"), project("乙", problem="资金缺口较大")) == [
        ("资金", 2, ("甲", "乙")), ("用地", 1, ("甲",))]
