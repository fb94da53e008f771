"""--previous on the command line: the previous ledger read by the same reader, its 数据截至 from
meeting.yaml, its note or its 1—4月 header; the bad inputs as Chinese errors with exit 2; facts
tables and JSON; drafts that say 较上月 only when a previous ledger is given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechgen.cli import main
from speechgen.paths import resource_dir

EXAMPLES = resource_dir("examples")
LEDGER, MEETING, PREVIOUS = EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml", EXAMPLES / "ledger-previous.xlsx"
HEADER = "县区,项目名称,责任单位,包保领导,总投资,年度计划投资,{done},项目状态\n"
ROWS = "东城区,甲项目,东城区住建局,王建国,3000,1000,{a},在建\n西湖区,乙项目,西湖区住建局,刘振宇,3000,1000,{b},在建\n"


def _csv(tmp_path: Path, name: str, *, note: str = "", done: str = "完成投资", a: int = 300, b: int = 400,
         header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text((note + "\n" if note else "") + header.format(done=done) + ROWS.format(a=a, b=b), encoding="utf-8")
    return path


def _meeting(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "meeting.yaml"
    path.write_text("region: 示例市\nmeeting: 全市重点项目调度会\ndate: 2026-06-05\nas_of: 2026-05-31\n" + extra,
                    encoding="utf-8")
    return path


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def _facts_json(*args: str | Path) -> dict:
    code, out, err = _run("facts", "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_as_of_from_the_1_4月_header(tmp_path: Path) -> None:
    now = _csv(tmp_path, "本月.csv", a=300, b=400)
    before = _csv(tmp_path, "上月.csv", done="1—4月完成投资", a=100, b=300)
    data = _facts_json("-d", now, "-m", _meeting(tmp_path), "-p", before)
    assert data["schema"] == "speechgen-facts/2"
    changes = data["changes"]
    assert changes["periods"] == [{"as_of": "2026-04-30", "progress": 33.3, "source": "上月.csv"}]
    # 700 − 400 = 300 completed; 35.0% − 20.0% = +15.0; 甲 10.0% → 30.0%, 乙 30.0% → 40.0%
    assert changes["overall"]["increase_wan"] == 300
    assert changes["overall"]["rate_change_points"] == 15.0
    assert [(g["key"], g["previous_rank"], g["rank"], g["rank_move"]) for g in changes["groups"]["district"]] == [
        ("西湖区", 1, 1, 0), ("东城区", 2, 2, 0)]
    assert "leader" in changes["groups"] and "nature" not in changes["groups"]


def test_as_of_from_the_note_and_from_meeting_yaml(tmp_path: Path) -> None:
    now = _csv(tmp_path, "本月.csv")
    noted = _csv(tmp_path, "上月.csv", note="数据截至：2026年4月30日", a=100, b=300)
    assert _facts_json("-d", now, "-m", _meeting(tmp_path), "-p", noted)["changes"]["periods"][0]["as_of"] == \
        "2026-04-30"
    bare = _csv(tmp_path, "三月.csv", a=50, b=100)
    data = _facts_json("-d", now, "-m", _meeting(tmp_path, "previous_as_of: 2026-03-31\n"), "-p", bare)
    assert data["changes"]["periods"][0]["as_of"] == "2026-03-31"


def test_no_as_of_is_an_error_asking_for_it(tmp_path: Path) -> None:
    code, _, err = _run("facts", "-d", _csv(tmp_path, "本月.csv"), "-m", _meeting(tmp_path),
                        "-p", _csv(tmp_path, "上月.csv", a=1, b=2))
    assert code == 2
    assert "上月.csv：无法确定上期台账的数据截至日期" in err and "previous_as_of" in err
    assert "Traceback" not in err


def test_a_previous_ledger_later_than_the_current_one(tmp_path: Path) -> None:
    later = _csv(tmp_path, "六月.csv", note="数据截至：2026年6月30日")
    code, _, err = _run("facts", "-d", _csv(tmp_path, "本月.csv"), "-m", _meeting(tmp_path), "-p", later)
    assert code == 2 and "六月.csv：上期台账数据截至2026年6月30日，不早于本期的2026年5月31日" in err


def test_previous_ledgers_out_of_order(tmp_path: Path) -> None:
    april = _csv(tmp_path, "四月.csv", note="数据截至：2026年4月30日", a=100)
    march = _csv(tmp_path, "三月.csv", note="数据截至：2026年3月31日", a=50)
    code, _, err = _run("facts", "-d", _csv(tmp_path, "本月.csv"), "-m", _meeting(tmp_path), "-p", april, "-p", march)
    assert code == 2 and "从早到晚" in err


def test_the_same_file_twice(tmp_path: Path) -> None:
    now = _csv(tmp_path, "本月.csv")
    code, _, err = _run("facts", "-d", now, "-m", _meeting(tmp_path), "-p", now)
    assert code == 2 and "上期台账与本期台账是同一个文件" in err


def test_another_year(tmp_path: Path) -> None:
    old = _csv(tmp_path, "去年.csv", note="数据截至：2025年12月31日")
    code, _, err = _run("facts", "-d", _csv(tmp_path, "本月.csv"), "-m", _meeting(tmp_path), "-p", old)
    assert code == 2 and "不是同一年度" in err


def test_a_column_the_comparison_needs_is_missing(tmp_path: Path) -> None:
    header = "县区,项目名称,责任单位,总投资,年度计划投资,{done},项目状态\n"
    path = tmp_path / "上月.csv"
    path.write_text("数据截至：2026年4月30日\n" + header.format(done="完成投资")
                    + "东城区,甲项目,东城区住建局,3000,1000,100,在建\n", encoding="utf-8")
    code, _, err = _run("facts", "-d", _csv(tmp_path, "本月.csv"), "-m", _meeting(tmp_path), "-p", path)
    assert code == 2 and "上月.csv" in err and "包保领导" in err and "无法比较各包保领导的变化" in err


def test_a_required_column_missing_is_the_reader_s_own_message(tmp_path: Path) -> None:
    path = tmp_path / "上月.csv"
    path.write_text("数据截至：2026年4月30日\n县区,项目名称,责任单位,包保领导,总投资,年度计划投资,项目状态\n"
                    "东城区,甲项目,东城区住建局,王建国,3000,1000,在建\n", encoding="utf-8")
    code, _, err = _run("facts", "-d", _csv(tmp_path, "本月.csv"), "-m", _meeting(tmp_path), "-p", path)
    assert code == 2 and "上月.csv" in err and "缺少必填列“完成投资”" in err


def test_previous_as_of_count_must_match(tmp_path: Path) -> None:
    meeting = _meeting(tmp_path, "previous_as_of: [2026-03-31, 2026-04-30]\n")
    code, _, err = _run("facts", "-d", _csv(tmp_path, "本月.csv"), "-m", meeting,
                        "-p", _csv(tmp_path, "上月.csv", a=1))
    assert code == 2 and "previous_as_of 写了2个日期，但给了1个上期台账" in err


def test_a_duplicate_name_after_normalising_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "上月.csv"
    path.write_text("数据截至：2026年4月30日\n" + HEADER.format(done="完成投资")
                    + "东城区,甲项目,东城区住建局,王建国,3000,1000,100,在建\n"
                    + "东城区,甲,东城区住建局,王建国,3000,1000,50,在建\n", encoding="utf-8")
    code, _, err = _run("facts", "-d", _csv(tmp_path, "本月.csv"), "-m", _meeting(tmp_path), "-p", path)
    assert code == 2 and "对应两个以上项目" in err and "第3行" in err and "第4行" in err


def test_money_in_亿元_in_one_period_is_converted_by_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "上月.csv"
    path.write_text("单位：亿元　数据截至：2026年4月30日\n" + HEADER.format(done="完成投资")
                    + "东城区,甲项目,东城区住建局,王建国,0.3,0.1,0.01,在建\n"
                    + "西湖区,乙项目,西湖区住建局,刘振宇,0.3,0.1,0.03,在建\n", encoding="utf-8")
    data = _facts_json("-d", _csv(tmp_path, "本月.csv"), "-m", _meeting(tmp_path), "-p", path)
    assert data["changes"]["overall"]["previous_completed_wan"] == 400  # 0.04亿元
    assert data["changes"]["overall"]["increase_wan"] == 300


def test_facts_tables_of_the_example() -> None:
    code, out, err = _run("facts", "-d", LEDGER, "-m", MEETING, "-p", PREVIOUS)
    assert code == 0, err
    assert "与上月比较（上期数据截至2026年4月30日）" in out
    assert "较上月提高8.8个百分点" in out and "差距缩小0.4个百分点" in out
    assert "南山县" in out and "↑1" in out and "↓1" in out
    for label in ("新开工", "新竣工/投产", "新增入库", "本期调出", "摘帽（不再滞后）", "连续滞后"):
        assert label in out
    assert "东城区商贸物流园" in out and "西湖区城市书房" in out


def test_the_example_pair_has_what_the_issue_asks_for() -> None:
    changes = _facts_json("-d", LEDGER, "-m", MEETING, "-p", PREVIOUS)["changes"]
    started = [p["name"] for p in changes["projects"] if p["newly_started"]]
    assert len(started) == 3
    moves = {g["key"]: g["rank_move"] for g in changes["groups"]["district"]}
    assert moves["南山县"] == 1 and moves["北岭县"] == -1  # 南山县 overtook 北岭县
    assert len(changes["continuing"]) >= 2
    assert [p["name"] for p in changes["added"]] == ["东城区商贸物流园"]
    assert [p["name"] for p in changes["removed"]] == ["西湖区城市书房"]
    renamed = {p["name"]: p["previous_name"] for p in changes["projects"] if p["name"] != p["previous_name"]}
    assert renamed == {"东城区老旧小区改造（第三批）": "东城区老旧小区改造(第三批)",
                       "北岭县硅材料深加工项目": "北岭县硅材料深加工",
                       "高新区人工智能算力中心": "高新区人工智能算力中心项目"}


@pytest.mark.parametrize("kind", ["speech", "bulletin"])
def test_drafts_say_较上月_only_with_a_previous_ledger(tmp_path: Path, kind: str) -> None:
    with_previous, without = tmp_path / "with.md", tmp_path / "without.md"
    assert _run("generate", kind, "-d", LEDGER, "-m", MEETING, "-p", PREVIOUS, "-o", with_previous)[0] == 0
    assert _run("generate", kind, "-d", LEDGER, "-m", MEETING, "-o", without)[0] == 0
    said, plain = with_previous.read_text(encoding="utf-8"), without.read_text(encoding="utf-8")
    assert "较上月提高8.8个百分点" in said and "缩小了0.4个百分点" in said
    assert "南山县排名较上月上升1位" in said and "摘帽" in said and "连续两个月滞后" in said
    for word in ("上月", "上期", "摘帽", "连续两个月滞后"):
        assert word not in plain


@pytest.mark.parametrize(("kind", "length"), [("speech", "long"), ("bulletin", "normal")])
def test_the_change_figures_of_a_draft_are_traced_by_check(tmp_path: Path, kind: str, length: str) -> None:
    draft = tmp_path / f"{kind}.md"
    assert _run("generate", kind, "-d", LEDGER, "-m", MEETING, "-p", PREVIOUS, "-o", draft, "--length", length)[0] == 0
    code, out, _ = _run("check", draft, "-d", LEDGER, "-m", MEETING, "-p", PREVIOUS)
    assert code == 0 and "未发现问题" in out, out
    # without the previous ledger, the 较上月 figures have nothing to be traced to
    _, out, _ = _run("check", draft, "-d", LEDGER, "-m", MEETING)
    assert "8.8个百分点" in out


def test_check_catches_a_wrong_change_figure(tmp_path: Path) -> None:
    draft = tmp_path / "bulletin.md"
    _run("generate", "bulletin", "-d", LEDGER, "-m", MEETING, "-p", PREVIOUS, "-o", draft)
    text = draft.read_text(encoding="utf-8")
    assert "本期完成投资12.2亿元" in text or "本期新完成投资12.2亿元" in text
    draft.write_text(text.replace("完成投资12.2亿元", "完成投资12.8亿元"), encoding="utf-8")
    code, out, _ = _run("check", draft, "-d", LEDGER, "-m", MEETING, "-p", PREVIOUS)
    assert code == 1 and "12.8亿元" in out and "12.2亿元" in out


def test_batch_documents_carry_their_group_s_changes(tmp_path: Path) -> None:
    out = tmp_path / "通报"
    code, _, err = _run("batch", "bulletin", "-d", LEDGER, "-m", MEETING, "-p", PREVIOUS, "--per", "district",
                        "--format", "md", "-o", out, "--jobs", "1")
    assert code == 0, err
    nanshan = next(out.glob("*南山县*.md")).read_text(encoding="utf-8")
    beiling = next(out.glob("*北岭县*.md")).read_text(encoding="utf-8")
    # 南山县 20.2% → 28.9% (+8.7), 5th → 4th; 北岭县 4th → 5th
    assert "较上月提高8.7个百分点" in nanshan and "排名较上月上升1位，由第5位升至第4位" in nanshan
    assert "排名较上月下降1位，由第4位降至第5位" in beiling
    assert "南山县茶产业融合发展项目" in nanshan and "摘帽" in nanshan


def test_a_supervision_notice_names_the_consecutive_laggards_first(tmp_path: Path) -> None:
    out = tmp_path / "督办"
    code, _, err = _run("batch", "supervision", "-d", LEDGER, "-m", MEETING, "-p", PREVIOUS, "--per", "district",
                        "--only", "all", "--format", "md", "-o", out, "--jobs", "1")
    assert code == 0, err
    text = next(out.glob("*东城区*.md")).read_text(encoding="utf-8")
    headings = [line[4:] for line in text.splitlines() if line.startswith("### 东城区")]
    # the facts order 东城区商贸物流园 first (0.0%, −41.7), but it is new this month (新增入库);
    # 东城区城市更新片区（一期） (28.0%, −13.7) lagged in April too (9320 ÷ 45000 = 20.7% < 23.3%): it comes first
    assert headings == ["东城区城市更新片区（一期）", "东城区商贸物流园"]
    assert text.count("连续两个月滞后") == 1
    plain = tmp_path / "无上期"
    _run("batch", "supervision", "-d", LEDGER, "-m", MEETING, "--per", "district", "--only", "all",
         "--format", "md", "-o", plain, "--jobs", "1")
    plain_text = next(plain.glob("*东城区*.md")).read_text(encoding="utf-8")
    assert [line[4:] for line in plain_text.splitlines() if line.startswith("### 东城区")] == [
        "东城区商贸物流园", "东城区城市更新片区（一期）"]
    assert "连续两个月滞后" not in plain_text


def test_the_bulletin_table_gains_较上月_columns_only_with_a_previous_ledger(tmp_path: Path) -> None:
    with_previous, without = tmp_path / "with.md", tmp_path / "without.md"
    _run("generate", "bulletin", "-d", LEDGER, "-m", MEETING, "-p", PREVIOUS, "-o", with_previous)
    _run("generate", "bulletin", "-d", LEDGER, "-m", MEETING, "-o", without)
    # 附件1 the 县区 table (与时序进度比 and 滞后项目数 from issue 11), 附件2 the 滞后项目清单
    units = with_previous.read_text(encoding="utf-8").split("# 附件2")[0]
    table = [line for line in units.splitlines() if line.startswith("| ")]
    assert table[0].endswith("| 较上月完成率变化（百分点） | 较上月排名变化 |")
    assert table[5] == "| 南山县 | 8 | 6 | 75.0% | 20.00 | 5.78 | 28.9% | -12.8 | 3 | 4 | +8.7 | ↑1 |"
    assert table[6] == "| 北岭县 | 7 | 5 | 71.4% | 13.80 | 3.86 | 28.0% | -13.7 | 3 | 5 | +6.2 | ↓1 |"
    assert table[-1].startswith("| 合计 |") and table[-1].endswith("| 36.9% | -4.8 | 16 | — | +8.8 | — |")
    assert "变化" not in without.read_text(encoding="utf-8").split("# 附件")[1]
