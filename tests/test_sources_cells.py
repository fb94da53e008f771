"""The building blocks of the ledger reader: header keywords, amounts, dates, statuses and problem types."""

import datetime as dt
from decimal import Decimal as D

import pytest

from speechgen.model import Stage
from speechgen.sources.cells import CellError, parse_amount, parse_date, parse_day
from speechgen.sources.headers import header_unit, match_field
from speechgen.vocab import classify_problem, parse_stage, problem_types


@pytest.mark.parametrize(("header", "field"), [
    ("项目名称", "name"), ("项目", "name"), ("县（市、区）", "district"), ("属地", "district"),
    ("牵头单位", "owner"), ("包联领导", "leader"), ("建设性质", "nature"), ("项目类型", "nature"),
    ("产业类别", "category"), ("总投资（亿元）", "total"), ("计划总投资", "total"),
    ("年度计划投资", "annual_plan"), ("计划\n投资（万元）", "annual_plan"), ("2026年计划完成投资", "annual_plan"),
    ("累计完成投资", "completed"), ("1—5月完成投资", "completed"), ("1-5月完成", "completed"),
    ("项目状态", "status"), ("进展状态", "status"), ("计划开工时间", "planned_start"), ("计划开工", "planned_start"),
    ("存在问题", "problem"), ("问题类别", "problem_type"), ("形象进度", "progress"), ("进展情况", "progress"),
    ("序号", None), ("建设内容及规模", None), ("备注", None), ("完成投资占年度计划比例", None), ("投资完成率(%)", None),
    ("计划竣工时间", None), ("实际开工时间", None), ("问题解决时限", None),
])
def test_header_keywords(header: str, field: str | None) -> None:
    found = match_field(header)
    assert (found[0] if found else None) == field


def test_header_preference_ranks() -> None:
    """A year-to-date column beats a since-start or single-month one; an annual plan beats a monthly one."""
    ytd, since_start, one_month = (match_field(h)[1] for h in ("1-5月完成投资", "开工以来累计完成投资", "5月完成投资"))
    assert ytd < since_start and ytd < one_month
    assert match_field("年度计划投资")[1] < match_field("1-5月计划投资")[1]


@pytest.mark.parametrize(("header", "unit"), [
    ("总投资（亿元）", "亿元"), ("总投资(万元)", "万元"), ("投资额 万元", "万元"), ("总投资（元）", "元"),
    ("总投资", None),
])
def test_header_unit(header: str, unit: str | None) -> None:
    assert header_unit(header) == unit


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (1234, "万元", D(1234)), (1234.5, "万元", D("1234.5")), ("1,234.5", "万元", D("1234.5")),
    ("１２３４", "万元", D(1234)), (" 56 ", "万元", D(56)), ("1200万元", "万元", D(1200)), (2.5, "亿元", D(25000)),
    ("3亿", "亿元", D(30000)), (1234567, "元", D("123.4567")), (0.1 + 0.2, "万元", D("0.3")), (0, "万元", D(0)),
    (None, "万元", None), ("", "万元", None), ("—", "万元", None), ("-", "万元", None), ("/", "万元", None),
])
def test_parse_amount(value: object, unit: str, expected: D | None) -> None:
    assert parse_amount(value, unit) == expected


@pytest.mark.parametrize(("value", "unit", "message"), [
    ("约3亿", "万元", "不是确切的数字"), ("2000左右", "万元", "不是确切的数字"), ("两千", "万元", "不是数字"),
    ("35%", "万元", "不是数字"), ("12,34", "万元", "不是数字"), ("2亿元", "万元", "与本列的单位万元不一致"),
    ("#DIV/0!", "万元", "公式算出的错误值"), (-5, "万元", "是负数"), ("(120)", "万元", "是负数"),
    (True, "万元", "不是数字"), (float("nan"), "万元", "不是数字"),
])
def test_parse_amount_refuses(value: object, unit: str, message: str) -> None:
    with pytest.raises(CellError) as excinfo:
        parse_amount(value, unit)
    assert message in excinfo.value.message and excinfo.value.hint


@pytest.mark.parametrize(("value", "expected"), [
    (dt.datetime(2026, 3, 15, 9, 30), dt.date(2026, 3, 15)), (dt.date(2026, 3, 15), dt.date(2026, 3, 15)),
    ("2026-03-15", dt.date(2026, 3, 15)), ("2026/3/15", dt.date(2026, 3, 15)), ("2026.3.15", dt.date(2026, 3, 15)),
    ("2026年3月15日", dt.date(2026, 3, 15)), ("20260315", dt.date(2026, 3, 15)),
    ("2026-03-15 00:00:00", dt.date(2026, 3, 15)), ("2026-03", dt.date(2026, 3, 1)), ("2026年3月", dt.date(2026, 3, 1)),
    ("2026.3", dt.date(2026, 3, 1)), ("2026年3月底", dt.date(2026, 3, 31)), ("２０２６年２月底", dt.date(2026, 2, 28)),
    (46082, dt.date(2026, 3, 1)), (None, None), ("", None), ("—", None),
])
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_parse_date_month_only_needs_a_year() -> None:
    assert parse_date("3月", year=2026) == dt.date(2026, 3, 1)
    assert parse_date("12月底", year=2026) == dt.date(2026, 12, 31)
    assert parse_date("3月15日", year=2026) == dt.date(2026, 3, 15)
    with pytest.raises(CellError, match="只有月份没有年份"):
        parse_date("3月")


