"""The speeches drafted from examples/: structure, variety between seeds and tone, for every frame."""

from __future__ import annotations

import pytest

from compose_checks import leads, parts, problems, share_different
from speechgen import api
from speechgen.compose import FRAMES
from speechgen.paths import resource_dir

EXAMPLES = resource_dir("examples")
LEDGER, MEETING = EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml"


@pytest.fixture(scope="module")
def facts():
    return api.compute_facts(LEDGER, MEETING)


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_example_speeches(facts, frame: str) -> None:
    texts = {seed: api.draft("speech", facts, frame=frame, seed=seed) for seed in (1, 2, 3, 4)}
    for seed, text in texts.items():
        found = parts(text)
        assert len(found) == 3, (seed, [h for h, _ in found])
        assert all(3 <= len(leads(paragraphs)) <= 5 for _, paragraphs in found), seed
        assert problems(text) == [], seed
        # the example is behind: praise is for the units ahead only (tests/test_compose_judgement.py)
        assert facts.overall.gap_points is not None and facts.overall.gap_points < 0
        assert not [w for w in ("成绩来之不易", "态势良好", "良好势头", "值得充分肯定") if w in text], seed
    assert api.draft("speech", facts, frame=frame, seed=1) == texts[1]
    assert share_different(texts[1], texts[2]) >= 0.30


@pytest.mark.parametrize("kind", ["bulletin", "notice"])
def test_example_bulletin_and_notice_read_cleanly(facts, kind: str) -> None:
    for seed in (1, 2, 3):
        assert problems(api.draft(kind, facts, seed=seed)) == []  # type: ignore[arg-type]


def test_no_figure_is_repeated_all_over_a_speech(facts) -> None:
    import re
    from collections import Counter

    for frame in FRAMES:
        for seed in (1, 2, 3):
            text = api.draft("speech", facts, frame=frame, seed=seed)
            figures = Counter(re.findall(r"\d+(?:\.\d+)?(?:%|个百分点|亿元|万元)", text))
            assert [f for f, n in figures.items() if n > 2] == [], (frame, seed)
