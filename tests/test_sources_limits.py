"""The readers' limits (sources/limits.py): numbers, YAML/JSON documents, CSV size, file size.

Each case builds its own minimal hostile input; each must end as an InputError (exit 2) whose
Chinese message says what and where. Time and memory are measured by `make fuzz`, not here.
"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from speechgen.errors import InputError
from speechgen.rounding import percent, round_half_up
from speechgen.sources import limits, read_ledger, read_meeting
from speechgen.sources.cells import CellError, parse_amount, parse_date
from test_sources_helpers import problems_of

CSV_HEADER = "项目名称,县区,责任单位,总投资,年度计划投资,完成投资,项目状态\n"
MEETING = "region: 示例市\nmeeting: 全市重点项目调度会\ndate: 2026-06-05\nas_of: 2026-05-31\n"


def problems(path: Path, reader=read_ledger) -> list[str]:
    with pytest.raises(InputError) as excinfo:
        reader(path)
    assert excinfo.value.exit_code == 2
    return problems_of(excinfo)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def project_yaml(name: str = "甲项目", total: str = "1") -> str:
    return f"- name: {name}\n  district: 东城区\n  owner: 发改局\n  total: {total}\n  annual_plan: 1\n  status: 在建\n"


def csv_ledger(tmp_path: Path, *rows: str) -> Path:
    return write(tmp_path, "台账.csv", CSV_HEADER + "".join(row + "\n" for row in rows))


# Amounts -----------------------------------------------------------------------------------------

def test_an_amount_beyond_the_bound_names_its_cell(tmp_path: Path) -> None:
    [message] = problems(csv_ledger(tmp_path, "甲项目,东城区,发改局,10000000000001,500,100,在建"))
    assert message.startswith("台账.csv › 第2行 › 总投资：“10000000000001”超出了可以读取的范围")
    assert "1,000,000,000,000万元" in message and "请核对这一格的数字和单位" in message


def test_a_number_of_thirty_thousand_digits_is_refused_quickly(tmp_path: Path) -> None:
    [message] = problems(csv_ledger(tmp_path, f"甲项目,东城区,发改局,{'9' * 30_000},500,100,在建"))
    assert "第2行 › 总投资" in message and f"的位数太多（最多{limits.MAX_NUMBER_DIGITS}位）" in message
    assert "共30000个字符" in message and len(message) < 300  # the cell is quoted cut short


def test_too_many_decimals_are_refused_not_rounded(tmp_path: Path) -> None:
    [message] = problems(csv_ledger(tmp_path, "甲项目,东城区,发改局,1000,0.0000001,0,在建"))
    assert "年度计划投资：“0.0000001”的小数位数太多（最多6位）" in message


@pytest.mark.parametrize("value", [1e300, 10**30, D("1E+40"), D("1E+13")])
def test_huge_numbers_of_every_type_are_refused(value: object) -> None:
    with pytest.raises(CellError, match="超出了可以读取的范围"):
        parse_amount(value)


def test_the_largest_rate_the_bounds_allow_still_rounds() -> None:
    tiny_plan = parse_amount("0.000001", "元")
    assert tiny_plan == D("1E-10")
    assert percent(limits.MAX_AMOUNT_WAN, tiny_plan) == D("1E+24")
    assert round_half_up(D("1E+40") / 3, 1).adjusted() == 39  # beyond the default 28 digits


@pytest.mark.parametrize("value", [10**400, -(10**400), 10**20])
def test_a_huge_integer_as_a_date_is_not_a_date(value: int) -> None:
    with pytest.raises(CellError, match="不是可识别的日期"):
        parse_date(value)


def test_a_400_digit_integer_as_the_meeting_date(tmp_path: Path) -> None:
    text = MEETING.replace("date: 2026-06-05", f"date: {'1' * 400}")
    [message] = problems(write(tmp_path, "meeting.yaml", text), read_meeting)
    assert message.startswith("meeting.yaml › 第3行 › date：“111") and "不是可识别的日期" in message


# YAML and JSON documents ----------------------------------------------------------------------------

def test_a_10000_digit_integer_in_yaml_and_json_names_its_project(tmp_path: Path) -> None:
    digits = "7" * 10_000
    yaml_text = project_yaml(total=digits)
    [message] = problems(write(tmp_path, "台账.yaml", yaml_text))
    assert message.startswith("台账.yaml › 第1行 › total（总投资）：“777") and "位数太多" in message
    json_text = f'[{{"name": "甲项目", "district": "东城区", "owner": "发改局", "total": {digits}, ' \
                '"annual_plan": 1, "status": "在建"}]'
    [message] = problems(write(tmp_path, "台账.json", json_text))
    assert "total（总投资）：“777" in message and "位数太多" in message


def test_a_10000_digit_integer_in_a_meeting_file(tmp_path: Path) -> None:
    [message] = problems(write(tmp_path, "meeting.yaml", MEETING + f"inspection:\n  groups: {'9' * 10_000}\n"),
                         read_meeting)
    assert "inspection.groups" in message and "不是督查组的数量" in message


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["哈"]'] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    [message] = problems(write(tmp_path, "台账.yaml", "\n".join(lines) + "\n"))
    assert message.startswith("台账.yaml › 第")  # the line of the reference that went over
    assert f"YAML 内容值超过{limits.MAX_NODES}个（含“*”引用展开后）" in message
    many = "x: &x 1\n" + "".join(f"y{i}: *x\n" for i in range(limits.MAX_ALIASES + 1))
    [message] = problems(write(tmp_path, "meeting.yaml", many), read_meeting)
    assert message.startswith("meeting.yaml › 第102行") and "YAML 内容“*”引用超过100处" in message
    chain = ['a0: &a0 ["哈"]'] + [f"a{i}: &a{i} [*a{i - 1}]" for i in range(1, 25)]
    [message] = problems(write(tmp_path, "meeting.yaml", MEETING + "\n".join(chain) + "\n"), read_meeting)
    assert "YAML 内容嵌套超过20层（含“*”引用展开后）" in message


def test_wide_references_count_every_value_they_expand_to(tmp_path: Path) -> None:
    row = "[" + ", ".join(["0"] * 5000) + "]"
    text = f"x: &x {row}\n" + "".join(f"y{i}: *x\n" for i in range(90))
    [message] = problems(write(tmp_path, "meeting.yaml", text), read_meeting)
    assert f"值超过{limits.MAX_NODES}个（含“*”引用展开后）" in message


def test_a_reference_to_itself_is_refused(tmp_path: Path) -> None:
    [message] = problems(write(tmp_path, "台账.yaml", "projects: &p [*p]\n"))
    assert "“*”引用了包含它自己的内容" in message


@pytest.mark.parametrize("name", ["台账.yaml", "台账.json"])
def test_deep_nesting_is_refused_before_python_recurses(tmp_path: Path, name: str) -> None:
    [message] = problems(write(tmp_path, name, "[" * 100_000 + "]" * 100_000))
    assert message.startswith(f"{name} › 第1行：") and f"嵌套超过{limits.MAX_NESTING}层" in message


@pytest.mark.parametrize(("tagged", "shown"), [("!!bool maybe", "“maybe”不符合它的标记“!!bool”"),
                                               ("!!float abc", "“abc”不符合它的标记“!!float”"),
                                               ("!!timestamp 2026-13-45", "不符合它的标记“!!timestamp”"),
                                               ("!!int 12x", "“12x”不符合它的标记“!!int”")])
def test_explicit_tags_on_the_wrong_value(tmp_path: Path, tagged: str, shown: str) -> None:
    [message] = problems(write(tmp_path, "meeting.yaml", MEETING + f"speaker: {tagged}\n"), read_meeting)
    assert message.startswith("meeting.yaml › 第5行：YAML 的值无法识别") and shown in message
    assert "“!!”开头的标记" in message


def test_a_timestamp_tag_on_a_good_date_is_a_date(tmp_path: Path) -> None:
    text = MEETING.replace("date: 2026-06-05", "date: !!timestamp 2026-06-05")
    assert read_meeting(write(tmp_path, "meeting.yaml", text)).date.isoformat() == "2026-06-05"


def test_a_control_character_in_yaml_names_its_line(tmp_path: Path) -> None:
    [message] = problems(write(tmp_path, "meeting.yaml", MEETING + "speaker: 李\x1b[2J明\n"), read_meeting)
    assert message.startswith("meeting.yaml › 第5行：YAML 文件含有不能使用的控制字符（\\x1b）；这类字符看不见")


# File sizes and CSV ------------------------------------------------------------------------------------

def test_files_over_their_limit_are_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("speechgen.sources.ledger.MAX_DATA_BYTES", 1000)
    path = write(tmp_path, "台账.yaml", "# " + "注" * 1000 + "\n")
    [message] = problems(path)
    assert message.startswith("台账.yaml：台账文件太大（超过1 KB）") and "请用 .xlsx 或 .csv" in message
    meeting = write(tmp_path, "meeting.yaml", MEETING + "# " + "x" * limits.MAX_MEETING_BYTES)
    [message] = problems(meeting, read_meeting)
    assert message.startswith("meeting.yaml：会议信息文件太大（超过200 KB）")


def test_a_csv_over_the_row_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("speechgen.sources.csvfile.MAX_ROWS", 10)
    rows = [f"项目{i},东城区,发改局,10,5,1,在建" for i in range(20)]
    [message] = problems(csv_ledger(tmp_path, *rows))
    assert message.startswith("台账.csv › 第11行：CSV 文件超过10行") and "删去末尾多余的行" in message


def test_a_huge_csv_cell_is_refused_in_chinese(tmp_path: Path) -> None:
    [message] = problems(csv_ledger(tmp_path, "甲项目,东城区,发改局,10,5,1,在建", '"' + "长" * 200_000 + '"'))
    assert message.startswith("台账.csv › 第3行：这一行有一格超过32767个字符")
    [message] = problems(csv_ledger(tmp_path, "甲项目,东城区,发改局,10,5,1,在建" + "长" * 40_000))
    assert message.startswith("台账.csv › 第2行：这一行有一格超过32767个字符")


def test_a_csv_wider_than_the_column_limit(tmp_path: Path) -> None:
    [message] = problems(csv_ledger(tmp_path, "甲项目,东城区,发改局,10,5,1,在建" + "," * 300 + "远"))
    assert message.startswith("台账.csv › 第2行：这一行超过256列")


def test_a_long_cell_in_a_yaml_ledger_is_refused(tmp_path: Path) -> None:
    text = project_yaml(name="长" * 40_000)
    [message] = problems(write(tmp_path, "台账.yaml", text))
    assert message.startswith("台账.yaml › 第1行 › name（项目名称）：这一格有40000个字符，超过了32767个字符的上限")


def test_a_ledger_wrong_on_every_row_lists_the_first_problems(tmp_path: Path) -> None:
    rows = [f"项目{i},东城区,发改局,多,5,1,在建" for i in range(limits.MAX_LISTED_PROBLEMS + 50)]
    messages = problems(csv_ledger(tmp_path, *rows))
    assert len(messages) == limits.MAX_LISTED_PROBLEMS + 1
    assert messages[-1].startswith("台账.csv：另有50处问题没有列出（共250处）")


def test_yaml_values_are_counted_while_they_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("speechgen.sources.documents.MAX_NODES", 50)
    [message] = problems(write(tmp_path, "台账.yaml", project_yaml() * 10))
    assert message.startswith("台账.yaml › 第") and "YAML 内容值超过50个；" in message


def test_a_json_ledger_s_problems_name_their_lines(tmp_path: Path) -> None:
    text = ('{"unit": "万元",\n "projects": [\n  {"name": "甲项目", "district": "东城区", "owner": "发改局",\n'
            '   "total": 10, "annual_plan": 5, "status": "在建"},\n'
            '  {"name": "乙项目", "district": "东城区", "owner": "发改局", "total": 10, "annual_plan": 5,\n'
            '   "status": "谈判中"}]}\n')
    [message] = problems(write(tmp_path, "台账.json", text))
    assert message.startswith("台账.json › 第5行 › status（项目状态）：“谈判中”不是可识别的项目状态")
