"""read_ledger on .xlsx ledgers in the shapes offices keep them: titles, notes, merges, 合计, sections."""

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from speechgen.errors import InputError
from speechgen.inputs import InputFile
from speechgen.model import Stage
from speechgen.sources import parse_ledger, read_ledger
from test_sources_helpers import HEADER, problems_of, row, simple_ledger, write_xlsx


def test_plain_sheet(tmp_path: Path) -> None:
    ledger = read_ledger(simple_ledger(tmp_path / "台账.xlsx"))
    assert [p.name for p in ledger.projects] == ["甲项目", "乙项目", "丙项目"]
    first = ledger.projects[0]
    assert (first.district, first.owner, first.row) == ("东城区", "东城区发展改革局", 2)
    assert first.status is Stage.UNDER_CONSTRUCTION
    assert (first.total, first.annual_plan, first.completed) == (D(1000), D(500), D(100))
    assert ledger.sheet == "项目表" and ledger.unit == "万元" and ledger.warnings == ()


def test_title_unit_note_and_as_of_above_header(tmp_path: Path) -> None:
    header = ["序号", "项目名称", "县区", "责任单位", "总投资", "年度计划投资", "完成投资", "项目状态"]
    path = write_xlsx(tmp_path / "l.xlsx", [
        ["示例市重点项目台账"] + [None] * 7,
        ["单位：亿元　　数据截至：2026年5月31日"],
        header,
        row(1, "甲项目", total=12.5, plan=2.35, done="0.8"),
    ], merges=["A1:H1"])
    ledger = read_ledger(path)
    project = ledger.projects[0]
    assert (project.total, project.annual_plan, project.completed) == (D(125000), D(23500), D(8000))
    assert project.row == 4
    assert ledger.unit == "亿元" and ledger.as_of == dt.date(2026, 5, 31)


def test_unit_in_header_beats_the_note(tmp_path: Path) -> None:
    header = ["项目名称", "县区", "责任单位", "总投资(亿元)", "年度计划投资（万元）", "完成投资", "项目状态"]
    rows = [["单位：万元"], header, ["甲项目", "东城区", "发改局", 3, 5000, 1200, "在建"]]
    path = write_xlsx(tmp_path / "l.xlsx", rows)
    project = read_ledger(path).projects[0]
    assert (project.total, project.annual_plan, project.completed) == (D(30000), D(5000), D(1200))


def test_headers_with_line_breaks_spaces_and_full_width(tmp_path: Path) -> None:
    header = ["项 目\n名 称", "县（市、区）", "牵头\n单位", "总投资\n（万元）", "计划\n投资（万元）", "1—5月\n完成投资",
              "进展\n状态", "计划开工\n时间", "包保\n领导"]
    path = write_xlsx(tmp_path / "l.xlsx", [header, ["甲项目", "东城区", "发改局", "１，２００", 600, "300", " 已开工 ",
                                                     dt.datetime(2026, 3, 1), "王建国（副市长）"]])
    project = read_ledger(path).projects[0]
    assert project.total == D(1200) and project.completed == D(300)
    assert project.status is Stage.UNDER_CONSTRUCTION and project.planned_start == dt.date(2026, 3, 1)
    assert project.leader == "王建国（副市长）"


def test_merged_district_cells_fill_down(tmp_path: Path) -> None:
    rows = [HEADER, row(1, "甲项目", "东城区"), row(2, "乙项目", None), row(3, "丙项目", None),
            row(4, "丁项目", "西湖区")]
    ledger = read_ledger(write_xlsx(tmp_path / "l.xlsx", rows, merges=["C2:C4"]))
    assert [p.district for p in ledger.projects] == ["东城区", "东城区", "东城区", "西湖区"]


def test_total_row_is_skipped_and_its_sums_checked(tmp_path: Path) -> None:
    rows = [HEADER, ["合计", None, None, None, 2000, 1000, 300, None], row(1, "甲项目"), row(2, "乙项目", done=200)]
    ledger = read_ledger(write_xlsx(tmp_path / "l.xlsx", rows, merges=["A2:D2"]))
    assert [p.name for p in ledger.projects] == ["甲项目", "乙项目"]
    assert ledger.warnings == ()


