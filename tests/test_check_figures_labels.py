"""The figure rule reads what a figure says it is: a mislabelled value that equals some other
ledger figure is caught, and the candidate named is the same metric of the same subject."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from speechgen import api
from speechgen.check import check_source, read_bytes
from speechgen.check.figures import find_figures
from speechgen.check.figures.index import facts_candidates
from speechgen.check.figures.labels import header_label, label_figure
from speechgen.facts import compute_facts
from speechgen.model import Dossier, Meeting, Project, Stage

MEETING = Meeting(region="示例市", meeting="全市重点项目调度会", date=dt.date(2026, 6, 5),
                  as_of=dt.date(2026, 5, 31))  # 时序进度 41.7%


def _project(name: str, district: str, status: str, plan: str, done: str, total: str, **extra) -> Project:
    owner = extra.pop("owner", f"{district}发改局")
    return Project(name=name, district=district, owner=owner, status=Stage(status),
                   annual_plan=D(plan), completed=D(done), total=D(total), **extra)


FACTS = compute_facts(Dossier(meeting=MEETING, projects=(
    _project("甲项目", "东城区", "在建", "60000", "30000", "250000"),  # 50.0%, 8.3 points ahead
    _project("乙项目", "东城区", "前期", "3000", "0", "12000", planned_start=dt.date(2026, 3, 1),
             problem="用地指标缺口15亩，资金缺口0.8亿元"),  # overdue
    _project("丙项目", "西城区", "投产", "20000", "6000", "80000"),  # 30.0%, 11.7 behind
    _project("丁项目", "西城区", "在建", "40000", "12000", "60000", owner="西城区城投公司"),  # 30.0%
)))
# 全市: 4 projects, 3 started (75.0%), 1 not started; total 40.2亿元, plan 12.3亿元, completed
# 4.8亿元 (39.0%), 2.7 points behind; 3 laggards (乙 overdue, 丙 and 丁 behind).
# 东城区: 2 projects, 1 started (50.0%); total 26.2亿元, plan 6.3亿元, completed 3亿元 (47.6%,
# 5.9 ahead, 8.6 above 全市). 西城区: 2 started (100.0%); total 14亿元, plan 6亿元, completed
# 1.8亿元 (30.0%, 11.7 behind, 9.0 below 全市).
NAMES = facts_candidates(FACTS).names


def _findings(sentence: str) -> list:
    text = f"一、总体情况\n{sentence}\n二、下步工作\n内容。"
    return [f for f in check_source(read_bytes(text.encode(), "稿.txt", "txt"), facts=FACTS).findings
            if f.rule.startswith("figure")]


def _label(sentence: str, figure: str):
    """Return the label of the figure ("涉及|1个": the one after 涉及)."""
    before, _, figure = figure.rpartition("|")
    at = sentence.index(before + figure) + len(before)
    for written, start, end in find_figures(sentence):
        if (start, sentence[start:end]) == (at, figure):
            return label_figure(sentence, written.kind, start, end, NAMES, listed=written.listed)
    raise AssertionError(f"no figure {figure} in {sentence}")


# ── labels ──────────────────────────────────────────────────────────────────────────────────

PROGRESS = "1—5月累计完成投资4.8亿元，占年度计划12.3亿元的39.0%，落后时序进度2.7个百分点。"


@pytest.mark.parametrize(("sentence", "figure", "metric", "subjects"), [
    ("全市纳入调度的重点项目共4个，总投资40.2亿元，已开工3个，开工率75.0%。", "4个", "projects", {"全市"}),
    ("全市纳入调度的重点项目共4个，总投资40.2亿元，已开工3个，开工率75.0%。", "40.2亿元", "total", {"全市"}),
    ("全市纳入调度的重点项目共4个，总投资40.2亿元，已开工3个，开工率75.0%。", "3个", "started", {"全市"}),
    ("全市纳入调度的重点项目共4个，总投资40.2亿元，已开工3个，开工率75.0%。", "75.0%", "start_rate", {"全市"}),
    (PROGRESS, "4.8亿元", "completed", {"全市"}),  # no name in the paragraph: the whole ledger
    (PROGRESS, "12.3亿元", "plan", {"全市"}),
    (PROGRESS, "39.0%", "completion_rate", {"全市"}),
    (PROGRESS, "2.7个百分点", "gap_schedule", {"全市"}),
    ("按月测算，时序进度为41.7%。", "41.7%", "schedule", {"全市"}),
    ("分县区看，东城区完成率最高，为47.6%；西城区最低，仅为30.0%。", "47.6%", "completion_rate", {"东城区"}),
    ("分县区看，东城区完成率最高，为47.6%；西城区最低，仅为30.0%。", "30.0%", "completion_rate", {"西城区"}),
    ("西城区完成率低于全市平均9.0个百分点。", "9.0个百分点", "gap_overall", {"西城区"}),
    ("丙项目（责任单位：西城区发改局，包保领导：张三）完成率仅为30.0%，落后时序进度11.7个百分点。",
     "11.7个百分点", "gap_schedule", {"丙项目"}),
    ("西城区城投公司负责的项目完成投资1.2亿元。", "1.2亿元", "completed", {"丁项目"}),
    ("还有1个项目未开工。", "1个", "not_started", {"全市"}),
    ("有1个项目已过计划开工时间仍未开工。", "1个", "overdue", {"全市"}),
    ("落后时序进度10个百分点以上或逾期未开工的项目有3个。", "3个", "laggards", {"全市"}),
    ("落后时序进度10个百分点以上或逾期未开工的项目有3个。", "10个百分点", "threshold", {"全市"}),
    ("重点是3个进度滞后或逾期未开工的项目。", "3个", "laggards", {"全市"}),
    # "……的项目共有N个" counts the projects the qualifier picks, not all of them
    ("完成率落后时序进度10个百分点以上的项目共有3个。", "3个", "laggards", {"全市"}),
    ("已开工的项目共有3个。", "3个", "started", {"全市"}),
    ("未开工的重点项目共有1个。", "1个", "not_started", {"全市"}),
    ("从反映的问题看，1个项目存在制约因素，其中用地问题涉及1个项目。", "1个", "problems", {"全市"}),
    ("从反映的问题看，1个项目存在制约因素，其中用地问题涉及1个项目。", "涉及|1个", "problems", {"用地问题"}),
    ("全市4个项目已开工3个。", "4个", None, {"全市"}),  # 已开工 is the 3's
    ("此外，丙项目、丁项目等2个项目也存在投资进度滞后的问题。", "2个", None, {"丙项目", "丁项目"}),
    ("全市完成固定资产投资950亿元。", "950亿元", None, {"全市"}),  # not the ledger's 完成投资
    ("去年同期，全市完成投资4.2亿元。", "4.2亿元", None, {"全市"}),  # another period's
    ("开工率比上年提高5.0%。", "5.0%", None, {"全市"}),  # a comparison, not the rate
    ("个别项目完成率只有5.0%。", "5.0%", "completion_rate", set()),  # some projects: no subject implied
    ("东城区完成率47.6%。开工率为50.0%。", "50.0%", "start_rate", {"东城区"}),  # the paragraph's subject
    ("东城区、西城区完成率分别为47.6%、30.0%。", "30.0%", "completion_rate", {"西城区"}),
])
def test_label(sentence: str, figure: str, metric: str | None, subjects: set[str]) -> None:
    label = _label(sentence, figure)
    assert (label.metric, set(label.subjects)) == (metric, subjects)


@pytest.mark.parametrize(("header", "expected"), [
    ("年度计划（亿元）", ("amount", "亿元", "plan")),
    ("完成投资（万元）", ("amount", "万元", "completed")),
    ("计划总投资（万元）", ("amount", "万元", "total")),
    ("完成率", ("percent", "%", "completion_rate")),
    ("完成率（%）", ("percent", "%", "completion_rate")),
    ("开工率", ("percent", "%", "start_rate")),
    ("项目数", ("count", "个", "projects")),
    ("开工数", ("count", "个", "started")),
    ("排名", ("count", "个", "rank")),
    ("序号", (None, None, None)),
    ("金额（万元）", ("amount", "万元", None)),
    ("上年同期完成投资（万元）", ("amount", "万元", None)),
])
def test_header_label(header: str, expected: tuple) -> None:
    assert header_label(header) == expected


# ── mislabelled figures: each equals another ledger figure, so only the label catches it ──────


@pytest.mark.parametrize(("sentence", "message"), [
    ("全市4个项目已开工3个，开工率50.0%。", "写作 50.0%，台账计算为 75.0%（全市开工率）"),
    ("东城区完成率39.0%。", "写作 39.0%，台账计算为 47.6%（东城区完成率）"),
    ("东城区完成投资3亿元，完成年度计划的39.0%。", "写作 39.0%，台账计算为 47.6%（东城区完成率）"),
    ("全市完成投资4.8亿元，占年度计划12.3亿元的30.0%。", "写作 30.0%，台账计算为 39.0%（全市完成率）"),
    ("按月测算，时序进度为39.0%。", "写作 39.0%，台账计算为 41.7%（时序进度）"),
    ("东城区完成率47.6%，高于时序进度8.3个百分点。",
     "写作 8.3个百分点，台账计算为 5.9个百分点（东城区与时序进度之差）"),
    ("丙项目完成率30.0%，落后时序进度8.3个百分点。", "写作 8.3个百分点，台账计算为 11.7个百分点（丙项目落后时序进度）"),
    ("西城区完成率低于全市平均8.6个百分点。", "写作 8.6个百分点，台账计算为 9.0个百分点（西城区与全市完成率之差）"),
    ("东城区总投资14亿元。", "写作 14亿元，台账计算为 26.2亿元（东城区总投资）"),
    ("西城区年度计划投资6.3亿元。", "写作 6.3亿元，台账计算为 6亿元（西城区年度计划投资）"),
    ("西城区完成投资3亿元。", "写作 3亿元，台账计算为 1.8亿元（西城区完成投资）"),
    ("东城区重点项目共4个。", "写作 4个，台账计算为 2个（东城区项目数）"),
    ("西城区已开工1个。", "写作 1个，台账计算为 2个（西城区已开工项目数）"),
    ("已开工的项目共有4个。", "写作 4个，台账计算为 3个（全市已开工项目数）"),
    ("全市还有3个项目未开工。", "写作 3个，台账计算为 1个（全市未开工项目数）"),
    ("全市滞后项目4个。", "写作 4个，台账计算为 3个（全市滞后项目数）"),
    ("西城区完成率47.6%，排名靠后。", "写作 47.6%，台账计算为 30.0%（西城区完成率）"),
    ("丙项目（责任单位：西城区发改局，包保领导：张三）完成率仅为50.0%。",
     "写作 50.0%，台账计算为 30.0%（丙项目完成率）"),
    ("西城区城投公司负责的项目完成投资0.6亿元。", "写作 0.6亿元，台账计算为 1.2亿元（丁项目完成投资）"),
])
def test_a_mislabelled_figure_is_caught_with_its_own_metric(sentence: str, message: str) -> None:
    findings = _findings(sentence)
    assert [(f.rule, f.message) for f in findings] == [("figure-mismatch", message)]


@pytest.mark.parametrize(("sentence", "messages"), [
    ("全市4个项目，已开工3个，未开工1个，其中处于前期阶段0个、具备条件尚未开工1个。",
     ["写作 0个，台账计算为 1个（全市状态为“前期”的项目数）",
      "写作 1个，台账计算为 0个（全市状态为“未开工”的项目数）"]),
    ("有2个项目已过计划开工时间仍未开工。", ["写作 2个，台账计算为 1个（逾期未开工项目数）"]),
    ("完成率落后时序进度11.7个百分点以上或逾期未开工的项目有3个。",
     ["写作 11.7个百分点，台账计算为 10.0个百分点（滞后判定标准）"]),
    ("从反映的问题看，1个项目存在制约因素，其中用地问题涉及2个项目。",
     ["写作 2个，台账计算为 1个（存在用地问题的项目数）"]),
    ("东城区完成率47.6%。开工率为100.0%。", ["写作 100.0%，台账计算为 50.0%（东城区开工率）"]),  # 西城区's
])
def test_stages_threshold_problems_and_the_paragraph_subject(sentence: str, messages: list[str]) -> None:
    assert [f.message for f in _findings(sentence)] == messages


def test_projects_a_qualifier_picks_are_not_all_the_projects() -> None:
    """"落后时序进度10个百分点以上的项目共有3个" is the laggards, not the 4 projects of the
    ledger; "新建成竣工、投产1个" is no figure of the 新建 projects (a 建设性质 is named 新建项目)."""
    assert _findings("完成率落后时序进度10个百分点以上的项目共有3个。") == []  # 乙项目 is one (0.0%)
    wrong = _findings("完成率落后时序进度10个百分点以上的项目共有4个。")
    assert [f.rule for f in wrong] == ["figure-mismatch"] and "滞后项目数" in wrong[0].message
    assert "全市项目数" not in wrong[0].message


def test_a_nature_is_named_with_its_projects() -> None:
    projects = (_project("甲项目", "东城区", "在建", "60000", "30000", "250000", nature="新建"),
                _project("乙项目", "东城区", "投产", "3000", "3000", "12000", nature="续建"),
                _project("丙项目", "西城区", "在建", "20000", "6000", "80000", nature="新建"),
                _project("丁项目", "西城区", "在建", "40000", "12000", "60000", nature="续建"))
    facts = compute_facts(Dossier(meeting=MEETING, projects=projects))
    names = facts_candidates(facts).names
    assert "新建项目" in names.names and "新建" not in names.names

    def found(sentence: str) -> list[str]:
        text = f"一、总体情况\n{sentence}\n二、下步工作\n内容。"
        return [f.message for f in check_source(read_bytes(text.encode(), "稿.txt", "txt"), facts=facts).findings
                if f.rule.startswith("figure")]

    assert found("本期新建成竣工、投产1个。") == []  # 乙项目 (续建): none of the 新建 projects is 投产
    assert found("新建项目完成率45.0%。") == []  # 3.6亿元 of 8亿元
    assert found("新建项目完成率30.0%。") == ["写作 30.0%，台账计算为 45.0%（新建完成率）"]


def test_a_sentence_about_some_projects_implies_no_subject() -> None:
    assert _findings("个别项目完成率只有30.0%。") == []  # 丙项目's: not held to 全市's 39.0%
    assert [f.message for f in _findings("全市完成率只有30.0%。")] == ["写作 30.0%，台账计算为 39.0%（全市完成率）"]


def test_digits_of_a_name_are_not_a_figure() -> None:
    facts = compute_facts(Dossier(meeting=MEETING, projects=(
        _project("东岭镇项目1", "东岭镇", "在建", "10000", "4000", "30000"),
        _project("东岭镇项目2", "东岭镇", "在建", "10000", "1000", "30000"),
        _project("河西镇项目2", "河西镇", "在建", "10000", "1000", "30000"),
    )))
    text = "一、情况\n其中，东岭镇项目1进展较好。此外，河西镇项目2、东岭镇项目22个项目完成率落后。\n二、打算\n内容。"
    report = check_source(read_bytes(text.encode(), "稿.txt", "txt"), facts=facts)
    assert [f.message for f in report.findings if f.rule.startswith("figure")] == []


def test_the_same_figures_rightly_labelled_pass() -> None:
    assert _findings("全市纳入调度的重点项目共4个，总投资40.2亿元，年度计划投资12.3亿元，累计完成投资4.8亿元，"
                     "完成年度计划的39.0%，落后时序进度2.7个百分点；已开工3个，开工率75.0%，还有1个项目未开工。"
                     "分县区看，东城区完成率最高，为47.6%，高于时序进度5.9个百分点；西城区最低，仅为30.0%，"
                     "低于全市平均9.0个百分点。东城区、西城区完成投资分别为3亿元、1.8亿元。"
                     "丙项目（责任单位：西城区发改局）完成率仅为30.0%，落后时序进度11.7个百分点。") == []


def test_a_list_after_fenbie_is_read_in_order() -> None:
    assert _findings("东城区、西城区完成率分别为47.6%、30.0%。") == []
    messages = [f.message for f in _findings("东城区、西城区完成率分别为30.0%、47.6%。")]
    assert messages == ["写作 30.0%，台账计算为 47.6%（东城区完成率）", "写作 47.6%，台账计算为 30.0%（西城区完成率）"]


def test_a_figure_far_from_its_labelled_fact_is_a_warning_naming_it() -> None:
    [finding] = _findings("全市完成投资950亿元。")  # perhaps the statistics office's figure
    assert finding.rule == "figure-unknown"
    assert finding.message == "写作 950亿元，台账中全市完成投资为 4.8亿元"


def test_a_slip_of_the_pen_is_an_error_however_far() -> None:
    [finding] = _findings("全市4个项目已开工3个，开工率57.0%。")  # 75.0 with its digits swapped
    assert finding.message == "写作 57.0%，台账计算为 75.0%（全市开工率）"


def test_without_a_label_any_ledger_figure_still_passes() -> None:
    assert _findings("全市到位资金3亿元，其中西城区1.8亿元。") == []  # equal to some 完成投资: not traced further
    [finding] = _findings("西城区到位资金1.9亿元。")
    assert finding.message == "写作 1.9亿元，台账计算为 1.8亿元（西城区完成投资）"  # the subject's nearest


def test_the_ledger_words_quoted_for_their_project_pass() -> None:
    assert _findings("乙项目用地指标缺口15亩，资金缺口0.8亿元。") == []


# ── tables: the metric from the column header, the subject from the row ──────────────────────

_TABLE = """---
kind: bulletin
title: 关于重点项目推进情况的通报
issuer: 示例市重点项目建设领导小组办公室
date: 2026-06-05
---

