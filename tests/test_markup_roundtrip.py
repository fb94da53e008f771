"""The .md writer: parse(render_markdown(parse(x))) == parse(x), for fixtures, examples and
generated text full of Markdown syntax characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.utils import read_fixture_file

from speechgen.document import Document, Heading, Paragraph, Run, Table, Title
from speechgen.errors import MarkupError
from speechgen.markup import parse_markup
from speechgen.writers.markdown import render_markdown

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "dialect"


def _parsable_inputs() -> list:
    inputs = [
        pytest.param((ROOT / "examples" / name).read_text(encoding="utf-8"), id=name)
        for name in ("speech.md", "notice.md")
    ]
    for path in sorted(FIXTURES.glob("*.md")):
        for line, title, text, expected in read_fixture_file(path):
            if not expected.startswith("error"):
                inputs.append(pytest.param(text, id=f"{path.stem}-{line}-{title[:30]}"))
    return inputs


@pytest.mark.parametrize("text", _parsable_inputs())
def test_round_trip(text: str) -> None:
    first = parse_markup(text)
    second = parse_markup(render_markdown(first))
    assert second == first
    assert [b.source_line is not None for b in second.blocks] == [True] * len(second.blocks)


def test_markdown_output_reads_like_the_dialect() -> None:
    doc = parse_markup((ROOT / "examples" / "notice.md").read_text(encoding="utf-8"))
    out = render_markdown(doc)
    assert out.startswith("---\nkind: notice\n")
    assert "\n# 关于开展全市重点项目建设专项督查的通知\n" in out
    assert "\n## 一、督查内容\n" in out
    assert "\n**一是高度重视。**各县" in out
    assert "\n# 附件 2024年6月重点项目专项督查项目清单\n" in out
    assert "| :---: | :---: | :--- | ---: |" in out


# Text a paragraph may hold: Chinese, Latin, digits and every ASCII character Markdown reacts to.
_ALPHABET = st.sampled_from(list("项目建设推进。，：“”（）abcXYZ0123 \u3000") + list("\\`*_[]<>&!|~#-+=.)(:{}\"'$%^"))
_TEXT = st.text(_ALPHABET, min_size=1, max_size=30).map(str.strip).filter(bool)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """Return a generic document of headings, paragraphs with bold runs and tables."""
    blocks: list = [Title("标题", source_line=1)]
    for _ in range(draw(st.integers(1, 6))):
        choice = draw(st.sampled_from(["heading", "paragraph", "table"]))
        if choice == "heading":
            blocks.append(Heading(1, "", draw(_TEXT)))
        elif choice == "paragraph":
            runs = tuple(Run(draw(_TEXT), bold) for bold in draw(st.lists(st.booleans(), min_size=1, max_size=3)))
            blocks.append(Paragraph(runs))
        else:
            width = draw(st.integers(1, 3))
            header = tuple(draw(_TEXT) for _ in range(width))
            blocks.append(Table(header, (tuple(draw(_TEXT) for _ in range(width)),)))
    return Document("generic", tuple(blocks), "标题")


@settings(max_examples=150, deadline=None)
@given(documents())
def test_generated_text_survives_the_round_trip(doc: Document) -> None:
    """Whatever the writer emits parses, and parsing it again is stable (a fixed point)."""
    try:
        first = parse_markup(render_markdown(doc))
    except MarkupError as error:  # the writer must escape everything it writes
        raise AssertionError(render_markdown(doc) + "\n" + str(error)) from error
    assert parse_markup(render_markdown(first)) == first
    assert _texts(first) == _texts(doc)


def _texts(doc: Document) -> list[str]:
    """Return paragraph, caption and cell texts without spaces (the writer may move them around
    ``**``); an all-bold paragraph just above a table becomes its caption, as documented."""
    texts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, Table):
            texts.extend([block.caption or "", *block.header, *(cell for row in block.rows for cell in row)])
        elif isinstance(block, Heading):
            texts.append(block.text)
    return [text.replace(" ", "") for text in texts if text]
