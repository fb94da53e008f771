"""File names made from data: safe on every file system and in a zip, unique, from --name patterns."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechgen.batch.naming import (
    MAX_STEM,
    MAX_STEM_BYTES,
    UniqueNames,
    check_pattern,
    fill_pattern,
    safe_stem,
)
from speechgen.errors import InputError
from speechgen.writers.output_paths import path_problems

FIELDS = ("序号", "名称", "类型")


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/passwd", "_._etc_passwd"),
    ("A/B", "A_B"),
    ("A\\B", "A_B"),
    ("CON", "_CON"),
    ("con.2026", "_con.2026"),
    ("LPT1", "_LPT1"),
    ("COM1 ", "_COM1"),
    ("报告: 第1期?*", "报告_ 第1期__"),
    ("  .隐藏的名字.  ", "隐藏的名字"),
    ("名字...", "名字"),
    ("甲\n乙\t丙\x1b[31m", "甲乙丙[31m"),
    ("\u202e\u200bfdp.exe", "fdp.exe"),
    ("", "未命名"),
    ("...", "未命名"),
    ("CONSOLE", "CONSOLE"),  # only the device names themselves are reserved
])
def test_data_becomes_a_safe_file_name(name: str, expected: str) -> None:
    assert safe_stem(name) == expected


def test_a_300_character_name_is_cut_to_fit() -> None:
    stem = safe_stem("项" * 300)
    assert len(stem) == MAX_STEM_BYTES // 3  # three bytes a character in UTF-8
    assert safe_stem("x" * 300) == "x" * MAX_STEM
    filled = fill_pattern("{序号}_{名称}_{类型}", {"序号": "001", "名称": "项" * 300, "类型": "督办单"})
    assert filled.startswith("001_项") and filled.endswith("_督办单")  # the long field is cut, not the rest


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_any_text_gives_a_name_the_write_routine_accepts(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.getbasetemp()
    stem = fill_pattern("{序号}_{名称}", {"序号": "001", "名称": text})
    assert "/" not in stem and "\\" not in stem and ".." not in stem
    assert not stem.startswith(".") and not stem.endswith((".", " "))
    assert len(stem) <= MAX_STEM and len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert path_problems(folder / f"{stem}.docx") == []


def test_duplicates_get_distinct_names_as_windows_compares_them() -> None:
    names = UniqueNames()
    names.reserve("manifest.csv")
    assert [names.claim(stem, (".docx", ".pdf")) for stem in ("甲项目", "甲项目", "Abc", "ABC", "甲项目")] == [
        "甲项目", "甲项目（2）", "Abc", "ABC（2）", "甲项目（3）"]
    assert names.claim("manifest", (".csv",)) == "manifest（2）"
    assert names.claim("manifest", (".docx",)) == "manifest"


def test_patterns_name_their_unknown_and_unavailable_fields() -> None:
    assert check_pattern("{序号}-{名称}", FIELDS) == "{序号}-{名称}"
    with pytest.raises(InputError) as caught:
        check_pattern("{序号}_{项目名}_{项目}", FIELDS)
    unknown, unavailable = caught.value.messages()
    assert "“{项目名}”不是可用的字段" in unknown and "{发文字号}" in unknown
    assert "没有“{项目}”" in unavailable and "{序号}、{名称}、{类型}" in unavailable
    with pytest.raises(InputError, match="没有任何字段"):
        check_pattern("督办单", FIELDS)
    with pytest.raises(InputError, match="不能有“/”"):
        check_pattern("{名称}/{序号}", FIELDS)


def test_a_pattern_filled_with_hostile_values_stays_one_file(tmp_path: Path) -> None:
    stem = fill_pattern("{序号}_{名称}", {"序号": "001", "名称": "../../etc/passwd"})
    assert (tmp_path / f"{stem}.docx").parent == tmp_path
    assert stem == "001_.._.._etc_passwd".replace("..", ".")
