"""read_meeting: meeting.yaml (会议信息) → Meeting, with every problem located by line."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

from pydantic import ValidationError
from yaml.nodes import MappingNode, Node

from speechgen.errors import InputError, Problem
from speechgen.inputs import InputFile
from speechgen.kinds import KIND_ALIASES
from speechgen.model import Contact, HonorRoll, Inspection, InspectionGroup, Layout, LayoutFonts, Meeting
from speechgen.sources.cells import CellError, parse_day
from speechgen.sources.files import check_data, check_file, load_data
from speechgen.sources.limits import MAX_COUNT, MAX_MEETING_BYTES
from speechgen.sources.report import Report
from speechgen.sources.text import CONTROL_HINT, control_characters, quote
from speechgen.sources.textfile import decode_text
from speechgen.zh.docnumber import doc_number_problem
from speechgen.zh.people import SPOKEN_ROLES

MEETING_SUFFIXES = (".yaml", ".yml", ".json")
REQUIRED = {"region": "地区，如 示例市", "meeting": "会议名称，如 全市重点项目调度会",
            "date": "会议日期，如 2026-06-05", "as_of": "数据截至日期，如 2026-05-31"}
DATE_KEYS = ("date", "as_of", "print_date", "deadline", "start", "end", "report_by", "feedback_by")
TEXT_KEYS = ("region", "meeting", "speaker", "issuer", "doc_number", "addressee", "cc", "printer", "name",
             "phone", "email", "authorized_by", "heading", "praise", "blame")
GROUP_KEYS = {"name": "组别", "leader": "带队领导", "members": "成员单位", "districts": "负责县区"}
LEVELS = {"市": "市", "全市": "市", "市级": "市", "县级市": "市", "县": "县", "全县": "县", "县级": "县",
          "区": "区", "全区": "区", "区级": "区"}
BASES = {"month": "month", "按月": "month", "月": "month", "day": "day", "按日": "day", "日": "day", "天": "day"}
PAGE_NUMBERS = {"odd_even": "odd_even", "单页居右、双页居左": "odd_even", "单右双左": "odd_even",
                "奇偶": "odd_even", "center": "center", "居中": "center"}
YES_NO = {"true": True, "是": True, "yes": True, "false": False, "否": False, "no": False}
_SECTIONS: dict[str | None, tuple[str, ...]] = {
    None: tuple(Meeting.model_fields), "contact": tuple(Contact.model_fields),
    "inspection": tuple(Inspection.model_fields), "layout": tuple(Layout.model_fields),
    "layout.fonts": tuple(LayoutFonts.model_fields), "honor_roll": tuple(HonorRoll.model_fields),
}
_STALE_DAYS = 92  # data older than a quarter at the meeting date deserves a second look


def read_meeting(path: Path) -> Meeting:
    """Return the meeting described in ``path``; raise InputError listing every problem."""
    meeting, _ = read_meeting_checked(path)
    return meeting


def read_meeting_checked(path: Path) -> tuple[Meeting, tuple[Problem, ...]]:
    """Return the meeting and its warnings (e.g. 数据截至 after the meeting date)."""
    path = Path(path)
    return parse_meeting(InputFile(path.name, check_file(path, MEETING_SUFFIXES, "会议信息文件", MAX_MEETING_BYTES)))


def parse_meeting(file: InputFile) -> tuple[Meeting, tuple[Problem, ...]]:
    """Return the meeting in ``file`` and its warnings, reading nothing from disk (as read_meeting_checked)."""
    text = decode_text(check_data(file, MEETING_SUFFIXES, "会议信息文件", MAX_MEETING_BYTES).data, file.name,
                       "会议信息文件", binary=False)
    report = Report(file.name)
    loaded, node = _load(text, file.suffix, report)
    lines = _key_lines(node)
    data = _clean(loaded, lines, report) if isinstance(loaded, dict) else {}
    report.raise_errors()
    try:
        meeting = Meeting(**data)
    except ValidationError as exc:  # what _clean lets through is rare: report it plainly
        raise InputError([Problem(f"{'.'.join(map(str, e['loc']))}：{e['msg']}", file=file.name,
                                  row=lines.get(str(e["loc"][0]))) for e in exc.errors()]) from exc
    _check_dates(meeting, lines, report)
    report.raise_errors()
    return meeting, tuple(report.warnings)


def _load(text: str, suffix: str, report: Report) -> tuple[dict | None, Node | None]:
    """Return the file's mapping and its YAML node tree (for lines); (None, None) after reporting."""
    colons = [(n, m.group(1)) for n, line in enumerate(text.splitlines(), 1)
              if (m := re.match(r"\s*-?\s*([A-Za-z_]+)\s*：", line))]
    for number, key in colons:
        report.add(f"“{key}”后面用了全角冒号“：”", row=number, hint=f"请改为半角冒号加空格，如“{key}: …”")
    if colons:
        return None, None
    document = load_data(text, suffix, report)
    if document is None and report.errors:
        return None, None
    if document is None or not isinstance(document.value, dict):
        report.add("会议信息应是“键: 值”的形式", hint="例如第一行写“region: 示例市”；可参考 examples/meeting.yaml")
        return None, None
    return document.value, document.node


