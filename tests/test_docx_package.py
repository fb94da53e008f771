"""The .docx package: parts, content types, relationships, determinism, python-docx can read it."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from docx_samples import SAMPLES, minimal, notice, part_xml, parts, render, speech
from speechgen import document as d
from speechgen.errors import OutputExistsError
from speechgen.writers.docx import DocxOptions, reference_docx, render_docx, write_docx

EXPECTED_PARTS = [
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/app.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/settings.xml",
    "word/fontTable.xml",
    "word/footer1.xml",
    "word/footer2.xml",
    "docProps/core.xml",
    "word/document.xml",
]


def test_part_list_and_order() -> None:
    with zipfile.ZipFile(io.BytesIO(render_docx(minimal()))) as archive:
        assert archive.namelist() == EXPECTED_PARTS
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_centred_page_numbers_have_one_footer() -> None:
    names = list(parts(render(minimal(), page_numbers="center")))
    assert "word/footer2.xml" not in names
    types = parts(render(minimal(), page_numbers="center"))["[Content_Types].xml"].decode()
    assert "/word/footer2.xml" not in types


def test_every_part_is_declared_and_every_relationship_resolves() -> None:
    data = render_docx(notice())
    names = set(parts(data))
    types = part_xml(data, "[Content_Types].xml")
    overrides = {o.get("PartName").lstrip("/") for o in types if o.get("PartName")}
    assert names - {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"} <= overrides
    assert overrides <= names
    for rels_name, base in (("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")):
        for rel in part_xml(data, rels_name):
            assert base + rel.get("Target") in names
    document = part_xml(data, "word/document.xml")
    rel_ids = {rel.get("Id") for rel in part_xml(data, "word/_rels/document.xml.rels")}
    r_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    assert {ref.get(r_ns) for ref in document.iter() if ref.get(r_ns)} <= rel_ids


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_python_docx_reads_every_sample(name: str) -> None:
    opened = docx.Document(io.BytesIO(render_docx(SAMPLES[name]())))
    text = "\n".join(p.text for p in opened.paragraphs)
    assert text.strip()
    section = opened.sections[0]
    assert (section.page_width, section.page_height) == (11906 * 635, 16838 * 635)  # EMU


def test_same_document_gives_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1778198400")
    first, second = render_docx(notice()), render_docx(notice())
    assert first == second
    core = parts(first)["docProps/core.xml"].decode()
    assert "2026-05-08T00:00:00Z" in core
    assert render_docx(speech()) != first


def test_without_source_date_epoch_only_core_properties_differ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = parts(render_docx(notice()))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    second = parts(render_docx(notice()))
    assert [n for n in first if first[n] != second[n]] == ["docProps/core.xml"]
    assert re.search(rb"<dcterms:created [^>]*>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<", first["docProps/core.xml"])


def test_core_title_is_escaped() -> None:
    doc = d.Document("generic", (d.Title("关于<甲>&乙的通知"),), title="关于<甲>&乙的通知")
    core = part_xml(render_docx(doc), "docProps/core.xml")
    assert core.findtext("{http://purl.org/dc/elements/1.1/}title") == "关于<甲>&乙的通知"


def test_every_xml_part_parses() -> None:
    for name, data in parts(render_docx(notice())).items():
        etree.fromstring(data)  # raises on malformed XML
        assert data.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'), name


def test_control_characters_from_pasted_cells_are_dropped() -> None:
    doc = d.Document("generic", (d.Paragraph((d.Run("投资\x0b完成\x00率"),)),))
    document = part_xml(render_docx(doc), "word/document.xml")
    assert "投资完成率" in "".join(document.itertext())


def test_reference_docx_carries_styles_and_no_text() -> None:
    data = reference_docx()
    opened = docx.Document(io.BytesIO(data))
    names = {s.name for s in opened.styles}
    assert {"Normal", "Title", "Heading 1", "Heading 4", "发文机关标志", "版记", "公文加粗"} <= names
    assert "".join(p.text for p in opened.paragraphs) == ""


def test_write_docx_is_atomic_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "通知.docx"
    write_docx(minimal(), target)
    assert target.read_bytes()[:2] == b"PK"
    with pytest.raises(OutputExistsError):
        write_docx(notice(), target)
    write_docx(notice(), target, DocxOptions(), force=True)
    assert "青山市人民政府办公室文件" in "".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert [p.name for p in tmp_path.iterdir()] == ["通知.docx"]
