"""Every message Chinese, with the line: PyYAML's problems, damaged workbooks, click's prefixes (issue 16)."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from speechgen.cli import main
from speechgen.errors import InputError
from speechgen.sources import read_ledger, read_meeting
from speechgen.sources.yamlerrors import translate
from test_sources_helpers import problems_of, simple_ledger

PROJECT = "- name: 甲\n  district: 东城区\n  owner: 局\n  total: 100\n  annual_plan: 50\n  completed: 10\n"


@pytest.mark.parametrize(("text", "line", "words"), [
    (PROJECT + "  status: 在建\n  leader: [张三\n- name: 乙\n", 8, "“[”开头的列表没有用“]”结束"),
    (PROJECT + "\tstatus: 在建\n", 7, "用了 Tab（制表符）缩进"),
    (PROJECT + "  status: 在建\n  leader: 张三: 李四\n", 8, "这一行多了一个“: ”"),
    (PROJECT + "  status: \"在建\n", 7, "引号没有配对"),
    (PROJECT + "  status: @在建\n", 7, "值不能以“@”开头"),
])
def test_yaml_ledger_problems_in_chinese_on_their_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "台账.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read_ledger(path)
    (problem,) = excinfo.value.problems
    assert problem.row == line and words in problem.message, problem.format()
    assert not any(word in problem.format() for word in ("found", "expected", "while", "token", "mapping"))


def test_yaml_meeting_problem_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "meeting.yaml"
    path.write_text("region: 某县\nmeeting: 调度会\ndate: 2026-06-05\nas_of: 2026-05-31\nspeaker: 张三\n"
                    "issuer: 县办\ncc: 办\nreporters: [甲, 乙\n", encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read_meeting(path)
    assert [p.row for p in excinfo.value.problems] == [8]
    assert "列表没有用“]”结束" in problems_of(excinfo)[0]


def test_an_unknown_yaml_problem_is_still_chinese() -> None:
    assert translate("something PyYAML never said") == ("这里的写法无法解析", False)


def test_snippet_file_yaml_problem_is_chinese(tmp_path: Path) -> None:
    (tmp_path / "opening.yaml").write_text("role: opening\ntitle: 开场\npassages: [\n  - text: 同志们\n",
                                           encoding="utf-8")
    result = CliRunner().invoke(main, ["snippets", "--snippets", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "YAML 格式有误" in result.output and "while parsing" not in result.output
    assert "found" not in result.output and "expected" not in result.output


def test_truncated_workbook_says_so_in_chinese(tmp_path: Path) -> None:
    whole = simple_ledger(tmp_path / "whole.xlsx").read_bytes()
    cut = tmp_path / "台账.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InputError) as excinfo:
        read_ledger(cut)
    (message,) = problems_of(excinfo)
    assert "文件不完整" in message and "BadZipFile" not in message


def test_click_prefixes_are_chinese() -> None:
    result = CliRunner().invoke(main, ["snippets", "--role", "没有的角色"])
    assert result.exit_code == 2 and "选项 --role 的取值无效" in result.output
    assert "Invalid value" not in result.output
    result = CliRunner().invoke(main, ["facts", "--dat", "x"])
    assert "没有这个选项：--dat（是不是要写 '--data'？）" in result.output and "Did you mean" not in result.output
