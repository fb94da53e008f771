"""Observations: pure functions of the Facts, on the tone ladder and by gap, never by rank; the
scenario ledgers of issue 10 each show what holds, and docs/snippets.md names every one."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal as D
from pathlib import Path

import pytest

from compose_scenarios import SCENARIOS, county_meeting, project
from speechgen.compose.observe import NAMES, RECORDS, observe
from speechgen.compose.observe.ladder import tone_of
from speechgen.compose.observe.situation import deadline_of
from speechgen.facts import compute_facts
from speechgen.model import Dossier

DOCS = Path(__file__).resolve().parents[1] / "docs" / "snippets.md"


@pytest.fixture(scope="module")
def seen() -> dict[str, object]:
    return {name: observe(make()) for name, make in SCENARIOS.items()}


@pytest.mark.parametrize(("gap", "tone"), [
    ("7.0", "well_ahead"), ("5.0", "well_ahead"), ("4.9", "ahead"), ("0.1", "ahead"), ("0.0", "level"),
    ("-0.1", "slightly_behind"), ("-2.9", "slightly_behind"), ("-3.0", "behind"), ("-9.9", "behind"),
    ("-10.0", "seriously_behind"), ("-19.9", "seriously_behind"), ("-20.0", "severely_behind"),
])
def test_the_tone_ladder(gap: str, tone: str) -> None:
    assert tone_of(D(gap)) == tone


def test_the_example_ledger(seen) -> None:
    obs = seen["example"]
    assert {"behind", "tone_behind", "units_ahead", "units_behind", "units_far_behind", "has_overdue",
            "problem_用地", "ready_to_start", "blocked_not_started", "has_completed", "has_operating",
            "half_push", "laggards_many"} <= obs.names
    assert not obs.names & {"ahead", "far_behind", "laggards_majority", "problems_tied", "units_level",
                            "speaker_projects", "year_end"}
    ahead, behind = obs.records["units_ahead"], obs.records["units_behind"]
    assert ahead["names"] == "高新区和东城区" and behind["count"] == 4
    assert ahead["count"] + behind["count"] == obs.records["units"]["count"]
    assert obs.records["units"]["all"] == "各县区和高新区"
    assert obs.records["units_far"]["names"] == "青河县、北岭县和南山县"  # by gap, not rank: 西湖区 is −7.0


def test_units_ahead_and_behind_follow_the_gap_not_the_rank(seen) -> None:
    """In 2月底 every unit is behind: the first by rank is no unit ahead."""
    obs = seen["february"]
    assert "units_all_behind" in obs.names and "units_ahead" not in obs.names
    assert obs.records["unit_top"]["names"]  # a fact (highest rate) that is no praise


def test_a_unit_exactly_on_schedule_is_counted(seen) -> None:
    obs = seen["unit_level"]
    level, ahead, behind = (obs.records[k]["count"] for k in ("units_level", "units_ahead", "units_behind"))
    assert obs.records["units_level"]["names"] == "东城区"
    assert level + ahead + behind == obs.records["units"]["count"] == 6


def test_ties_are_kept(seen) -> None:
    obs = seen["tied_problems"]
    assert {"problems_tied", "problem_用地", "problem_资金", "problem_手续审批"} <= obs.names
    assert obs.records["problems"]["top"] == "用地、资金和手续审批" and obs.records["problems"]["top_count"] == 4
    assert [focus.key for focus in obs.focuses] == ["用地", "资金"]  # two answered one by one, the rest together


def test_only_projects_without_a_recorded_problem_are_ready_to_start(seen) -> None:
    obs = seen["example"]
    assert obs.records["ready"]["names"] == "西湖区智慧康养中心、南山县全域旅游集散中心和青河县城乡客运枢纽"
    assert "高新区人才公寓" in obs.records["blocked"]["names"]  # 施工许可证尚未办理


def test_the_season(seen) -> None:
    assert {"q1", "many_not_started", "early_year"} <= seen["february"].names
    assert {"year_end", "last_month", "late_year"} <= seen["november"].names
    season = seen["november"].records["season"]
    assert season["next_month"] == "12月" and season["remaining"] == "26.17亿元" and season["months_left"] == 1
    assert "half_missed" in seen["june"].names and "half_push" in seen["example"].names
    assert seen["example"].records["season"]["to_half"] == "16.6亿元"


def test_the_speaker_s_own_projects(seen) -> None:
    obs = seen["speaker_lagging"]
    assert {"speaker_projects", "speaker_laggards"} <= obs.names
    lagging = obs.records["speaker_projects"]["lagging"]
    assert lagging == "高新区氢能装备制造项目、南山县绿色建材产业园和青河县光伏发电项目"


def test_unit_kinds_name_the_collective(seen) -> None:
    obs = seen["county_two_units"]
    assert obs.records["units"]["all"] == "青山经济开发区和城关镇"
    many = [project(f"{u}项目", u, "1000", "400") for u in ("城关镇", "河西镇", "青山经济开发区")]
    units = observe(compute_facts(Dossier(meeting=county_meeting(), projects=tuple(many)))).records["units"]
    assert units["all"] == "各镇和经开区" and units["all_written"] == "各镇和经开区"


def test_one_project_is_no_share(seen) -> None:
    obs = seen["one_project"]
    assert {"single_project", "single_laggard"} <= obs.names
    assert not obs.names & {"laggards_many", "laggards_majority", "has_districts"}


def test_low_start_rate_is_singled_out(seen) -> None:
    obs = seen["low_start"]
    assert "low_start_units" in obs.names and obs.records["low_start"]["names"] == "青河县"
    assert obs.records["low_start"]["rate"] == "14.3%"


def test_the_deadline_is_the_meeting_file_s_or_the_end_of_the_next_month() -> None:
    meeting = county_meeting()
    assert deadline_of(meeting) == (dt.date(2026, 7, 31), False)
    assert deadline_of(meeting.model_copy(update={"deadline": dt.date(2026, 6, 20)})) == (dt.date(2026, 6, 20), True)
    december = county_meeting(dt.date(2026, 11, 30))
    assert deadline_of(december) == (dt.date(2026, 12, 31), False)  # the year's task ends then


def test_observations_are_a_pure_function_of_the_facts() -> None:
    make = SCENARIOS["example"]
    first, second = observe(make()), observe(make())
    assert first.items == second.items and first.records == second.records


def test_every_name_and_record_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Observations")[1].split("## Records")[0]
    documented = set(re.findall(r"^\| `([a-z_0-9]+)`", section, re.M))
    records = set(re.findall(r"^\| `([a-z_]+)`", text.split("## Records")[1].split("\n## ")[0], re.M))
    expected = {n for n in NAMES if not n.startswith(("problem_", "focus_", "tone_"))}
    assert expected <= documented, sorted(expected - documented)
    assert set(RECORDS) <= records, sorted(set(RECORDS) - records)
