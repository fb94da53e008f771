"""The figure rule: amounts, rates, 百分点 and counts traced to a small hand-computed ledger."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from speechgen.check import check_source, read_bytes
from speechgen.check.figures import find_figures
from speechgen.facts import compute_facts
from speechgen.model import Dossier, Meeting, Project, Stage

MEETING = Meeting(region="示例市", meeting="全市重点项目调度会", date=dt.date(2026, 6, 5),
                  as_of=dt.date(2026, 5, 31))  # 时序进度 41.7%


def _project(name: str, district: str, status: str, plan: str, done: str, total: str, **extra) -> Project:
    return Project(name=name, district=district, owner=f"{district}发改局", status=Stage(status),
                   annual_plan=D(plan), completed=D(done), total=D(total), **extra)


FACTS = compute_facts(Dossier(meeting=MEETING, projects=(
    _project("甲项目", "东城区", "在建", "60000", "30000", "250000"),  # 50.0%
    _project("乙项目", "东城区", "前期", "3000", "0", "12000", planned_start=dt.date(2026, 3, 1),
             problem="用地指标缺口15亩，资金缺口0.8亿元"),
    _project("丙项目", "西城区", "投产", "20000", "6000", "80000"),  # 30.0%
)))
# Whole ledger: 3 projects, 2 started; total 34.2亿元; plan 83000万元 = 8.3亿元; completed 3.6亿元;
# completion 36000/83000 = 43.4%, 1.7 points ahead of 41.7%; 乙 is the one laggard (overdue).


def _findings(sentence: str) -> list:
    text = f"一、总体情况\n{sentence}\n二、下步工作\n内容。"
    return [f for f in check_source(read_bytes(text.encode(), "稿.txt", "txt"), facts=FACTS).findings
            if f.rule.startswith("figure")]


@pytest.mark.parametrize("sentence", [
    "全市3个重点项目完成投资3.6亿元，完成年度计划的43.4%，高于时序进度1.7个百分点。",
    "年度计划投资8.3亿元，总投资34.2亿元，已开工2个，开工率66.7%。",
    "甲项目完成投资30000万元，完成率50%；丙项目完成率30.0%，落后时序进度11.7个百分点。",
    "东城区年度计划投资6.3亿元，西城区完成投资6000万元。",
    "全市投资约5亿元，近40%的项目进展较好，300多万元资金已到位。",  # approximations are not traced
    "乙项目用地指标缺口15亩，资金缺口0.8亿元。",  # quoted from the ledger's own words
    "时序进度为41.7%，滞后项目2个。",
])
def test_figures_from_the_ledger_pass(sentence: str) -> None:
    assert _findings(sentence) == []


def test_wrong_amount_names_the_nearest_ledger_value() -> None:
    [finding] = _findings("全市完成投资3.8亿元。")
    assert finding.rule == "figure-mismatch"
    assert finding.severity == "error"
    assert finding.message == "写作 3.8亿元，台账计算为 3.6亿元（全市完成投资）"
    assert "3.6亿元" in finding.fix


def test_rounding_is_exact_at_the_printed_precision() -> None:
    assert _findings("完成率43%。") == []  # 43.4% printed without decimals
    [finding] = _findings("完成率43.5%。")
    assert "43.4%" in finding.message


def test_wrong_points_and_counts() -> None:
    rules = [f.rule for f in _findings("高于时序进度1.9个百分点，已开工4个项目。")]
    assert rules == ["figure-mismatch", "figure-mismatch"]


def test_a_figure_far_from_anything_is_unknown() -> None:
    [finding] = _findings("全市完成投资950亿元。")
    assert finding.rule == "figure-unknown"
    assert finding.severity == "warning"


def test_find_figures_kinds() -> None:
    found = [(w.kind, str(w.value), w.places, w.unit) for w, _, _ in find_figures(
        "全市48个项目完成投资12.34亿元、560万元，完成率23.1%，落后18.6个百分点，已开工31项。")]
    assert found == [
        ("amount", "12.34", 2, "亿元"), ("amount", "560", 0, "万元"), ("points", "18.6", 1, "个百分点"),
        ("percent", "23.1", 1, "%"), ("count", "48", 0, "个"), ("count", "31", 0, "个"),
    ]


def test_without_ledger_no_figure_rule() -> None:
    text = "一、情况\n全市完成投资950亿元。\n二、打算\n内容。"
    report = check_source(read_bytes(text.encode(), "稿.txt", "txt"))
    assert not [f for f in report.findings if f.rule.startswith("figure")]
