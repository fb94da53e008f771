"""The outline of the drafts in tests/outline_corpus/ (written for these tests, in the shapes real
speeches, bulletins and notices take): each as .txt, as a .docx with one paragraph per line and
as a dialect .md, held to the outline a careful reader states in expected.yaml."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from speechgen.check import read_bytes
from speechgen.check.outline import outline_source, render_outline
from speechgen.cli import main

CORPUS = Path(__file__).resolve().parent / "outline_corpus"
sys.path.insert(0, str(CORPUS))
from score import compare, load_expected, report, score  # noqa: E402

EXPECTED = load_expected()


def _lines(name: str) -> list[str]:
    text = (CORPUS / "docs" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def _docx_bytes(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _markdown(lines: list[str], title: str | None) -> str:
    """Return the draft as a hand-written dialect .md: a blank line between paragraphs and its
    title as "# 标题" (a draft without one gets a title line, which the dialect requires)."""
    body = lines[1:] if title is not None and lines[0].strip() == title else lines
    return "\n\n".join([f"# {title or '讲话'}", *body])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_plain_text_outline_is_exactly_as_expected(name: str) -> None:
    expected = EXPECTED[name]
    got = outline_source(read_bytes((CORPUS / "docs" / name).read_bytes(), name, "txt")).to_json()
    assert compare(expected, got, every_field=True) == ()
    assert got["parts"], "a draft with a numbered part never has zero parts"
    short = expected["announced"] is not None and expected["announced"] != len(expected["parts"])
    assert bool(got["notes"]) is short, got["notes"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_docx_with_one_paragraph_per_line_has_the_same_parts(name: str) -> None:
    got = outline_source(read_bytes(_docx_bytes(_lines(name)), "稿.docx", "docx")).to_json()
    assert compare(EXPECTED[name], got) == ()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_markdown_draft_has_the_same_parts(name: str) -> None:
    text = _markdown(_lines(name), EXPECTED[name]["title"])
    got = outline_source(read_bytes(text.encode("utf-8"), "稿.md", "md")).to_json()
    assert compare(EXPECTED[name], got) == ()


def test_score_reports_the_share_that_comes_out_exactly() -> None:
    text = report(score(every_field=True))
    assert text.splitlines()[-1] == f"{len(EXPECTED)}/{len(EXPECTED)} documents (100%) come out exactly."


def _outline(text: str) -> dict:
    return outline_source(read_bytes(text.encode("utf-8"), "稿.txt", "txt")).to_json()


def test_fewer_parts_than_announced_is_noted_in_the_tree() -> None:
    source = read_bytes((CORPUS / "docs" / "01_partial_speech.txt").read_bytes(), "稿.txt", "txt")
    tree = render_outline(outline_source(source))
    assert "正文：1个部分" in tree
    assert "注意：开头说“讲三点意见”，正文只找到1个部分" in tree


def test_cli_outline_of_a_partial_draft(tmp_path: Path) -> None:
    path = tmp_path / "稿.txt"
    path.write_bytes((CORPUS / "docs" / "18_partial_two_of_four.txt").read_bytes())
    result = CliRunner().invoke(main, ["outline", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "正文：2个部分" in result.output
    assert "正文只找到2个部分" in result.output


@pytest.mark.parametrize(("opening", "announced"), [
    ("下面，我讲两点意见。", 2),
    ("我再强调四个方面。", 4),
    ("刚才，张局长讲了三点意见，我都同意。", None),  # someone else's points
    ("下面，我讲几点意见。", None),  # no number
])
def test_only_the_speakers_own_numbered_announcement_counts(opening: str, announced: int | None) -> None:
    text = f"同志们：\n{opening}\n一、抓开工\n要把开工抓紧。\n二、抓投资\n要把投资抓实。"
    got = _outline(text)
    assert got["announced"] == announced
    assert len(got["parts"]) == 2
    assert bool(got["notes"]) is (announced not in (None, 2))


def test_more_parts_than_announced_is_noted() -> None:
    got = _outline("同志们：\n我讲两点意见。\n一、抓开工\n要抓紧。\n二、抓投资\n要抓实。\n三、抓服务\n要抓细。")
    assert got["notes"] == ["开头说“讲两点意见”，正文却有3个部分"]


def test_colon_of_a_time_is_not_a_run_in_label() -> None:
    text = ("关于召开调度会的通知\n一、会议时间：6月12日上午8:30\n二、8:30准时开会，请提前到场。\n"
            "三、会议地点：市政府三楼会议室")
    parts = [(p["marker"], p["heading"]) for p in _outline(text)["parts"]]
    assert parts == [("一、", "会议时间"), ("二、", "8:30准时开会，请提前到场"), ("三、", "会议地点")]


def test_ascii_full_stop_between_chinese_words_ends_a_sentence_but_not_in_a_number() -> None:
    text = ("同志们:\n一、看清形势.投资增长1.5个百分点,势头不错.\n要保持.\n"
            "二、压实责任.各单位要抓好落实.\n要跟上.")
    parts = [(p["marker"], p["heading"]) for p in _outline(text)["parts"]]
    assert parts == [("一、", "看清形势"), ("二、", "压实责任")]


def test_short_line_is_never_split_as_a_run_on() -> None:
    # Under 200 characters: an ordinary paragraph with 一、二、 inside it stays one paragraph.
    text = "同志们：\n今年要做好两件事：一、抓开工；二、抓投资。"
    source = read_bytes(text.encode("utf-8"), "稿.txt", "txt")
    assert [p.text for p in source.paragraphs] == ["同志们：", "今年要做好两件事：一、抓开工；二、抓投资。"]
