"""meeting.yaml's layout: section (版式): read, normalised, and every mistake named by its key."""

from __future__ import annotations

import re
from itertools import takewhile
from pathlib import Path

import pytest

from speechgen import api
from speechgen.errors import InputError
from speechgen.model import Layout, LayoutFonts
from speechgen.paths import resource_dir
from speechgen.sources import read_meeting
from speechgen.style import FontSet
from speechgen.writers import RenderOptions

MINIMAL = "region: 示例市\nmeeting: 全市重点项目调度会\ndate: 2026-06-05\nas_of: 2026-05-31\n"


def meeting_with(tmp_path: Path, layout: str) -> Path:
    path = tmp_path / "meeting.yaml"
    path.write_text(MINIMAL + layout, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as excinfo:
        read_meeting(path)
    return [problem.format() for problem in excinfo.value.problems]


def test_a_unit_s_layout_is_read(tmp_path: Path) -> None:
    meeting = read_meeting(meeting_with(tmp_path, (
        "layout:\n"
        "  fonts:\n"
        "    title: 方正小标宋_GBK\n"
        "    body: 方正仿宋_GBK\n"
        "  page_numbers: center\n"
        "  char_grid: false\n"
        "  imprint_at_bottom: true\n")))
    assert meeting.layout == Layout(fonts=LayoutFonts(title="方正小标宋_GBK", body="方正仿宋_GBK"),
                                    page_numbers="center", char_grid=False, imprint_at_bottom=True)


def test_chinese_values_are_understood(tmp_path: Path) -> None:
    meeting = read_meeting(meeting_with(tmp_path, "layout:\n  page_numbers: 居中\n  char_grid: 否\n"))
    assert meeting.layout is not None
    assert (meeting.layout.page_numbers, meeting.layout.char_grid) == ("center", False)
    meeting = read_meeting(meeting_with(tmp_path, "layout:\n  page_numbers: 单右双左\n"))
    assert meeting.layout is not None and meeting.layout.page_numbers == "odd_even"


def test_no_layout_means_the_defaults(tmp_path: Path) -> None:
    assert read_meeting(meeting_with(tmp_path, "")).layout is None
    assert read_meeting(meeting_with(tmp_path, "layout:\n")).layout is None
    assert api.render_options(None) == RenderOptions()


def test_the_layout_becomes_the_options_record(tmp_path: Path) -> None:
    meeting = read_meeting(meeting_with(tmp_path, "layout:\n  fonts:\n    hei: 方正黑体_GBK\n  page_numbers: center\n"))
    options = api.render_options(meeting.layout)
    assert options == RenderOptions(fonts=FontSet(hei="方正黑体_GBK"), page_numbers="center")


def test_every_mistake_is_named_by_its_key_and_line(tmp_path: Path) -> None:
    messages = problems(meeting_with(tmp_path, (
        "layout:\n"                      # line 5
        "  fonts:\n"
        "    body: 123\n"                # line 7: a number is no font name
        "    bold: 黑体\n"                # line 8: no such role
        "  page_number: center\n"        # line 9: misspelt key
        "  char_grid: 也许\n"              # line 10
        "  imprint_at_bottom: 底部\n")))  # line 11
    assert len(messages) == 5, messages
    joined = "\n".join(messages)
    assert "第7行" in joined and "“layout.fonts.body”应是字体名称" in joined
    assert "不认识的键“layout.fonts.bold”" in joined and "可用的键：title、body、hei、kai、song、latin" in joined
    assert "不认识的键“layout.page_number”" in joined and "是不是“page_numbers”？" in joined
    assert "“layout.char_grid”应是 true 或 false，而不是“也许”" in joined
    assert "“layout.imprint_at_bottom”应是 true 或 false" in joined
    for line, key in ((7, "layout.fonts.body"), (8, "layout.fonts.bold"), (9, "layout.page_number"),
                      (10, "layout.char_grid"), (11, "layout.imprint_at_bottom")):
        assert any(f"第{line}行" in m and key in m for m in messages), (line, key, messages)


def test_a_page_number_position_that_does_not_exist(tmp_path: Path) -> None:
    [message] = problems(meeting_with(tmp_path, "layout:\n  page_numbers: 右下角\n"))
    assert "“右下角”不是可用的页码位置" in message and "odd_even" in message and "center" in message


def test_sections_must_be_mappings(tmp_path: Path) -> None:
    [message] = problems(meeting_with(tmp_path, "layout: 居中\n"))
    assert "“layout”应是下一级的“键: 值”" in message and "page_numbers" in message
    [message] = problems(meeting_with(tmp_path, "layout:\n  fonts: 方正仿宋_GBK\n"))
    assert "“layout.fonts”应是下一级的“键: 值”" in message and "body" in message


def test_the_engine_is_not_a_layout_choice(tmp_path: Path) -> None:
    [message] = problems(meeting_with(tmp_path, "layout:\n  engine: libreoffice\n"))
    assert "不认识的键“layout.engine”" in message


def test_the_commented_example_is_a_valid_layout(tmp_path: Path) -> None:
    """examples/meeting.yaml documents layout: in comments; uncommented, it must read as it says."""
    text = (resource_dir("examples") / "meeting.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# layout:"))
    block = [lines[start], *takewhile(lambda line: re.match(r"#   +\w", line), lines[start + 1:])]
    assert len(block) == 11
    uncommented = "\n".join(line[2:] for line in block) + "\n"
    meeting = read_meeting(meeting_with(tmp_path, uncommented))
    assert meeting.layout is not None and meeting.layout.fonts is not None
    assert meeting.layout.fonts.body == "方正仿宋_GBK" and meeting.layout.page_numbers == "odd_even"
    assert api.render_options(meeting.layout).char_grid is True
