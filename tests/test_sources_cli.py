"""Bad input through the command line: exit status 2, Chinese messages on stderr, no traceback."""

from pathlib import Path

from click.testing import CliRunner

from speechgen.cli import main
from speechgen.paths import resource_dir
from test_sources_helpers import row, simple_ledger

MEETING = resource_dir("examples") / "meeting.yaml"


def test_bad_ledger_and_meeting_exit_2_with_every_problem(tmp_path: Path) -> None:
    ledger = simple_ledger(tmp_path / "台账.xlsx", [row(1, "甲项目", plan="约3亿"), row(2, "乙项目", status="谈判")])
    meeting = tmp_path / "meeting.yaml"
    meeting.write_text("region: 示例市\nmeeting: 调度会\ndate: 2026-06-05\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["facts", "--data", str(ledger), "--meeting", str(meeting)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "meeting.yaml：缺少必填项“as_of”" in result.stderr
    assert "台账.xlsx › 项目表 › 第2行 › 年度计划投资（万元）：“约3亿”不是确切的数字" in result.stderr
    assert "台账.xlsx › 项目表 › 第3行 › 项目状态：“谈判”不是可识别的项目状态" in result.stderr


def test_unsupported_ledger_type(tmp_path: Path) -> None:
    ledger = tmp_path / "台账.xls"
    ledger.write_bytes(b"\xd0\xcf\x11\xe0")
    result = CliRunner().invoke(main, ["facts", "--data", str(ledger), "--meeting", str(MEETING)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "暂不支持 .xls" in result.stderr and "另存为" in result.stderr


def test_example_files_through_the_cli() -> None:
    ledger = resource_dir("examples") / "ledger.xlsx"
    result = CliRunner().invoke(main, ["facts", "--data", str(ledger), "--meeting", str(MEETING)],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert "警告：ledger.xlsx › 2026年重点项目台账 › 第11行" in result.stderr
