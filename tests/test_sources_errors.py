"""Bad ledgers: every problem located (file › sheet › 第N行 › column), explained, and reported in one pass."""

import zipfile
from pathlib import Path

import pytest

from speechgen.errors import InputError
from speechgen.sources import read_ledger
from test_sources_helpers import HEADER, problems_of, row, simple_ledger, write_xlsx


def read_problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as excinfo:
        read_ledger(path)
    assert excinfo.value.exit_code == 2
    return problems_of(excinfo)


def test_no_header_row_says_where_it_looked(tmp_path: Path) -> None:
    rows = [["示例市重点项目表"], ["单位：万元"], ["名字", "地方", "钱"], ["甲", "东城区", 1]]
    path = write_xlsx(tmp_path / "台账.xlsx", rows, extra_sheets=[("Sheet2", [["说明"]])])
    [message] = read_problems(path)
    assert message.startswith("台账.xlsx › 项目表：")
    assert "项目名称" in message and "在前4行中没有找到表头行" in message
    assert "第1行“示例市重点项目表”" in message and "第3行“名字”" in message and "Sheet2" in message


def test_missing_required_columns_list_what_was_found(tmp_path: Path) -> None:
    rows = [["序号", "项目名称", "县区", "总投资", "备注"], [1, "甲项目", "东城区", 10, None]]
    path = write_xlsx(tmp_path / "台账.xlsx", rows)
    messages = read_problems(path)
    assert len(messages) == 4  # 责任单位, 年度计划投资, 完成投资, 项目状态
    assert all(m.startswith("台账.xlsx › 项目表 › 第1行：缺少必填列") for m in messages)
    assert any("“项目状态”" in m for m in messages)
    assert all("序号、项目名称、县区、总投资、备注" in m for m in messages)


def test_not_a_number_message_names_cell_and_fix(tmp_path: Path) -> None:
    [message] = read_problems(simple_ledger(tmp_path / "台账.xlsx", [row(1, "甲项目", plan="约3亿")]))
    assert message == ("台账.xlsx › 项目表 › 第2行 › 年度计划投资（万元）：“约3亿”不是确切的数字；"
                       "请只填数字，单位写在表头（如“计划投资（万元）”）。")


def test_all_problems_of_a_file_come_together(tmp_path: Path) -> None:
    rows = [row(1, "甲项目", total="一千"), row(2, "乙项目", done=-5), row(3, "丙项目", status="谈判中"),
            row(4, "甲项目"), row(5, "丁项目", plan="2亿元"), row(6, "戊项目", plan=None), row(7, None, owner=None)]
    messages = read_problems(simple_ledger(tmp_path / "台账.xlsx", rows))
    expected = [
        "第2行 › 总投资（万元）：“一千”不是数字",
        "第3行 › 完成投资（万元）：“-5”是负数",
        "第4行 › 项目状态：“谈判中”不是可识别的项目状态；请填写以下之一：前期、未开工、在建、竣工、投产",
        "第6行 › 年度计划投资（万元）：“2亿元”的单位是亿元，与本列的单位万元不一致；请换算成万元后只填数字",
        "第7行 › 年度计划投资（万元）：年度计划投资为空",
        "第8行 › 项目名称：项目名称为空",
        "第8行 › 责任单位：责任单位为空",
        "第5行 › 项目名称：项目名称“甲项目”重复出现（第2行、第5行）",
    ]
    assert len(messages) == len(expected)
    for text, message in zip(expected, messages, strict=True):
        assert message.startswith("台账.xlsx › 项目表 › ") and text in message, (text, message)


def test_completed_above_plan_is_a_warning_not_an_error(tmp_path: Path) -> None:
    ledger = read_ledger(simple_ledger(tmp_path / "台账.xlsx", [row(1, "甲项目", plan=500, done=620)]))
    assert len(ledger.projects) == 1
    [warning] = [w.format() for w in ledger.warnings]
    assert warning.startswith("警告：台账.xlsx › 项目表 › 第2行 › 完成投资（万元）：")
    assert "“甲项目”完成投资620万元超过年度计划投资500万元" in warning


def test_unreadable_date_is_a_warning(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "台账.xlsx", [[*HEADER, "计划开工时间"], [*row(1, "甲项目"), "上半年"]])
    ledger = read_ledger(path)
    assert ledger.projects[0].planned_start is None
    assert "第2行 › 计划开工时间：“上半年”不是可识别的日期" in ledger.warnings[0].format()


def test_header_without_project_rows(tmp_path: Path) -> None:
    [message] = read_problems(write_xlsx(tmp_path / "台账.xlsx", [["示例市台账"], HEADER, [], ["合计"]]))
    assert "表头（第2行）下面没有项目行" in message


