"""The seeded chooser: conditions, no repeats, stable seeds, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechgen.compose.chooser import Chooser, stable_seed
from speechgen.compose.env import make_environment
from speechgen.compose.library import load_library
from speechgen.compose.observe import Observations
from speechgen.compose.observe.types import collect, held
from speechgen.errors import TemplateError

ROLE_FILE = """\
role: speed
passages:
  - id: speed-a
    lead: 甲
    needs: [meeting]
    text: 甲段{{ scope }}。
  - id: speed-b
    lead: 乙
    needs: [behind]
    text: 乙段{{ vs_schedule }}。
  - id: speed-c
    lead: 丙
    needs: [meeting]
    unless: [behind]
    text: 丙段。
  - id: speed-d
    lead: 丁
    needs: [meeting]
    kinds: [notice]
    text: 丁段。
"""
WORDINGS = """\
role: handoff
passages:
  - id: handoff-a
    needs: [meeting]
    text: 下面，[我讲三点意见|我讲三个方面]。
"""


@pytest.fixture
def library(tmp_path: Path):
    (tmp_path / "speed.yaml").write_text(ROLE_FILE, encoding="utf-8")
    return load_library(builtin=tmp_path)


def _chooser(library, flags, *, kind="speech", seed=1, group=""):
    context = {"scope": "全市", "vs_schedule": "落后时序进度6.4个百分点"}
    observations = Observations(items=collect(held(n) for n in {"meeting", *flags}), records={})
    return Chooser(library, make_environment(), context, observations, kind=kind, seed=seed, group_key=group)


def test_stable_seed_is_sha256_based_not_hash() -> None:
    assert stable_seed(1, "speech", "", "speed") == stable_seed(1, "speech", "", "speed")
    assert stable_seed(1, "speech", "东城区", "speed") != stable_seed(1, "speech", "西湖区", "speed")


def test_stable_seed_known_value() -> None:
    import hashlib

    expected = int.from_bytes(hashlib.sha256("7\x1fnotice\x1f东城区\x1fspeed".encode()).digest()[:8], "big")
    assert stable_seed(7, "notice", "东城区", "speed") == expected


def test_conditions_and_kinds_filter_passages(library) -> None:
    behind = _chooser(library, {"behind"})
    assert {p.id for p in behind.candidates("speed")} == {"speed-a", "speed-b"}
    ahead = _chooser(library, {"ahead"})
    assert {p.id for p in ahead.candidates("speed")} == {"speed-a", "speed-c"}
    notice = _chooser(library, {"ahead"}, kind="notice")
    assert {p.id for p in notice.candidates("speed")} == {"speed-a", "speed-c", "speed-d"}


def test_never_the_same_passage_twice_then_a_clear_error(library) -> None:
    chooser = _chooser(library, {"behind", "mid_year"})
    leads = {chooser.pick_point("speed")[0], chooser.pick_point("speed")[0]}
    assert leads == {"甲", "乙"}
    with pytest.raises(TemplateError) as caught:
        chooser.pick("speed")
    message = str(caught.value)
    assert "speed" in message and "behind" in message and "mid_year" in message and "讲话稿" in message


def test_unknown_role_names_the_role(library) -> None:
    with pytest.raises(TemplateError, match="没有角色“nothing”"):
        _chooser(library, set()).pick("nothing")
    with pytest.raises(TemplateError, match="没有角色“nothing”"):
        _chooser(library, set()).has("nothing")


def test_mention_of_a_name_that_prints_no_figure_is_an_error(library) -> None:
    chooser = _chooser(library, set())
    with pytest.raises(TemplateError, match="n_projectz"):
        chooser.mention("n_projectz")
    assert chooser.mention("n_projects") == ""


def test_each_draw_realizes_one_wording(tmp_path: Path) -> None:
    (tmp_path / "handoff.yaml").write_text(WORDINGS, encoding="utf-8")
    library = load_library(builtin=tmp_path)
    drawn = {_chooser(library, set(), seed=s).pick("handoff") for s in range(20)}
    assert drawn == {"下面，我讲三点意见。", "下面，我讲三个方面。"}


def test_rendered_text_uses_the_context(library) -> None:
    chooser = _chooser(library, {"behind"}, seed=3)
    texts = {chooser.pick("speed"), chooser.pick("speed")}
    assert texts == {"甲段全市。", "乙段落后时序进度6.4个百分点。"}


def test_same_seed_same_choice_and_seeds_differ_somewhere(library) -> None:
    first = [_chooser(library, {"ahead"}, seed=s).pick("speed") for s in range(20)]
    again = [_chooser(library, {"ahead"}, seed=s).pick("speed") for s in range(20)]
    assert first == again
    assert len(set(first)) == 2


def test_group_key_changes_the_draw(library) -> None:
    picks = {_chooser(library, {"ahead"}, group=f"县{n}").pick("speed") for n in range(20)}
    assert len(picks) == 2


def test_vary_is_seeded_per_key(library) -> None:
    options = ("一", "二", "三", "四")
    first = [_chooser(library, set(), seed=s).vary("k", *options) for s in range(12)]
    assert first == [_chooser(library, set(), seed=s).vary("k", *options) for s in range(12)]
    assert len(set(first)) > 1


def test_a_figure_already_printed_is_not_repeated_when_avoidable(library) -> None:
    for seed in range(10):
        chooser = _chooser(library, {"behind"}, seed=seed)
        chooser.mention("vs_schedule")
        assert chooser.pick("speed") == "甲段全市。"


def test_avoid_phrases_are_avoided_when_possible(library) -> None:
    for seed in range(10):
        assert _chooser(library, {"behind"}, seed=seed).pick("speed", avoid=["乙段"]) == "甲段全市。"
    chooser = _chooser(library, {"behind"})
    chooser.pick("speed", avoid=["甲段"])
    assert chooser.pick("speed", avoid=["甲段"]) == "甲段全市。", "falls back when nothing else is left"
