"""Issue 10's review, as tests: on each scenario ledger, what a draft must say and what it must
never say — no praise of a unit behind, no 追赶 for a unit ahead, no 具备开工条件 for a project
with a recorded problem, no trend without a series, 持平 reported, ties kept, the season's
words, the right collective noun, people as they are spoken of, no bracketed labels."""

from __future__ import annotations

import datetime as dt
import functools
import re

import pytest

from compose_checks import body, leads, parts, problems
from compose_scenarios import SCENARIOS, _facts, example_dossier
from speechgen.compose import FRAMES, compose, load_library
from speechgen.compose.claims import CLAIMS
from speechgen.compose.observe import observe
from speechgen.compose.wording import every_wording, parse_wording
from speechgen.zh.people import written_person

SEEDS = (1, 2, 3)
SENTENCE = re.compile(r"[^。！？；]+")


@functools.cache
def speeches(name: str) -> tuple[str, ...]:
    facts = SCENARIOS[name]()
    return tuple(compose("speech", facts, frame=frame, seed=seed) for frame in sorted(FRAMES) for seed in SEEDS)


@functools.cache
def documents(name: str) -> tuple[str, ...]:
    facts = SCENARIOS[name]()
    return speeches(name) + tuple(compose(kind, facts, seed=seed) for kind in ("bulletin", "notice")
                                  for seed in (1, 2))


def prose(text: str) -> list[str]:
    main = body(text).split("\n# 附件")[0]
    return [line for line in main.split("\n") if line.strip() and not line.startswith(("#", "|"))]


def sentences(text: str) -> list[str]:
    return [s for line in prose(text) for s in SENTENCE.findall(line)]


def unit_names(name: str) -> set[str]:
    return {g.key for g in SCENARIOS[name]().by_district}


def units(name: str, record: str) -> set[str]:
    found = observe(SCENARIOS[name]()).records.get(record)
    return {item["name"] for item in found["items"]} if found else set()


PRAISE = [w for claim in CLAIMS if claim.kind in ("表扬", "表扬地方") for w in claim.words]
CATCH_UP = ("追赶", "赶上来", "奋起直追", "迎头赶上", "落后时序进度", "慢于时序进度", "低于时序进度",
            "没有达到时序进度", "没有跟上时序进度", "落在时序进度后面")


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_no_praise_of_a_unit_behind_and_no_catch_up_for_a_unit_ahead(name: str) -> None:
    every = unit_names(name)
    ahead, behind = units(name, "units_ahead"), units(name, "units_behind")
    # project and unit names contain unit names (高新区人才公寓): take them out first
    others = sorted({n for p in SCENARIOS[name]().projects for n in (p.name, p.owner)}, key=len, reverse=True)
    for text in documents(name):
        for sentence in sentences(text):
            for other in others:
                sentence = sentence.replace(other, "某项目")
            named = {u for u in every if u in sentence}
            if any(w in sentence for w in PRAISE):
                assert named <= ahead, sentence
            if any(w in sentence for w in CATCH_UP) and not any(w in sentence for w in ("快于", "高于", "高出")):
                assert named <= behind, sentence


@pytest.mark.parametrize("name", ["example", "february", "majority", "one_project", "november"])
def test_no_praise_while_behind(name: str) -> None:
    """Behind 时序进度, praise is only of what is done (竣工/投产) or of units ahead, by name."""
    overall = [w for claim in CLAIMS if claim.kind == "表扬" for w in claim.words]
    ahead = units(name, "units_ahead")
    for text in speeches(name):
        found = [s for s in sentences(text) if any(w in s for w in overall)]
        assert all(re.search("竣工|投产|建成", s) or (ahead and any(u in s for u in ahead)) for s in found), found


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_only_projects_without_a_recorded_problem_are_called_ready(name: str) -> None:
    facts = SCENARIOS[name]()
    obs = observe(facts)
    ready = {p.name for p in facts.projects if not p.status.started} - {
        n for problem in facts.problems for n in problem.projects}
    names = {p.name for p in facts.projects}
    for text in documents(name):
        for sentence in sentences(text):
            if "具备开工条件" in sentence:
                assert "ready_to_start" in obs.names, sentence
                assert {n for n in names if n in sentence} <= ready, sentence


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_claims_the_ledger_cannot_back_are_never_made(name: str) -> None:
    never = ("逐月增加", "同比", "得不到解决", "主观努力不够", "放在成绩里", "讲这个数字", "接近完工",
             "即将竣工", "招商引资")
    for text in documents(name):
        found = [w for w in never if w in body(text)]
        assert not found, found
        assert problems(text) == []


@pytest.mark.parametrize("name", ["one_project", "county_two_units", "february"])
def test_no_completion_measure_without_completed_projects(name: str) -> None:
    assert not {p.status.value for p in SCENARIOS[name]().projects} & {"竣工", "投产"}, "a ledger without any"
    for text in documents(name):
        assert not re.search("竣工|投产|完工|达产", body(text).split("# 附件")[0]), name


def _leads_of(role: str) -> set[str]:
    return {w for p in load_library().for_role(role) for w in every_wording(p.lead_segments or parse_wording(p.lead))}


def test_many_not_started_puts_starting_first() -> None:
    """2月底 with 31 of 50 not started: the first measure is about 开工, and the season's words come."""
    start = _leads_of("start_works")
    for seed in SEEDS:
        text = compose("speech", SCENARIOS["february"](), frame="cognition", seed=seed)
        measures = leads(parts(text)[1][1])
        assert measures[0][1] in start, measures
        assert re.search("集中开工|开门红|一季度", body(text))