def test_total_row_that_disagrees_is_a_warning(tmp_path: Path) -> None:
    rows = [HEADER, row(1, "甲项目"), row(2, "乙项目"), [None, "总 计", None, None, 2000, 1000, 250, None]]
    ledger = read_ledger(write_xlsx(tmp_path / "台账.xlsx", rows))
    assert len(ledger.projects) == 2
    [warning] = [w.format() for w in ledger.warnings]
    assert warning.startswith("警告：台账.xlsx › 项目表 › 第4行 › 完成投资（万元）")
    assert "250万元" in warning and "200万元" in warning


def test_section_rows_are_skipped_and_name_the_district(tmp_path: Path) -> None:
    header = ["序号", "项目名称", "责任单位", "总投资", "年度计划投资", "完成投资", "项目状态"]
    rows = [header,
            ["一、东城区（2个）", None, None, 3000, 1500, 400, None],
            ["（一）产业项目", None, None, None, None, None, None],
            [1, "甲项目", "发改局", 1000, 500, 100, "在建"],
            [2, "乙项目", "工信局", 2000, 1000, 300, "前期"],
            ["二", "西湖区", None, None, None, None, None],
            [3, "丙项目", "住建局", 800, 400, 0, "未开工"]]
    ledger = read_ledger(write_xlsx(tmp_path / "l.xlsx", rows))
    assert [(p.name, p.district) for p in ledger.projects] == [
        ("甲项目", "东城区"), ("乙项目", "东城区"), ("丙项目", "西湖区")]


def test_banner_section_merged_across(tmp_path: Path) -> None:
    rows = [HEADER, ["东城区"] * 8, row(1, "甲项目", None), ["注：本表由各县区每月报送。"] * 8]
    ledger = read_ledger(write_xlsx(tmp_path / "l.xlsx", rows, merges=["A2:H2", "A4:H4"]))
    assert [(p.name, p.district) for p in ledger.projects] == [("甲项目", "东城区")]


def test_blank_rows_column_numbers_and_notes_are_skipped(tmp_path: Path) -> None:
    rows = [["重点项目推进情况表"], [], HEADER, [1, 2, 3, 4, 5, 6, 7, 8], row(1, "甲项目"), [], [None] * 8,
            row(2, "乙项目"), ["填表人：周敏", None, None, None, None, None, None, None]]
    ledger = read_ledger(write_xlsx(tmp_path / "l.xlsx", rows))
    assert [(p.name, p.row) for p in ledger.projects] == [("甲项目", 5), ("乙项目", 8)]


def test_two_header_rows_are_merged(tmp_path: Path) -> None:
    rows = [["序号", "项目名称", "县区", "责任单位", "投资情况（亿元）", None, None, "项目状态"],
            [None, None, None, None, "总投资", "年度计划", "1-5月完成", None],
            [1, "甲项目", "东城区", "发改局", 2, 1, 0.5, "在建"]]
    merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:G1", "H1:H2"]
    project = read_ledger(write_xlsx(tmp_path / "l.xlsx", rows, merges=merges)).projects[0]
    assert (project.total, project.annual_plan, project.completed, project.row) == (D(20000), D(10000), D(5000), 3)


def test_sheet_named_like_a_ledger_is_preferred_with_a_notice(tmp_path: Path) -> None:
    other = [HEADER, row(1, "别的表里的项目")]
    path = write_xlsx(tmp_path / "l.xlsx", [HEADER, row(1, "台账里的项目")], sheet="2026年重点项目台账",
                      first=[("Sheet1", other)])
    ledger = read_ledger(path)
    assert ledger.sheet == "2026年重点项目台账" and ledger.projects[0].name == "台账里的项目"
    assert any("2个工作表像是台账" in w.message and "“Sheet1”" in w.message for w in ledger.warnings)


def test_one_ledger_sheet_among_others_is_read_without_a_word(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "l.xlsx", [HEADER, row(1, "甲项目")], sheet="Sheet2",
                      first=[("填表说明", [["请按要求填写"]])])
    ledger = read_ledger(path)
    assert ledger.sheet == "Sheet2" and [p.name for p in ledger.projects] == ["甲项目"]
    assert not ledger.warnings


