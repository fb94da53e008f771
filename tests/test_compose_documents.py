"""Bulletins and notices: the parts of issue 4, the tables, and nothing invented."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from compose_checks import body, problems
from compose_sample import sample_facts, smooth_facts
from speechgen.compose import compose
from speechgen.facts import facts_for_group
from speechgen.model import Inspection


@pytest.fixture(scope="module")
def facts():
    return sample_facts()


def _table(text: str, header_start: str) -> list[list[str]]:
    lines = body(text).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| " + header_start))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return [rows[0], *rows[2:]]


def test_bulletin_has_every_part(facts) -> None:
    text = compose("bulletin", facts, seed=1)
    # a title longer than one 2号 line is turned between words (GB/T 9704 7.3.1)
    assert 'title: "关于2026年1—5月全市\\n重点项目推进情况的通报"' in text
    assert 'doc_number: "示项办〔2026〕12号"' in text
    assert 'addressee: "各县（市、区）人民政府、高新区管委会，市直有关单位"' in text
    assert 'cc: "市委办公室' in text and "printer:" in text
    main = body(text)
    assert "现将有关情况通报如下：" in main
    headings = [line for line in main.splitlines() if line.startswith("## ")]
    assert headings == ["## 基本情况", "## 通报表扬和批评", "## 存在问题", "## 下步工作要求"]
    assert main.count("\n### ") >= 3 and "特此通报。" in main
    assert "时序进度为41.7%" in main and "落后时序进度6.3个百分点" in main
    assert "北山光伏发电项目（责任单位：北山县发改局，包保领导：赵敏）" in main
    assert problems(text) == []


def test_bulletin_table_has_the_districts_and_a_total(facts) -> None:
    rows = _table(compose("bulletin", facts), "县区")
    assert rows[0] == ["县区（园区）", "项目数", "开工数", "开工率", "年度计划（亿元）", "完成投资（亿元）", "完成率",
                       "与时序进度比（百分点）", "滞后项目数", "排名"]
    assert [r[0] for r in rows[1:]] == ["东城区", "高新区", "南岗区", "西湖区", "北山县", "合计"]
    assert rows[1][:7] == ["东城区", "3", "3", "100.0%", "5.00", "2.52", "50.4%"] and rows[1][9] == "1"
    assert rows[1][7] == "+8.7"  # 50.4% against 41.7%
    assert rows[-1] == ["合计", "15", "12", "80.0%", "24.10", "8.52", "35.4%", "-6.3", str(len(facts.laggards)), "—"]


def test_notice_has_every_part(facts) -> None:
    text = compose("notice", facts, seed=1)
    assert 'title: "关于开展全市重点项目建设专项督查的通知"' in text
    main = body(text)
    assert "现将有关事项通知如下：" in main
    assert [line for line in main.splitlines() if line.startswith("## ")] == [
        "## 督查内容", "## 督查方式和时间安排", "## 工作要求"]
    assert "四个督查组" in main and "6月11日至14日" in main
    assert "2026年6月9日前" in main and "自查报告" in main
    assert "联系人：王强，联系电话：0000-1234567" in main
    assert "特此通知。" in main and "# 附件 重点项目督查清单" in main
    assert problems(text) == []


def test_notice_list_puts_laggards_first(facts) -> None:
    rows = _table(compose("notice", facts), "序号")
    assert rows[0] == ["序号", "项目名称", "县区（园区）", "责任单位", "包保领导", "完成率", "督查重点", "存在问题"]
    lagging = [lag.project.name for lag in facts.laggards]
    assert [r[1] for r in rows[1:]] == lagging  # the laggards only (--attach all lists every project)
    assert rows[1][6] == "逾期未开工"
    assert rows[1][7] == (facts.laggards[0].project.problem or "逾期未开工；用地问题")  # the ledger's own text
    assert rows[1][4] == "—"  # no 包保领导 in the ledger: a dash, not "None"
    every = _table(compose("notice", facts, attach="all"), "序号")
    assert len(every) == 1 + 15 and [r[0] for r in every[1:]] == [str(n) for n in range(1, 16)]


def test_notice_never_invents_dates_or_groups() -> None:
    text = compose("notice", sample_facts(inspection=None, contact=None))
    assert "督查时间（时间待定）" in text and "督查组" in text and "联系人及联系电话：（待定）" in text
    assert "另行通知" in text.split("### 时间安排")[0].split("### 督查方式")[1]  # the groups
    assert not re.search(r"[一二三四五六七八九十]个督查组", text)
    partial = compose("notice", sample_facts(inspection=Inspection(start=dt.date(2026, 6, 20))))
    assert "督查自6月20日开始" in partial and "报送时间（时间待定）" in partial
    assert not re.search(r"[一二三四五六七八九十]个督查组", partial)


def test_smooth_facts_bulletin_has_no_problem_list() -> None:
    text = compose("bulletin", smooth_facts(printer=None, cc=None, doc_number=None))
    issues = body(text).split("## 存在问题")[1].split("## 下步工作要求")[0]
    assert "滞后" not in issues.replace("没有明显滞后的项目", "") and "0个" not in text
    # the 版记 is complete without printer: 印发机关 the issuer, 印发日期 the document's date
    assert 'printer: "示例市重点项目建设领导小组办公室"' in text and "print_date:" in text and "doc_number:" not in text
    assert problems(text) == []


def test_per_district_notice_reads_for_that_district() -> None:
    from compose_sample import sample_dossier

    facts = facts_for_group(sample_dossier(), "district", "北山县")
    text = compose("notice", facts, seed=1)
    assert 'title: "关于开展北山县重点项目建设专项督查的通知"' in text
    assert "北山县纳入调度的3个重点项目" in text or "北山县3个重点项目" in text
    assert "北山县各项目现场" in text and "北山县和各责任单位" in text and "各县区" not in text
    other = compose("notice", facts_for_group(sample_dossier(), "district", "东城区"), seed=1)
    assert other != text.replace("北山县", "东城区")


def test_same_facts_same_text(facts) -> None:
    for kind in ("bulletin", "notice"):
        assert compose(kind, facts, seed=9) == compose(kind, facts, seed=9)
