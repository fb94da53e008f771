"""The .xlsx reader within limits: zip bombs, far cells, huge cells, out-of-range dimensions, budgets.

Each hostile workbook is built here from its parts (xlsx_parts.py), small; `make fuzz` measures
the full-size attacks (2 GB of spaces, a 50 MB cell, 3 million cells) for time and memory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from speechgen.errors import InputError
from speechgen.sources import limits, read_ledger
from test_sources_helpers import problems_of
from xlsx_parts import HEADER, PROJECT, cell, package, row, sheet, whitespace_bomb


def problems(tmp_path: Path, data: bytes) -> list[str]:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(data)
    with pytest.raises(InputError) as excinfo:
        read_ledger(path)
    assert excinfo.value.exit_code == 2
    return problems_of(excinfo)


def read(tmp_path: Path, data: bytes):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(data)
    return read_ledger(path)


def test_the_hand_built_workbook_reads(tmp_path: Path) -> None:
    ledger = read(tmp_path, package(sheet()))
    assert [(p.name, p.row) for p in ledger.projects] == [("甲项目", 2)] and ledger.sheet == "项目表"


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    [message] = problems(tmp_path, whitespace_bomb(20_000_000))
    assert message.startswith("台账.xlsx：这个 Excel 文件中的“xl/worksheets/sheet1.xml”压缩比异常")
    assert "像是故意构造的“压缩炸弹”" in message and "解压后有20 MB" in message


def test_too_many_parts_and_too_much_in_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = {f"xl/media/image{i}.bin": b"x" for i in range(limits.MAX_ZIP_MEMBERS)}
    [message] = problems(tmp_path, package(sheet(), raw_parts=parts))
    assert f"超过了{limits.MAX_ZIP_MEMBERS}个的上限" in message
    monkeypatch.setattr("speechgen.sources.package.MAX_UNCOMPRESSED_BYTES", 10_000)
    [message] = problems(tmp_path, package(sheet(), raw_parts={"xl/media/a.bin": bytes(range(256)) * 100}))
    assert message.startswith("台账.xlsx：这个 Excel 文件解压后有") and "的上限" in message


def test_a_value_in_a_far_cell_is_refused_naming_it(tmp_path: Path) -> None:
    [message] = problems(tmp_path, package(sheet(extra='<row r="1048576">' + cell("XFD1048576", "x") + "</row>")))
    assert message.startswith("台账.xlsx › 项目表：XFD1048576单元格：这一格有内容，但超出了可以读取的范围")
    assert f"最多{limits.MAX_ROWS}行、{limits.MAX_COLUMNS}列" in message and "请删除它" in message


def test_empty_styled_cells_far_away_cost_nothing(tmp_path: Path) -> None:
    far = '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    ledger = read(tmp_path, package(sheet(extra=far, dimension="A1:XFD1048576")))
    assert [p.name for p in ledger.projects] == ["甲项目"]


@pytest.mark.parametrize("dimension", ["A1:XFD2000000", "A0:B2", "A1:XFD1048576", "A1:ZZZZ9", "garbage"])
def test_the_declared_dimension_is_not_used(tmp_path: Path, dimension: str) -> None:
    """The sheet's <dimension> is what a program claims; only the cells themselves are read."""
    assert [p.name for p in read(tmp_path, package(sheet(dimension=dimension))).projects] == ["甲项目"]


def test_a_cell_longer_than_excel_allows(tmp_path: Path) -> None:
    huge = f'<si><t>{"长" * (limits.MAX_CELL_CHARS + 1)}</t></si>'
    rows = row(1, HEADER) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    [message] = problems(tmp_path, package(sheet(rows), shared=huge))
    assert message.startswith("台账.xlsx › 项目表：A2单元格：这一格有32768个字符，超过了32767个字符的上限")


def test_a_number_of_200000_digits_in_a_cell(tmp_path: Path) -> None:
    rows = row(1, HEADER) + row(2, PROJECT[:3]) + f'<row r="2"><c r="D2"><v>{"9" * 200_000}</v></c></row>'
    [message] = problems(tmp_path, package(sheet(rows)))
    assert message.startswith("台账.xlsx › 项目表：D2单元格：这一格的数字有200000位，位数太多")


def test_too_many_cells_in_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("speechgen.sources.sheets.MAX_SHEET_CELLS", 50)
    empty = "".join(f'<row r="{n}">' + "".join(f'<c r="{c}{n}" s="1"/>' for c in "ABCDEFGH") + "</row>"
                    for n in range(3, 20))
    [message] = problems(tmp_path, package(sheet(extra=empty)))
    assert "工作簿的单元格超过50个（含设了格式的空单元格）" in message and "右键“删除”" in message


def test_a_merge_down_to_the_last_row_fills_only_the_rows_there_are(tmp_path: Path) -> None:
    rows = row(1, HEADER) + row(2, PROJECT) + row(3, ("乙项目", None, "发改局", 10, 5, 1, "在建"))
    rows = rows.replace('<c r="B3" t="inlineStr"><is><t>None</t></is></c>', "")
    ledger = read(tmp_path, package(sheet(rows, after='<mergeCells count="1"><mergeCell ref="B2:B1048576"/>'
                                                      "</mergeCells>")))
    assert [(p.name, p.district) for p in ledger.projects] == [("甲项目", "东城区"), ("乙项目", "东城区")]


def test_escaped_control_characters_in_cells_are_read_and_refused(tmp_path: Path) -> None:
    rows = row(1, HEADER) + row(2, ("甲_x001B_[2J项目", *PROJECT[1:])) + row(3, ("乙_x000D_\n项目", *PROJECT[1:]))
    [message] = problems(tmp_path, package(sheet(rows)))
    assert message.startswith("台账.xlsx › 项目表 › 第2行 › 项目名称：“甲\\x1b[2J项目”中有控制字符（\\x1b）")


def test_too_many_shared_strings_are_counted_before_openpyxl_reads_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("speechgen.sources.package.MAX_SHARED_STRINGS", 3)
    shared = "".join(f"<si><t>文字{n}</t></si>" for n in range(4))
    [message] = problems(tmp_path, package(sheet(), shared=shared))
    assert message.startswith("台账.xlsx：这个 Excel 文件有4段不同的文字，超过了3段的上限")


def test_a_settings_part_over_its_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("speechgen.sources.package.MAX_SETTINGS_PART_BYTES", 2000)
    styles = "<styleSheet>" + "".join(f'<xf xfId="{n}"/>' for n in range(300)) + "</styleSheet>"
    [message] = problems(tmp_path, package(sheet(), raw_parts={"xl/styles.xml": styles.encode()}))
    assert message.startswith("台账.xlsx：这个 Excel 文件中的“xl/styles.xml”解压后有") and "的上限" in message
    big_sheet = sheet(extra="".join(row(n, (f"项目{n}", *PROJECT[1:])) for n in range(3, 60)))
    assert len(big_sheet) > 2000  # sheets are streamed: only MAX_PART_BYTES applies to them
    assert len(read(tmp_path, package(big_sheet)).projects) == 58


def test_an_escaped_underscore_stays_literal(tmp_path: Path) -> None:
    rows = row(1, HEADER) + row(2, ("甲_x005F_x000D_项目", *PROJECT[1:]))
    assert read(tmp_path, package(sheet(rows))).projects[0].name == "甲_x000D_项目"
