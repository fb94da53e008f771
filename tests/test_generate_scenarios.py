"""`speechgen generate` on small .xlsx ledgers unlike the example: no annual plan (refused, exit
2, while `speechgen facts` still works), a county's own ledger, and `--doc-number` for one
document."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from compose_checks import body
from speechgen.cli import main

HEADERS = ["序号", "县区", "项目名称", "责任单位", "包保领导", "总投资", "年度计划投资", "完成投资", "项目状态",
           "计划开工时间", "存在问题"]
MEETING = """region: 青山县
level: 县
meeting: 全县重点项目推进会
date: 2026-06-05
as_of: 2026-05-31
issuer: 青山县重点项目建设领导小组办公室
doc_number: 青项办〔2026〕7号
"""
Row = tuple[str, str, str, str | None, int, int, int, str, dt.datetime | None, str | None]


def write_case(folder: Path, rows: list[Row]) -> tuple[Path, Path]:
    """Write 台账.xlsx (title row, header row, data) and meeting.yaml into ``folder``."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["青山县重点项目台账（单位：万元）"])
    sheet.append(HEADERS)
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    ledger, meeting = folder / "台账.xlsx", folder / "meeting.yaml"
    book.save(ledger)
    meeting.write_text(MEETING, encoding="utf-8")
    return ledger, meeting


def run(*args: str | Path):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def no_plan(tmp_path: Path) -> tuple[Path, Path]:
    return write_case(tmp_path, [
        ("城关镇", "城关物流园", "县商务局", "李华（副县长）", 30000, 0, 0, "前期", None, None),
        ("河西镇", "河西水厂", "县水利局", "王军（副县长）", 12000, 0, 0, "未开工", None, None),
        ("青石乡", "青石茶园提升", "县农业农村局", None, 5000, 0, 0, "前期", None, None),
    ])


@pytest.fixture
def county_ledger(tmp_path: Path) -> tuple[Path, Path]:
    """A county's own ledger: 县区 is 青山县 on every row."""
    return write_case(tmp_path, [
        ("青山县", f"青山县重点项目{i}", "县发改局", "李华（副县长）", 20000, 10000, 3000 + 100 * i, "在建", None,
         "资金缺口" if i == 2 else None)
        for i in range(1, 9)
    ])


@pytest.mark.parametrize("kind", ["speech", "bulletin", "notice"])
def test_no_annual_plan_is_refused_with_exit_2(no_plan, tmp_path: Path, kind: str) -> None:
    ledger, meeting = no_plan
    out = tmp_path / "稿.docx"
    result = run("generate", kind, "-d", ledger, "-m", meeting, "-o", out)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "年度计划投资合计为0" in result.stderr and "请填写各项目的年度计划投资" in result.stderr
    assert "台账.xlsx" in result.stderr and "第3—5行" in result.stderr
    assert not out.exists()


def test_facts_still_work_without_annual_plan(no_plan) -> None:
    ledger, meeting = no_plan
    result = run("facts", "-d", ledger, "-m", meeting)
    assert result.exit_code == 0, result.output
    assert "项目总数" in result.output


def test_a_county_own_ledger_compares_no_districts(county_ledger, tmp_path: Path) -> None:
    ledger, meeting = county_ledger
    for kind in ("speech", "bulletin", "notice"):
        out = tmp_path / f"{kind}.md"
        result = run("generate", kind, "-d", ledger, "-m", meeting, "-o", out)
        assert result.exit_code == 0, result.output
        text = body(out.read_text(encoding="utf-8"))
        for phrase in ("完成率最高", "之间进展不平衡", "乡镇（街道）看", "# 附件 2026年", "市政府", "市重点项目办"):
            assert phrase not in text, (kind, phrase)


def test_doc_number_overrides_the_meeting_file_for_one_document(county_ledger, tmp_path: Path) -> None:
    ledger, meeting = county_ledger
    bulletin, notice = tmp_path / "通报.md", tmp_path / "通知.md"
    assert run("generate", "bulletin", "-d", ledger, "-m", meeting, "-o", bulletin).exit_code == 0
    result = run("generate", "notice", "-d", ledger, "-m", meeting, "-o", notice, "--doc-number", "青项办〔2026〕8号")
    assert result.exit_code == 0, result.output
    assert 'doc_number: "青项办〔2026〕7号"' in bulletin.read_text(encoding="utf-8")
    assert 'doc_number: "青项办〔2026〕8号"' in notice.read_text(encoding="utf-8")


@pytest.mark.parametrize(("number", "says"), [
    ("青项办[2026]013号", "应写成“青项办〔2026〕13号”"),
    ("青项办2026年8号", "机关代字〔年份〕序号号"),
    ("青项办〔2025〕8号", "年份是2025年"),
])
def test_a_malformed_doc_number_is_refused(county_ledger, tmp_path: Path, number: str, says: str) -> None:
    ledger, meeting = county_ledger
    out = tmp_path / "通知.docx"
    result = run("generate", "notice", "-d", ledger, "-m", meeting, "-o", out, "--doc-number", number)
    assert result.exit_code == 2, result.output
    assert says in result.stderr and "Traceback" not in result.output
    assert not out.exists()


def test_a_speech_has_no_doc_number(county_ledger, tmp_path: Path) -> None:
    ledger, meeting = county_ledger
    result = run("generate", "speech", "-d", ledger, "-m", meeting, "-o", tmp_path / "讲话.md",
                 "--doc-number", "青项办〔2026〕8号")
    assert result.exit_code == 2 and "讲话稿没有发文字号" in result.stderr


def test_doc_number_is_in_the_help() -> None:
    result = run("generate", "--help")
    assert "--doc-number" in result.output and "〔2026〕" in result.output
