"""Every speech frame can fill all its sub-points and find a heading set in every situation the
flags can describe (one district or many, one project, nothing started, ahead or behind …)."""

from __future__ import annotations

import itertools

import pytest

from speechgen.compose import FRAMES, load_library

LIBRARY = load_library()


def _situations() -> list[frozenset[str]]:
    schedule = [{"ahead"}, {"on_track"}, {"behind"}, {"behind", "slightly_behind"}, {"behind", "far_behind"}]
    starts = [{"many_not_started"}, {"many_not_started", "none_started"}, set(), {"few_not_started"},
              {"all_started"}]
    laggards = [{"no_laggards"}, {"has_laggards"}, {"has_laggards", "single_laggard"},
                {"has_laggards", "has_overdue"}]
    problems = [set(), {"has_problems", "problem_用地"}, {"has_problems", "problem_其他"}]
    districts = [set(), {"has_districts"}, {"has_districts", "districts_tied"}, {"has_districts", "uneven"}]
    size = [set(), {"single_project"}]
    found = []
    for parts in itertools.product(schedule, starts, laggards, problems, districts, size):
        flags = set().union(*parts) | {"mid_year"}
        if {"all_started", "has_overdue"} <= flags:
            continue
        if "single_project" in flags and (flags & {"has_districts", "has_overdue"}
                                          or not flags & {"all_started", "none_started"}):
            continue
        found.append(frozenset(flags))
    return found


SITUATIONS = _situations()


def _fill(frame_name: str, flags: frozenset[str]) -> list[str]:
    """Return the roles the frame's slots get, greedily as the chooser does (each passage once)."""
    used: set[str] = set()
    roles = []
    for part in FRAMES[frame_name].parts:
        for slot in part:
            for role in slot.roles:
                free = [p for p in LIBRARY.matching(role, "speech", flags) if p.id not in used]
                if free:
                    used.add(free[0].id)
                    roles.append(role)
                    break
            else:
                raise AssertionError(f"{frame_name}: no passage for {slot.roles} under {sorted(flags)}")
    return roles


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_every_situation_fills_every_slot(frame: str) -> None:
    for flags in SITUATIONS:
        _fill(frame, flags)
        assert any(hs.applies(flags) for hs in FRAMES[frame].heading_sets), (frame, sorted(flags))


def test_review_frame_compares_districts_only_when_there_are_two() -> None:
    alone = frozenset({"behind", "all_started", "no_laggards", "mid_year"})
    assert "frame_review_districts" not in _fill("review", alone)
    assert "frame_review_mechanism" in _fill("review", alone)
    assert "frame_review_districts" in _fill("review", alone | {"has_districts"})

