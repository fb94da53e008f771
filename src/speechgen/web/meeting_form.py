"""The meeting form: its fields (the keys of meeting.yaml, in Chinese), the meeting file it makes,
and the values it shows for a meeting already read."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from speechgen.api import InputFile
from speechgen.errors import InputError, Problem

FORM_FILE = "会议信息（表单）.json"


@dataclass(frozen=True)
class Field:
    """One form field: the meeting key it fills (a.b for nested keys), its label, and its input."""

    key: str
    label: str
    kind: str = "text"  # text, date, number, lines, level
    required: bool = False
    placeholder: str = ""


FIELDS: tuple[Field, ...] = (
    Field("region", "地区", required=True, placeholder="示例市"),
    Field("level", "级别", kind="level"),
    Field("meeting", "会议名称", required=True, placeholder="全市重点项目调度会"),
    Field("date", "会议日期（成文日期）", kind="date", required=True),
    Field("as_of", "数据截至", kind="date", required=True),
    Field("speaker", "讲话人", placeholder="市委副书记、市长 李明远"),
    Field("issuer", "发文机关", placeholder="不填则为“地区＋重点项目建设领导小组办公室”"),
    Field("doc_number", "发文字号", placeholder="示项办〔2026〕12号"),
    Field("addressee", "主送机关", placeholder="各县（区）人民政府，市直有关单位"),
    Field("cc", "抄送机关"),
    Field("reporters", "会上汇报的单位（每行一个）", kind="lines"),
    Field("contact.name", "联系人"),
    Field("contact.phone", "联系电话"),
    Field("contact.email", "电子邮箱", placeholder="zdxmb@example.cn"),
    Field("inspection.start", "督查开始日期", kind="date"),
    Field("inspection.end", "督查结束日期", kind="date"),
    Field("inspection.groups", "督查组数", kind="number"),
    Field("inspection.report_by", "自查报告报送截止", kind="date"),
)
LEVELS = ("市", "县", "区")


def meeting_file(form: Mapping[str, str], base: Mapping[str, Any] | None = None) -> InputFile:
    """Return the meeting file the form describes, on top of ``base`` (the meeting read before, so
    that keys the form does not show — 版式, 印发 — are kept). InputError naming every required
    field left empty."""
    missing = [field for field in FIELDS if field.required and not form.get(field.key, "").strip()]
    if missing:
        raise InputError([Problem(f"请填写“{field.label}”", file="会议信息表单", column=field.label,
                                  hint="带 * 的各项必须填写") for field in missing])
    data: dict[str, Any] = json.loads(json.dumps(dict(base or {})))
    for field in FIELDS:
        value = _value(field, form.get(field.key, ""))
        outer, _, inner = field.key.partition(".")
        target = data.setdefault(outer, {}) if inner else data
        key = inner or outer
        listed = target.get(key)
        if field.kind == "number" and isinstance(listed, list) and value in (None, "", len(listed)):
            continue  # inspection.groups listed in the meeting file: the form shows their number only
        if value in (None, ""):
            target.pop(key, None)
        else:
            target[key] = value
    for outer in ("contact", "inspection"):
        if outer in data and not data[outer]:
            del data[outer]
    if "contact" in data and "name" not in data["contact"]:
        raise InputError(Problem("填写了联系电话或电子邮箱，还要填写“联系人”", file="会议信息表单", column="联系人"))
    return InputFile.from_text(FORM_FILE, json.dumps(data, ensure_ascii=False, indent=2))


def _value(field: Field, raw: str) -> Any:
    text = raw.strip()
    if field.kind == "lines":
        return [line.strip() for line in text.splitlines() if line.strip()] or None
    if field.kind == "number" and text.isdigit():
        return int(text)
    return text


def form_values(meeting: Mapping[str, Any]) -> dict[str, str]:
    """Return each field's value for a meeting read before (Meeting.model_dump(mode="json"))."""
    values: dict[str, str] = {}
    for field in FIELDS:
        outer, _, inner = field.key.partition(".")
        value = meeting.get(outer)
        if inner:
            value = value.get(inner) if isinstance(value, Mapping) else None
        if value is None:
            continue
        if field.kind == "number" and isinstance(value, list | tuple):
            values[field.key] = str(len(value))  # 督查组 listed one by one: their number
        elif isinstance(value, list | tuple):
            values[field.key] = "\n".join(str(item) for item in value)
        elif isinstance(value, dt.date):
            values[field.key] = value.isoformat()
        else:
            values[field.key] = str(value)
    return values