现将有关情况通报如下：

## 基本情况

全市共4个项目。

| 县区 | 项目数 | 开工率 | 年度计划（亿元） | 完成投资（万元） | 完成率 | 排名 |
| --- | --- | --- | --- | --- | --- | --- |
| 东城区 | 2 | 50.0% | 6.30 | 30000 | 47.6% | 1 |
| 西城区 | 2 | 100.0% | 6.00 | 18000 | 30.0% | 2 |
| 合计 | 4 | 75.0% | 12.30 | 48000 | 39.0% | — |

| 序号 | 县区 | 项目名称 | 责任单位 | 完成率 | 存在问题 |
| --- | --- | --- | --- | --- | --- |
| 1 | 东城区 | 乙项目 | 东城区发改局 | 0.0% | 资金缺口0.8亿元 |
| 2 | 西城区 | 丙项目 | 西城区发改局 | 30.0% | — |
"""


def _table_findings(text: str, fmt: str) -> list:
    data = text.encode() if fmt == "md" else api.render_markup(text, f".{fmt}")
    report = check_source(read_bytes(data, f"通报.{fmt}", fmt), facts=FACTS)  # type: ignore[arg-type]
    assert all(f.rule == "figure-mismatch" for f in report.findings if f.rule.startswith("figure"))
    return [(f.quote, f.message) for f in report.findings if f.rule.startswith("figure")]


@pytest.mark.parametrize("fmt", ["md", "txt", "docx"])
def test_table_cells_read_by_header_and_row(fmt: str) -> None:
    assert _table_findings(_TABLE, fmt) == []
    broken = (_TABLE.replace("| 东城区 | 2 | 50.0% | 6.30 |", "| 东城区 | 2 | 50.0% | 6.00 |")
              .replace("| 6.00 | 18000 | 30.0% |", "| 6.00 | 30000 | 47.6% |")
              .replace("| 合计 | 4 | 75.0%", "| 合计 | 2 | 50.0%")
              .replace("| 西城区 | 2 | 100.0% |", "| 西城区 | 2 | 10.0% |")  # far, but a cell: an error
              .replace("| 丙项目 | 西城区发改局 | 30.0% |", "| 丙项目 | 西城区发改局 | 50.0% |"))
    assert _table_findings(broken, fmt) == [
        ("东城区｜年度计划（亿元）｜6.00", "写作 6.00亿元，台账计算为 6.30亿元（东城区年度计划投资）"),
        ("西城区｜开工率｜10.0%", "写作 10.0%，台账计算为 100.0%（西城区开工率）"),
        ("西城区｜完成投资（万元）｜30000", "写作 30000万元，台账计算为 18000万元（西城区完成投资）"),
        ("西城区｜完成率｜47.6%", "写作 47.6%，台账计算为 30.0%（西城区完成率）"),
        ("合计｜项目数｜2", "写作 2，台账计算为 4（全市项目数）"),
        ("合计｜开工率｜50.0%", "写作 50.0%，台账计算为 75.0%（全市开工率）"),
        ("丙项目｜完成率｜50.0%", "写作 50.0%，台账计算为 30.0%（丙项目完成率）"),
    ]