def test_the_top_problem_is_answered_by_the_department_that_owns_it() -> None:
    for text in speeches("example"):
        assert "自然资源和规划部门" in body(text)


def test_tied_problem_types_are_all_named() -> None:
    for text in speeches("tied_problems"):
        assert re.search("用地、资金和手续审批(问题|这三类问题|这三个方面)各涉及4个项目",
                         body(text)), "ties kept"
        assert "财政部门和金融机构" in body(text) and "自然资源和规划部门" in body(text)


def test_no_tied_type_is_called_the_most_alone() -> None:
    """With 用地, 资金 and 手续审批 tied, no sentence calls one of them the most reported (最多,
    最集中, 最大制约…) without the others."""
    tied = ("用地", "资金", "手续审批")
    for text in documents("tied_problems"):
        for sentence in sentences(text):
            named = [t for t in tied if t in sentence]
            if len(named) == 1:
                assert not re.search("最多|最突出|最集中|最大制约|排在第一位|首位", sentence), sentence


def test_three_keys_follow_the_data() -> None:
    attraction = _leads_of("investment_attraction")
    for name in ("example", "february", "november"):
        for seed in SEEDS:
            keys = leads(parts(compose("speech", SCENARIOS[name](), frame="three_x", seed=seed))[1][1])
            assert not {lead for _, lead in keys} & attraction


def test_a_unit_exactly_on_schedule_is_reported() -> None:
    for text in documents("unit_level")[:-2]:  # speeches and bulletins compare the units
        assert any("东城区" in line and "持平" in line for line in prose(text)), "东城区与时序进度持平"


def test_more_than_half_lagging_is_said() -> None:
    for text in speeches("majority"):
        assert re.search("超过一半|一半以上|一多半", body(text))


def test_a_low_start_rate_is_singled_out() -> None:
    for text in speeches("low_start"):
        assert "青河县" in body(text) and "14.3%" in body(text)


def test_the_year_end_says_what_remains() -> None:
    for text in documents("november")[:9]:
        assert re.search(r"12月还[需要]完成投资26\.17亿元", body(text)), "12月还需完成…"
    for text in speeches("november"):
        assert "上半年" not in body(text) and "年中" not in body(text)


@pytest.mark.parametrize("name", ["example", "june"])
def test_june_says_double_half(name: str) -> None:
    for text in speeches(name):
        assert re.search("双过半|任务过半|年度计划的一半", body(text))


def test_a_development_zone_is_no_town() -> None:
    for text in documents("county_two_units"):
        main = "\n".join(prose(text))
        assert not re.search(r"\d个乡镇|各乡镇（街道）|乡镇（街道）之间", main), main


def test_the_speaker_starts_with_his_own_projects() -> None:
    for text in speeches("speaker_lagging"):
        assert "我包保的" in body(text)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_speeches_name_people_as_spoken(name: str) -> None:
    written = {written_person(p.leader) for p in SCENARIOS[name]().projects if p.leader and "（" in p.leader}
    for text in speeches(name):
        assert "责任单位：" not in text and "包保领导：" not in text
        assert not [w for w in written if w in body(text)], "副市长赵文清 is written order; a speech says 赵文清副市长"


def test_a_leader_without_title_is_comrade() -> None:
    said = [t for t in speeches("county_two_units") if "城关镇农贸市场" in t]
    assert said and all("吴敏同志" in t for t in said)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_no_paragraph_starts_mid_sentence_or_ends_without_punctuation(name: str) -> None:
    for text in documents(name):
        for line in prose(text):
            assert not re.match(r"[也，、；：]|完成率也|也存在", line), line[:20]
            assert line.endswith(("。", "：", "！", "？")), line[-20:]


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_no_sentence_said_twice(name: str) -> None:
    """Two passages with the same advice do not both say it: a draft repeats no sentence of
    eight characters or more (figures and names aside, sentences that are the same word for word)."""
    for text in documents(name):
        said = [re.sub(r"[^\u4e00-\u9fff]", "", s) for s in sentences(text)]
        said = [s for s in said if len(s) >= 8]
        twice = sorted({s for s in said if said.count(s) > 1})
        assert not twice, twice[:3]


@pytest.mark.parametrize("length", ["short", "normal", "long"])
@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_units_far_behind_get_a_named_instruction_with_a_deadline(name: str, length: str) -> None:
    """Every unit more than 10 百分点 behind is named in a point that gives it a deadline (the
    meeting file's, else the end of the next month), in every frame and at every length."""
    facts = SCENARIOS[name]()
    far = units(name, "units_far")
    if not far:
        return
    due = observe(facts).records["deadline"]["text"]
    for frame in sorted(FRAMES):
        text = compose("speech", facts, frame=frame, seed=1, length=length)
        named = [p for p in prose(text) if p.startswith("**") and due in p and all(u in p for u in far)]
        assert named, (frame, sorted(far), due)


def test_the_meeting_file_s_deadline_is_the_one_given() -> None:
    given = _facts(example_dossier(), deadline=dt.date(2026, 6, 25))
    for frame in sorted(FRAMES):
        text = compose("speech", given, frame=frame, seed=1)
        assert "6月25日" in text and "7月底" not in text, frame
