"""The built-in snippet library (snippets/*.yaml) against docs/snippets.md.

Independent of the engine (speechgen.compose): loads the YAML itself, renders every passage in
a sandboxed StrictUndefined Jinja environment, and checks that every role has passages for every
situation the facts can be in, so the chooser never comes back empty-handed.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest
import yaml
from jinja2 import StrictUndefined, meta
from jinja2.sandbox import SandboxedEnvironment

from shared_corpus import CORPUS, MISSING
from speechgen.paths import resource_dir

SNIPPETS = resource_dir("snippets")

# docs/snippets.md, "Roles": role -> carries a lead.
ROLES: dict[str, bool] = {
    "opening": False, "heard": False, "handoff": False, "achievements": False, "gaps": False,
    "awareness": True, "speed": True, "preparation": True, "investment_attraction": True,
    "factor_guarantee": True, "service": True, "responsibility": True, "supervision": True,
    "style_of_work": True, "safety_quality": True, "closing": False, "bulletin_lead": False,
    "bulletin_assessment": False, "bulletin_requirements": True, "notice_purpose": False,
    "notice_content": True, "notice_requirements": True, "supervision_opening": False,
    "supervision_requirements": True,
}
PROBLEM_TYPES = ("用地", "资金", "手续审批", "环评", "能耗", "征迁", "规划", "其他")
# docs/snippets.md, "Flags for when / unless".
FLAGS = frozenset({
    "ahead", "behind", "on_track", "far_behind", "slightly_behind", "many_not_started",
    "few_not_started", "all_started", "none_started", "has_laggards", "no_laggards",
    "single_laggard", "has_overdue", "has_problems", "has_reporters", "early_year", "mid_year",
    "late_year", "uneven", "has_districts", "districts_tied", "single_project",
    *(f"problem_{t}" for t in PROBLEM_TYPES),
})
KINDS = ("speech", "bulletin", "notice", "supervision", "sheet")
FILE_KEYS = {"role", "title", "passages"}
PASSAGE_KEYS = {"id", "kinds", "when", "unless", "lead", "text"}

# docs/snippets.md, "Context": every name, with values shaped like the spec's examples.
CONTEXT: dict[str, object] = {
    "region": "示例市", "scope": "全市", "level": "市", "gov": "市政府", "office": "市重点项目办",
    "meeting": "全市重点项目调度会",
    "speaker": "市长 李明", "reporters_text": "东城区、高新区和市发展改革委",
    "date_text": "2024年6月5日", "year": 2024, "as_of_text": "5月底", "period": "1—5月",
    "n_projects": 48, "n_started": 36, "n_not_started": 12, "n_preparation": 7,
    "n_unstarted": 5, "n_building": 30, "n_completed": 4, "n_operating": 2,
    "start_rate": "75.0%", "total_amount": "312.45亿元", "plan_amount": "126.8亿元",
    "completed_amount": "44.76亿元", "completion_rate": "35.3%", "schedule_rate": "41.7%",
    "gap_points": "6.4个百分点", "vs_schedule": "落后时序进度6.4个百分点", "n_districts": 6,
    "best_district": "东城区", "best_district_rate": "52.1%", "worst_district": "北山县",
    "worst_district_rate": "18.4%", "top_districts": "东城区、西湖区和南岗区",
    "bottom_districts": "北山县、南湖区和高新区", "n_districts_ahead": 2,
    "n_districts_behind": 4, "districts_ahead": "东城区和西湖区",
    "districts_behind": "南岗区、北山县、南湖区和高新区", "n_laggards": 9,
    "laggard_names": "城北污水处理厂、智能装备产业园、滨河路改造、人民医院门诊楼、物流园二期等",
    "n_overdue": 3, "overdue_names": "智能装备产业园、滨河路改造和物流园二期",
    "dominant_problem": "用地", "dominant_problem_count": 7,
    "problem_types_text": "用地、资金和手续审批等", "n_problem_projects": 15,
}

# Which document kinds must always find a passage of the role.
SPEECH_ONLY = {"opening", "heard", "handoff", "awareness", "closing"}
SPEECH_BULLETIN = {"achievements", "gaps", "speed", "preparation", "investment_attraction",
                   "factor_guarantee", "service", "responsibility", "supervision",
                   "style_of_work", "safety_quality"}
# Roles a template lists several times (一是/二是…, （一）（二）…) need more than one per draw.
MIN_MATCHES = {"bulletin_requirements": 4, "notice_content": 4, "notice_requirements": 4, "supervision_requirements": 3,
               "awareness": 3}

# A name that is empty, zero or meaningless unless one of these flags holds (when), or that is
# meaningless if the flag holds (unless: prefixed "!").
GUARDS: dict[str, set[str]] = {
    "reporters_text": {"has_reporters"},
    "laggard_names": {"has_laggards", "has_overdue"},
    "n_laggards": {"has_laggards", "has_overdue"},
    "overdue_names": {"has_overdue"}, "n_overdue": {"has_overdue"},
    "districts_behind": {"behind", "far_behind"}, "n_districts_behind": {"behind", "far_behind"},
    "districts_ahead": {"ahead"}, "n_districts_ahead": {"ahead"},
    "gap_points": {"ahead", "behind", "far_behind"},
    "n_not_started": {"many_not_started", "few_not_started", "!all_started"},
    "n_preparation": {"!all_started", "many_not_started"},
    "n_unstarted": {"!all_started", "many_not_started"},
    **{name: {"has_problems", *(f"problem_{t}" for t in PROBLEM_TYPES)}
       for name in ("dominant_problem", "dominant_problem_count", "problem_types_text",
                    "n_problem_projects")},
}
SPEECH_MARKERS = ("同志们", "我讲", "大家", "我们", "谢谢", "我的", "咱们")
PLACEHOLDERS = ("XX", "xx", "××", "某某", "*", "〇〇", "【", "】", "{{", "}}", "{%", "%}")
EXPR = re.compile(r"{{.*?}}|{%.*?%}", re.S)

ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


def _load() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted(SNIPPETS.glob("*.yaml"))}


LIBRARY = _load()
PASSAGES = [(role, p) for role, data in LIBRARY.items() for p in data["passages"]]


def _ids(items: list[tuple[str, dict]]) -> list[str]:
    return [p["id"] for _, p in items]


def _render(passage: dict) -> str:
    return ENV.from_string(passage["text"]).render(CONTEXT)


def _matches(passage: dict, flags: set[str], kind: str) -> bool:
    return (kind in passage.get("kinds", KINDS)
            and set(passage.get("when", ())) <= flags
            and not set(passage.get("unless", ())) & flags)


def test_library_size_and_roles() -> None:
    assert set(ROLES) <= set(LIBRARY), f"missing roles: {set(ROLES) - set(LIBRARY)}"
    assert len(LIBRARY) >= 15
    assert len(PASSAGES) >= 150
    for role in ROLES:  # frame-specific roles (frame_*.yaml) belong to their frame's templates
        assert len(LIBRARY[role]["passages"]) >= 7, role


@pytest.mark.parametrize("role", sorted(LIBRARY))
def test_file_schema(role: str) -> None:
    data = LIBRARY[role]
    assert set(data) == FILE_KEYS, role
    assert data["role"] == role
    assert isinstance(data["title"], str) and data["title"].strip()
    for n, p in enumerate(data["passages"], start=1):
        assert set(p) <= PASSAGE_KEYS, p["id"]
        assert p["id"] == f"{role}-{n:02d}"
        assert isinstance(p["text"], str) and "\n" not in p["text"], p["id"]
        assert set(p.get("kinds", KINDS)) <= set(KINDS), p["id"]
        when, unless = set(p.get("when", ())), set(p.get("unless", ()))
        assert when | unless <= FLAGS, (p["id"], (when | unless) - FLAGS)
        assert not when & unless, p["id"]
        assert ("lead" in p) == ROLES.get(role, "lead" in p), p["id"]


def test_ids_unique() -> None:
    ids = _ids(PASSAGES)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("role", "passage"), PASSAGES, ids=_ids(PASSAGES))
def test_passage_renders_clean(role: str, passage: dict) -> None:
    text = _render(passage)
    literal = EXPR.sub("", passage["text"])
    assert not re.search(r"[0-9０-９]", literal), "a figure typed into the passage"
    for mark in PLACEHOLDERS:
        assert mark not in text, mark
    assert not re.search(r"[ \t,;:?!()\"'\[\]]", text), "half-width punctuation or space"
    assert text.endswith(("。", "：")), text[-5:]
    assert text.count("“") == text.count("”")
    assert text.count("（") == text.count("）")
    names = meta.find_undeclared_variables(ENV.parse(passage["text"]))
    assert names <= set(CONTEXT), names - set(CONTEXT)


@pytest.mark.parametrize(("role", "passage"), PASSAGES, ids=_ids(PASSAGES))
def test_names_only_under_their_flags(role: str, passage: dict) -> None:
    when, unless = set(passage.get("when", ())), set(passage.get("unless", ()))
    implied = when | ({"has_problems"} if any(f.startswith("problem_") for f in when) else set())
    for name in meta.find_undeclared_variables(ENV.parse(passage["text"])):
        guard = GUARDS.get(name)
        if guard is None:
            continue
        ok = implied & guard or any(g[1:] in unless for g in guard if g.startswith("!"))
        assert ok, f"{name} used without one of {sorted(guard)}"


@pytest.mark.parametrize("role", [r for r, lead in ROLES.items() if lead])
def test_leads_join_naturally(role: str) -> None:
    for p in LIBRARY[role]["passages"]:
        lead, text = p["lead"], p["text"]
        assert 2 <= len(lead) <= 16 and not re.search(r"[。，；：！？、.,;:]$", lead), p["id"]
        assert not text.startswith(lead), f"{p['id']} restates its lead"
        assert not re.match(r"[一二三四五六]是|（[一二三四五六]）|第[一二三四五六]", text), p["id"]


def test_official_register_outside_speeches() -> None:
    for _role, p in PASSAGES:
        if set(p.get("kinds", KINDS)) & {"bulletin", "notice"}:
            found = [m for m in SPEECH_MARKERS if m in p["text"]]
            assert not found, f"{p['id']} speaks like a speech: {found}"


def test_handoff_announces_three_parts() -> None:
    for p in LIBRARY["handoff"]["passages"]:
        assert re.search(r"三(点|个方面|条)", p["text"]), p["id"]
        assert not re.search(r"[两二四五六]点|[两二四五六]个方面", p["text"]), p["id"]


def test_heard_names_reporters_only_when_there_are_some() -> None:
    for p in LIBRARY["heard"]["passages"]:
        named = "reporters_text" in p["text"]
        assert named == ("has_reporters" in p.get("when", ())), p["id"]


def test_openings_vary_within_a_role() -> None:
    for role in ROLES:
        data = LIBRARY[role]
        starts = Counter(_render(p).removeprefix("同志们，")[:2] for p in data["passages"])
        word, count = starts.most_common(1)[0]
        assert count * 2 <= len(data["passages"]), f"{role}: {count} passages start {word}"


def _combinations() -> list[set[str]]:
    schedule = [{"ahead"}, {"on_track"}, {"behind"}, {"behind", "slightly_behind"}, {"behind", "far_behind"}]
    starts = [{"many_not_started"}, {"many_not_started", "none_started"}, set(), {"few_not_started"},
              {"all_started"}]
    laggards = [{"no_laggards"}, {"has_laggards"}, {"has_laggards", "single_laggard"},
                {"has_laggards", "has_overdue"}, {"has_laggards", "has_overdue", "single_laggard"}]
    problems = [set()] + [{"has_problems", f"problem_{t}"} for t in PROBLEM_TYPES]
    reporters = [set(), {"has_reporters"}]
    year = [{"early_year"}, {"mid_year"}, {"late_year"}]
    districts = [set(), {"has_districts"}, {"has_districts", "districts_tied"}, {"has_districts", "uneven"}]
    size = [set(), {"single_project"}]
    combos = []
    for parts in itertools.product(schedule, starts, laggards, problems, reporters, year, districts, size):
        flags = set().union(*parts)
        if {"all_started", "has_overdue"} <= flags:  # an overdue project is unstarted
            continue
        if "single_project" in flags and (
            "has_districts" in flags  # one project, one district
            or ("has_laggards" in flags and "single_laggard" not in flags)
            or not flags & {"all_started", "none_started"}
        ):
            continue
        combos.append(flags)
    return combos


COMBINATIONS = _combinations()


def _required_kinds(role: str) -> tuple[str, ...]:
    if role in SPEECH_ONLY:
        return ("speech",)
    if role in SPEECH_BULLETIN:
        return ("speech", "bulletin")
    return (role.split("_")[0],)  # bulletin_* / notice_*


@pytest.mark.parametrize("role", sorted(ROLES))
def test_every_situation_finds_passages(role: str) -> None:
    need = MIN_MATCHES.get(role, 2)
    passages = LIBRARY[role]["passages"]
    for kind in _required_kinds(role):
        for flags in COMBINATIONS:
            found = [p["id"] for p in passages if _matches(p, flags, kind)]
            assert len(found) >= need, f"{role}/{kind}: {sorted(flags)} -> {found}"


@pytest.mark.parametrize("role", sorted(ROLES))
def test_each_schedule_state_has_a_passage_of_its_own(role: str) -> None:
    """Apart from neutral passages, the situations that change the tone are written for."""
    if role in {"handoff", "notice_content", "notice_requirements", "bulletin_lead"}:
        return
    conditioned = [set(p.get("when", ())) for p in LIBRARY[role]["passages"]]
    assert any({"behind", "far_behind"} & w for w in conditioned), role


def test_problem_types_have_their_own_passages() -> None:
    for role in ("factor_guarantee", "gaps"):
        whens = [set(p.get("when", ())) for p in LIBRARY[role]["passages"]]
        for t in PROBLEM_TYPES[:-1]:
            assert any(f"problem_{t}" in w for w in whens), (role, t)


def test_praise_only_when_ahead() -> None:
    praise = ("成绩来之不易", "值得充分肯定", "良好态势", "良好势头", "进展顺利", "进展较好",
              "好的势头", "保持领先", "跑在了")
    for _role, p in PASSAGES:
        when, unless = set(p.get("when", ())), set(p.get("unless", ()))
        hits = [w for w in praise if w in p["text"]]
        if hits and "ahead" not in when:
            # allowed only where being ahead is denied outright (e.g. "没有形成领先优势")
            assert "on_track" in when or "behind" in when or "behind" in unless, (p["id"], hits)
            assert re.search(r"没有形成|尚未形成|还没有形成|不等于|只是|巩固", p["text"]), p["id"]




@pytest.mark.skipif(CORPUS is None, reason=MISSING)
def test_nothing_copied_from_the_corpus() -> None:
    def chinese(s: str) -> str:
        return re.sub(r"[^\u4e00-\u9fff]", "", s)

    corpus = chinese("".join(p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")))
    window = 10
    grams = {corpus[i:i + window] for i in range(len(corpus) - window + 1)}
    for _role, p in PASSAGES:
        for piece in EXPR.split(p["text"]):
            piece = chinese(piece)
            copied = [piece[i:i + window] for i in range(len(piece) - window + 1)
                      if piece[i:i + window] in grams]
            assert not copied, (p["id"], copied[:3])


# Names that compare districts mean nothing with fewer than two districts (has_districts); the
# best and the worst are the same districts when every district has one rate (districts_tied).
DISTRICT_NAMES = {"best_district", "best_district_rate", "worst_district", "worst_district_rate",
                  "top_districts", "bottom_districts", "districts_ahead", "districts_behind",
                  "n_districts_ahead", "n_districts_behind"}
RANKED_NAMES = {"best_district", "best_district_rate", "worst_district", "worst_district_rate",
                "top_districts", "bottom_districts"}


@pytest.mark.parametrize(("role", "passage"), PASSAGES, ids=_ids(PASSAGES))
def test_district_names_only_with_two_districts(role: str, passage: dict) -> None:
    names = meta.find_undeclared_variables(ENV.parse(passage["text"]))
    when, unless = set(passage.get("when", ())), set(passage.get("unless", ()))
    if names & DISTRICT_NAMES:
        assert when & {"has_districts", "uneven"}, "compares districts without has_districts"
    if names & RANKED_NAMES:
        assert "uneven" in when or "districts_tied" in unless, "names a best or worst that may be tied"


def test_no_single_name_followed_by_deng() -> None:
    """"甲等地" after one name reads as if there were more: lists carry their own 等."""
    listed = ("best_district", "worst_district", "top_districts", "bottom_districts", "districts_ahead",
              "districts_behind", "problem_types_text", "laggard_names", "overdue_names")
    pattern = re.compile(r"\{\{ (" + "|".join(listed) + r") \}\}等")
    for _role, p in PASSAGES:
        assert not pattern.search(p["text"]), p["id"]


def test_no_city_level_words_written_in() -> None:
    """市政府/市直/全市… come from gov, office, level and scope, so county documents say 县."""
    for _role, p in PASSAGES:
        literal = EXPR.sub("", p["text"])
        assert not re.search(r"市(政府|委|直|重点|级)|全市|县(政府|委|直)|全县", literal), p["id"]


def test_counts_of_one_read_naturally() -> None:
    """A count that may be 1 is not printed as "对进度滞后的1个项目": passages print it only when >1."""
    for _role, p in PASSAGES:
        for name in ("n_laggards", "n_overdue"):
            for match in re.finditer(r"\{\{ " + name + r" \}\}个", p["text"]):
                before = p["text"][:match.start()]
                assert before.rfind("{% if " + name + " > 1 %}") > before.rfind("{% endif %}"), p["id"]
