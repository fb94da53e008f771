"""督办通知 and 督办单 drafted from one group's facts: the tone follows the data (督办 behind
时序进度, 提醒 or 鼓励 otherwise, never a scolding), every figure is the group's, 主送 and the
written-report deadline, and every document passes `speechgen check` against the ledger."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from batch_samples import ROWS, project_row, write_ledger, write_meeting
from speechgen import api
from speechgen.batch.plan import PlanChoices, plan_batch
from speechgen.compose.observe import observe
from speechgen.compose.supervision import tone_of
from speechgen.errors import InputError
from speechgen.paths import resource_dir
from speechgen.sources import read_dossier

EXAMPLES = resource_dir("examples")
# Words that blame: a unit not behind 时序进度 never reads them about itself.
SCOLDING = ("督办如下", "督办要求", "整改", "问责", "约谈", "通报批评", "不力", "慢于时序", "落后时序进度",
            "差距较大", "纳入年度考核")


def _documents(tmp_path: Path, kind: str, per: str, rows=ROWS, only: str = "all", extra: str = "", **choices):
    dossier = read_dossier(write_ledger(tmp_path, rows), write_meeting(tmp_path, extra))
    label = {"supervision": "督办通知", "sheet": "督办单"}[kind]
    plan = plan_batch(dossier, PlanChoices(kind, label, per, only, (".md",), **choices))  # type: ignore[arg-type]
    return {doc.group.key: (doc, api.draft(kind, doc.facts, doc_number=doc.doc_number)) for doc in plan.documents}


def _body(text: str) -> str:
    return text.split("\n---\n", 1)[1]


def test_a_unit_behind_schedule_is_supervised_with_its_own_figures(tmp_path: Path) -> None:
    _, text = _documents(tmp_path, "supervision", "district", number_from=4)["青河县"]
    assert 'title: "关于加快推进青河县重点项目建设的督办通知"' in text
    assert 'doc_number: "示项办〔2026〕4号"' in text and 'addressee: "青河县人民政府"' in text
    assert "## 基本情况" in text and "## 存在问题" in text and "## 督办要求" in text
    # 青河县: 2 projects, 50000 万元 total, 1 started; 500 of 10000 万元 = 5.0%, 36.7 behind 41.7%
    assert "青河县纳入全市调度的重点项目共2个，总投资5亿元，已开工1个，开工率50.0%。" in text
    assert ("年度计划投资1亿元，累计完成投资500万元，完成率5.0%，落后时序进度36.7个百分点，"
            "在全市3个县区中居第3位。") in text
    # each project: 责任单位, 包保领导, where it stands, the ledger's problem, what must be done
    assert "### 青河县污水处理厂扩建" in text and "### 青河县农产品冷链物流园" in text
    assert ("该项目由青河县住建局负责，包保领导为副市长刘振宇，原计划3月开工，目前仍处于前期阶段。"
            "台账反映的主要问题是环评批复未取得。"
            "要加快办理前期手续、落实开工条件，尽早开工建设，加快环评审批。") in text
    assert "完成投资500万元，完成率为10.0%，落后时序进度31.7个百分点。台账反映的主要问题是土地指标尚未落实。" in text
    assert "请青河县人民政府于2026年6月20日前将整改情况书面报送市重点项目办。" in text
    assert "联系人：周敏，联系电话：0000-3216688。" in text


def test_a_unit_ahead_with_a_project_behind_is_reminded_not_scolded(tmp_path: Path) -> None:
    rows = [*ROWS, project_row("东城区智慧路灯改造", district="东城区", owner="东城区城管局", plan="1000", done="100")]
    _, text = _documents(tmp_path, "supervision", "district", rows)["东城区"]
    # 东城区: 6100 of 11000 = 55.5%, ahead of 41.7%; its 智慧路灯 project 10.0% is 滞后
    assert "完成率55.5%，高出时序进度13.8个百分点" in text
    assert 'title: "关于加快东城区滞后项目建设进度的提醒通知"' in text
    assert "## 需要关注的问题" in text and "### 东城区智慧路灯改造" in text and "## 工作要求" in text
    body = _body(text)  # what it says of the unit: its opening, its figures, its requirements
    about_unit = body.split("## 需要关注的问题")[0] + body.split("## 工作要求")[1]
    assert [word for word in SCOLDING if word in about_unit] == []
    assert "将上述项目的推进情况书面报送市重点项目办" in text


def test_a_unit_ahead_with_nothing_behind_is_encouraged(tmp_path: Path) -> None:
    doc, text = _documents(tmp_path, "supervision", "district")["东城区"]
    assert tone_of(doc.facts, observe(doc.facts)) == "encourage"
    assert 'title: "关于持续推进东城区重点项目建设的通知"' in text
    assert "需要关注" not in text and "存在问题" not in text
    assert [word for word in SCOLDING if word in _body(text)] == []


def test_a_unit_behind_without_a_laggard_names_its_slow_projects(tmp_path: Path) -> None:
    rows = [project_row("甲项目", "南山县", plan="10000", done="3500"), project_row("乙项目", "南山县", plan="10000",
                                                                              done="4500")]
    _, text = _documents(tmp_path, "supervision", "district", rows)["南山县"]
    assert "完成率40.0%，落后时序进度1.7个百分点" in text
    assert "没有完成率落后时序进度10个百分点以上的项目" in text
    assert "主要是甲项目完成率为35.0%，落后时序进度6.7个百分点" in text


def test_ties_and_peers_of_each_kind(tmp_path: Path) -> None:
    rows = [project_row("甲项目", "南山县", plan="1000", done="100"), project_row("乙项目", "北岭县", plan="1000",
                                                                             done="100"),
            project_row("丙项目", "青河县", plan="1000", done="900")]
    docs = _documents(tmp_path, "supervision", "district", rows, only="lagging")
    assert "在全市3个县区中并列第2位" in docs["南山县"][1] and "在全市3个县区中并列第2位" in docs["北岭县"][1]
    owners = _documents(tmp_path, "supervision", "owner", only="all")
    assert "在全市5个责任单位中居第" in owners["青河县发展改革局"][1]
    leaders = _documents(tmp_path, "supervision", "leader", only="all")
    assert "在全市2位包保领导中居第" in leaders["刘振宇（副市长）"][1]
    assert 'addressee: "刘振宇副市长办公室"' in leaders["刘振宇（副市长）"][1]


def test_feedback_date_from_the_meeting_or_the_option(tmp_path: Path) -> None:
    import datetime as dt

    _, text = _documents(tmp_path, "supervision", "district", feedback_by=dt.date(2026, 6, 25))["青河县"]
    assert "于2026年6月25日前将整改情况书面报送" in text
    write_meeting(tmp_path)
    meeting = (tmp_path / "meeting.yaml").read_text(encoding="utf-8").replace("feedback_by: 2026-06-20\n", "")
    (tmp_path / "meeting.yaml").write_text(meeting, encoding="utf-8")
    dossier = read_dossier(tmp_path / "台账.csv", tmp_path / "meeting.yaml")
    plan = plan_batch(dossier, PlanChoices("supervision", "督办通知", "district", "lagging", (".md",)))
    assert "请青河县人民政府及时将整改情况书面报送市重点项目办。" in api.draft("supervision", plan.documents[0].facts)


def test_a_sheet_is_one_projects_figures_in_a_form(tmp_path: Path) -> None:
    docs = _documents(tmp_path, "sheet", "project", only="lagging", number_from=9)
    assert list(docs) == ["青河县农产品冷链物流园", "青河县污水处理厂扩建"]
    _, text = docs["青河县农产品冷链物流园"]
    rows = dict(re.findall(r"^\| (.+?) \| (.*?) \|$", text, re.M))
    assert rows["督办事项"] == "加快推进青河县农产品冷链物流园建设"
    assert (rows["项目名称"], rows["所在县区"], rows["责任单位"], rows["包保领导"]) == (
        "青河县农产品冷链物流园", "青河县", "青河县发展改革局", "副市长刘振宇")
    assert (rows["计划开工"], rows["项目状态"], rows["年度计划投资"]) == ("2026年1月", "在建", "5000万元")
    assert rows["完成投资"] == "500万元（截至5月底）" and rows["完成率"] == "10.0%，落后时序进度31.7个百分点"
    assert rows["存在问题"] == "投资进度滞后；土地指标尚未落实"
    assert rows["督办要求"] == "倒排工期、加大投入，尽快追上时序进度，加快用地报批和土地供应。"
    assert rows["办结时限"] == "2026年6月20日前将办理情况书面报送市重点项目办"
    assert rows["办理情况"] == "" and rows["督办单位"] == "示例市重点项目建设领导小组办公室"
    assert 'doc_number: "示项办〔2026〕9号"' in text and "kind: sheet" in text
    overdue = dict(re.findall(r"^\| (.+?) \| (.*?) \|$", docs["青河县污水处理厂扩建"][1], re.M))
    assert overdue["督办事项"] == "督促青河县污水处理厂扩建尽快开工建设"
    assert overdue["完成投资"] == "截至5月底尚未完成投资"
    assert overdue["存在问题"] == "已过计划开工时间仍未开工；环评批复未取得"


def test_a_sheet_is_for_one_project_only() -> None:
    ledger, meeting = EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml"
    with pytest.raises(InputError, match="督办单一个项目一张") as caught:
        api.generate_from_bytes(api.GenerateRequest("sheet", *_files(ledger, meeting)))
    assert "batch sheet --per project" in caught.value.problems[0].hint  # type: ignore[operator]


def _files(*paths: Path) -> list[api.InputFile]:
    return [api.InputFile(path.name, path.read_bytes()) for path in paths]


@pytest.mark.parametrize(("kind", "per"), [("supervision", "district"), ("supervision", "owner"),
                                          ("supervision", "leader"), ("sheet", "project")])
def test_every_document_of_the_example_passes_check_against_the_ledger(tmp_path: Path, kind: str, per: str) -> None:
    ledger, meeting = EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml"
    dossier = read_dossier(ledger, meeting)
    label = {"supervision": "督办通知", "sheet": "督办单"}[kind]
    plan = plan_batch(dossier, PlanChoices(kind, label, per, "all", (".md",), number_from=1))  # type: ignore[arg-type]
    for doc in plan.documents:
        text = api.draft(kind, doc.facts, doc_number=doc.doc_number)
        path = tmp_path / f"{doc.stem}.md"
        path.write_text(text, encoding="utf-8")
        report = api.check(path, data=ledger, meeting=meeting)
        assert list(report.findings) == [], (doc.stem, report.render())
        docx = tmp_path / f"{doc.stem}.docx"
        docx.write_bytes(api.render_markup(text, ".docx"))
        assert api.check(docx, data=ledger, meeting=meeting).findings == (), doc.stem


def test_projects_without_a_leader_are_no_units_document_and_no_peer(tmp_path: Path) -> None:
    nobody = ("青河县", "无人包保项目", "青河县发展改革局", "", "30000", "5000", "450", "在建", "2026年1月", "", "")
    unrated = ("东城区", "未列计划项目", "东城区住建局", "李明（副市长）", "30000", "0", "0", "在建", "2026年1月",
               "", "")
    rows = [*ROWS, nobody, unrated]
    dossier = read_dossier(write_ledger(tmp_path, rows), write_meeting(tmp_path))
    plan = plan_batch(dossier, PlanChoices("supervision", "督办通知", "leader", "all", (".md",)))  # type: ignore[arg-type]
    assert [s.group.key for s in plan.skipped] == ["未填写"]
    assert "没有填写包保领导" in plan.skipped[0].reason
    made = {doc.group.key: api.draft("supervision", doc.facts) for doc in plan.documents}
    assert list(made) == ["刘振宇（副市长）", "王建国（副市长）", "李明（副市长）"]
    # 王建国 52.5%, 未填写 9.0%, 刘振宇 5.0%: 刘振宇 is second of the two named; 李明 has no rate
    assert "在全市2位包保领导中居第2位" in made["刘振宇（副市长）"]
    assert "在全市2位包保领导中居第1位" in made["王建国（副市长）"]
    assert "包保领导中" not in made["李明（副市长）"]


def test_a_leaders_notice_names_the_projects_as_theirs_to_bao_bao(tmp_path: Path) -> None:
    _, text = _documents(tmp_path, "supervision", "leader", only="all")["刘振宇（副市长）"]
    # turned where the writers turn it (writers/titles.py: between words, lines even)
    assert 'title: "关于加快推进刘振宇副市长\\n包保重点项目建设的督办通知"' in text
    assert "截至5月底，刘振宇副市长包保纳入全市调度的重点项目共2个" in text
    assert "刘振宇副市长包保的项目中有2个项目" in text and "刘振宇（副市长）" not in _body(text)
