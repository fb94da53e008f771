"""Speeches: three parallel parts of 3–4 sub-points, every frame, tone that follows the facts."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from compose_checks import BLAME, PRAISE, body, leads, parts, problems, share_different
from compose_sample import sample_facts, smooth_facts
from speechgen.compose import FRAMES, compose
from speechgen.errors import InputError

NUMERALS = "一二三四五"


@pytest.fixture(scope="module")
def behind():
    return sample_facts()


@pytest.mark.parametrize("frame", sorted(FRAMES))
@pytest.mark.parametrize("seed", [1, 2, 3, 17])
def test_three_parts_of_three_to_five_points(behind, frame: str, seed: int) -> None:
    text = compose("speech", behind, frame=frame, seed=seed)
    found = parts(text)
    assert len(found) == 3, [h for h, _ in found]
    for heading, paragraphs in found:
        points = leads(paragraphs)
        assert (len(points) == 3) if frame == "three_x" else (3 <= len(points) <= 5), heading
        assert [n for n, _ in points] == list(NUMERALS[: len(points)]), heading
    assert problems(text) == []


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_headings_are_one_parallel_set_of_the_frame(behind, frame: str) -> None:
    sets = {hs.headings for hs in FRAMES[frame].heading_sets}
    chosen = {tuple(h for h, _ in parts(compose("speech", behind, frame=frame, seed=s))) for s in range(8)}
    assert chosen <= sets
    assert len(chosen) > 1, "the seed chooses among several heading sets"


def test_title_subtitle_salutation_and_handoff(behind) -> None:
    text = compose("speech", behind, frame="cognition", seed=1)
    assert 'title: "在全市重点项目建设调度会上的讲话"' in text
    assert '"市长 李明"' in text and '"（2026年6月5日）"' in text
    first = body(text).strip().split("\n\n")
    assert first[0] == "同志们："
    assert "三" in first[1] and ("意见" in first[1] or "方面" in first[1] or "强调" in first[1])
    assert first[-1].startswith("同志们")


def test_facts_are_woven_in(behind) -> None:
    text = compose("speech", behind, frame="cognition", seed=1)
    for figure in ("15个", "已开工12个", "35.4%", "6.3个百分点", "东城区", "北山县", "用地"):
        assert figure in text, figure
    # a named laggard with its 责任单位 and 包保领导, as a speech says them: no brackets
    assert "北山光伏发电项目" in text and "赵敏同志" in text and "北山县发改局" in text
    assert "（责任单位" not in text and "包保领导：" not in text


def test_same_input_same_text(behind) -> None:
    for frame in FRAMES:
        assert compose("speech", behind, frame=frame, seed=5) == compose("speech", behind, frame=frame, seed=5)


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_seeds_change_at_least_thirty_percent_of_sentences(behind, frame: str) -> None:
    one = compose("speech", behind, frame=frame, seed=1)
    two = compose("speech", behind, frame=frame, seed=2)
    assert share_different(one, two) >= 0.30


@pytest.mark.parametrize("frame", sorted(FRAMES))
@pytest.mark.parametrize("scale", [D("1"), D("0.6")])
def test_no_praise_while_behind(frame: str, scale: D) -> None:
    facts = sample_facts(scale)
    for seed in range(1, 7):
        text = compose("speech", facts, frame=frame, seed=seed)
        praise = [word for word in PRAISE if word in text]
        assert not praise, (seed, praise)


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_no_blame_while_ahead_without_laggards(frame: str) -> None:
    facts = smooth_facts()
    for seed in range(1, 7):
        text = compose("speech", facts, frame=frame, seed=seed)
        blame = [word for word in BLAME if word in text]
        assert not blame, (seed, blame)


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_zero_and_missing_cases_read_cleanly(frame: str) -> None:
    facts = smooth_facts(reporters=(), speaker=None)
    for seed in range(1, 4):
        text = compose("speech", facts, frame=frame, seed=seed)
        assert problems(text) == []
        assert len(parts(text)) == 3
        assert "市长" not in text.split("---")[1]


def test_unknown_frame_lists_the_frames(behind) -> None:
    with pytest.raises(InputError) as caught:
        compose("speech", behind, frame="five_x")
    assert "cognition" in str(caught.value) and "three_x" in str(caught.value)
