"""Ledgers written as data (.yaml/.yml/.json): a list of projects, or a mapping with ``projects:``.

Keys are Project's English field names (name, district, owner, total, annual_plan, …); a
Chinese header such as 项目名称 is accepted too, matched like a spreadsheet header. Amounts
are in 万元 unless the mapping form says ``unit: 亿元``. Problems are located by line number.
"""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import MappingNode, Node, SequenceNode

from speechgen.sources.files import load_data
from speechgen.sources.headers import FIELD_RULES, RULES_BY_FIELD, match_field
from speechgen.sources.records import Layout, RawRow
from speechgen.sources.report import Report
from speechgen.sources.text import quote
from speechgen.sources.textfile import decode_text

FIELDS = tuple(rule.field for rule in FIELD_RULES)
_TOP_KEYS = ("projects", "unit")
_KEYS_HINT = "可用的键：" + "、".join(f"{rule.field}（{rule.label}）" for rule in FIELD_RULES)


def read_structured(path: Path, data: bytes, report: Report) -> tuple[list[RawRow], Layout]:
    """Return the project records of a YAML/JSON ledger and their layout (names and unit)."""
    text = decode_text(data, path.name, "台账文件", binary=False)
    document = load_data(text, path.suffix, report)
    if document is None:
        return [], Layout(frozenset(FIELDS))
    lines = _item_lines(document.node)
    items, unit = _projects(document.value, report)
    rows = [row for index, item in enumerate(items) if (row := _record(index, item, lines, report))]
    headers = {name: f"{name}（{RULES_BY_FIELD[name].label}）" for name in FIELDS}
    units = {name: unit for name in ("total", "annual_plan", "completed")}
    return rows, Layout(frozenset(FIELDS), headers, units)


def _projects(loaded: object, report: Report) -> tuple[list[object], str]:
    """Return the project items and the amounts' unit from the loaded document."""
    unit = "万元"
    if isinstance(loaded, dict):
        for key in loaded:
            if key not in _TOP_KEYS:
                report.add(f"不认识的键“{quote(key)}”", hint="最外层只能有 projects（项目列表）和 unit（金额单位）")
        unit = str(loaded.get("unit") or "万元").strip()
        if unit not in ("万元", "亿元", "元"):
            report.add(f"unit 的值“{quote(unit)}”不是金额单位", column="unit", hint="请写 万元 或 亿元")
            unit = "万元"
        loaded = loaded.get("projects")
    if not isinstance(loaded, list):
        report.add("没有找到项目列表", hint="文件应是一个项目列表，或含 projects: 的映射，每个项目一组键值")
        return [], unit
    return loaded, unit


def _record(index: int, item: object, lines: dict[int, int], report: Report) -> RawRow | None:
    line = lines.get(index)
    label = None if line else f"第{index + 1}个项目"
    if not isinstance(item, dict):
        report.add(f"{label + '：' if label else ''}这一项不是“键: 值”形式的项目", row=line, hint=_KEYS_HINT)
        return None
    values: dict[str, object] = {}
    for key, value in item.items():
        name = str(key) if str(key) in FIELDS else _chinese_key(str(key))
        if name is None:
            report.add(f"{label + '：' if label else ''}不认识的键“{quote(key)}”", row=line, hint=_KEYS_HINT)
            continue
        values[name] = value
    return RawRow(line, values, label)


def _chinese_key(key: str) -> str | None:
    found = match_field(key)
    return found[0] if found else None


def _item_lines(node: Node | None) -> dict[int, int]:
    """Return item index → 1-based line where that project starts (empty without a node tree)."""
    if isinstance(node, MappingNode):
        node = next((value for key, value in node.value if key.value == "projects"), None)
    if not isinstance(node, SequenceNode):
        return {}
    return {index: item.start_mark.line + 1 for index, item in enumerate(node.value)}
