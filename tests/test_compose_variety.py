"""Issue 10's measures of variety and length, with benchmarks/variety.py (the script whose report
docs/compose.md shows): over seeds 1–10 of the example ledger, figures masked, two speeches of
one frame share at most 35 % of their sentences and at least 60 % of all their sentences are
distinct, the data paragraphs differ between any two seeds; bulletins share at most 50 %,
notices 60 % (tables left out). Speeches are 2,500–4,500 characters by default, shorter with
--length short and longer with long; every part lists 3–5 points."""

from __future__ import annotations

import functools
import importlib.util
import statistics
import sys
from pathlib import Path

import pytest

from compose_scenarios import SCENARIOS
from speechgen.compose import FRAMES, compose

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("variety", ROOT / "benchmarks" / "variety.py")
assert _spec is not None and _spec.loader is not None
variety = importlib.util.module_from_spec(_spec)
sys.modules["variety"] = variety
_spec.loader.exec_module(variety)

SEEDS = range(1, 11)


@functools.cache
def measured(kind: str, frame: str | None, length: str = "normal") -> object:
    texts = variety.drafts(SCENARIOS["example"](), kind, frame, SEEDS, length)
    return variety.measure(f"{kind}/{frame}", texts)


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_speeches_vary_between_seeds(frame: str) -> None:
    found = measured("speech", frame)
    most, least_distinct = variety.LIMITS["speech"]
    assert found.most_shared <= most, f"{frame}: two seeds share {found.most_shared:.0%} of their sentences"
    assert found.distinct >= least_distinct, f"{frame}: only {found.distinct:.0%} of the sentences are distinct"
    assert found.same_data == 0, f"{frame}: {found.same_data} pairs of seeds word the data paragraphs alike"


@pytest.mark.parametrize("kind", ["bulletin", "notice"])
def test_bulletins_and_notices_vary_between_seeds(kind: str) -> None:
    found = measured(kind, None)
    assert found.most_shared <= variety.LIMITS[kind][0], f"{kind}: {found.most_shared:.0%} shared"
    assert found.same_data == 0


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_speech_length_by_default(frame: str) -> None:
    low, high = variety.SPEECH_CHARS
    shortest, longest = measured("speech", frame).chars
    assert low <= shortest and longest <= high, (frame, shortest, longest)


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_length_option_shortens_and_lengthens(frame: str) -> None:
    def mean(length: str) -> float:
        texts = variety.drafts(SCENARIOS["example"](), "speech", frame, range(1, 4), length)
        return statistics.mean(variety.chars(t) for t in texts)

    short, normal, long = mean("short"), mean("normal"), mean("long")
    assert short < normal - 200 and long > normal + 150, (frame, short, normal, long)
    assert long <= variety.SPEECH_CHARS[1]


@pytest.mark.parametrize("name", sorted(SCENARIOS))
@pytest.mark.parametrize("length", ["short", "normal", "long"])
def test_points_per_part_follow_the_data_within_three_to_five(name: str, length: str) -> None:
    facts = SCENARIOS[name]()
    for frame in sorted(FRAMES):
        points = variety.points_per_part(compose("speech", facts, frame=frame, seed=1, length=length))
        assert len(points) == 3 and all(3 <= n <= 5 for n in points), (frame, points)


def test_a_rich_ledger_gets_more_points_than_a_small_one() -> None:
    rich = variety.points_per_part(compose("speech", SCENARIOS["example"](), seed=1))
    small = variety.points_per_part(compose("speech", SCENARIOS["one_project"](), frame="review", seed=1))
    assert sum(rich) > sum(small)
