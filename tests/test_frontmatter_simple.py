"""The front matter speechgen's templates write (``key: "JSON string"``, ``kind: word``) is read
without building YAML's node tree — a batch parses thousands — with exactly the entries YAML
gives; anything else still goes to YAML."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from speechgen import api
from speechgen.markup import frontmatter
from speechgen.paths import resource_dir

NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    fast = frontmatter.read_entries(text, first_line=2, source="稿.md")
    with monkeypatch.context() as patched:
        patched.setattr(frontmatter, "_simple_entries", lambda *_: None)
        slow = frontmatter.read_entries(text, first_line=2, source="稿.md")
    return fast, slow


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True),
                       st.text(max_size=40).filter(lambda text: not NON_PRINTABLE.search(text)),  # YAML refuses them
                       min_size=1, max_size=6))
def test_json_strings_read_as_yaml_reads_them(values: dict[str, str]) -> None:
    text = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items())
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, slow = _both(text, monkeypatch)
    assert fast == slow


@pytest.mark.parametrize("text", ["kind: true", "kind: yes", "n: 12", "title: 'single quoted'",
                                  'title: "x"  # comment', "subtitle:\n  - 甲\n  - 乙", 'a: "x"\na: "y"',
                                  "date: 2024-06-05", 'title: "a\\x41"'])
def test_anything_else_goes_to_yaml(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert frontmatter._simple_entries(text, 2) is None
    fast, slow = _both(text, monkeypatch)
    assert fast == slow


def test_every_generated_draft_of_the_example_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    examples = resource_dir("examples")
    computed = api.compute_facts(examples / "ledger.xlsx", examples / "meeting.yaml")
    for kind in ("speech", "bulletin", "notice", "supervision"):
        draft = api.draft(kind, computed)  # type: ignore[arg-type]
        head = draft.split("\n---\n", 1)[0].removeprefix("---\n")
        fast, slow = _both(head, monkeypatch)
        assert fast == slow and fast[0], kind
