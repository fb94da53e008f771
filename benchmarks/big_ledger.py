"""A generated ledger of any size for the batch benchmark: invented projects of 12 县区, 150
责任单位 and 24 包保领导, about a third behind 时序进度 or past their planned start, written as a
CSV with the headers real ledgers use; and the example meeting file beside it."""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISTRICTS = ("青河县", "南山县", "北岭县", "东城区", "西湖区", "高新区", "临江县", "白石县", "云溪区", "经开区",
             "松岭县", "安平县")
PROBLEMS = (("用地", "项目用地报批尚未完成"), ("资金", "建设资金到位不足"), ("手续审批", "施工许可尚未办理"),
            ("征迁", "征迁扫尾未完成"), ("环评", "环评批复未取得"), ("", ""), ("", ""), ("", ""))
HEADER = ("序号", "县区", "项目名称", "责任单位", "包保领导", "总投资", "2026年计划投资", "1—5月完成投资",
          "项目状态", "计划开工时间", "存在问题", "问题类型")


def write_big_ledger(folder: Path, projects: int, seed: int = 12) -> tuple[Path, Path]:
    """Write 台账.csv with ``projects`` rows and meeting.yaml into ``folder``; return both paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    ledger = folder / "台账.csv"
    with ledger.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        for number in range(1, projects + 1):
            writer.writerow(_row(rng, number))
    meeting = folder / "meeting.yaml"
    shutil.copyfile(ROOT / "examples" / "meeting.yaml", meeting)
    return ledger, meeting


def _row(rng: random.Random, number: int) -> tuple[str, ...]:
    district = DISTRICTS[number % len(DISTRICTS)]
    plan = rng.randint(2, 60) * 500
    status = rng.choices(("在建", "前期", "未开工", "竣工"), (70, 15, 10, 5))[0]
    started = status in ("在建", "竣工")
    done = round(plan * rng.uniform(0.05, 0.85)) if started else 0
    start_month = rng.randint(1, 12)
    year = 2025 if started or start_month > 6 else 2026
    problem_type, problem = rng.choice(PROBLEMS)
    return (str(number), district, f"{district}第{number:04d}号重点项目", f"{district}第{number % 150:03d}号责任单位",
            f"领导{number % 24:02d}（副市长）", str(plan * rng.randint(3, 9)), str(plan), str(done), status,
            f"{year}年{start_month}月", problem, problem_type)