def _clean(loaded: dict, lines: dict[str, int], report: Report, section: str | None = None) -> dict:
    """Return the mapping with values coerced for Meeting, reporting each bad key or value."""
    allowed = _SECTIONS[section]
    clean: dict[str, object] = {}
    for key, value in loaded.items():
        name = str(key)
        where = f"{section}.{name}" if section else name
        row = lines.get(where)
        if name not in allowed:
            close = difflib.get_close_matches(name, allowed, n=1)
            report.add(f"不认识的键“{quote(where)}”", row=row,
                       hint=(f"是不是“{close[0]}”？" if close else "") + f"可用的键：{'、'.join(allowed)}")
            continue
        try:
            coerced = _coerce(name, value, lines, report, where)
        except CellError as exc:
            report.add(exc.message, row=row, column=where, hint=exc.hint)
            continue
        if coerced is not None:
            clean[name] = coerced
    if section is None:
        _check_doc_number(clean, lines, report)
        for key, meaning in REQUIRED.items():
            if key in clean or any(p.column == key for p in report.problems):
                continue
            if key in loaded:
                report.add(f"必填项“{key}”是空的（{meaning}）", row=lines.get(key), column=key,
                           hint="请在冒号后填上内容")
            else:
                report.add(f"缺少必填项“{key}”（{meaning}）", hint=f"请加一行“{key}: …”")
    return clean


def _coerce(name: str, value: object, lines: dict[str, int], report: Report, where: str) -> object:
    if value is None or value == "":
        return None
    if where in _SECTIONS:  # contact, inspection, layout, layout.fonts
        if not isinstance(value, dict):
            raise CellError(f"“{where}”应是下一级的“键: 值”", f"可用的键：{'、'.join(_SECTIONS[where])}")
        return _clean(value, lines, report, where)
    if where.startswith("layout."):
        return _coerce_layout(where, value)
    if name in DATE_KEYS:
        return parse_day(value)
    if name == "phone" and isinstance(value, int):
        raise CellError("电话号码被读成了数字（开头的0会丢失）", '请给号码加英文引号，如 phone: "0000-1234567"')
    if name in TEXT_KEYS and isinstance(value, list):
        return _text(_joined(name, value))
    if name in TEXT_KEYS:
        return _text(value)
    return _coerce_choice(name, value, where)


# A list is welcome where a text is a list of organs (主送, 抄送: "，") or a speaker line written in
# parts ([市长, 李明远] → "市长 李明远"; [张三, 李四] → "张三、李四"); elsewhere one text is meant.
_LIST_JOINERS = {"addressee": "，", "cc": "，"}


def _joined(name: str, items: list) -> str:
    """Return a list written for a text key as the text documents print, never "['a', 'b']"."""
    if any(isinstance(item, list | dict) or item is None for item in items) or not items:
        raise CellError("应是一项文字或一列文字", f"请写成 {name}: 文字，或每项一行的“- 文字”")
    parts = [str(item).strip() for item in items]
    if name == "speaker":
        titled = len(parts) == 2 and any(parts[0].endswith(role) for role in SPOKEN_ROLES)
        return " ".join(parts) if titled else "、".join(parts)
    if name in _LIST_JOINERS:
        return _LIST_JOINERS[name].join(parts)
    raise CellError("应是一项文字，不是列表", f"请写成 {name}: 文字（不加方括号“[ ]”和“- ”）")


