"""The rules issue 10 taught `speechgen check`: a sentence cut across two paragraphs
(paragraph-no-stop, paragraph-mid-sentence), praise of a unit the ledger shows behind
(praise-behind) and a leader named bare in a speech (leader-untitled)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechgen.check import check_source, read_bytes
from speechgen.cli import main
from speechgen.facts import compute_facts
from speechgen.model import Dossier, Meeting, Project, Stage

ROOT = Path(__file__).resolve().parents[1]
MEETING = Meeting(region="示例市", meeting="全市重点项目调度会", date=dt.date(2026, 6, 5),
                  as_of=dt.date(2026, 5, 31))  # 时序进度 41.7%


def _project(name: str, district: str, plan: str, done: str, leader: str | None = None) -> Project:
    return Project(name=name, district=district, owner=f"{district}发改局", status=Stage("在建"),
                   annual_plan=D(plan), completed=D(done), total=D(plan) * 4, leader=leader)


FACTS = compute_facts(Dossier(meeting=MEETING, projects=(
    _project("东城区物流园", "东城区", "10000", "6000", "赵文清（副市长）"),  # 60.0%: ahead
    _project("南山县冷链仓储", "南山县", "10000", "1000", "吴敏"),  # 10.0%: 31.7 behind, a laggard
    _project("南山县装备园", "南山县", "10000", "3500", "陈立华（市委常委、常务副市长）"),  # 35.0%
)))  # 南山县 22.5%, 19.2 points behind


def _rules(text: str, fmt: str = "txt", *, facts=FACTS) -> list[tuple[str, str, int | None]]:
    report = check_source(read_bytes(text.encode("utf-8"), f"稿.{fmt}", fmt), facts=facts)
    return [(f.rule, f.severity, f.paragraph) for f in report.findings
            if f.rule in ("paragraph-no-stop", "paragraph-mid-sentence", "praise-behind", "leader-untitled")]


SPLIT = ("# 在全市重点项目调度会上的讲话\n\n同志们：\n\n一、看清形势\n\n今年以来，项目总体平稳。"
         "此外，南山县冷链仓储\n\n也存在用地手续滞后的问题，要抓紧解决。\n\n二、压实责任\n\n要抓好落实。\n")


def test_a_sentence_split_across_two_paragraphs_is_found_on_both() -> None:
    found = _rules(SPLIT, "md", facts=None)
    assert found == [("paragraph-no-stop", "error", 4), ("paragraph-mid-sentence", "error", 5)]


def test_the_same_sentence_whole_is_clean() -> None:
    whole = SPLIT.replace("南山县冷链仓储\n\n也存在", "南山县冷链仓储也存在")
    assert _rules(whole, "md", facts=None) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("同志们：\n\n要把项目抓紧，\n\n二是把投资抓实。", [("paragraph-no-stop", "error", 2)]),
    ("同志们：\n\n要把项目抓紧。\n\n，把投资抓实。", [("paragraph-mid-sentence", "error", 3)]),
    ("同志们：\n\n今年以来，全市项目建设总体平稳，投资稳步增长\n\n下面，我讲两点意见。",
     [("paragraph-no-stop", "warning", 2)]),
])
def test_paragraphs_cut_in_plain_text(text: str, expected: list) -> None:
    assert _rules(text, facts=None) == expected


def test_headings_labels_and_a_notices_lines_are_not_held_to_a_stop() -> None:
    text = ("关于全市重点项目推进情况的通报\n\n各县（区）人民政府：\n\n一、总体情况\n\n项目总体平稳。\n\n"
            "（一）开工有序推进\n\n开工率稳步提高。\n\n附件：重点项目分地区推进情况表\n\n"
            "示例市人民政府办公室\n\n2026年6月5日\n\n抄送：市委办公室\n\n谢谢大家")
    assert _rules(text, facts=None) == []


def test_praise_of_a_unit_behind_is_an_error_naming_its_standing() -> None:
    text = "同志们：\n\n一、看成绩\n\n南山县进度走在前列，希望继续保持。\n\n二、看问题\n\n要抓紧。"
    report = check_source(read_bytes(text.encode(), "稿.txt", "txt"), facts=FACTS)
    praise = [f for f in report.findings if f.rule == "praise-behind"]
    assert len(praise) == 2  # 走在前列 and 希望继续保持
    assert praise[0].message == "称赞了南山县（“走在前列”），但台账中南山县完成率22.5%，落后时序进度19.2个百分点"
    assert praise[0].severity == "error"


@pytest.mark.parametrize(("sentence", "praised"), [
    ("南山县冷链仓储进展较快，值得肯定。", ["南山县冷链仓储", "南山县冷链仓储"]),  # a laggard project
    ("东城区走在前列，南山县落后时序进度19.2个百分点。", []),  # the praise is 东城区's
    ("南山县落后时序进度19.2个百分点，东城区走在前列。", []),
    ("南山县要力争走在前列。", []),  # a wish
    ("南山县还没有走在前列。", []),  # a denial
    ("快于时序进度的东城区，要继续保持；慢于时序进度的南山县，要加快追赶。", []),
    ("南山县完成率22.5%。希望继续保持。", ["南山县"]),  # 继续保持 of the sentence before
])
def test_whose_praise_it_is(sentence: str, praised: list[str]) -> None:
    text = f"同志们：\n\n一、看成绩\n\n{sentence}\n\n二、看问题\n\n要抓紧。"
    report = check_source(read_bytes(text.encode(), "稿.txt", "txt"), facts=FACTS)
    names = [f.message.split("（")[0].removeprefix("称赞了") for f in report.findings if f.rule == "praise-behind"]
    assert names == praised


def test_praise_is_not_judged_without_data() -> None:
    text = "同志们：\n\n南山县进度走在前列，希望继续保持。"
    assert _rules(text, facts=None) == []


@pytest.mark.parametrize(("sentence", "bare"), [
    ("由赵文清包保的东城区物流园要加快建设。", [("赵文清", "讲话中称“赵文清副市长”")]),
    ("南山县冷链仓储由吴敏负责包保。", [("吴敏", "讲话中称“吴敏同志”")]),
    ("陈立华要亲自过问。", [("陈立华", "讲话中称“陈立华常务副市长”")]),
    ("由赵文清副市长包保的项目，吴敏同志要盯紧。", []),
    ("副市长赵文清、市委常委、常务副市长陈立华要亲自过问。", []),
])
def test_leader_named_without_title_in_a_speech(sentence: str, bare: list) -> None:
    text = f"同志们：\n\n一、压实责任\n\n{sentence}\n\n二、强化保障\n\n要抓紧。"
    report = check_source(read_bytes(text.encode(), "稿.txt", "txt"), facts=FACTS)
    found = [(f.message.split("“")[1].split("”")[0], f.fix) for f in report.findings if f.rule == "leader-untitled"]
    assert found == bare


def test_a_bulletin_may_print_the_ledgers_names() -> None:
    text = ("关于重点项目推进情况的通报\n\n各县（区）人民政府：\n\n一、存在问题\n\n"
            "南山县冷链仓储（包保领导：吴敏）进度滞后。")
    assert [r for r in _rules(text) if r[0] == "leader-untitled"] == []


def test_cli_lists_and_ignores_the_new_rules(tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["check", "--list-rules"], catch_exceptions=False)
    for name in ("paragraph-no-stop", "paragraph-mid-sentence", "praise-behind", "leader-untitled"):
        assert name in listed.output
    draft = tmp_path / "稿.txt"
    draft.write_text("同志们：\n\n一、看成绩\n\n青河县进度走在前列，希望继续保持。由赵文清包保的项目要加快。\n\n"
                     "二、看问题\n\n要抓紧。\n", encoding="utf-8")
    data = ["--data", str(ROOT / "examples" / "ledger.xlsx"), "--meeting", str(ROOT / "examples" / "meeting.yaml")]
    result = runner.invoke(main, ["check", str(draft), *data], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert ("praise-behind：称赞了青河县（“走在前列”），但台账中青河县完成率17.2%，落后时序进度24.5个百分点"
            in result.output)
    assert "leader-untitled" in result.output and "赵文清副市长" in result.output
    quiet = runner.invoke(main, ["check", str(draft), *data, "--ignore", "praise-behind",
                                 "--ignore", "leader-untitled"], catch_exceptions=False)
    assert quiet.exit_code == 0, quiet.output
    assert "praise-behind：" not in quiet.output and "leader-untitled：" not in quiet.output
    assert "未检查的规则：praise-behind、leader-untitled" in quiet.output
    assert "Traceback" not in result.output + quiet.output


@pytest.mark.parametrize(("text", "expected"), [
    # a nameless subject of its own: not the unit named in the sentence before
    ("同志们：\n\n南山县完成率22.5%，落后19.2个百分点。快于时序进度的地方，要继续保持。", []),
    ("同志们：\n\n南山县完成率22.5%，落后19.2个百分点。进度快的地方要继续保持。", []),
    # no subject of its own: the praise is of the unit before
    ("同志们：\n\n南山县完成率22.5%，走势平稳。希望继续保持。", [("praise-behind", "error", 2)]),
])
def test_keep_it_up_reaches_back_only_without_a_subject_of_its_own(text: str, expected: list) -> None:
    assert _rules(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("同志们：\n\n市委常委、常务副市长陈立华要亲自抓。", []),
    ("同志们：\n\n由市委常委、常务副市长陈立华包保的南山县装备园要加快。", []),
    ("同志们：\n\n陈立华市委常委、常务副市长要亲自抓。", []),
    ("同志们：\n\n陈立华要亲自抓。", [("leader-untitled", "error", 2)]),
    ("同志们：\n\n请吴敏抓紧推进。", [("leader-untitled", "error", 2)]),
])
def test_leaders_are_titled_before_or_after_their_name(text: str, expected: list) -> None:
    assert _rules(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the whole ledger is behind (29.2% against 41.7%): no 势头良好 for 全市
    ("同志们：\n\n全市重点项目势头良好。", [("praise-behind", "error", 2)]),
    # a 责任单位 of two projects, behind
    ("同志们：\n\n南山县发改局推进有力，走在了前列。", [("praise-behind", "error", 2)]),
    # one ahead is praised rightly
    ("同志们：\n\n东城区发改局走在了前列。", []),
])
def test_praise_of_the_whole_and_of_an_owner_behind_is_found(text: str, expected: list) -> None:
    assert _rules(text) == expected


def test_a_point_whose_lead_starts_with_dian_is_still_numbered() -> None:
    """"三是点名落后地方限期追赶" is the third point (the 点 after 是 is no 三要点)."""
    text = ("# 讲话\n\n同志们：\n\n## 一、攻坚\n\n**一是甲。**要抓好。\n\n**二是乙。**要抓好。\n\n"
            "**三是点名落后地方限期追赶。**要抓好。\n\n**四是丁。**要抓好。\n")
    report = check_source(read_bytes(text.encode("utf-8"), "稿.md", "md"))
    assert [f.rule for f in report.findings if f.severity != "info"] == []