def test_two_ledger_sheets_of_no_period_are_refused_and_listed(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "l.xlsx", [HEADER, row(1, "甲项目")], sheet="Sheet2",
                      extra_sheets=[("Sheet3", [HEADER, row(1, "乙项目")])])
    with pytest.raises(InputError) as excinfo:
        read_ledger(path)
    (message,) = problems_of(excinfo)
    assert "2个工作表像是台账：“Sheet2”、“Sheet3”" in message and "--sheet" in message


def test_the_latest_of_monthly_sheets_is_read_with_a_notice(tmp_path: Path) -> None:
    """8月台账 and 9月台账: 9月 is read (not the older one, silently), and the user is told."""
    path = write_xlsx(tmp_path / "l.xlsx", [HEADER, row(1, "八月的项目", done=100)], sheet="8月台账",
                      extra_sheets=[("9月台账", [HEADER, row(1, "九月的项目", done=300)])])
    ledger = read_ledger(path)
    assert ledger.sheet == "9月台账" and ledger.projects[0].completed == D(300)
    assert any("已读取期间最近的“9月台账”" in w.message for w in ledger.warnings)


def test_sheet_chosen_by_name(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "l.xlsx", [HEADER, row(1, "八月的项目")], sheet="8月台账",
                      extra_sheets=[("9月台账", [HEADER, row(1, "九月的项目")])])
    ledger = parse_ledger(InputFile("l.xlsx", path.read_bytes(), sheet="8月台账"))
    assert ledger.sheet == "8月台账" and not ledger.warnings
    with pytest.raises(InputError) as excinfo:
        parse_ledger(InputFile("l.xlsx", path.read_bytes(), sheet="10月台账"))
    assert "没有名为“10月台账”的工作表" in problems_of(excinfo)[0]


def test_extra_columns_ignored_and_two_completed_columns_warned(tmp_path: Path) -> None:
    header = ["项目名称", "建设内容及规模", "县区", "责任单位", "总投资", "年度计划投资", "开工以来累计完成投资",
              "1-5月完成投资", "完成投资占年度计划比例", "项目状态", "备注"]
    values = ["甲项目", "厂房5万平方米", "东城区", "发改局", 9000, 1000, 6000, 400, "40%", "在建", "省重点"]
    path = write_xlsx(tmp_path / "l.xlsx", [header, values])
    ledger = read_ledger(path)
    assert ledger.projects[0].completed == D(400)
    [warning] = [w.format() for w in ledger.warnings]
    assert "1-5月完成投资" in warning and "开工以来累计完成投资" in warning


@pytest.mark.parametrize(("text", "stage"), [
    ("前期推进", Stage.PREPARATION), ("拟开工", Stage.NOT_STARTED), ("开工", Stage.UNDER_CONSTRUCTION),
    ("已竣工", Stage.COMPLETED), ("完工", Stage.COMPLETED), ("运营", Stage.OPERATING), (" 已投产 ", Stage.OPERATING),
])
def test_status_synonyms(tmp_path: Path, text: str, stage: Stage) -> None:
    project = read_ledger(simple_ledger(tmp_path / "l.xlsx", [row(1, "甲项目", status=text)])).projects[0]
    assert project.status is stage


def test_optional_columns_problem_types_and_dates(tmp_path: Path) -> None:
    header = [*HEADER, "计划开工时间", "存在问题", "问题类型", "形象进度", "建设性质", "产业类别"]
    rows = [header,
            [*row(1, "甲项目", status="未开工"), "2026年3月", "土地指标未落实", None, "完成方案设计", "新建",
             "先进制造业"],
            [*row(2, "乙项目"), dt.datetime(2025, 10, 8), "贷款未到位", "融资", None, "续建", None],
            [*row(3, "丙项目"), "2025.9", "无", None, None, None, None],
            [*row(4, "丁项目"), None, "施工用电接入慢", None, None, None, None]]
    a, b, c, d = read_ledger(write_xlsx(tmp_path / "l.xlsx", rows)).projects
    assert (a.planned_start, a.problem, a.problem_type, a.progress) == (dt.date(2026, 3, 1), "土地指标未落实", "用地",
                                                                        "完成方案设计")
    assert (a.nature, a.category) == ("新建", "先进制造业")
    assert (b.planned_start, b.problem_type) == (dt.date(2025, 10, 8), "资金")
    assert (c.planned_start, c.problem, c.problem_type) == (dt.date(2025, 9, 1), None, None)
    assert d.problem_type == "其他"


