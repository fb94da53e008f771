"""Mutation fuzzing of every reader, a few hundred derandomized examples per target (`make fuzz`
runs 100,000+ with random choices and writes a report): each input ends in success or in a
Chinese input error, never another exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from targets import TARGETS, VARIANTS, judge

EXAMPLES_PER_TARGET = 150


class DrawnChoices:
    """Choices drawn from hypothesis, so that a failing input shrinks to a small one."""

    def __init__(self, data: st.DataObject):
        self.data = data

    def below(self, count: int) -> int:
        return self.data.draw(st.integers(0, count - 1)) if count > 1 else 0


@pytest.mark.fuzz
@pytest.mark.parametrize("name", sorted(TARGETS))
@settings(max_examples=EXAMPLES_PER_TARGET, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_input_ends_cleanly(name: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    target = TARGETS[name]
    choices = DrawnChoices(data)
    seeds = target.seeds()
    mutated = target.mutate(seeds[choices.below(len(seeds))], choices)
    path = tmp_path_factory.mktemp(name) / target.filename
    path.write_bytes(mutated)
    outcome = judge(target, path, choices.below(VARIANTS))
    assert outcome.kind != "crash", outcome.detail
