"""The vocabulary of observations: each name a passage may need (``needs:``), the records it
may then print, their fields and the figure each field prints (for the chooser's repeat check)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from speechgen.facts.types import PROBLEM_TYPES

Polarity = Literal["+", "-", "0"]


@dataclass(frozen=True)
class NameSpec:
    """An observation name: the records it guarantees, its polarity (+ good news, − bad news,
    0 neither) and what it means. ``local`` names hold for one item of a list (one laggard, one
    problem type), not for the document."""

    name: str
    records: tuple[str, ...]
    polarity: Polarity
    doc: str
    local: bool = False


@dataclass(frozen=True)
class RecordSpec:
    """A record a passage prints from: its fields, each with the figure topic it prints (None
    for words) — the chooser avoids printing one topic twice in a document."""

    name: str
    fields: dict[str, str | None]
    doc: str


def _n(name: str, records: str, polarity: Polarity, doc: str, local: bool = False) -> NameSpec:
    return NameSpec(name, tuple(records.split()), polarity, doc, local)


U = "units unit_top unit_bottom start_bottom progress"  # what every unit observation guarantees
C = "change change_projects change_laggards"  # what every change observation (--previous) guarantees
_NAMES: tuple[NameSpec, ...] = (
    _n("meeting", "meeting deadline starts season", "0",
       "always: the meeting is held (backs openings, closings, general duties)"),
    _n("has_reporters", "meeting", "0", "the meeting file names who reported (reporters)"),
    _n("progress", "progress", "0", "the ledger has a completion rate to set against 时序进度"),
    _n("ahead", "progress", "+", "completion rate above 时序进度 (gap ≥ +0.1)"),
    _n("on_track", "progress", "0", "gap is 0.0: 与时序进度持平"),
    _n("behind", "progress", "-", "completion rate below 时序进度 (gap ≤ −0.1)"),
    _n("slightly_behind", "progress", "-", "behind by less than 3 百分点"),
    _n("far_behind", "progress", "-", "10 百分点 or more behind (tone seriously or severely behind)"),
    *(_n(f"tone_{tone}", "progress", pol, f"the gap's tone on the ladder: {tone}")  # type: ignore[arg-type]
      for tone, pol in (("well_ahead", "+"), ("ahead", "+"), ("level", "0"), ("slightly_behind", "-"),
                        ("behind", "-"), ("seriously_behind", "-"), ("severely_behind", "-"))),
    _n("all_started", "starts", "+", "every project has started"),
    _n("some_not_started", "starts", "0", "some, not all, projects have not started"),
    _n("many_not_started", "starts", "-", "30 % or more of the projects have not started"),
    _n("few_not_started", "starts", "+", "fewer than 10 % not started (but some)"),
    _n("none_started", "starts", "-", "no project has started"),
    _n("under_construction", "starts", "0", "some project is 在建"),
    _n("single_project", "starts", "0", "the ledger (or group) has one project"),
    _n("several_projects", "starts", "0", "two or more projects (backs 各项目, 每个项目, 这些项目 when drawn)"),
    _n("all_building", "starts", "0", "every project is 在建 (none 竣工, 投产 or not started)"),
    _n("has_districts", U, "0", "two or more units (县区) have a completion rate"),
    _n("districts_tied", U, "0", "every unit has the same completion rate"),
    _n("uneven", U, "-", "best and worst unit differ by 20 百分点 or more"),
    _n("units_ahead", U + " units_ahead", "+", "some unit is ahead of 时序进度"),
    _n("units_all_ahead", U + " units_ahead", "+", "every unit is ahead of 时序进度"),
    _n("units_level", U + " units_level", "0", "some unit is exactly on 时序进度 (持平)"),
    _n("units_behind", U + " units_behind", "-", "some unit is behind 时序进度"),
    _n("units_all_behind", U + " units_behind", "-", "every unit is behind 时序进度"),
    _n("units_far_behind", U + " units_far", "-", "some unit is more than 10 百分点 behind"),
    _n("low_start_units", U + " low_start", "-", "a unit's 开工率 < 50 % and 20 points below the whole's"),
    _n("has_categories", "categories progress", "0", "two or more 产业类别 are filled in the ledger (产业类别 column)"),
    _n("has_natures", "natures progress", "0", "two or more 建设性质 (新建/续建/技改) are filled in the ledger"),
    _n("has_laggards", "laggards", "-", "some project is a laggard (facts/laggards.py)"),
    _n("single_laggard", "laggards", "-", "exactly one laggard"),
    _n("several_laggards", "laggards", "-", "two or more laggards (backs 每个滞后项目 when drawn)"),
    _n("laggards_many", "laggards", "-", "30 % or more of the projects are laggards"),
    _n("laggards_majority", "laggards", "-", "more than half of the projects are laggards"),
    _n("no_laggards", "", "+", "no laggard"),
    _n("has_overdue", "overdue", "-", "some project has not started after its planned start"),
    _n("several_overdue", "overdue", "-", "two or more projects have not started after their planned start"),
    _n("has_problems", "problems", "-", "some project reports a problem (存在问题/问题类型)"),
    _n("problems_tied", "problems", "-", "two or more problem types share the largest count"),
    _n("several_problems", "problems", "-", "two or more projects report a problem (backs 这些问题 when drawn)"),
    _n("several_problem_types", "problems", "-", "two or more problem types are reported (backs 每一类问题)"),
    _n("old_problem", "problems", "-",
       "a project not started reports a problem and is three months or more past its planned start (老问题)"),
    _n("other_problem_types", "problems", "-", "some problem type is reported less than the most reported ones"),
    *(_n(f"problem_{t}", "problems", "-", f"{t} is (one of) the most reported problem types") for t in PROBLEM_TYPES),
    _n("has_completed", "completions", "+", "some project is 竣工"),
    _n("has_operating", "completions", "+", "some project is 投产"),
    _n("ready_to_start", "ready", "0", "some project not started reports no problem: only these are 具备开工条件"),
    _n("blocked_not_started", "blocked", "-", "some project not started reports a problem"),
    _n("not_yet_due", "waiting", "0", "some project not started has a planned start still to come (not a laggard)"),
    _n("all_not_due", "waiting", "0", "every project's planned start is still to come"),
    _n("speaker_projects", "speaker_projects", "0", "the speaker is 包保领导 of some projects"),
    _n("speaker_laggards", "speaker_projects", "-", "some of the speaker's own projects are laggards"),
    _n("early_year", "season", "0", "cut-off month 1–4"),
    _n("mid_year", "season", "0", "cut-off month 5–8"),
    _n("late_year", "season", "0", "cut-off month 9–12"),
    _n("q1", "season", "0", "first quarter (cut-off month 1–3): 开工, 开门红, 集中开工"),
    _n("months_ahead", "season", "0", "cut-off month 1–8: months enough ahead for 后面几个月, 下半年, 前松后紧"),
    _n("building_season", "season", "0", "cut-off month 3–9: the 施工黄金期"),
    _n("half_push", "season", "0", "cut-off 4月底 or 5月底: 双过半 by 6月底 still to win"),
    _n("half_done", "season", "+", "at 6月底 half the plan is done (双过半)"),
    _n("half_missed", "season", "-", "at 6月底 less than half the plan is done"),
    _n("several_months_left", "season", "0",
       "cut-off month 1–10: two months or more left in the year (backs 按月, 每月, 逐月 when drawn)"),
    _n("flood_season", "season", "0", "cut-off month 5–8: the coming weeks are 汛期 (防汛, 强降雨)"),
    _n("hot_season", "season", "0", "cut-off month 5–8: the coming weeks are hot (高温, 防暑)"),
    _n("rest_of_year", "season", "0", "cut-off at a month end before 9月: the plan not done, per month left"),
    _n("year_end", "season", "0", "cut-off 9月底–11月底: what remains, per month"),
    _n("last_month", "season", "0", "cut-off 11月底: one month left"),
    _n("compared", C, "0",
       "a previous period is given (--previous): the document may say how the period moved (较上月)"),
    _n("rate_up", C, "+", "the completion rate rose since the previous period"),
    _n("gap_narrowed", C, "+",
       "behind 时序进度 both times, by less than in the previous period (差距缩小)"),
    _n("gap_widened", C, "-",
       "behind 时序进度 both times, by more than in the previous period (差距扩大)"),
    _n("turned_ahead", C, "+", "behind 时序进度 then, ahead of it now"),
    _n("turned_behind", C, "-", "ahead of 时序进度 then, behind it now"),
    _n("rank_up", C, "+",
       "a group's document: the group rose in its peers' ranking since the previous period"),
    _n("rank_down", C, "-", "a group's document: the group fell in the ranking"),
    _n("rank_same", C, "0", "a group's document: the group kept its rank"),
    _n("newly_started", C, "+",
       "some project has started since the previous period (新开工)"),
    _n("newly_finished", C, "+",
       "some project became 竣工 or 投产 since the previous period"),
    _n("projects_added", C, "0", "some project is new in the ledger (新增入库)"),
    _n("projects_removed", C, "0", "some project has left the ledger (调出)"),
    _n("units_rank_moved", C + " change_units", "0",
       "some unit (县区) moved up or down in the ranking since the previous period"),
    _n("units_rank_up", C + " change_units", "0", "some unit moved up"),
    _n("units_rank_down", C + " change_units", "0", "some unit moved down"),
    _n("unit_overtook", C + " change_units", "0",
       "a unit is now ranked above one that was ranked above it (overtaker, overtaken, overtaker_text, others_…)"),
    _n("continuing_laggards", C, "-",
       "some project lagged in the previous period too (连续滞后: the basis of 黄牌/红牌 warnings)"),
    _n("long_laggards", C, "-",
       "some project has lagged three periods or more in a row (more than one --previous)"),
    _n("cleared_laggards", C, "+",
       "some project lagging in the previous period no longer lags (摘帽)"),
    _n("new_laggards", C, "-", "some project lags now and did not then"),
    *(_n(f"item_{kind}", "item", "-", doc, local=True) for kind, doc in (
        ("overdue", "this laggard is past its planned start and not started (未开工)"),
        ("preparation", "this laggard is past its planned start and still in 前期"),
        ("no_investment", "this laggard has started but invested nothing"),
        ("behind", "this laggard's completion rate is more than 10 百分点 behind"))),
    *(_n(f"rest_{kind}", "rest", "-", doc, local=True) for kind, doc in (
        ("overdue", "the laggards not described one by one are all overdue to start"),
        ("behind", "the laggards not described one by one are all behind on investment"),
        ("mixed", "the laggards not described one by one are of both kinds"))),
    *(_n(f"focus_{t}", "focus", "-", f"the measure answers the problem type {t}", local=True) for t in PROBLEM_TYPES),
)
NAMES: dict[str, NameSpec] = {spec.name: spec for spec in _NAMES}
DOCUMENT_NAMES = frozenset(n for n, spec in NAMES.items() if not spec.local)


def _r(record: str, doc: str, **fields: str | None) -> RecordSpec:
    return RecordSpec(record, dict(fields), doc)


_RECORDS: tuple[RecordSpec, ...] = (
    _r("meeting", "the meeting and who speaks", region=None, scope=None, level=None, gov=None, office=None,
       name=None, date=None, speaker=None, period=None, as_of=None, reporters=None),
    _r("deadline", "the date instructions are due (meeting.yaml deadline, else the end of the next month)",
       text=None, given=None),
    _r("progress", "the whole ledger against 时序进度", completed="completed_amount", plan="plan_amount",
       rate="completion_rate", schedule="schedule_rate", gap="gap", vs="gap", remaining="remaining",
       tone=None, tone_word=None, projects="n_projects", basis=None, threshold=None),
    _r("starts", "projects by stage", projects="n_projects", started="n_started", not_started="n_not_started",
       rate="start_rate", preparation="n_preparation", unstarted="n_unstarted", building="n_building",
       finished="n_completed", operating="n_operating", suspended="n_suspended", deferred="n_deferred",
       total="total_amount", name=None, not_started_share="not_started_share",
       started_stages="n_building"),
    _r("units", "the units (县区) and what to call them", count="n_districts", all=None, all_written=None,
       noun=None, noun_written=None),
    _r("unit_top", "the unit(s) with the highest completion rate (a fact, not praise)",
       names="best_district", rate="best_district_rate", count=None),
    _r("unit_bottom", "the unit(s) with the lowest completion rate", names="worst_district",
       rate="worst_district_rate", count=None),
    _r("units_ahead", "units ahead of 时序进度, most ahead first", count="n_districts_ahead",
       subject="districts_ahead", subject_written="districts_ahead", names="districts_ahead", lead=None,
       lead_rate="unit_rates", lead_gap="unit_gaps",
       items="unit_gaps"),
    _r("units_level", "units exactly on 时序进度", count="n_districts_level", subject="districts_level",
       subject_written="districts_level", names="districts_level", items=None),
    _r("units_behind", "units behind 时序进度, most behind first", count="n_districts_behind",
       subject="districts_behind", subject_written="districts_behind", names="districts_behind", worst=None,
       worst_rate="unit_rates",
       worst_gap="unit_gaps", items="unit_gaps"),
    _r("units_far", "units more than 10 百分点 behind, most behind first", count="n_districts_far",
       subject="districts_far", subject_written="districts_far", names="districts_far", items="unit_gaps"),
    _r("start_bottom", "the unit(s) with the lowest 开工率 (a fact, not blame)", names="start_bottom",
       rate="start_bottom_rate", count=None, not_started="start_bottom_not_started"),
    *(_r(name, f"the projects by {label}: each with its 完成率 against 时序进度 and its laggards",
         count=None, label=None, items=f"{name}_items", ahead=f"{name}_ahead", behind=f"{name}_behind",
         n_ahead=f"{name}_ahead", n_behind=f"{name}_behind", top=f"{name}_top", top_rate=f"{name}_top",
         bottom=f"{name}_bottom", bottom_rate=f"{name}_bottom", bottom_gap=f"{name}_bottom",
         bottom_laggards=f"{name}_bottom", laggards=None)
      for name, label in (("categories", "产业类别"), ("natures", "建设性质"))),
    _r("low_start", "units with a low 开工率, lowest first", count=None, subject="low_start_units",
       subject_written="low_start_units", names="low_start_units", rate="low_start_rate", items="low_start_rate"),
    _r("laggards", "the laggards: the worst described one by one (lines), the rest named",
       count="n_laggards", behind="n_behind", overdue="n_overdue", projects="n_projects", threshold=None,
       share="laggard_share",
       kinds=None, lines="laggard_names", names="laggard_names", rest=None, rest_count=None),
    _r("item", "one laggard described (in say_lag_item)", name=None, unit=None, owner=None,
       leader_spoken=None, leader_written=None, start=None, rate="item_rate", gap="item_gap", vs="item_gap",
       plan="item_plan"),
    _r("rest", "the laggards not described one by one", subject=None, count=None),
    _r("overdue", "projects past their planned start and not started", count="n_overdue", names="overdue_names",
       subject="overdue_names"),
    _r("problems", "problem types, ties kept", projects="n_problem_projects", types="problem_types",
       top="dominant_problem", top_count="dominant_problem_count", n_top=None, departments=None, n_types=None,
       others=None, items="problem_types"),
    _r("focus", "one problem type a measure answers (a top type: its count is the top count)", type=None,
       count="dominant_problem_count", department=None,
       projects=None),
    _r("completions", "projects 竣工 or 投产", finished="n_completed", operating="n_operating",
       count="n_finished_operating", names="finished_names", subject="finished_names"),
    _r("ready", "projects not started that report no problem (具备开工条件)", count="n_ready",
       names="ready_names", subject="ready_names"),
    _r("blocked", "projects not started that report a problem", count="n_blocked", names="blocked_names",
       subject="blocked_names", types="blocked_types"),
    _r("waiting", "projects not started whose planned start is still to come", count=None, names=None,
       subject=None),
    _r("speaker_projects", "the speaker's own 包保 projects", name=None, count=None, names=None, lagging=None,
       lagging_count=None),
    _r("change", "the whole (or the group) against the previous period", noun=None, then_as_of=None,
       increase="change_increase", rate_then="change_rate_then", rate="completion_rate", rate_change="change_rate",
       rate_vs="change_rate", schedule_then="change_schedule_then", gap_then="change_gap_then",
       gap_trend="change_gap", gap_change="change_gap", rank_then="change_rank_then", rank="change_rank",
       rank_move="change_rank_move", rank_phrase="change_rank_move"),
    _r("change_projects", "projects started, finished, added and removed since the previous period",
       started="change_n_started", started_names="change_started_names", finished="change_n_finished",
       finished_names="change_finished_names", added="change_n_added", added_names="change_added_names",
       removed="change_n_removed", removed_names="change_removed_names"),
    _r("change_units", "units moving in the ranking since the previous period, most moved first",
       up_count="change_n_up", down_count="change_n_down", up="change_up", down="change_down",
       up_items="change_up", down_items="change_down", up_text="change_up", down_text="change_down",
       overtaker="change_up", overtaken="change_down", overtaker_text="change_up", others_up_text="change_up",
       others_down_text="change_down"),
    _r("change_laggards", "laggards in consecutive periods (连续滞后), cleared (摘帽) and new",
       continuing="change_n_continuing", continuing_names="change_continuing_names", streak=None,
       longest="change_longest", longest_names="change_longest_names", longest_count="change_n_longest",
       cleared="change_n_cleared", cleared_names="change_cleared_names", new="change_n_new",
       new_names="change_new_names"),
    _r("season", "the time of year and what remains", month=None, next_month=None, months_left=None,
       remaining="remaining", per_month="per_month", to_half="to_half", half_plan="half_plan", as_of=None,
       half_date=None, half_reached=None, plan_done=None),
)
RECORDS: dict[str, RecordSpec] = {spec.name: spec for spec in _RECORDS}


def guaranteed(names: frozenset[str]) -> frozenset[str]:
    """Return the records the held ``names`` guarantee."""
    return frozenset(record for name in names if name in NAMES for record in NAMES[name].records)
