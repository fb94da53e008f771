"""The label-aware figure rule on documents generated from examples/: every kind, every speech
frame and seeds 1–5 pass with no findings (dialect, plain text, .docx — tables included);
a mislabelled figure in them is caught and the right ledger figure named."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from speechgen import api
from speechgen.check import check_source, read_bytes
from speechgen.check.findings import Report
from speechgen.compose import FRAMES, compose
from speechgen.facts import Facts
from speechgen.zh import format_percent

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "examples" / "ledger.xlsx"
MEETING = ROOT / "examples" / "meeting.yaml"
KINDS = [("speech", frame) for frame in sorted(FRAMES)] + [("bulletin", None), ("notice", None)]
SEEDS = range(1, 6)


@cache
def _facts() -> Facts:
    return api.compute_facts(LEDGER, MEETING)


@cache
def _text(kind: str, frame: str | None, seed: int) -> str:
    return compose(kind, _facts(), frame=frame, seed=seed)  # type: ignore[arg-type]


def _check(data: bytes, fmt: str) -> Report:
    return check_source(read_bytes(data, f"稿.{fmt}", fmt), facts=_facts())  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(("kind", "frame"), KINDS)
def test_generated_dialect_and_text_pass(kind: str, frame: str | None, seed: int) -> None:
    text = _text(kind, frame, seed)
    for fmt, data in (("md", text.encode()), ("txt", api.render_markup(text, ".txt"))):
        report = _check(data, fmt)
        assert report.findings == (), f"{fmt}\n{report.render()}"


@pytest.mark.parametrize("seed", [2, 3, 4, 5])  # seed 1 in test_check_examples
@pytest.mark.parametrize(("kind", "frame"), KINDS)
def test_generated_docx_passes(kind: str, frame: str | None, seed: int) -> None:
    report = _check(api.render_markup(_text(kind, frame, seed), ".docx"), "docx")
    assert report.findings == (), report.render()


def test_hand_written_examples_pass_without_a_ledger() -> None:
    for path in sorted((ROOT / "examples").glob("*.md")):
        report = check_source(read_bytes(path.read_bytes(), path.name, "md"))
        assert report.findings == (), report.render()


def _swap(text: str, pattern: str, new: str) -> tuple[str, str]:
    """Return text with the first figure matching pattern (group 1) replaced by new, and the old."""
    match = re.search(pattern, text)
    assert match is not None, f"the generated text states no figure like {pattern}"
    start, end = match.span(1)
    return text[:start] + new + text[end:], match.group(1)


def test_a_start_rate_equal_to_a_district_completion_rate_is_caught() -> None:
    """The issue's case: 开工率 written as 北岭县's 完成率 was not reported at all."""
    facts = _facts()
    other = next(g for g in facts.by_district if g.completion_rate not in (None, facts.overall.start_rate))
    wrong = format_percent(other.completion_rate).rstrip("%")
    text, right = _swap(_text("speech", "cognition", 1), r"开工率(\d+\.\d)%", wrong)
    messages = [f.message for f in _check(text.encode(), "md").findings if f.rule.startswith("figure")]
    assert messages == [f"写作 {wrong}%，台账计算为 {right}%（全市开工率）"]


def test_a_transposed_amount_names_the_intended_figure() -> None:
    """46.81亿元 written 46.18亿元: the nearest 完成投资, not the nearest amount of any kind.

    Should the ledger's total ever end in two equal digits, the last one is mistyped instead."""
    text, right = _swap(_text("speech", "cognition", 1), r"完成投资(\d+\.\d\d)亿元", "")
    if right[-1] != right[-2]:
        wrong = right[:-2] + right[-1] + right[-2]
    else:
        wrong = right[:-1] + str((int(right[-1]) + 1) % 10)
    text = text.replace("完成投资亿元", f"完成投资{wrong}亿元", 1)
    findings = [f for f in _check(text.encode(), "md").findings if f.rule.startswith("figure")]
    assert [f.message for f in findings] == [f"写作 {wrong}亿元，台账计算为 {right}亿元（全市完成投资）"]


@pytest.mark.parametrize("fmt", ["md", "txt", "docx"])
def test_a_wrong_cell_in_the_bulletin_table_is_caught(fmt: str) -> None:
    text = _text("bulletin", None, 1)
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| ---")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    column = next(i for i, cell in enumerate(header) if cell.startswith("年度计划"))
    row = [cell.strip() for cell in rows[1].strip("|").split("|")]
    wrong = row[column][:-1] + ("1" if row[column][-1] != "1" else "2")
    broken_row = "| " + " | ".join([*row[:column], wrong, *row[column + 1:]]) + " |"
    broken = text.replace(rows[1], broken_row, 1)
    data = broken.encode() if fmt == "md" else api.render_markup(broken, f".{fmt}")
    findings = [f for f in _check(data, fmt).findings if f.rule.startswith("figure")]
    assert [(f.quote, f.message) for f in findings] == [
        (f"{row[0]}｜{header[column]}｜{wrong}",
         f"写作 {wrong}{header[column][-3:-1]}，台账计算为 {row[column]}{header[column][-3:-1]}"
         f"（{row[0]}年度计划投资）"),
    ]