@pytest.mark.parametrize("name", ["台账.xlsx", "台账.csv", "台账.yaml", "台账.json"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    [message] = read_problems(path)
    assert message.startswith(f"{name}：台账文件是空的")


def test_workbook_with_empty_sheets(tmp_path: Path) -> None:
    [message] = read_problems(write_xlsx(tmp_path / "台账.xlsx", []))
    assert "文件里没有任何内容" in message


def test_corrupt_xlsx(tmp_path: Path) -> None:
    good = simple_ledger(tmp_path / "good.xlsx").read_bytes()
    broken = tmp_path / "台账.xlsx"
    broken.write_bytes(good[: len(good) // 2])
    [message] = read_problems(broken)
    assert message.startswith("台账.xlsx：无法读取这个 Excel 文件，文件可能已损坏") and "另存为" in message


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "文件可能已损坏" in read_problems(path)[0]


@pytest.mark.parametrize(("content", "expected"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "旧版 .xls，或设置了打开密码"),
    ("序号,项目名称\n".encode(), "不是有效的 .xlsx 文件"),
])
def test_renamed_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(content)
    assert expected in read_problems(path)[0]


def test_file_not_found(tmp_path: Path) -> None:
    [message] = read_problems(tmp_path / "没有这个台账.xlsx")
    assert "找不到台账文件" in message and "没有这个台账.xlsx" in message


@pytest.mark.parametrize(("name", "expected"), [
    ("台账.xls", "台账.xls：暂不支持 .xls（旧版 Excel 格式）；请在 Excel 或 WPS 中“另存为”.xlsx 后再试。"),
    ("台账.docx", "这是 Word 文档"), ("台账.txt", "暂不支持 .txt"),
    ("台账", "不支持的文件类型 （无扩展名）"), ("台账.pages", ".xlsx、.xlsm、.csv"),
])
def test_wrong_file_type(tmp_path: Path, name: str, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    [message] = read_problems(path)
    assert expected in message


def test_csv_in_an_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "台账.csv"
    path.write_bytes(b"\x80\xff\x80,\xff\n")
    assert "无法识别台账文件的文字编码" in read_problems(path)[0]


def test_csv_problems_have_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "台账.csv"
    lines = [",".join(HEADER), "1,甲项目,东城区,发改局,1000,500,100,在建", "2,乙项目,,发改局,1000,500,100,在建"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [message] = read_problems(path)
    assert message.startswith("台账.csv › 第3行 › 县区：县区为空")


@pytest.mark.parametrize(("text", "expected"), [
    ("- name: 甲项目\n  status 在建\n", "台账.yaml › 第2行：YAML 格式有误（缺少“: ”"),
    ("- name: 甲项目\n\tstatus: 在建\n", "台账.yaml › 第2行：YAML 格式有误（用了 Tab 键，YAML 只能用空格缩进和分隔）"),
    ("- name: 甲项目\n  stage: [在建, 前期\n  owner: 甲\n", "台账.yaml › 第2行：YAML 格式有误（方括号“[ ]”没有成对"),
    ("- name: 甲项目\n  colour: 红\n  district: 东城区\n", "台账.yaml › 第1行：不认识的键“colour”"),
    ("name: 甲项目\n", "不认识的键“name”"),
    ("就一句话\n", "没有找到项目列表"),
    ("- 甲项目\n", "这一项不是“键: 值”形式的项目"),
])
def test_yaml_ledger_problems(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "台账.yaml"
    path.write_text(text, encoding="utf-8")
    assert any(expected in message for message in read_problems(path))


def test_yaml_ledger_missing_fields_per_project(tmp_path: Path) -> None:
    path = tmp_path / "台账.yaml"
    path.write_text("- name: 甲项目\n  district: 东城区\n  total: 100\n", encoding="utf-8")
    messages = read_problems(path)
    assert "台账.yaml › 第1行 › owner（责任单位）：责任单位为空；请填写责任单位。" in messages
    assert len(messages) == 3  # owner, annual_plan, status


def test_json_syntax_error_has_a_line(tmp_path: Path) -> None:
    path = tmp_path / "台账.json"
    path.write_text('[\n  {"name": "甲项目",}\n]\n', encoding="utf-8")
    assert read_problems(path)[0].startswith("台账.json › 第2行：JSON 格式有误")


def test_formulas_saved_without_results(tmp_path: Path) -> None:
    """A workbook written by a script keeps formulas but no results: say so, not just "为空"."""
    rows = [HEADER, row(1, "甲项目", plan="=E2/2"), row(2, "乙项目", plan="=E3/2", done="=F3/5"),
            ["合计", None, None, None, "=SUM(E2:E3)", None, None, None]]
    messages = read_problems(write_xlsx(tmp_path / "台账.xlsx", rows))
    assert messages[0].startswith("台账.xlsx › 项目表：有3个单元格是公式，但文件里没有保存计算结果（如 F2、F3、G3）")
    assert "保存一次后再试" in messages[0]
    assert len(messages) == 3  # then each empty 计划投资, located (an empty 完成投资 alone would read as 0)
