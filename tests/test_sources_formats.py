"""read_ledger on CSV (UTF-8, BOM, GBK, tabs, UTF-16), YAML and JSON, and on the bundled examples."""

import importlib.util
import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from speechgen.model import Stage
from speechgen.paths import resource_dir
from speechgen.sources import read_ledger

CSV = """示例市重点项目台账,,,,,,,
单位：万元,,,,,,,
序号,项目名称,县区,责任单位,总投资,2026年计划投资,1—5月完成投资,项目状态
1,东城区智能制造产业园二期,东城区,东城区人民政府,"260,000",55000,28600,在建
2,西湖区文旅特色街区,西湖区,示例市文旅投资集团,58000,22000,,前期
合计,,,,"318,000",77000,28600,
"""
EXAMPLES = resource_dir("examples")
ROOT = Path(__file__).resolve().parents[1]


def _check_csv_projects(path: Path) -> None:
    ledger = read_ledger(path)
    first, second = ledger.projects
    assert (first.name, first.total, first.row) == ("东城区智能制造产业园二期", D(260000), 4)
    assert (second.status, second.completed) == (Stage.PREPARATION, D(0))
    assert ledger.sheet is None and ledger.warnings == ()


@pytest.mark.parametrize(("encoding", "prefix"), [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gbk", b""),
                                                   ("gb18030", b"")])
def test_csv_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "台账.csv"
    path.write_bytes(prefix + CSV.encode(encoding))
    _check_csv_projects(path)


def test_tab_separated_utf16_as_excel_saves_unicode_text(tmp_path: Path) -> None:
    lines = [line.replace('"260,000"', "260000").replace('"318,000"', "318000") for line in CSV.splitlines()]
    path = tmp_path / "台账.csv"
    path.write_bytes("\r\n".join(line.replace(",", "\t") for line in lines).encode("utf-16"))
    _check_csv_projects(path)


YAML = """\
# 台账也可以写成 YAML：一个项目一组键值
- name: 甲项目
  district: 东城区
  owner: 东城区发展改革局
  total: 12000
  annual_plan: 3000
  completed: 1250.5
  status: 在建
  planned_start: 2026-03-01
  problem: 用地指标未落实
- name: 乙项目
  district: 西湖区
  owner: 西湖区住建局
  total: "8,000"
  annual_plan: 2000
  status: 拟开工
"""


def test_yaml_list(tmp_path: Path) -> None:
    path = tmp_path / "台账.yaml"
    path.write_text(YAML, encoding="utf-8")
    first, second = read_ledger(path).projects
    assert (first.completed, first.problem_type, first.row) == (D("1250.5"), "用地", 2)
    assert (second.total, second.completed, second.status, second.row) == (D(8000), D(0), Stage.NOT_STARTED, 11)


def test_yaml_mapping_with_unit_and_chinese_keys(tmp_path: Path) -> None:
    path = tmp_path / "台账.yml"
    path.write_text("unit: 亿元\nprojects:\n  - {项目名称: 甲项目, 县区: 东城区, 责任单位: 发改局, 总投资: 1.2,"
                    " 年度计划投资: 0.3, 完成投资: 0.1, 项目状态: 在建}\n", encoding="utf-8")
    ledger = read_ledger(path)
    project = ledger.projects[0]
    assert (project.total, project.annual_plan, project.completed) == (D(12000), D(3000), D(1000))
    assert ledger.unit == "亿元"


def test_json(tmp_path: Path) -> None:
    data = {"projects": [{"name": "甲项目", "district": "东城区", "owner": "发改局", "total": 100, "annual_plan": 50,
                          "completed": 20, "status": "竣工", "leader": "王建国（副市长）"}]}
    path = tmp_path / "台账.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    project = read_ledger(path).projects[0]
    assert (project.status, project.leader, project.row) == (Stage.COMPLETED, "王建国（副市长）", 3)


def test_example_ledger_loads() -> None:
    ledger = read_ledger(EXAMPLES / "ledger.xlsx", year=2026)
    assert len(ledger.projects) >= 40
    assert len({p.district for p in ledger.projects}) >= 5
    assert ledger.sheet == "2026年重点项目台账" and ledger.unit == "万元"
    # the one project that completed more than its plan, and the one 前期 project reporting 完成投资
    over = [p.row for p in ledger.projects if p.completed > p.annual_plan]
    early = [p.row for p in ledger.projects if not p.status.started and p.completed > 0]
    assert sorted(w.row for w in ledger.warnings) == sorted(over + early) and len(over) == len(early) == 1
    problem_types = [p.problem_type for p in ledger.projects if p.problem_type]
    assert max(set(problem_types), key=problem_types.count) == "用地"


def test_example_csv_holds_the_same_projects() -> None:
    from_xlsx = read_ledger(EXAMPLES / "ledger.xlsx", year=2026).projects
    from_csv = read_ledger(EXAMPLES / "ledger-gbk.csv", year=2026).projects
    assert (EXAMPLES / "ledger-gbk.csv").read_bytes().decode("gbk")  # really GBK
    assert [p.model_dump() for p in from_csv] == [p.model_dump() for p in from_xlsx]


def test_example_files_are_what_the_script_writes(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "make_example_ledger.py"
    spec = importlib.util.spec_from_file_location("make_example_ledger", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_xlsx(tmp_path / "ledger.xlsx")
    module.write_csv(tmp_path / "ledger-gbk.csv")
    assert (tmp_path / "ledger.xlsx").read_bytes() == (EXAMPLES / "ledger.xlsx").read_bytes()
    assert (tmp_path / "ledger-gbk.csv").read_bytes() == (EXAMPLES / "ledger-gbk.csv").read_bytes()