@pytest.mark.parametrize("value", ["上半年", "2026-02-30", "2026年13月", "待定"])
def test_parse_date_refuses(value: str) -> None:
    with pytest.raises(CellError):
        parse_date(value)


def test_number_that_lost_its_trailing_zero_is_ambiguous() -> None:
    assert parse_date(2026.3) == dt.date(2026, 3, 1)
    assert parse_date("2026.1") == dt.date(2026, 1, 1)  # typed as text, it means what it says
    with pytest.raises(CellError, match="也可能是2026年10月"):
        parse_date(2026.1)


def test_parse_day_wants_the_day() -> None:
    assert parse_day("2026年5月31日") == dt.date(2026, 5, 31)
    with pytest.raises(CellError, match="没有写到具体哪一天"):
        parse_day("2026年5月")


@pytest.mark.parametrize(("text", "stage"), [
    ("前期", Stage.PREPARATION), ("前期推进", Stage.PREPARATION), ("未开工", Stage.NOT_STARTED),
    ("拟开工", Stage.NOT_STARTED), ("在建", Stage.UNDER_CONSTRUCTION), ("已开工", Stage.UNDER_CONSTRUCTION),
    ("开工", Stage.UNDER_CONSTRUCTION), ("竣工", Stage.COMPLETED), ("已竣工", Stage.COMPLETED),
    ("完工", Stage.COMPLETED), ("投产", Stage.OPERATING), ("已投产", Stage.OPERATING), ("运营", Stage.OPERATING),
    (" 在 建 ", Stage.UNDER_CONSTRUCTION),
    ("在建（主体完工）", Stage.UNDER_CONSTRUCTION), ("已竣工投产", Stage.OPERATING), ("前期阶段", Stage.PREPARATION),
    ("谈判中", None), ("", None),
    # free text, read by ordered keywords (issue 16)
    ("主体封顶，装修中", Stage.UNDER_CONSTRUCTION), ("已开工，主体施工中", Stage.UNDER_CONSTRUCTION),
    ("土地手续办理中", Stage.PREPARATION), ("可研编制", Stage.PREPARATION), ("立项审批中", Stage.PREPARATION),
    ("设备安装调试", Stage.UNDER_CONSTRUCTION), ("主体完工，正在装修", Stage.UNDER_CONSTRUCTION),
    ("尚未竣工，室外施工", Stage.UNDER_CONSTRUCTION), ("竣工验收手续办理中", Stage.COMPLETED),
    ("前期手续已完成，即将开工", Stage.NOT_STARTED), ("已复工", Stage.UNDER_CONSTRUCTION),
    # their own stages: 停工 is started, 暂缓 is not
    ("停工", Stage.SUSPENDED), ("停工待复工", Stage.SUSPENDED), ("暂缓实施", Stage.DEFERRED), ("暂缓", Stage.DEFERRED),
])
def test_parse_stage(text: str, stage: Stage | None) -> None:
    assert parse_stage(text) == stage


@pytest.mark.parametrize(("text", "kind"), [
    ("用地", "用地"), ("土地报批未完成", "用地"), ("征地拆迁", "征迁"), ("房屋征收", "征迁"), ("融资困难", "资金"),
    ("施工许可未办理", "手续审批"), ("环评审批", "环评"), ("能评未通过", "能耗"), ("规划调整", "规划"),
    ("电力接入", "其他"), ("其它", "其他"),
])
def test_classify_problem(text: str, kind: str) -> None:
    assert classify_problem(text) == kind


def test_suspended_counts_as_started_and_deferred_does_not() -> None:
    assert Stage.SUSPENDED.started and not Stage.DEFERRED.started


@pytest.mark.parametrize(("kind", "problem", "types"), [
    ("资金、用地", None, ("用地", "资金")), (None, "资金、用地", ("用地", "资金")),
    (None, "项目资金不到位，用地指标未落实", ("用地", "资金")), (None, "土地手续办理滞后", ("用地",)),
    (None, "电力接入", ("其他",)), ("电力增容", None, ("电力增容",)), ("无", "暂无", ()),
])
def test_a_cell_naming_several_types_counts_for_each(kind: str | None, problem: str | None,
                                                      types: tuple[str, ...]) -> None:
    assert problem_types(kind, problem) == types