def _text(value: object) -> str:
    """Return a text value stripped; CellError if it holds a control character."""
    text = str(value).strip()
    found = control_characters(text)
    if found:
        raise CellError(f"“{quote(text)}”中有控制字符（{found}）", CONTROL_HINT)
    return text


def _coerce_choice(name: str, value: object, where: str) -> object:
    if name == "level":
        if str(value).strip() not in LEVELS:
            raise CellError(f"“{quote(value)}”不是可用的层级", "level 请填 市、县 或 区")
        return LEVELS[str(value).strip()]
    if name == "schedule_basis":
        if str(value).strip() not in BASES:
            raise CellError(f"“{quote(value)}”不是可用的时序进度算法", "请填 month（按月）或 day（按日）")
        return BASES[str(value).strip()]
    if name == "previous_as_of":
        values = value if isinstance(value, list) else [value]
        return tuple(day for v in values if (day := parse_day(v)) is not None)
    if name in ("reporters", "methods"):
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            raise CellError(f"“{where}”应是列表", f"请每项单独一行，以“- ”开头，如\n{where}:\n  - 市发展改革委")
        return tuple(text for v in value if (text := _text(v)))
    if name == "addressees":
        return _addressees(value)
    if name == "doc_numbers":
        return _doc_numbers(value)
    if name == "groups" and isinstance(value, list):
        return _groups(value)
    if name == "groups":
        text = str(value).strip().rstrip("个组")
        if not re.fullmatch(r"[0-9]{1,3}", text) or not 1 <= int(text) <= MAX_COUNT:
            raise CellError(f"“{quote(value)}”不是督查组的数量", "请填写正整数，如 groups: 4")
        return int(text)
    return value


def _doc_numbers(value: object) -> dict[str, str]:
    """Return doc_numbers: kind (bulletin, notice … or its Chinese name) → 发文字号."""
    example = "doc_numbers:\n  bulletin: 示项办〔2026〕12号\n  notice: 示项办〔2026〕13号"
    if not isinstance(value, dict):
        raise CellError("“doc_numbers”应是“文稿类型: 发文字号”的对照表", f"请每类文稿写一行，如\n{example}")
    out: dict[str, str] = {}
    for key, number in value.items():
        kind = KIND_ALIASES.get(str(key).strip())
        if kind is None:
            raise CellError(f"“doc_numbers”中的“{quote(key)}”不是文稿类型",
                            f"可用：bulletin（通报）、notice（督查通知）、supervision（督办通知）；如\n{example}")
        text = _text(number) if number is not None else ""
        if not text:
            raise CellError(f"“doc_numbers”中“{quote(key)}”没有写发文字号", f"请在冒号后写发文字号，如\n{example}")
        problem = doc_number_problem(text, None)
        if problem:
            raise CellError(f"doc_numbers.{key}：{problem[0]}", problem[1])
        out[kind] = text
    return out


def _groups(value: list) -> tuple[InspectionGroup, ...]:
    """Return the 督查组 listed in inspection.groups, each with its 组别 and the rest optional."""
    example = ("groups:\n  - name: 第一组\n    leader: 市发展改革委副主任 张华\n"
               "    members: 市发展改革委、市自然资源和规划局\n    districts: 东城区、西湖区")
    if len(value) > MAX_COUNT:
        raise CellError(f"督查组多于{MAX_COUNT}个", "请核对 inspection.groups")
    groups = []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict):
            raise CellError(f"inspection.groups 的第{number}项应是“键: 值”",
                            f"每组写组别、带队领导、成员单位、负责县区，如\n{example}")
        unknown = [str(k) for k in item if str(k) not in GROUP_KEYS]
        if unknown:
            raise CellError(f"inspection.groups 第{number}项中有不认识的键“{'、'.join(unknown)}”",
                            "可用的键：" + "、".join(f"{k}（{v}）" for k, v in GROUP_KEYS.items()))
        fields = {k: "、".join(_text(v) for v in item[k]) if isinstance(item[k], list) else _text(item[k])
                  for k in GROUP_KEYS if item.get(k) not in (None, "")}
        fields.setdefault("name", f"第{'一二三四五六七八九十'[number - 1] if number <= 10 else number}组")
        groups.append(InspectionGroup(**fields))
    return tuple(groups)


