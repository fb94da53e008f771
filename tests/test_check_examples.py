"""Documents generated from examples/ pass `speechgen check` with no findings (text, figures
against the ledger, .docx layout); a deliberately broken copy of each triggers each rule."""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechgen import api
from speechgen.check import check_source, read_bytes
from speechgen.check.findings import Report
from speechgen.cli import main
from speechgen.compose import FRAMES, compose
from speechgen.facts import Facts

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "examples" / "ledger.xlsx"
MEETING = ROOT / "examples" / "meeting.yaml"
CASES = [("speech", frame) for frame in sorted(FRAMES)] + [("bulletin", None), ("notice", None)]


@cache
def _facts() -> Facts:
    return api.compute_facts(LEDGER, MEETING)


@cache
def _text(kind: str, frame: str | None) -> str:
    return compose(kind, _facts(), frame=frame)  # type: ignore[arg-type]


@cache
def _docx(kind: str, frame: str | None) -> bytes:
    return api.render_markup(_text(kind, frame), ".docx")


def _check_md(text: str) -> Report:
    return check_source(read_bytes(text.encode("utf-8"), "稿.md", "md"), facts=_facts())


def _check_docx(data: bytes) -> Report:
    return check_source(read_bytes(data, "稿.docx", "docx"), facts=_facts())


@pytest.mark.parametrize(("kind", "frame"), CASES)
def test_generated_documents_pass(kind: str, frame: str | None) -> None:
    for report in (_check_md(_text(kind, frame)), _check_docx(_docx(kind, frame))):
        assert report.findings == (), report.render()
        assert report.exit_code == 0


@pytest.mark.parametrize(("kind", "frame"), CASES)
def test_generated_plain_text_passes_and_outlines(kind: str, frame: str | None) -> None:
    """The plain-text rendering (版头 drawn with a rule line) reads the same as the dialect."""
    from speechgen.check.outline import outline_source

    data = api.render_markup(_text(kind, frame), ".txt")
    source = read_bytes(data, "稿.txt", "txt")
    report = check_source(source, facts=_facts())
    assert report.findings == (), report.render()
    from_text = outline_source(source).to_json()
    from_dialect = outline_source(read_bytes(_text(kind, frame).encode(), "稿.md", "md")).to_json()
    assert from_text == from_dialect
    assert from_text["title"] and len(from_text["parts"]) >= 3


