"""Ledgers unlike the example: no annual plan, one district, ahead late in the year, nothing
started, one laggard, one project, tied districts … Each test reads the drafted text for the
phrase a secretary would strike out (regressions of the review of unusual ledgers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal as D

import pytest

from compose_checks import BLAME, PRAISE, body, problems
from speechgen.compose import FRAMES, compose
from speechgen.compose.flags import compute_flags
from speechgen.errors import InputError
from speechgen.facts import compute_facts
from speechgen.facts.types import Facts
from speechgen.model import Dossier, Meeting, Project, Stage

TOWNS = ("城关镇", "河西镇", "青石乡", "东岭镇")
BUILDING, PREP = Stage.UNDER_CONSTRUCTION, Stage.PREPARATION


def county(as_of: dt.date = dt.date(2026, 5, 31), **changes: object) -> Meeting:
    """Return a county meeting (青山县, 全县重点项目推进会), meeting five days after the data."""
    values: dict[str, object] = {"region": "青山县", "level": "县", "meeting": "全县重点项目推进会",
                                 "date": as_of + dt.timedelta(days=5), "as_of": as_of}
    values.update(changes)
    return Meeting(**values)  # type: ignore[arg-type]


def project(name: str, town: str, plan: str, done: str, *, stage: Stage = BUILDING,
            leader: str | None = "王军（副县长）", owner: str | None = None,
            start: dt.date | None = None, problem: str | None = None) -> Project:
    return Project(name=name, district=town, owner=owner or f"{town}人民政府", leader=leader,
                   total=D(plan) * 3, annual_plan=D(plan), completed=D(done), status=stage,
                   planned_start=start, problem=problem)


def facts_of(projects: Iterable[Project], meeting: Meeting | None = None) -> Facts:
    return compute_facts(Dossier(meeting=meeting or county(), projects=tuple(projects), source="test"))


def even(done: str = "4000", plan: str = "10000", towns: tuple[str, ...] = TOWNS, per_town: int = 2) -> list[Project]:
    """Return ``per_town`` projects in each town, all with the same plan and completion."""
    return [project(f"{t}项目{i}", t, plan, done) for t in towns for i in range(1, per_town + 1)]


def speeches(facts: Facts, seeds: Iterable[int] = range(1, 6)) -> list[str]:
    return [compose("speech", facts, frame=frame, seed=seed) for frame in sorted(FRAMES) for seed in seeds]


def all_documents(facts: Facts) -> list[str]:
    return [*speeches(facts), *(compose(kind, facts, seed=s) for kind in ("bulletin", "notice") for s in (1, 2))]


def absent(texts: Iterable[str], *phrases: str) -> None:
    for text in texts:
        found = [p for p in phrases if p in body(text)]
        assert not found, found
        assert problems(text) == []


# ── 1. no annual plan ───────────────────────────────────────────────────────────────────────


def test_a_ledger_without_annual_plan_is_refused_with_a_chinese_message() -> None:
    facts = facts_of([project("城关物流园", "城关镇", "0", "0", stage=PREP),
                      project("河西水厂", "河西镇", "0", "0", stage=Stage.NOT_STARTED)])
    for kind in ("speech", "bulletin", "notice"):
        with pytest.raises(InputError) as caught:
            compose(kind, facts)  # type: ignore[arg-type]
        message = str(caught.value)
        assert "年度计划投资合计为0" in message and "请填写各项目的年度计划投资" in message
        assert caught.value.problems[0].column == "年度计划投资"


def test_a_ledger_with_some_plan_is_drafted() -> None:
    facts = facts_of([project("城关物流园", "城关镇", "0", "0", stage=PREP), *even()])
    assert "同志们：" in compose("speech", facts)


# ── 2. bridges that presuppose what came before ─────────────────────────────────────────────


def test_no_bridge_to_problems_when_there_are_none() -> None:
    ahead = facts_of(even("5000"))  # 50.0% at 5月底: ahead, no laggard, no problem
    flags = compute_flags(ahead)
    assert {"ahead", "no_laggards"} <= flags and "has_problems" not in flags
    absent(speeches(ahead), "聚焦这些问题", "针对这些问题", "破解这些难题", "这些问题看似", "这些项目进度慢",
           "进度上的差距", "正视差距")


def test_no_praise_before_anything_has_started() -> None:
    waiting = facts_of([project(f"{t}新建项目", t, "9000", "0", stage=PREP, start=dt.date(2026, 5, 10))
                        for t in TOWNS], county(dt.date(2026, 3, 31)))
    assert "none_started" in compute_flags(waiting)
    texts = all_documents(waiting)
    absent(texts, "成绩来之不易", "完成投资0万元", "投资总量逐月增加", "进度余量", "早竣工", "各在建项目",
           "已开工0个")
    assert any("尚未完成投资" in t for t in texts)
    assert all("各项目都还没有到计划开工时间" in t for t in texts if "从项目层面看" in t)


def test_no_laggard_sentence_is_true_about_projects_not_yet_due() -> None:
    facts = facts_of([*even("4500"), project("城关新建项目", "城关镇", "9000", "0", stage=PREP,
                                               start=dt.date(2026, 8, 1))])
    text = compose("speech", facts, frame="cognition", seed=1)
    assert "除1个尚未到计划开工时间的项目外" in text
    assert "差距均在" not in text


# ── 3. one district ─────────────────────────────────────────────────────────────────────────

DISTRICT_PHRASES = ("完成率最高", "最低", "相对较低", "之间进展不平衡", "各地之间", "排名靠后的地方",
                    "走在了前面", "等地在抓项目", "分乡镇（街道）看", "从乡镇（街道）看",
                    "乡镇（街道）具体情况见附件", "# 附件 2026年")


@pytest.mark.parametrize("towns", [("城关镇",), ("青山县",)], ids=["one-town", "county-own-ledger"])
def test_one_district_names_no_best_or_worst(towns: tuple[str, ...]) -> None:
    facts = facts_of([*even("3000", towns=towns, per_town=3), project("拖后项目", towns[0], "10000", "900",
                                                                     problem="用地指标未落实")])
    assert "has_districts" not in compute_flags(facts)
    texts = all_documents(facts)
    absent(texts, *DISTRICT_PHRASES)
    notice = compose("notice", facts)
    assert "分赴各项目现场" in notice and "各乡镇（街道）" not in notice


def test_has_districts_needs_two_districts_with_a_rate() -> None:
    assert "has_districts" in compute_flags(facts_of(even("4000", towns=TOWNS[:2])))
    no_plan = project("河西规划项目", "河西镇", "0", "0", stage=PREP)
    assert "has_districts" not in compute_flags(facts_of([*even("4000", towns=TOWNS[:1]), no_plan]))


def test_tied_districts_are_not_ranked() -> None:
    facts = facts_of(even("4000"))
    assert {"has_districts", "districts_tied"} <= compute_flags(facts)
    texts = all_documents(facts)
    absent(texts, "完成率最高", "最低", "领跑全县", "排名靠后的地方", "走在了前面")
    assert "各乡镇（街道）完成率均为40.0%，均慢于时序进度" in compose("speech", facts, frame="cognition")


def test_districts_sharing_first_place_are_named_together() -> None:
    towns = [*even("4200", towns=TOWNS[:2]), *even("3000", towns=TOWNS[2:])]
    text = compose("speech", facts_of(towns), frame="cognition", seed=1)
    assert "城关镇和河西镇完成率最高，均为42.0%" in text


# ── 4. ahead, late and early in the year, one laggard, one project ──────────────────────────


def test_ahead_late_in_the_year_neither_blames_nor_says_first_half() -> None:
    late = facts_of(even("9000"), county(dt.date(2026, 10, 31)))  # 90.0% against 83.3%
    assert {"ahead", "late_year"} <= compute_flags(late)
    texts = all_documents(late)
    absent(texts, *BLAME, "上半年", "年中", "奋起直追", "追赶", "未开工项目较多", "差距均在")
    assert all("高出时序进度6.7个百分点" in t for t in texts if "时序进度" in t)


def test_slightly_behind_is_not_alarmed() -> None:
    facts = facts_of(even("4000"))  # 40.0% against 41.7%: 1.7 points behind
    assert "slightly_behind" in compute_flags(facts)
    absent(speeches(facts), "抢进度的任务还很重", "奋起直追", "危机感", "没有跑出应有的速度")


def test_early_in_the_year_with_many_projects_in_preparation() -> None:
    early = facts_of([*even("1500", towns=TOWNS[:2], per_town=1),
                      *(project(f"{t}前期项目{i}", t, "9000", "0", stage=PREP, start=dt.date(2026, 4, 1))
                        for t in TOWNS for i in (1, 2))], county(dt.date(2026, 2, 28)))
    assert {"early_year", "many_not_started"} <= compute_flags(early)
    absent(all_documents(early), "早竣工", "上半年", "年中", "已开工0个")


def test_all_started_does_not_urge_to_start() -> None:
    facts = facts_of(even("3900"))
    assert "all_started" in compute_flags(facts)
    absent(all_documents(facts), "决定项目开工快不快", "推动未开工项目", "未开工项目较多", "还有0个")


def test_one_laggard_is_not_several() -> None:
    lagging = project("河西镇道路工程", "河西镇", "10000", "1500", owner="县交通运输局", problem="征地拆迁未完成")
    facts = facts_of([*even("4200")[:-1], lagging])
    assert "single_laggard" in compute_flags(facts)
    texts = all_documents(facts)
    absent(texts, "部分项目进度滞后", "一些项目推进迟缓", "部分项目推进迟缓", "这些项目", "的1个项目", "1个滞后项目",
           "滞后的1个", "河西镇道路工程等", "有1个，即")
    speech = compose("speech", facts, frame="cognition", seed=1)
    assert "是唯一一个完成率落后时序进度10个百分点以上的项目" in speech
    assert "重点是进度滞后的河西镇道路工程" in compose("notice", facts)


def test_one_project_reads_as_one() -> None:
    facts = facts_of([project("青山县人民医院迁建", "城关镇", "20000", "5200", owner="县卫健局",
                              leader="李华（副县长）", problem="资金拨付滞后")])
    assert "single_project" in compute_flags(facts)
    texts = all_documents(facts)
    absent(texts, "共1个", "1个项目", "全部开工", "所有重点项目", "个别项目进度", "部分项目", "不是个别项目的问题",
           *DISTRICT_PHRASES)
    assert "重点项目为青山县人民医院迁建" in compose("bulletin", facts)
    assert "本次督查对象为青山县人民医院迁建" in compose("notice", facts)


def test_a_laggard_without_leader_is_named_with_its_unit_only() -> None:
    facts = facts_of([*even("4000"), project("青石乡污水管网", "青石乡", "4000", "300", leader=None,
                                              owner="青石乡人民政府")])
    for text in all_documents(facts):
        if "青石乡污水管网" in text:
            assert "青石乡污水管网（责任单位：青石乡人民政府）" in text or "| 青石乡污水管网 |" in text
            assert "包保领导：）" not in text and "包保领导：None" not in text


def test_problem_types_end_in_deng_only_when_cut_short() -> None:
    two = facts_of([*even("4200"), project("甲项目", "城关镇", "10000", "1000", problem="用地指标未落实"),
                    project("乙项目", "河西镇", "10000", "1000", problem="资金缺口")])
    absent(all_documents(two), "用地和资金等方面", "资金和用地等方面", "用地等方面", "资金等方面")


# ── 5. a county says 县 ──────────────────────────────────────────────────────────────────────


def test_county_documents_say_county() -> None:
    texts = all_documents(facts_of([*even("3000"), project("拖后项目", "城关镇", "10000", "500")]))
    absent(texts, "市政府", "市直", "市重点项目办", "全市", "市委")
    joined = "".join(texts)
    assert "县政府" in joined or "县重点项目办" in joined


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_praise_and_blame_follow_the_sign_in_a_county(frame: str) -> None:
    ahead, behind = facts_of(even("5000")), facts_of(even("2500"))
    for seed in range(1, 6):
        assert not [w for w in BLAME if w in compose("speech", ahead, frame=frame, seed=seed)]
        assert not [w for w in PRAISE if w in compose("speech", behind, frame=frame, seed=seed)]


def test_named_list_closes_with_deng_before_its_count() -> None:
    """Names ending in a digit ("东岭镇项目1") must not run into the count ("…项目25个项目")."""
    lagging = [project(f"东岭镇项目{i}", "东岭镇", "10000", "500") for i in range(1, 6)]
    facts = facts_of([*lagging, *even()])
    for text in speeches(facts, seeds=(1, 2)):
        assert "东岭镇项目4、东岭镇项目5等2个项目" in body(text)
