"""figure-direction (issue 16): a gap in 百分点 said the wrong way round ("快3.2个百分点" where the
ledger is 4.8 behind) is one error whose fix is the whole phrase, not "改为4.8个百分点"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from speechgen.check import check_source, read_bytes
from speechgen.facts import compute_facts
from speechgen.model import Dossier, Meeting, Project, Stage

MEETING = Meeting(region="示例市", meeting="全市重点项目调度会", date=dt.date(2026, 6, 5),
                  as_of=dt.date(2026, 5, 31))  # 时序进度 41.7%
FACTS = compute_facts(Dossier(meeting=MEETING, projects=(
    Project(name="甲项目", district="东城区", owner="东城区发改局", status=Stage("在建"),
            annual_plan=D(60000), completed=D(30000), total=D(250000)),  # 50.0%: 8.3 ahead
    Project(name="丙项目", district="西城区", owner="西城区发改局", status=Stage("投产"),
            annual_plan=D(20000), completed=D(6000), total=D(80000)),  # 30.0%: 11.7 behind
)))  # whole: 36000/80000 = 45.0%, 3.3 ahead


def _figures(sentence: str) -> list[tuple[str, str, str]]:
    text = f"一、总体情况\n{sentence}\n二、下步工作\n内容。"
    report = check_source(read_bytes(text.encode(), "稿.txt", "txt"), facts=FACTS)
    return [(f.rule, f.message, f.fix) for f in report.findings if f.rule.startswith("figure")]


@pytest.mark.parametrize("sentence", [
    "全市完成率45.0%，快于时序进度3.3个百分点。",
    "西城区完成率30.0%，落后时序进度11.7个百分点。",
    "东城区比时序进度高出8.3个百分点，西城区比时序进度慢11.7个百分点。",
    "丙项目滞后时序进度11.7个百分点。",
])
def test_right_direction_passes(sentence: str) -> None:
    assert _figures(sentence) == []


@pytest.mark.parametrize(("sentence", "word", "figure", "phrase"), [
    ("西城区完成率30.0%，比时序进度快11.7个百分点。", "快", "11.7个百分点", "落后时序进度11.7个百分点"),
    ("西城区超过时序进度3.2个百分点。", "超过", "3.2个百分点", "落后时序进度11.7个百分点"),
    ("全市完成率45.0%，落后时序进度3.3个百分点。", "落后", "3.3个百分点", "高出时序进度3.3个百分点"),
])
def test_wrong_direction_is_one_error_with_the_whole_phrase(sentence: str, word: str, figure: str,
                                                             phrase: str) -> None:
    found = _figures(sentence)
    assert [rule for rule, _, _ in found] == ["figure-direction"], found
    _, message, fix = found[0]
    assert message.startswith(f"写作“{word}{figure}”，台账中")
    assert message.endswith(f"为{phrase}")
    assert fix == f"请改为“{phrase}”"
