"""The files the fuzzer starts from: the examples in examples/, a small version of each, and the
YAML/JSON ledgers and the JSON meeting file made from them (the examples hold none)."""

from __future__ import annotations

import csv
import io
import json
from functools import cache

import yaml
from openpyxl import load_workbook

from speechgen.paths import resource_dir

EXAMPLES = resource_dir("examples")
SMALL_ROWS = 8  # title, notes, header and a few projects: mutated faster, as telling


@cache
def seeds() -> dict[str, tuple[bytes, ...]]:
    """Return target name → the seed files' bytes."""
    meeting_text = (EXAMPLES / "meeting.yaml").read_text(encoding="utf-8")
    meeting = yaml.safe_load(meeting_text)
    projects = _projects()
    return {
        "xlsx": ((EXAMPLES / "ledger.xlsx").read_bytes(), *[_small_xlsx()] * 3),
        "csv": ((EXAMPLES / "ledger-gbk.csv").read_bytes(), _small_csv().encode("utf-8"),
                _small_csv().encode("gb18030")),
        "yaml-ledger": (_yaml({"unit": "万元", "projects": projects}), *[_yaml(projects[:3])] * 3),
        "json-ledger": (_json({"unit": "万元", "projects": projects}), *[_json(projects[:3])] * 3),
        "meeting": (meeting_text.encode("utf-8"),),
        "meeting-json": (_json(meeting),),
        "dialect": ((EXAMPLES / "speech.md").read_bytes(), (EXAMPLES / "notice.md").read_bytes()),
    }


def _small_xlsx() -> bytes:
    workbook = load_workbook(EXAMPLES / "ledger.xlsx")
    for sheet in workbook.worksheets:
        if sheet.max_row > SMALL_ROWS:
            sheet.delete_rows(SMALL_ROWS + 1, sheet.max_row - SMALL_ROWS)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _small_csv() -> str:
    text = (EXAMPLES / "ledger-gbk.csv").read_bytes().decode("gb18030")
    return "".join(text.splitlines(keepends=True)[:SMALL_ROWS])


def _projects() -> list[dict[str, object]]:
    """Return the example ledger's project rows as YAML/JSON ledger items (Project field names)."""
    text = (EXAMPLES / "ledger-gbk.csv").read_bytes().decode("gb18030")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[2]
    fields = {"项目名称": "name", "县区": "district", "责任单位": "owner", "总投资": "total",
              "2026年计划投资": "annual_plan", "1—5月完成投资": "completed", "项目状态": "status",
              "计划开工时间": "planned_start", "存在问题": "problem", "包保领导": "leader"}
    items = []
    for values in rows[3:]:
        item = {fields[name]: _number(value) for name, value in zip(header, values, strict=False)
                if name in fields and value}
        if item.get("name"):
            items.append(item)
    return items


def _number(text: str) -> object:
    try:
        return int(text)
    except ValueError:
        return text


def _yaml(data: object) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8")
