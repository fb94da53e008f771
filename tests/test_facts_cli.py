"""`speechgen facts` through CliRunner: tables, --json, --by, warnings and bad input."""

import json
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechgen.cli import main
from speechgen.paths import resource_dir
from speechgen.rounding import round_half_up

LEDGER = """\
- {name: 甲项目, district: 东城区, owner: 东城区发改局, leader: 张三, total: 4000, annual_plan: 1000,
   completed: 500, status: 在建}
- {name: 乙项目, district: 东城区, owner: 东城区工信局, total: 1200, annual_plan: 300, completed: 0, status: 前期,
   planned_start: 2024-03-01, problem: 用地指标未落实}
- {name: 丙项目, district: 西城区, owner: 西城区住建局, leader: 李四, total: 8000, annual_plan: 2000, completed: 600,
   status: 投产, problem_type: 资金}
- {name: 丁项目, district: 西城区, owner: 西城区住建局, leader: 李四, total: 2000, annual_plan: 500, completed: 158.5,
   status: 竣工}
- {name: 戊项目, district: 南城区, owner: 南城区发改局, total: 500, annual_plan: 0, completed: 0, status: 未开工,
   planned_start: 2024-09-01}
"""
MEETING = "region: 示例市\nmeeting: 全市重点项目调度会\ndate: 2024-06-05\nas_of: 2024-05-31\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    ledger, meeting = tmp_path / "台账.yaml", tmp_path / "meeting.yaml"
    ledger.write_text(LEDGER, encoding="utf-8")
    meeting.write_text(MEETING, encoding="utf-8")
    return str(ledger), str(meeting)


def run(*args: str):
    return CliRunner().invoke(main, ["facts", *args], catch_exceptions=False)


def test_tables(files: tuple[str, str]) -> None:
    result = run("--data", files[0], "--meeting", files[1])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for heading in ("总体情况", "各县区推进情况", "滞后项目（2个）", "问题分类"):
        assert heading in out
    assert "41.7%（按月计：5÷12）" in out
    assert "33.1%（落后时序进度8.6个百分点）" in out  # 1258.5/3800 = 33.12; 33.1 − 41.7
    assert "1.57亿元（15700万元）" in out
    lines = out.splitlines()
    east = next(line for line in lines if line.split()[:2] == ["1", "东城区"])
    assert east.split() == ["1", "东城区", "2", "1", "0.13", "0.05", "38.5%", "-3.2", "1"]
    assert next(line for line in lines if "南城区" in line and "—" in line).split()[0] == "—"
    lag = next(line for line in lines if "乙项目" in line and "逾期" in line)
    assert "3月1日" in lag and "投资进度滞后、逾期未开工" in lag
    assert "-41.7" in lag
    assert not any(line != line.rstrip() for line in lines)  # no padding at line ends in a pipe
    assert result.stderr == ""


def test_by_leader(files: tuple[str, str]) -> None:
    out = run("-d", files[0], "-m", files[1], "--by", "leader").stdout
    assert "各包保领导推进情况" in out
    assert "未填写" in out and "各县区推进情况" not in out


def test_json(files: tuple[str, str]) -> None:
    result = run("-d", files[0], "-m", files[1], "--json", "--by", "owner")
    assert result.exit_code == 0
    data = json.loads(result.stdout, parse_float=D)
    assert data["schema"] == "speechgen-facts/2"
    assert data["overall"]["completion_rate"] == D("33.1")
    assert data["overall"]["completed_wan"] == D("1258.5")
    assert data["groups"]["by"] == "owner"
    assert [lag["name"] for lag in data["laggards"]] == ["乙项目", "丙项目"]


def test_warnings_go_to_stderr(files: tuple[str, str], tmp_path: Path) -> None:
    ledger = tmp_path / "超额.yaml"
    ledger.write_text(LEDGER.replace("completed: 600", "completed: 2600"), encoding="utf-8")
    result = run("-d", str(ledger), "-m", files[1], "--json")
    assert result.exit_code == 0
    assert "警告：" in result.stderr and "丙项目" in result.stderr
    data = json.loads(result.stdout)  # stdout stays pure JSON
    assert data["warnings"] and "丙项目" in data["warnings"][0]["message"]


@pytest.mark.parametrize("bad", ["missing", "amount"])
def test_bad_input_exits_2_in_chinese(files: tuple[str, str], tmp_path: Path, bad: str) -> None:
    if bad == "missing":
        ledger = str(tmp_path / "没有这个文件.xlsx")
    else:
        path = tmp_path / "坏.yaml"
        path.write_text(LEDGER.replace("total: 4000", "total: 约4000"), encoding="utf-8")
        ledger = str(path)
    result = CliRunner().invoke(main, ["facts", "-d", ledger, "-m", files[1]])
    assert result.exit_code == 2
    assert "错误：" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_bad_by_choice(files: tuple[str, str]) -> None:
    result = CliRunner().invoke(main, ["facts", "-d", files[0], "-m", files[1], "--by", "县区"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


EXAMPLES = resource_dir("examples")


def test_examples() -> None:
    args = ["-d", str(EXAMPLES / "ledger.xlsx"), "-m", str(EXAMPLES / "meeting.yaml")]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "各县区推进情况" in result.stdout and "Traceback" not in result.output
    data = json.loads(run(*args, "--json").stdout, parse_float=D)
    overall = data["overall"]
    assert overall["projects"] >= 40 and len(data["by_district"]) >= 5
    assert sum(g["projects"] for g in data["by_district"]) == overall["projects"]
    assert sum(g["completed_wan"] for g in data["by_district"]) == overall["completed_wan"]
    expected_rate = round_half_up(D(overall["completed_wan"]) * 100 / D(overall["annual_plan_wan"]), 1)
    assert overall["completion_rate"] == expected_rate
    assert overall["gap_points"] == expected_rate - data["schedule"]["progress"]
    assert [g["rank"] for g in data["by_district"]] == sorted(g["rank"] for g in data["by_district"])
    assert len(data["laggards"]) == overall["laggards"] == sum(g["laggards"] for g in data["by_district"])
    for name in (lag["name"] for lag in data["laggards"]):
        assert name in result.stdout
