"""Every speech frame composes in every scenario and length with 3–5 points a part (three for
the “三个X” frame), and offers at least four parallel heading sets whatever the situation."""

from __future__ import annotations

import re

import pytest

from compose_checks import leads, parts
from compose_scenarios import SCENARIOS
from speechgen.compose import FRAMES, compose
from speechgen.compose.claims import unbacked
from speechgen.compose.observe import NAMES, observe

SITUATIONS = [observe(make()).names for make in SCENARIOS.values()]


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_four_heading_sets_fit_every_situation(frame: str) -> None:
    for held in SITUATIONS:
        assert sum(hs.applies(held) for hs in FRAMES[frame].heading_sets) >= 4, sorted(held)


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_heading_sets_are_parallel_and_backed(frame: str) -> None:
    for hs in FRAMES[frame].heading_sets:
        shapes = {re.sub(r"[^，、“”]", "", h) for h in hs.headings}
        assert len(shapes) == 1, hs.headings  # the same punctuation in the same places
        assert max(map(len, hs.headings)) - min(map(len, hs.headings)) <= 3, hs.headings
        assert hs.needs <= set(NAMES) and hs.unless <= set(NAMES)
        for heading in hs.headings:
            assert not unbacked(heading, hs.needs), (heading, unbacked(heading, hs.needs))


@pytest.mark.parametrize("name", sorted(SCENARIOS))
@pytest.mark.parametrize("length", ["short", "normal", "long"])
def test_every_frame_fills_its_parts(name: str, length: str) -> None:
    facts = SCENARIOS[name]()
    for frame in FRAMES:
        text = compose("speech", facts, frame=frame, seed=3, length=length)
        found = parts(text)
        assert len(found) == 3
        for heading, paragraphs in found:
            count = len(leads(paragraphs))
            if frame == "three_x" or length == "short":
                assert count == 3, (frame, heading)
            else:
                assert 3 <= count <= 5, (frame, heading)


def test_points_follow_the_data() -> None:
    """Not a fixed rhythm: a ledger with more to act on gets more points."""
    counts = {name: tuple(len(leads(p)) for _, p in parts(compose("speech", SCENARIOS[name](), seed=1)))
              for name in ("example", "one_project", "county_two_units")}
    assert len(set(counts.values())) > 1, counts