def _addressees(value: object) -> dict[str, str]:
    """Return addressees: group name → 主送机关, both texts."""
    example = "addressees:\n  青河县: 青河县人民政府\n  市交通运输局: 市交通运输局"
    if not isinstance(value, dict):
        raise CellError("“addressees”应是“名称: 主送机关”的对照表", f"请每个单位写一行，如\n{example}")
    empty = [quote(key) for key, name in value.items() if name is None or not str(name).strip()]
    if empty:
        raise CellError(f"“addressees”中“{'、'.join(empty)}”没有写主送机关", f"请在冒号后写主送机关，如\n{example}")
    return {_text(key): _text(name) for key, name in value.items() if str(key).strip()}


def _coerce_layout(where: str, value: object) -> object:
    """Return a 版式 value: a font name, a page-number position or a yes/no."""
    if where.startswith("layout.fonts."):
        if not isinstance(value, str) or not value.strip():
            role = where.rsplit(".", 1)[1]
            raise CellError(f"“{where}”应是字体名称", f"如 {role}: 方正仿宋_GBK（与 Word 中显示的字体名一致）")
        return value.strip()
    if where == "layout.page_numbers":
        if str(value).strip() not in PAGE_NUMBERS:
            raise CellError(f"“{value}”不是可用的页码位置",
                            "page_numbers 请填 odd_even（单页居右、双页居左，GB/T 9704 的规定）或 center（居中）")
        return PAGE_NUMBERS[str(value).strip()]
    if isinstance(value, bool):
        return value
    if str(value).strip().lower() not in YES_NO:
        raise CellError(f"“{where}”应是 true 或 false，而不是“{value}”", "请填 true（是）或 false（否）")
    return YES_NO[str(value).strip().lower()]


def _check_dates(meeting: Meeting, lines: dict[str, int], report: Report) -> None:
    if meeting.as_of > meeting.date:
        report.warn(f"数据截至日期（{meeting.as_of}）晚于会议日期（{meeting.date}）", row=lines.get("as_of"),
                    column="as_of", hint="请核对 as_of 和 date 是否写反")
    elif (meeting.date - meeting.as_of) > dt.timedelta(days=_STALE_DAYS):
        report.warn(f"数据截至日期（{meeting.as_of}）比会议日期（{meeting.date}）早了三个月以上",
                    row=lines.get("as_of"), column="as_of", hint="请核对是否用了旧台账或写错了年份")
    if meeting.deadline is not None and meeting.deadline <= meeting.date:
        report.add(f"整改时限（{meeting.deadline}）不晚于会议日期（{meeting.date}）", row=lines.get("deadline"),
                   column="deadline", hint="deadline 是讲话中点名整改的完成日期，应在会议之后；不写则为会议次月月底")
    inspection = meeting.inspection
    if inspection and inspection.start and inspection.end and inspection.start > inspection.end:
        report.add(f"督查开始日期（{inspection.start}）晚于结束日期（{inspection.end}）",
                   row=lines.get("inspection.start"), column="inspection.start", hint="请核对 start 和 end")


def _check_doc_number(clean: dict[str, object], lines: dict[str, int], report: Report) -> None:
    """Report a 发文字号 not written 机关代字〔YYYY〕N号 of the meeting's year (the date's, when
    it was readable), checked as generate --doc-number is."""
    number, date = clean.get("doc_number"), clean.get("date")
    if not isinstance(number, str):
        return
    problem = doc_number_problem(number, date.year if isinstance(date, dt.date) else None)
    if problem:
        message, hint = problem
        report.add(message, row=lines.get("doc_number"), column="doc_number", hint=hint)


def _key_lines(node: Node | None) -> dict[str, int]:
    """Return "key" / "section.key" → 1-based line number (empty without a YAML node tree)."""
    lines: dict[str, int] = {}
    _mapping_lines(node, "", lines)
    return lines


def _mapping_lines(node: object, prefix: str, lines: dict[str, int]) -> None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            name = f"{prefix}{key.value}"
            lines[name] = key.start_mark.line + 1
            _mapping_lines(value, f"{name}.", lines)
