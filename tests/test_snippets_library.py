"""The built-in snippet library (snippets/*.yaml) against docs/snippets.md.

Loads the YAML itself and renders every wording of every passage (each option of each
"[…|…]" at least once) in a sandboxed StrictUndefined Jinja environment, with records the
observations of the scenario ledgers produce; checks the schema, the register and the rules
docs/snippets.md sets for what a passage may presuppose.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
import yaml
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from compose_scenarios import SCENARIOS
from shared_corpus import CORPUS, MISSING
from speechgen.compose.chooser import as_record
from speechgen.compose.context import build_context
from speechgen.compose.filters import FILTERS
from speechgen.compose.library import PLAIN_ROLES, POINT_ROLES
from speechgen.compose.observe import NAMES, observe
from speechgen.compose.vetting import join_text, normalize_text
from speechgen.compose.wording import every_wording, parse_wording
from speechgen.paths import resource_dir

SNIPPETS = resource_dir("snippets")
KINDS = ("speech", "bulletin", "notice", "supervision", "sheet")
FILE_KEYS = {"role", "title", "passages"}
PASSAGE_KEYS = {"id", "kinds", "needs", "unless", "lead", "text"}
SPEECH_MARKERS = ("同志们", "我讲", "大家", "我们", "谢谢", "我的", "咱们")
PLACEHOLDERS = ("XX", "xx", "××", "某某", "*", "〇〇", "【", "】", "{{", "}}", "{%", "%}")
EXPR = re.compile(r"{{.*?}}|{%.*?%}", re.S)
ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
ENV.filters.update(FILTERS)
# roles whose text is one clause of a sentence another passage finishes
CLAUSES = {"say_lag_item"}


def _load() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(SNIPPETS.glob("*.yaml"))}


LIBRARY = _load()
PASSAGES = [(role, p) for role, data in LIBRARY.items() for p in data["passages"]]


def _ids(items: list[tuple[str, dict]]) -> list[str]:
    return [p["id"] for _, p in items]


def _context() -> dict[str, Any]:
    """Every record some scenario has (the first scenario's), the flat names, and one item of each
    local kind."""
    context: dict[str, Any] = {}
    items: dict[str, Any] = {}
    for make in SCENARIOS.values():
        facts = make()
        obs = observe(facts)
        context = {**build_context(facts), **context}
        for name, record in obs.records.items():
            context.setdefault(name, as_record(name, {**record, "lines": ("甲项目原计划4月开工，至今仍未开工",) * 2,
                                                       "rest": "此外，乙项目也已过计划开工时间仍未开工。"}
                                                 if name == "laggards" else record))
        for local in (*obs.laggards, *obs.focuses):
            for name, record in local.records.items():
                items.setdefault(name, as_record(name, record))
    context.setdefault("rest", as_record("rest", {"subject": "甲、乙等2个项目", "count": 2}))
    return {**context, **items}


CONTEXT = _context()


def _wordings(passage: dict) -> list[str]:
    return every_wording(parse_wording(normalize_text(join_text(passage["text"]) or "")))


def test_library_size_and_roles() -> None:
    assert set(LIBRARY) == POINT_ROLES | PLAIN_ROLES, sorted(set(LIBRARY) ^ (POINT_ROLES | PLAIN_ROLES))
    assert len(PASSAGES) >= 380


@pytest.mark.parametrize("role", sorted(LIBRARY))
def test_file_schema(role: str) -> None:
    data = LIBRARY[role]
    assert set(data) == FILE_KEYS, role
    assert data["role"] == role
    assert isinstance(data["title"], str) and data["title"].strip()
    for n, p in enumerate(data["passages"], start=1):
        assert set(p) <= PASSAGE_KEYS, p["id"]
        assert p["id"] == f"{role}-{n:02d}"
        assert set(p.get("kinds", KINDS)) <= set(KINDS), p["id"]
        needs, unless = set(p["needs"]), set(p.get("unless", ()))
        assert needs and needs | unless <= set(NAMES), (p["id"], (needs | unless) - set(NAMES))
        assert not needs & unless, p["id"]
        assert ("lead" in p) == (role in POINT_ROLES), p["id"]


@pytest.mark.parametrize(("role", "passage"), PASSAGES, ids=_ids(PASSAGES))
def test_every_wording_renders_clean(role: str, passage: dict) -> None:
    for wording in _wordings(passage):
        text = ENV.from_string(wording).render(CONTEXT)
        literal = EXPR.sub("", wording)
        assert not re.search(r"[0-9０-９]", literal), "a figure typed into the passage"
        for mark in PLACEHOLDERS:
            assert mark not in text, (mark, text)
        assert not re.search(r"[ \t,;:?!()\"'\[\]|]", text), f"half-width punctuation or space: {text}"
        if role in CLAUSES:
            assert not text.endswith(("。", "；", "，")), text[-5:]
        else:
            assert text.endswith(("。", "：")), text[-8:]
        assert text.count("“") == text.count("”") and text.count("（") == text.count("）"), text
        assert not re.search(r"[，、；：][，。、；：]|。，|等等|的的", text), text


@pytest.mark.parametrize("role", sorted(POINT_ROLES))
def test_leads_join_naturally(role: str) -> None:
    for p in LIBRARY[role]["passages"]:
        for lead in every_wording(parse_wording(p["lead"])):
            assert 2 <= len(lead) <= 18 and not re.search(r"[。，；：！？、.,;:]$", lead), (p["id"], lead)
            assert not re.match(r"[一二三四五六]是|（[一二三四五六]）|第[一二三四五六]", lead), p["id"]
        for text in _wordings(p):
            assert not re.match(r"[一二三四五六]是|（[一二三四五六]）|第[一二三四五六]", text), p["id"]


def test_official_register_outside_speeches() -> None:
    for _role, p in PASSAGES:
        if set(p.get("kinds", KINDS)) & {"bulletin", "notice", "supervision", "sheet"}:
            literal = EXPR.sub("", join_text(p["text"]) or "")
            found = [m for m in SPEECH_MARKERS if m in literal]
            assert not found, f"{p['id']} speaks like a speech: {found}"


def test_no_brackets_in_what_a_speech_reads_aloud() -> None:
    """A mayor cannot read "（责任单位：……）" aloud: brackets are for bulletins and notices."""
    for _role, p in PASSAGES:
        if p.get("kinds", KINDS) == ["speech"]:
            assert "（" not in EXPR.sub("", join_text(p["text"]) or ""), p["id"]


def test_handoff_announces_three_parts() -> None:
    for p in LIBRARY["handoff"]["passages"]:
        for text in _wordings(p):
            assert re.search(r"三(点|个方面|条)", text), p["id"]
            assert not re.search(r"[两二四五六]点|[两二四五六]个方面", text), p["id"]


def test_heard_names_reporters_only_when_there_are_some() -> None:
    for p in LIBRARY["heard"]["passages"]:
        named = "meeting.reporters" in join_text(p["text"])  # type: ignore[operator]
        assert named == ("has_reporters" in p["needs"]), p["id"]


def test_openings_vary_within_a_role() -> None:
    for role in ("opening", "heard", "closing", "turn_situation", "awareness"):
        starts = Counter(ENV.from_string(_wordings(p)[0]).render(CONTEXT).removeprefix("同志们，")[:2]
                         for p in LIBRARY[role]["passages"])
        word, count = starts.most_common(1)[0]
        assert count * 2 <= len(LIBRARY[role]["passages"]), f"{role}: {count} passages start {word}"


@pytest.mark.skipif(CORPUS is None, reason=MISSING)
def test_nothing_copied_from_the_corpus() -> None:
    def chinese(s: str) -> str:
        return re.sub(r"[^\u4e00-\u9fff]", "", s)

    corpus = chinese("".join(p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")))
    window = 10
    grams = {corpus[i:i + window] for i in range(len(corpus) - window + 1)}
    for _role, p in PASSAGES:
        for wording in _wordings(p):
            for piece in EXPR.split(wording):
                piece = chinese(piece)
                copied = [piece[i:i + window] for i in range(len(piece) - window + 1) if piece[i:i + window] in grams]
                assert not copied, (p["id"], copied[:3])


def test_no_city_level_words_written_in() -> None:
    """市政府/市直/全市… come from meeting.gov, meeting.office, meeting.level and meeting.scope."""
    for _role, p in PASSAGES:
        literal = EXPR.sub("", join_text(p["text"]) or "")
        assert not re.search(r"市(政府|委|直|重点|级)|全市|县(政府|委|直)|全县", literal), p["id"]


def test_counts_of_one_read_naturally() -> None:
    """A laggard count that may be 1 is printed only when >1 ("对进度滞后的项目", not "…的1个项目")."""
    for _role, p in PASSAGES:
        text = join_text(p["text"]) or ""
        if {"single_laggard", "single_project"} & set(p.get("unless", ())) or "laggards_majority" in p["needs"]:
            continue
        for match in re.finditer(r"的\{\{ laggards\.count \}\}个", text):
            before = text[:match.start()]
            assert before.rfind("{% if laggards.count > 1 %}") > before.rfind("{% endif %}"), p["id"]


def test_lists_carry_their_own_deng() -> None:
    """A list ends in 等 where it is cut short: "{{ x.names }}等" would say 等 twice or after one name."""
    for _role, p in PASSAGES:
        text = join_text(p["text"]) or ""
        assert not re.search(r"\.(names|subject|types|top|others|lagging)\s*\}\}等", text), p["id"]


# a passage whose two {% if %} branches each say a thing once, in its own words
ONE_BRANCH_EACH = {"say_units-02"}


def test_no_passage_says_a_thing_twice() -> None:
    """No two places of a passage ("[…|…]" groups or fixed text) share a run of nine characters:
    a later group restating an earlier one reads as the speaker repeating himself."""
    from speechgen.compose.wording import Choice

    def chinese(s: str) -> str:
        return re.sub(r"[^\u4e00-\u9fff]", "", EXPR.sub("□", s))

    def options(segment: object) -> list[str]:
        if isinstance(segment, Choice):
            return [chinese(w) for option in segment.options for w in every_wording(option)]
        return [chinese(str(segment))]

    window = 9
    for _role, p in PASSAGES:
        if p["id"] in ONE_BRANCH_EACH:
            continue
        places = [options(s) for s in parse_wording(join_text(p["text"]) or "")]
        seen: dict[str, int] = {}
        for index, place in enumerate(places):
            grams = {w[i:i + window] for w in place for i in range(len(w) - window + 1)}
            repeated = sorted(g for g in grams if seen.get(g, index) != index)
            assert not repeated, (p["id"], repeated[:3])
            seen.update({g: index for g in grams if g not in seen})


def test_a_lead_is_not_repeated_by_its_text() -> None:
    """The bold lead (一是……。) and the first sentence after it share no run of six characters:
    "**一是责任要一环扣一环。**责任链条要一环扣一环" reads as saying it twice."""
    from speechgen.compose.wording import Choice

    def chinese(s: str) -> str:
        return re.sub(r"[^\u4e00-\u9fff]", "", EXPR.sub("□", s))

    window = 6
    for _role, p in PASSAGES:
        if not p.get("lead"):
            continue
        leads = [chinese(w) for w in every_wording(parse_wording(p["lead"]))]
        first = parse_wording(join_text(p["text"]) or "")[0]
        heads = ([chinese(w) for o in first.options for w in every_wording(o)] if isinstance(first, Choice)
                 else [chinese(first)])
        shared = {lead[i:i + window] for lead in leads for i in range(len(lead) - window + 1)
                  if any(lead[i:i + window] in head for head in heads)}
        assert not shared, (p["id"], sorted(shared)[:3])
