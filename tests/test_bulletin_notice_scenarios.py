"""Issue 11: bulletins and inspection notices as offices send them — 表扬和批评 by the gap,
breakdowns, the laggard list, complete notices — asserted on the generated text, one scenario a
test: the example city (ahead units and far-behind units), the city ahead of 时序进度, every unit
behind, one unit more than 10 百分点 behind, no 产业类别 column, no inspection.groups, and a
meeting file without inspection dates or contact."""

from __future__ import annotations

import re

from compose_scenarios import _facts, _scaled, ahead, example, example_dossier, february
from speechgen.compose import compose
from speechgen.compose.draft import most_lagging
from speechgen.compose.guards import draft_warnings
from speechgen.model import HonorRoll, Inspection, InspectionGroup
from speechgen.zh.units import addressee_line


def _part(text: str, heading: str) -> str:
    """Return the text of the part under ``## heading`` (to the next part), "" when absent."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |^# |\Z)", text, re.S | re.M)
    return match.group(1) if match else ""


def _sentences(text: str) -> set[str]:
    body = text.split("\n---\n", 1)[1]
    lines = [line for line in body.splitlines() if line and not line.startswith(("|", "#"))]
    return {s for line in lines for s in re.split(r"(?<=[。；：])", line) if len(s) > 6}


def test_example_city_praises_the_units_ahead_and_criticises_the_far_behind() -> None:
    facts = example()
    text = compose("bulletin", facts, seed=1)
    honor = _part(text, "通报表扬和批评")
    ahead_units = [g for g in facts.by_district if g.gap_points is not None and g.gap_points > 0]
    far = [g for g in facts.by_district if g.gap_points is not None and g.gap_points < -10]
    assert ahead_units and far
    for g in ahead_units:  # by name, with the lead in 百分点
        assert f"{g.key}（完成率{g.completion_rate}%，高出{g.gap_points}个百分点）" in honor
    for g in far:
        assert f"{g.key}（完成率{g.completion_rate}%，落后{-g.gap_points}个百分点）" in honor
    behind_not_far = [g for g in facts.by_district if g.gap_points is not None and -10 <= g.gap_points < 0]
    assert all(g.key + "（" not in honor for g in behind_not_far)  # 西湖区 is neither praised nor blamed
    assert "予以通报表扬" in honor and "予以通报批评" in honor
    for lag in most_lagging(facts):
        assert lag.project.name in honor and lag.project.status.started


def test_city_ahead_opens_without_alarm_and_praises() -> None:
    text = compose("bulletin", ahead(), seed=1)
    lead = text.split("\n---\n", 1)[1].split("## 基本情况")[0]
    assert "快于时序进度" in lead or "掌握" in lead or "汇总" in lead
    assert "明显滞后" not in lead and "落后" not in lead
    assert "予以通报表扬" in _part(text, "通报表扬和批评")


def test_all_behind_has_no_praise_and_no_highlights() -> None:
    dossier = example_dossier()
    facts = _facts(dossier, _scaled(dossier.projects, "0.6"))  # every unit behind, the city 19 points behind
    assert all(g.gap_points < 0 for g in facts.by_district)
    for seed in (1, 2, 3):
        text = compose("bulletin", facts, seed=seed)
        honor = _part(text, "通报表扬和批评")
        assert "表扬" not in honor and "予以通报批评" in honor
        assert "既有亮点" not in text and "有序推进" not in text
        lead = text.split("\n---\n", 1)[1].split("## 基本情况")[0]
        assert any(w in lead for w in ("落后时序进度", "没有达到时序", "慢于时序进度"))  # the tone follows the gap
        assert "掌握" not in lead  # no neutral opening when 10 points behind


def test_one_unit_more_than_ten_behind_is_the_only_unit_blamed() -> None:
    dossier = example_dossier()
    # every unit but 青河县 brought level with or ahead of the schedule
    projects = [p if p.district == "青河县" else p.model_copy(update={"completed": p.annual_plan / 2})
                for p in dossier.projects]
    facts = _facts(dossier, projects)
    far = [g.key for g in facts.by_district if g.gap_points is not None and g.gap_points < -10]
    assert far == ["青河县"]
    honor = _part(compose("bulletin", facts, seed=1), "通报表扬和批评")
    blamed_units = honor.split("予以通报批评")[0]
    assert "青河县（完成率" in blamed_units
    assert not any(f"{g.key}（完成率" in honor and "落后" in honor.split(f"{g.key}（完成率")[1][:12]
                   for g in facts.by_district if g.key != "青河县")


def test_honor_roll_words_come_from_the_meeting_file() -> None:
    facts = _facts(example_dossier(), honor_roll=HonorRoll(heading="红黑榜", praise="列入红榜", blame="列入黑榜"))
    text = compose("bulletin", facts, seed=1)
    honor = _part(text, "红黑榜")
    assert "列入红榜" in honor and "列入黑榜" in honor and "通报表扬" not in text


def test_breakdowns_by_category_and_nature_with_laggards() -> None:
    facts = example()
    text = compose("bulletin", facts, seed=1)
    situation = _part(text, "基本情况")
    assert "产业类别" in situation and "建设性质" in situation
    assert "技改项目" in situation and "68.6%" in situation and "26.9个百分点" in situation  # 技改 vs 时序进度
    share = f"{len(facts.laggards)}个，占项目总数的32.0%"
    assert share in text


def test_no_category_column_says_no_breakdown() -> None:
    dossier = example_dossier()
    facts = _facts(dossier, [p.model_copy(update={"category": None, "nature": None}) for p in dossier.projects])
    text = compose("bulletin", facts, seed=1)
    assert "产业类别" not in text and "建设性质" not in text and "技改" not in text


def test_starts_point_carries_its_figure_and_the_lowest_unit() -> None:
    facts = example()
    text = compose("bulletin", facts, seed=1)
    point = next(p for p in _part(text, "存在问题").split("\n\n") if "开工" in p.split("。")[0])
    assert "18.0%" in point  # 9 of 50 not started
    lowest = min(g.start_rate for g in facts.by_district)
    names = [g.key for g in facts.by_district if g.start_rate == lowest]
    assert all(n in point for n in names) and f"{lowest}%" in point


def test_district_table_and_laggard_list() -> None:
    facts = example()
    text = compose("bulletin", facts, seed=1)
    assert "| 与时序进度比（百分点） | 滞后项目数 |" in text
    assert "| 青河县 | 7 | 5 | 71.4% | 13.00 | 2.24 | 17.2% | -24.5 | 4 | 6 |" in text
    annex = text.split("# 附件2 滞后项目清单")[1]
    assert "| 序号 | 项目名称 | 责任单位 | 包保领导 | 完成率 | 与时序进度比（百分点） | 存在问题 | 整改时限 |" in annex
    for lag in facts.laggards:  # the ledger's own 存在问题 text, not its category
        assert lag.project.name in annex and (lag.project.problem or "") in annex
    assert annex.count("| 7月底 |") == len(facts.laggards)


def test_notice_has_every_element_of_a_real_one() -> None:
    facts = _facts(example_dossier(), authorized_by="经市政府同意")
    text = compose("notice", facts, seed=1)
    body = text.split("\n---\n", 1)[1]
    assert "经市政府同意，决定" in body.split("## 督查内容")[0]
    assert "| 组别 | 带队领导 | 成员单位 | 负责县区（园区） |" in body
    assert "| 第一组 | 市发展改革委副主任 张华 | 市发展改革委、市自然资源和规划局 | 东城区、西湖区 |" in body
    assert "三个督查组" in body
    assert "自查报告" in body and "整改措施" in body and "2026年6月12日前" in body and "市重点项目办" in body
    assert "通报" in _part(text, "工作要求") and "考核" in body and "约谈" in body
    assert "联系人：周敏，联系电话：0000-3216688，电子邮箱：zdxmb@example.cn。" in body
    assert body.count("### 项目开工情况") + body.count("### 逾期未开工项目情况") <= 1  # one 开工 item
    assert "### 项目建设进展情况" in body or "### 投资完成和形象进度情况" in body
    rows = [line for line in text.split("# 附件 重点项目督查清单")[1].splitlines() if line.startswith("| ")][2:]
    assert len(rows) == len(facts.laggards)
    assert draft_warnings("notice", facts) == ()


def test_notice_without_groups_dates_or_contact_is_visibly_hollow() -> None:
    facts = _facts(example_dossier(), inspection=Inspection(groups=2), contact=None, authorized_by=None)
    text = compose("notice", facts, seed=1)
    assert re.search(r"[两二]个督查组", text) and "| 组别 |" not in text
    assert "督查时间（时间待定）" in text and "报送时间（时间待定）" in text and "联系人及联系电话：（待定）" in text
    assert "经市政府同意" not in text
    warned = {w.column for w in draft_warnings("notice", facts)}
    assert warned == {"inspection.start、inspection.end", "inspection.report_by", "contact"}


def test_inspection_groups_count_follows_the_list() -> None:
    groups = (InspectionGroup(name="第一组", leader="张华"), InspectionGroup(name="第二组"))
    assert Inspection(groups=groups).group_count == 2 and Inspection(groups=3).group_count == 3


def test_addressee_from_the_units_and_doc_numbers_per_kind() -> None:
    assert addressee_line(["东城区", "高新区"], "市") == "各县（市、区）人民政府、高新区管委会，市直有关单位"
    assert addressee_line(["城关镇", "青山街道"], "县") == "各乡（镇）人民政府、街道办事处，县直有关单位"
    facts = _facts(example_dossier(), addressee=None)  # 主送 from the units
    bulletin, notice = compose("bulletin", facts), compose("notice", facts)
    assert 'addressee: "各县（市、区）人民政府、高新区管委会，市直有关单位"' in bulletin
    assert 'doc_number: "示项办〔2026〕12号"' in bulletin and 'doc_number: "示项办〔2026〕13号"' in notice
    assert draft_warnings("bulletin", facts) == ()
    shared = _facts(example_dossier(), doc_numbers={}, doc_number="示项办〔2026〕12号")
    assert [w.column for w in draft_warnings("bulletin", shared)] == ["doc_number"]
    assert draft_warnings("bulletin", shared, doc_number="示项办〔2026〕14号") == ()


def test_two_seeds_of_a_bulletin_share_at_most_half_their_sentences() -> None:
    facts = example()
    one, two = _sentences(compose("bulletin", facts, seed=1)), _sentences(compose("bulletin", facts, seed=2))
    assert len(one & two) / min(len(one), len(two)) <= 0.5, sorted(one & two)


def test_the_requirements_on_factors_and_services_do_not_say_the_same_thing_twice() -> None:
    facts = example()
    for seed in range(1, 9):
        requirements = _part(compose("bulletin", facts, seed=seed), "下步工作要求")
        assert requirements.count("要素保障") <= 1 and requirements.count("限时") <= 1, (seed, requirements)
        assert requirements.count("反馈") <= 1, (seed, requirements)


def test_two_seeds_of_a_notice_share_at_most_sixty_percent_of_their_sentences() -> None:
    facts = example()
    one, two = _sentences(compose("notice", facts, seed=1)), _sentences(compose("notice", facts, seed=2))
    assert len(one & two) / min(len(one), len(two)) <= 0.6, sorted(one & two)


def test_early_in_the_year_the_notice_is_about_starts() -> None:
    for seed in (1, 2, 3):
        body = compose("notice", february(), seed=seed).split("\n---\n", 1)[1]
        purpose, content = body.split("## 督查内容")[0], body.split("## 督查内容")[1].split("## 督查方式")[0]
        assert "开工" in purpose, purpose
        items = [line for line in content.splitlines() if line.startswith("### ")]
        assert "开工" in items[0] and any("进展" in i or "形象进度" in i for i in items), items


def test_the_web_form_keeps_listed_inspection_groups() -> None:
    import json

    from speechgen.sources.meeting import parse_meeting
    from speechgen.web.meeting_form import form_values, meeting_file

    read = example().meeting.model_dump(mode="json")
    shown = form_values(read)
    assert shown["inspection.groups"] == "3"
    kept = parse_meeting(meeting_file(shown, read))[0].inspection
    assert kept is not None and [g.name for g in kept.group_list] == ["第一组", "第二组", "第三组"]
    counted = parse_meeting(meeting_file({**shown, "inspection.groups": "5"}, read))[0].inspection
    assert counted is not None and counted.groups == 5
    assert json.loads(meeting_file(shown, read).data)["inspection"]["groups"][0]["leader"] == "市发展改革委副主任 张华"
