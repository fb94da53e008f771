"""The dialect fixtures (markdown-it-py style): title, input, ".", expected dump, "."."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from markup_dump import dump_markup

FIXTURES = Path(__file__).parent / "fixtures" / "dialect"
CASES = [
    pytest.param(text, expected, id=f"{path.stem}-{line}-{title[:40]}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, title, text, expected in read_fixture_file(path)
]


def test_fixtures_were_found() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_dialect_fixture(text: str, expected: str) -> None:
    assert dump_markup(text) == expected
