"""Small ledgers and meeting files for the batch tests, written as CSV/YAML into a test's folder.

The ledger has three 县区 of known figures (时序进度 at 5月底: 41.7%):
- 青河县: two projects, 500 of 10000 万元 → 5.0%; 冷链物流园 滞后 (10.0%), 污水处理厂 逾期未开工;
- 东城区: two projects, 6000 of 10000 → 60.0%, ahead, no laggard;
- 高新区: one project, 4500 of 10000 → 45.0%, ahead, no laggard.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from click.testing import CliRunner, Result

from speechgen.cli import main

HEADER = ("序号", "县区", "项目名称", "责任单位", "包保领导", "总投资", "2026年计划投资", "1—5月完成投资",
          "项目状态", "计划开工时间", "存在问题", "问题类型")
# (县区, 项目名称, 责任单位, 包保领导, 总投资, 年度计划, 完成, 状态, 计划开工, 存在问题, 问题类型)
ROWS: tuple[tuple[str, ...], ...] = (
    ("青河县", "青河县农产品冷链物流园", "青河县发展改革局", "刘振宇（副市长）", "30000", "5000", "500", "在建",
     "2026年1月", "土地指标尚未落实", "用地"),
    ("青河县", "青河县污水处理厂扩建", "青河县住建局", "刘振宇（副市长）", "20000", "5000", "0", "前期",
     "2026年3月", "环评批复未取得", "环评"),
    ("东城区", "东城区智慧停车场", "东城区城投公司", "王建国（副市长）", "40000", "6000", "3600", "在建",
     "2025年10月", "", ""),
    ("东城区", "东城区老旧小区改造", "东城区住建局", "王建国（副市长）", "15000", "4000", "2400", "在建",
     "2025年12月", "", ""),
    ("高新区", "高新区人工智能算力中心", "示例市数智云科技有限公司", "王建国（副市长）", "50000", "10000", "4500",
     "在建", "2026年1月", "", ""),
)

MEETING = """\
region: 示例市
level: 市
meeting: 全市重点项目调度会
date: 2026-06-05
as_of: 2026-05-31
issuer: 示例市重点项目建设领导小组办公室
doc_number: 示项办〔2026〕1号
cc: 市政府办公室
printer: 示例市重点项目建设领导小组办公室
contact:
  name: 周敏
  phone: "0000-3216688"
feedback_by: 2026-06-20
{extra}"""


def write_ledger(folder: Path, rows: Sequence[Sequence[str]] = ROWS, name: str = "台账.csv") -> Path:
    """Write a CSV ledger of ``rows`` (see ROWS) and return its path."""
    path = folder / name
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        for number, row in enumerate(rows, 1):
            writer.writerow((str(number), *row))
    return path


def write_meeting(folder: Path, extra: str = "", name: str = "meeting.yaml") -> Path:
    """Write the meeting file (with ``extra`` YAML lines appended) and return its path."""
    path = folder / name
    path.write_text(MEETING.format(extra=extra), encoding="utf-8")
    return path


def project_row(name: str, district: str = "青河县", owner: str = "青河县发展改革局",
                plan: str = "5000", done: str = "500", status: str = "在建") -> tuple[str, ...]:
    """Return a ledger row for a project of its own name (滞后 by default: 10.0% of its plan)."""
    return (district, name, owner, "刘振宇（副市长）", "30000", plan, done, status, "2026年1月", "", "")


def batch(tmp_path: Path, kind: str, per: str, *extra: str | Path, ledger: Path | None = None,
          meeting: Path | None = None, out: str = "out") -> Result:
    """Run `speechgen batch` on the sample files (written once per folder) into tmp_path/out."""
    ledger = ledger or (tmp_path / "台账.csv" if (tmp_path / "台账.csv").exists() else write_ledger(tmp_path))
    meeting = meeting or (tmp_path / "meeting.yaml" if (tmp_path / "meeting.yaml").exists()
                          else write_meeting(tmp_path))
    args = ["batch", kind, "-d", ledger, "-m", meeting, "--per", per, "-o", tmp_path / out, "--jobs", "1", *extra]
    return CliRunner().invoke(main, [str(arg) for arg in args])


def files(folder: Path) -> list[str]:
    """Return the names in a folder, sorted (hidden files included)."""
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def manifest_rows(folder: Path, name: str = "manifest.csv") -> list[dict[str, str]]:
    """Return the manifest's rows as dicts by column, checking its BOM and line ends."""
    data = (folder / name).read_bytes()
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data
    return list(csv.DictReader(data.decode("utf-8-sig").splitlines()))
