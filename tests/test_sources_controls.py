"""Control characters in the inputs: refused where they are, never printed raw; the meeting's 发文字号."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from speechgen.cli import main
from speechgen.errors import InputError, Problem
from speechgen.paths import resource_dir
from speechgen.sources import read_ledger, read_meeting
from test_sources_helpers import problems_of

CSV_HEADER = "项目名称,县区,责任单位,总投资,年度计划投资,完成投资,项目状态"

MEETING = "region: 示例市\nmeeting: 全市重点项目调度会\ndate: 2026-06-05\nas_of: 2026-05-31\n"


def csv_ledger(tmp_path: Path, *rows: str, header: str = CSV_HEADER) -> Path:
    path = tmp_path / "台账.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def ledger_problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as excinfo:
        read_ledger(path)
    return problems_of(excinfo)


def meeting_problems(tmp_path: Path, extra: str) -> list[str]:
    path = tmp_path / "meeting.yaml"
    path.write_text(MEETING + extra, encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read_meeting(path)
    return problems_of(excinfo)


def test_a_control_character_in_a_text_cell_is_refused_naming_the_cell(tmp_path: Path) -> None:
    path = csv_ledger(tmp_path, "甲\x1b]0;被改了\x07项目,东城区,发改局,10,5,1,在建",
                      "乙项目,东城区,发改\x00局,10,5,1,在建")
    first, second = ledger_problems(path)
    assert first.startswith("台账.csv › 第2行 › 项目名称：“甲\\x1b]0;被改了\\x07项目”中有控制字符（\\x1b、\\x07）")
    assert "复制时带进来的" in first
    assert second.startswith("台账.csv › 第3行 › 责任单位：“发改\\x00局”中有控制字符（\\x00）")
    assert not any(ch in first + second for ch in "\x1b\x07\x00")


def test_optional_columns_and_the_status_are_checked_too(tmp_path: Path) -> None:
    path = csv_ledger(tmp_path, "甲项目,东城区,发改局,10,5,1,在建\x1b[2J,封顶\u202e", header=CSV_HEADER + ",形象进度")
    messages = ledger_problems(path)
    assert [m.split("：")[0] for m in messages] == ["台账.csv › 第2行 › 项目状态", "台账.csv › 第2行 › 形象进度"]
    assert "（\\u202e）" in messages[1]


def test_zero_width_characters_from_copying_are_dropped(tmp_path: Path) -> None:
    ledger = read_ledger(csv_ledger(tmp_path, "甲\u200b项目\ufeff,东城区,发改局\u2060,10,5,1,在建"))
    assert (ledger.projects[0].name, ledger.projects[0].owner) == ("甲项目", "发改局")


def test_line_breaks_and_tabs_in_a_cell_are_whitespace_not_controls(tmp_path: Path) -> None:
    ledger = read_ledger(csv_ledger(tmp_path, '"甲项目\r\n（一期）\x0b",东城区,发改\t局,10,5,1,在建'))
    assert (ledger.projects[0].name, ledger.projects[0].owner) == ("甲项目（一期）", "发改局")


def test_a_control_character_in_the_meeting_file(tmp_path: Path) -> None:
    message, _ = meeting_problems(tmp_path, 'speaker: "市长\\e[31m 李明"\nreporters:\n  - "高新区\\a"\n')
    assert message.startswith("meeting.yaml › 第5行 › speaker：“市长\\x1b[31m 李明”中有控制字符（\\x1b）")
    messages = meeting_problems(tmp_path, 'reporters:\n  - "高新区\\a"\n')
    assert messages == [messages[0]] and "reporters：“高新区\\x07”中有控制字符（\\x07）" in messages[0]


def test_every_message_writes_control_characters_out() -> None:
    problem = Problem("“a\x1b[2Jb\x9b\u202e”不是数字", file="台\r账.csv", hint="请改\x07")
    assert problem.format() == "台\\r账.csv：“a\\x1b[2Jb\\x9b\\u202e”不是数字；请改\\x07。"
    assert InputError(problem).messages() == [problem.format()]
    assert Problem("第一行\n第二行").format() == "第一行\n第二行。"


def test_an_unreadable_date_warning_does_not_echo_escapes(tmp_path: Path) -> None:
    path = csv_ledger(tmp_path, "甲项目,东城区,发改局,10,5,1,在建,\x1b[2J上半年", header=CSV_HEADER + ",计划开工时间")
    [warning] = read_ledger(path).warnings
    assert "“\\x1b[2J上半年”不是可识别的日期" in warning.format()


def test_the_cli_prints_no_escape_sequence(tmp_path: Path) -> None:
    ledger = csv_ledger(tmp_path, "甲\x1b]0;title\x07项目,东城区,发改局,10,5,1,在建")
    meeting = resource_dir("examples") / "meeting.yaml"
    result = CliRunner().invoke(main, ["facts", "--data", str(ledger), "--meeting", str(meeting)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "\x1b" not in result.output and "\\x1b]0;title\\x07" in result.output


# The meeting file's 发文字号, read as generate --doc-number reads it -------------------------------------

@pytest.mark.parametrize(("written", "says"), [
    ('"0"', "meeting.yaml › 第5行 › doc_number：“0”不是发文字号；应写成“机关代字〔年份〕序号号”"),
    ("示项办〔2026〕0号", "doc_number：“示项办〔2026〕0号”不是发文字号"),
    ("示项办[2026]第012号", "doc_number：发文字号“示项办[2026]第012号”的写法不规范；"
                         "年份用六角括号〔〕，序号不编虚位、不加“第”，末尾写“号”，应写成“示项办〔2026〕12号”"),
    ("示项办〔2025〕12号", "doc_number：发文字号“示项办〔2025〕12号”的年份是2025年，而成文日期在2026年"),
])
def test_a_bad_doc_number_fails_when_the_meeting_file_is_read(tmp_path: Path, written: str, says: str) -> None:
    [message] = meeting_problems(tmp_path, f"doc_number: {written}\n")
    assert says in message and message.startswith("meeting.yaml › 第5行 › doc_number：")


def test_a_doc_number_problem_comes_with_the_file_s_other_problems(tmp_path: Path) -> None:
    messages = meeting_problems(tmp_path, "doc_number: 0\nlevel: 省\n")
    assert sorted(m.split("：")[0] for m in messages) == ["meeting.yaml › 第5行 › doc_number",
                                                         "meeting.yaml › 第6行 › level"]


def test_a_doc_number_is_checked_without_a_year_when_the_date_is_bad(tmp_path: Path) -> None:
    path = tmp_path / "meeting.yaml"
    path.write_text(MEETING.replace("2026-06-05", "2026-02-30") + "doc_number: 示项办〔2025〕12号\n", encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read_meeting(path)
    [message] = problems_of(excinfo)
    assert "date：“2026-02-30”不是有效的日期" in message


def test_a_doc_number_of_thousands_of_digits_is_not_a_doc_number(tmp_path: Path) -> None:
    [message] = meeting_problems(tmp_path, f"doc_number: 示项办〔2026〕{'1' * 5000}号\n")
    assert "doc_number：“示项办〔2026〕1111" in message and "不是发文字号" in message and len(message) < 300
