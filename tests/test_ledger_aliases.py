"""One table of header aliases: the README's, the missing-column message's and the matcher's (issue 16)."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechgen.cli import main
from speechgen.sources.headers import FIELD_RULES, match_field

README = Path(__file__).resolve().parents[1] / "README.md"
MEETING = "region: 某县\nlevel: 县\nmeeting: 全县重点项目调度会\ndate: 2026-06-05\nas_of: 2026-05-31\n"


def _readme_rows() -> dict[str, str]:
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| (\w+) [^|]+ \| ([^|]+) \|", line)
        if match and match.group(1) in {rule.field for rule in FIELD_RULES}:
            rows[match.group(1)] = match.group(2).strip()
    return rows


def test_the_readme_lists_the_aliases_the_program_uses() -> None:
    rows = _readme_rows()
    assert set(rows) == {rule.field for rule in FIELD_RULES}
    for rule in FIELD_RULES:
        assert rows[rule.field] == "、".join(rule.aliases), rule.field
        for alias in rule.aliases:
            assert match_field(alias) is not None and match_field(alias)[0] == rule.field, alias


@pytest.mark.parametrize("header", ["所在乡镇", "乡镇（街道）", "乡镇", "街道", "园区", "乡（镇、街道）"])
def test_a_town_column_is_the_district_column(header: str) -> None:
    assert match_field(header) == ("district", match_field(header)[1])


def _run(tmp_path: Path, header: str, *rows: str) -> str:
    ledger = tmp_path / "台账.csv"
    ledger.write_text(f"项目名称,{header},责任单位,总投资,年度计划投资,完成投资,项目状态\n" + "".join(rows),
                      encoding="utf-8")
    meeting = tmp_path / "meeting.yaml"
    meeting.write_text(MEETING, encoding="utf-8")
    result = CliRunner().invoke(main, ["facts", "-d", str(ledger), "-m", str(meeting)])
    return result.output


def test_a_county_ledger_by_town_is_titled_by_towns(tmp_path: Path) -> None:
    out = _run(tmp_path, "所在乡镇", "甲,城关镇,县住建局,100,50,20,在建\n", "乙,龙山街道,县文旅局,100,50,30,在建\n")
    assert "各乡镇（街道）推进情况" in out
    assert "各县区" not in out


def test_the_missing_column_message_lists_the_readme_aliases(tmp_path: Path) -> None:
    out = _run(tmp_path, "位置", "甲,城关镇,县住建局,100,50,20,在建\n")
    district = next(rule for rule in FIELD_RULES if rule.field == "district")
    assert "缺少必填列“县区”" in out
    assert "”“".join(district.aliases) in out