def test_empty_completed_is_zero(tmp_path: Path) -> None:
    rows = [row(1, "甲项目", done=None, status="前期"), row(2, "乙项目", done="—")]
    ledger = read_ledger(simple_ledger(tmp_path / "l.xlsx", rows))
    assert [p.completed for p in ledger.projects] == [D(0), D(0)] and ledger.warnings == ()


def test_month_only_date_takes_the_given_year(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "l.xlsx", [[*HEADER, "计划开工时间"], [*row(1, "甲项目"), "3月"]])
    assert read_ledger(path, year=2026).projects[0].planned_start == dt.date(2026, 3, 1)
    ledger = read_ledger(path)
    assert ledger.projects[0].planned_start is None
    assert "只有月份没有年份" in ledger.warnings[0].format()


def test_header_merged_across_two_columns_is_one_column(tmp_path: Path) -> None:
    rows = [[*HEADER, "存在问题", None], [*row(1, "甲项目"), "用地未报批", "已协调自然资源局"]]
    ledger = read_ledger(write_xlsx(tmp_path / "l.xlsx", rows, merges=["I1:J1"]))
    assert ledger.projects[0].problem == "用地未报批" and ledger.warnings == ()


def test_district_subtotals_and_grand_total(tmp_path: Path) -> None:
    rows = [HEADER, row(1, "甲项目"), [None, "东城区合计", None, None, 1000, 500, 100, None],
            row(2, "乙项目", "西湖区"), [None, "西湖区小计", None, None, 1000, 500, 100, None],
            [None, "全市合计", None, None, 2000, 1000, 999, None]]
    ledger = read_ledger(write_xlsx(tmp_path / "台账.xlsx", rows))
    assert [p.name for p in ledger.projects] == ["甲项目", "乙项目"]
    [warning] = ledger.warnings  # only the grand total is cross-checked, and its 完成投资 is off
    assert warning.row == 6 and "999万元" in warning.message


def test_hidden_rows_are_warned_with_their_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = simple_ledger(tmp_path / "l.xlsx")
    workbook = load_workbook(path)
    workbook.active.row_dimensions[3].hidden = True
    workbook.save(path)
    ledger = read_ledger(path)
    assert len(ledger.projects) == 3  # still read and counted…
    (warning,) = [w for w in ledger.warnings if "隐藏" in w.message]
    assert "有1个项目行在 Excel 中被隐藏（第3行）" in warning.message  # …but not without a word


def test_no_hidden_rows_no_warning(tmp_path: Path) -> None:
    assert not [w for w in read_ledger(simple_ledger(tmp_path / "l.xlsx")).warnings if "隐藏" in w.message]


@pytest.mark.parametrize(("status", "done", "plan", "expected"), [
    ("未开工", 300, 500, "项目状态是“未开工”，却填报了完成投资300万元"),
    ("前期", 1, 500, "项目状态是“前期”，却填报了完成投资1万元"),
    ("暂缓实施", 20, 500, "项目状态是“暂缓实施”，却填报了完成投资20万元"),
    ("竣工", 0, 500, "项目状态是“竣工”，但本年完成投资为0"),
    ("已投产", 0, 500, "项目状态是“已投产”，但本年完成投资为0"),
    ("在建", 0, 500, None), ("未开工", 0, 500, None), ("竣工", 0, 0, None), ("竣工", 10, 500, None),
])
def test_status_and_investment_that_disagree_are_warned_by_row(
        tmp_path: Path, status: str, done: int, plan: int, expected: str | None) -> None:
    path = simple_ledger(tmp_path / "l.xlsx", [row(1, "甲项目"), row(2, "乙项目", status=status, done=done, plan=plan)])
    found = [w for w in read_ledger(path).warnings if "项目状态是" in w.message]
    if expected is None:
        assert found == []
    else:
        (warning,) = found
        assert warning.row == 3 and expected in warning.message and "乙项目" in warning.message