def test_generated_docx_passes_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "讲话稿.docx"
    path.write_bytes(_docx("speech", sorted(FRAMES)[0]))
    result = CliRunner().invoke(main, ["check", str(path), "--data", str(LEDGER), "--meeting", str(MEETING)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output


# ── broken copies: the text ─────────────────────────────────────────────────────────────────


def _first_figure(text: str, pattern: str) -> re.Match[str]:
    """Return the first figure in running text (not the front matter, not a table row)."""
    body = text.split("---", 2)[-1]
    for line in body.splitlines():
        if not line.startswith("|"):
            match = re.search(pattern, line)
            if match:
                return match
    pytest.fail(f"the generated text states no figure like {pattern} in its running text")


def _bump(text: str, pattern: str) -> str:
    """Return text with the first figure matching pattern changed in its last printed digit."""
    match = _first_figure(text, pattern)
    number = match.group(1)
    digits = list(number)
    position = max(i for i, ch in enumerate(digits) if ch.isdigit())
    digits[position] = "1" if digits[position] != "1" else "2"
    return text.replace(match.group(0), match.group(0).replace(number, "".join(digits), 1), 1)


TEXT_MUTATIONS = [
    ("placeholder", lambda t: t.replace("。", "，完成率XX%。", 1)),
    ("placeholder", lambda t: t.replace("。", "，涉及*个项目。", 1)),
    ("placeholder-blank", lambda t: t.replace("。", "，比去年增长%。", 1)),
    ("punct-halfwidth", lambda t: t.replace("，", ",", 1)),
    ("punct-unbalanced", lambda t: t.replace("。", "“重点项目年。", 1)),
    ("punct-doubled", lambda t: t.replace("。", "。。", 1)),
]


@pytest.mark.parametrize(("kind", "frame"), CASES)
@pytest.mark.parametrize(("rule", "mutate"), TEXT_MUTATIONS, ids=[m[0] for m in TEXT_MUTATIONS])
def test_broken_text_is_found(kind: str, frame: str | None, rule: str, mutate) -> None:
    text = _text(kind, frame)
    broken = mutate(text)
    assert broken != text
    report = _check_md(broken)
    assert rule in {f.rule for f in report.findings}, report.render()
    assert report.exit_code == 1


FIGURES = {"amount": r"(\d+\.\d+)亿元", "percent": r"(\d+\.\d)%", "count": r"(\d+)个"}
# The notice's running text states counts only (its amounts and rates are in the attachment table).
FIGURE_CASES = [(kind, frame, figure) for kind, frame in CASES for figure in FIGURES
                if kind != "notice" or figure == "count"]


@pytest.mark.parametrize(("kind", "frame", "figure"), FIGURE_CASES)
def test_a_changed_figure_is_found(kind: str, frame: str | None, figure: str) -> None:
    text = _text(kind, frame)
    broken = _bump(text, FIGURES[figure])
    assert broken != text
    report = _check_md(broken)
    assert "figure-mismatch" in {f.rule for f in report.findings}, report.render()
    assert report.exit_code == 1


def test_broken_numbering_in_a_speech() -> None:
    text = _text("speech", sorted(FRAMES)[0])
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert len(headings) >= 3
    # The dialect renumbers "##" headings, so a hand-numbered body paragraph breaks the order.
    broken = text.replace(headings[1], headings[1] + "\n\n一是抓开工。二是抓在建。四是抓投产。", 1)
    report = _check_md(broken)
    assert "numbering-gap" in {f.rule for f in report.findings}, report.render()


def test_figure_mismatch_names_the_ledger_value() -> None:
    text = _text("bulletin", None)
    match = _first_figure(text, r"(\d+\.\d+)亿元")
    report = _check_md(_bump(text, r"(\d+\.\d+)亿元"))
    finding = next(f for f in report.findings if f.rule == "figure-mismatch")
    assert finding.message.startswith("写作 ")
    assert f"台账计算为 {match.group(1)}亿元" in finding.message


# ── broken copies: the .docx package ────────────────────────────────────────────────────────


def _mutate_part(data: bytes, part: str, old: str, new: str, count: int = 1) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == part:
                xml = content.decode("utf-8")
                assert old in xml, (part, old)
                content = xml.replace(old, new, count).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def _styles_mutation(old: str, new: str):
    """Return a mutation of the Normal (正文) style's definition in styles.xml."""
    def mutate(data: bytes) -> bytes:
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode("utf-8")
        match = re.search(r'<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?</w:style>', xml)
        assert match and old in match.group(0), old
        return _mutate_part(data, "word/styles.xml", match.group(0), match.group(0).replace(old, new, 1))
    return mutate


DOCX_MUTATIONS = [
    ("layout-page-size", lambda d: _mutate_part(d, "word/document.xml", 'w:w="11906" w:h="16838"',
                                                'w:w="12240" w:h="15840"')),
    ("layout-margins", lambda d: _mutate_part(d, "word/document.xml", 'w:top="2098"', 'w:top="1440"')),
    ("layout-font", _styles_mutation(r'w:eastAsia="仿宋_GB2312"', 'w:eastAsia="宋体"')),
    ("layout-font", _styles_mutation(r'w:eastAsia="仿宋_GB2312"', 'w:eastAsiaTheme="minorEastAsia"')),
    ("layout-size", _styles_mutation(r'<w:sz w:val="32"/>', '<w:sz w:val="28"/>')),
    ("layout-line-pitch", _styles_mutation(r'w:line="579" w:lineRule="exact"', 'w:line="360" w:lineRule="auto"')),
    ("layout-line-pitch", lambda d: _mutate_part(d, "word/document.xml", 'w:linePitch="579"', 'w:linePitch="312"')),
    ("layout-page-number", lambda d: _mutate_part(d, "word/footer1.xml", " PAGE ", " DATE ")),
    ("layout-page-number", lambda d: _mutate_part(d, "word/footer1.xml", "— ", "- ")),
    ("layout-page-number", lambda d: _mutate_part(d, "word/footer2.xml", 'w:val="left"', 'w:val="right"')),
    ("layout-page-number", lambda d: _mutate_part(d, "word/settings.xml", "<w:evenAndOddHeaders/>", "")),
]


@pytest.mark.parametrize(("kind", "frame"), [("speech", sorted(FRAMES)[0]), ("bulletin", None), ("notice", None)])
@pytest.mark.parametrize(("rule", "mutate"), DOCX_MUTATIONS, ids=[m[0] for m in DOCX_MUTATIONS])
def test_broken_docx_is_found(kind: str, frame: str | None, rule: str, mutate) -> None:
    broken = mutate(_docx(kind, frame))
    report = _check_docx(broken)
    assert rule in {f.rule for f in report.findings}, report.render()


def test_direct_formatting_on_a_run_is_checked() -> None:
    data = _docx("bulletin", None)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    # The first body run of a plain paragraph gets a 宋体 override, as a pasted passage would.
    match = re.search(r'<w:p><w:r><w:rPr><w:rFonts w:hint="eastAsia"/>', xml)
    assert match
    broken = _mutate_part(data, "word/document.xml", match.group(0),
                          '<w:p><w:r><w:rPr><w:rFonts w:hint="eastAsia" w:eastAsia="宋体"/><w:sz w:val="24"/>')
    rules = {f.rule for f in _check_docx(broken).findings}
    assert {"layout-font", "layout-size"} <= rules
