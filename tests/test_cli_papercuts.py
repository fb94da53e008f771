"""What a new user meets first (issue 16): `speechgen` alone, help text, init, renamed files, --frame."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from speechgen import api
from speechgen.cli import main
from speechgen.cli.facts_cmd import _groups, _laggards
from speechgen.cli.zhhelp import columns, join_lines, wrap_paragraphs
from speechgen.errors import InputError
from speechgen.facts import GROUP_LABELS
from speechgen.sources.meeting import read_meeting

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_speechgen_alone_prints_the_help_without_an_error() -> None:
    result = CliRunner().invoke(main, [])
    assert result.exit_code == 2  # click's convention for a group called without a command
    assert "错误" not in result.output and "Traceback" not in result.output
    assert result.stderr.startswith("用法：") and "命令：" in result.stderr and "generate" in result.stderr


def test_help_joins_chinese_lines_without_spaces_and_fits_80_columns() -> None:
    result = CliRunner().invoke(main, ["generate", "--help"], terminal_width=80)
    assert result.exit_code == 0
    assert "滞后项目），段落从片段库" in result.output  # two source lines joined without " "
    assert "， " not in result.output and "） " not in result.output.replace("） [", "")
    # example lines (\b paragraphs) are kept as written; everything else fits the terminal
    wrapped = [line for line in result.output.splitlines() if not line.startswith("    speechgen ")]
    assert max(columns(line) for line in wrapped) <= 80


def test_wrapping_keeps_latin_words_and_closing_marks_in_place() -> None:
    assert join_lines(["Word 文档", "里", "and", "more"]) == "Word 文档里and more"
    text = "格式由扩展名决定：.docx .pdf .html .txt，写多个（最多三个）也可以，全都检查。"
    lines = wrap_paragraphs(text, 24).splitlines()
    assert all(columns(line) <= 24 for line in lines)
    assert all(not line.startswith(("，", "。", "）")) and not line.endswith("（") for line in lines)
    assert any(".html" in line for line in lines) and ".htm\n" not in "\n".join(lines)


def test_init_writes_a_meeting_file_that_is_valid_once_filled(tmp_path: Path) -> None:
    target = tmp_path / "meeting.yaml"
    result = CliRunner().invoke(main, ["init", "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "【必填】" in text and "# 会议信息" in text
    with pytest.raises(InputError) as unfilled:
        read_meeting(target)
    assert {p.column for p in unfilled.value.problems} == {"region", "meeting", "date", "as_of"}
    filled = (text.replace("region:          #", "region: 青山市 #")
              .replace("meeting:         #", "meeting: 全市重点项目调度会 #")
              .replace("date:            #", "date: 2026-06-05 #")
              .replace("as_of:           #", "as_of: 2026-05-31 #")
              .replace("# contact:", "contact:").replace("#   name:        #", "  name: 周敏 #")
              .replace("  groups:        #", "  groups: 4 #"))
    target.write_text(filled, encoding="utf-8")
    meeting = read_meeting(target)
    assert (meeting.region, meeting.date.isoformat(), meeting.contact.name, meeting.inspection.groups) == (
        "青山市", "2026-06-05", "周敏", 4)


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "meeting.yaml"
    target.write_text("region: 原有\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", "-o", str(target)])
    assert result.exit_code == 2 and "已存在" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "region: 原有\n"
    assert CliRunner().invoke(main, ["init", "-o", str(target), "--force"]).exit_code == 0
    assert "【必填】" in target.read_text(encoding="utf-8")
    bad = CliRunner().invoke(main, ["init", "-o", str(tmp_path / "会议.txt")])
    assert bad.exit_code == 2 and ".yaml" in bad.stderr and not (tmp_path / "会议.txt").exists()


def test_a_workbook_renamed_docx_is_named_as_such(tmp_path: Path) -> None:
    renamed = tmp_path / "稿件.docx"
    shutil.copy(EXAMPLES / "ledger.xlsx", renamed)
    result = CliRunner().invoke(main, ["check", str(renamed)])
    assert result.exit_code == 2
    assert "稿件.docx" in result.stderr and "不是 Word 文档" in result.stderr and "Excel 工作簿" in result.stderr
    assert "BytesIO" not in result.output and "Traceback" not in result.output


def test_frame_for_a_notice_is_reported_not_silently_dropped(tmp_path: Path) -> None:
    out = tmp_path / "通知.txt"
    result = CliRunner().invoke(main, ["generate", "notice", "-d", str(EXAMPLES / "ledger.xlsx"),
                                       "-m", str(EXAMPLES / "meeting.yaml"), "-o", str(out), "--frame", "review"])
    assert result.exit_code == 0, result.output
    assert "警告：--frame" in result.stderr and "督查通知没有框架可选" in result.stderr
    assert out.exists()


def _printed(renderable: object, width: int = 80) -> list[str]:
    console = Console(width=width, markup=False, highlight=False, emoji=False, color_system=None)
    with console.capture() as captured:
        console.print(renderable)
    return captured.get().splitlines()


def test_facts_tables_fit_an_80_column_terminal() -> None:
    facts = api.compute_facts(EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml")
    groups = _printed(_groups(facts.by_district, GROUP_LABELS["district"]))
    assert max(columns(line) for line in groups) <= 80
    assert any("高新区" in line and "53.8%" in line for line in groups)  # the name column is not squeezed away
    laggards = _printed(_laggards(facts, 80))
    assert max(columns(line) for line in laggards) <= 80
    first = facts.laggards[0].project
    assert any(first.name in line for line in laggards)  # names stay whole on their line
    assert any(first.owner in line for line in laggards)
    wide = _printed(_laggards(facts, 180), 180)
    assert any(first.name in line and first.owner in line for line in wide)  # one row a project when wide
