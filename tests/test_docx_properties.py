"""Any Document renders to a well-formed package whose text survives (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from docx_samples import W_NS, parts
from speechgen import document as d
from speechgen.writers.docx import render_docx
from test_docx_schema import _check

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
RUNS = st.lists(st.builds(d.Run, TEXT, st.booleans()), min_size=1, max_size=3).map(tuple)
CELLS = st.lists(TEXT, min_size=0, max_size=4).map(tuple)
BLOCKS = st.one_of(
    st.builds(d.RedHeader, TEXT, st.none() | TEXT),
    st.builds(d.Title, TEXT),
    st.builds(d.Subtitle, TEXT),
    st.builds(d.Addressee, TEXT),
    st.builds(d.Heading, st.integers(1, 4), st.sampled_from(["一、", "（一）", "1.", "（1）"]), TEXT),
    st.builds(d.Paragraph, RUNS, st.sampled_from(["left", "center", "right", "justify"]), st.booleans()),
    st.builds(d.Table, CELLS, st.lists(CELLS, max_size=3).map(tuple), st.just(()), st.none() | TEXT),
    st.builds(d.PageBreak),
    st.builds(d.AttachmentNote, st.lists(TEXT, min_size=1, max_size=3).map(tuple)),
    st.builds(d.Signature, st.none() | TEXT, TEXT, st.booleans()),
    st.builds(d.AttachmentHeading, TEXT, st.none() | TEXT),
    st.builds(d.Imprint, st.none() | TEXT, st.none() | TEXT, st.none() | TEXT),
)


def _lines(block: d.Block) -> list[str]:
    caption = [block.caption] if isinstance(block, d.Table) and block.caption else []
    return caption + d.block_text(block)


def _visible(value: str) -> str:
    return "".join(ch for ch in value if ch.isprintable() and not ch.isspace() and ch not in "\ufffe\uffff")


@settings(max_examples=60, deadline=None)
@given(st.lists(BLOCKS, max_size=8))
def test_any_document_renders_well_formed_and_keeps_its_text(blocks: list[d.Block]) -> None:
    doc = d.Document("generic", tuple(blocks))
    produced = parts(render_docx(doc))
    document = etree.fromstring(produced["word/document.xml"])
    _check(document, "word/document.xml")
    written = _visible("".join(document.itertext(f"{{{W_NS}}}t")))
    expected = _visible("".join(line for block in blocks for line in _lines(block)))
    assert written.replace("印发", "") == expected.replace("印发", "")
