"""--json output: exact decimal digits, schema keys, 亿元 beside 万元."""

import datetime as dt
import json
from decimal import Decimal as D

import pytest

from speechgen.facts import compute_facts, facts_for_group, facts_to_json
from speechgen.facts.jsonout import dumps
from speechgen.model import Dossier, Meeting, Project, Stage

MEETING = Meeting(region="示例市", meeting="全市重点项目调度会", date=dt.date(2024, 6, 5), as_of=dt.date(2024, 5, 31))
LEDGER = (
    Project(name="甲", district="东城区", owner="发改局", leader="张三", total=D("12345.67"),
            annual_plan=D("3000.10"), completed=D("694.2"), status=Stage.UNDER_CONSTRUCTION),
    Project(name="乙", district="西城区", owner="工信局", total=D("500"), annual_plan=D("0"), completed=D("0"),
            status=Stage.PREPARATION, planned_start=dt.date(2024, 4, 1), problem_type="用地"),
)


def test_decimals_keep_their_exact_digits() -> None:
    assert dumps(D("41.7")) == "41.7"
    assert dumps(D("100.0")) == "100.0"
    assert dumps(D("1E+3")) == "1000"
    assert dumps({"a": [D("0.10"), None, True, dt.date(2024, 5, 31)]}) == (
        '{\n  "a": [\n    0.10,\n    null,\n    true,\n    "2024-05-31"\n  ]\n}')
    with pytest.raises(TypeError):
        dumps(object())


def test_facts_json_schema_and_values() -> None:
    text = facts_to_json(compute_facts(Dossier(meeting=MEETING, projects=LEDGER)), by="leader")
    assert '"progress": 41.7\n' in text
    assert "东城区" in text  # not \\u escaped
    data = json.loads(text, parse_float=D)
    assert data["schema"] == "speechgen-facts/2"
    assert data["schedule"]["progress"] == D("41.7")
    overall = data["overall"]
    assert overall["stages"] == {"前期": 1, "未开工": 0, "在建": 1, "竣工": 0, "投产": 0}
    assert overall["total_wan"] == D("12845.67") and overall["total_yi"] == D("1.28")
    assert overall["annual_plan_wan"] == D("3000.10")
    assert overall["completion_rate"] == D("23.1")  # 694.2/3000.1 = 23.139
    assert overall["gap_points"] == D("-18.6")
    assert [g["key"] for g in data["by_district"]] == ["东城区", "西城区"]
    assert data["by_district"][1]["completion_rate"] is None and data["by_district"][1]["rank"] is None
    assert data["groups"]["by"] == "leader" and data["groups"]["label"] == "包保领导"
    assert [g["key"] for g in data["groups"]["rows"]] == ["张三", "未填写"]
    assert [(lag["name"], lag["reasons"], lag["reason_labels"]) for lag in data["laggards"]] == [
        ("甲", ["behind_schedule"], ["投资进度滞后"]), ("乙", ["not_started_overdue"], ["逾期未开工"])]
    assert data["laggards"][1]["planned_start"] == "2024-04-01"
    assert data["problems"] == [{"type": "用地", "count": 1, "projects": ["乙"]}]
    assert data["warnings"] == []
    assert "group" not in data


def test_group_facts_json_names_the_group() -> None:
    facts = facts_for_group(Dossier(meeting=MEETING, projects=LEDGER), "district", "西城区")
    data = json.loads(facts_to_json(facts), parse_float=D)
    assert data["group"]["by"] == "district" and data["group"]["row"]["key"] == "西城区"
    assert data["group"]["row"]["rank"] is None
    assert data["overall"]["key"] == "西城区"
