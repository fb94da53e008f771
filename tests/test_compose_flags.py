"""Flags from facts, with the thresholds of docs/snippets.md, and the context names."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal as D
from pathlib import Path

from compose_sample import sample_facts
from speechgen.compose.context import CONTEXT_NAMES, build_context
from speechgen.compose.flags import KNOWN_FLAGS, compute_flags

DOCS = Path(__file__).resolve().parents[1] / "docs" / "snippets.md"


def test_sample_is_behind_with_laggards_and_land_problems() -> None:
    flags = compute_flags(sample_facts())
    assert {"behind", "has_laggards", "has_overdue", "has_problems", "problem_用地", "has_reporters",
            "uneven", "mid_year"} <= flags
    assert not flags & {"ahead", "on_track", "far_behind", "no_laggards", "many_not_started", "all_started"}


def test_far_behind_and_ahead() -> None:
    assert {"behind", "far_behind"} <= compute_flags(sample_facts(D("0.6")))
    ahead = compute_flags(sample_facts(D("1.4")))
    assert "ahead" in ahead and "behind" not in ahead


def test_season_and_reporters() -> None:
    assert "early_year" in compute_flags(sample_facts(as_of=dt.date(2026, 3, 31), date=dt.date(2026, 4, 5)))
    assert "late_year" in compute_flags(sample_facts(as_of=dt.date(2026, 10, 31), date=dt.date(2026, 11, 5)))
    assert "has_reporters" not in compute_flags(sample_facts(reporters=()))


def test_flags_documented_in_snippets_md_are_exactly_the_known_ones() -> None:
    section = DOCS.read_text(encoding="utf-8").split("## Flags")[1]
    documented = set()
    for row in section.splitlines():
        if row.startswith("| `"):
            documented |= set(re.findall(r"`([a-z_]+|problem_[^`]+)`", row.split("|")[1]))
    assert documented == set(KNOWN_FLAGS)


def test_context_has_exactly_the_documented_names() -> None:
    section = DOCS.read_text(encoding="utf-8").split("## Context")[1].split("## Flags")[0]
    documented = set()
    for row in section.splitlines():
        if row.startswith("| `"):
            documented |= set(re.findall(r"`([a-z_]+)`", row.split("|")[1]))
    context = build_context(sample_facts())
    assert set(context) == documented == set(CONTEXT_NAMES)


def test_context_values_are_formatted_by_zh() -> None:
    c = build_context(sample_facts())
    assert c["n_projects"] == 15 and c["n_started"] == 12 and c["n_not_started"] == 3
    assert c["start_rate"] == "80.0%"
    assert c["completed_amount"] == "8.52亿元" and c["plan_amount"] == "24.1亿元"
    assert c["completion_rate"] == "35.4%" and c["schedule_rate"] == "41.7%"
    assert c["gap_points"] == "6.3个百分点" and c["vs_schedule"] == "落后时序进度6.3个百分点"
    assert c["best_district"] == "东城区" and c["worst_district"] == "北山县"
    assert c["period"] == "1—5月" and c["as_of_text"] == "5月底" and c["date_text"] == "2026年6月5日"
    assert c["reporters_text"] == "东城区、北山县和市发展改革委"
    assert c["n_laggards"] == 5 and c["n_overdue"] == 2
    assert c["dominant_problem"] == "用地" and c["problem_types_text"] == "用地、资金和征迁等"
    assert c["laggard_names"].count("、") == 4 and not c["laggard_names"].endswith("等")
