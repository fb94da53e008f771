"""Properties: every group table adds up to the overall figures; ranks are consistent."""

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from speechgen.facts import compute_facts, group_facts
from speechgen.model import Dossier, Meeting, Project, Stage

amounts = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def projects(draw: st.DrawFn) -> Project:
    return Project(
        name=f"项目{draw(st.integers(0, 10**9))}",
        district=draw(st.sampled_from(["东城区", "西城区", "南城区", "北城区", "高新区"])),
        owner=draw(st.sampled_from(["发改局", "工信局", "住建局"])),
        leader=draw(st.sampled_from([None, "张三", "李四", ""])),
        total=draw(amounts),
        annual_plan=draw(st.one_of(st.just(Decimal(0)), amounts)),
        completed=draw(amounts),
        status=draw(st.sampled_from(list(Stage))),
        planned_start=draw(st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))),
    )


dossiers = st.builds(
    lambda ps, as_of: Dossier(
        meeting=Meeting(region="示例市", meeting="全市重点项目调度会", date=as_of, as_of=as_of), projects=tuple(ps)),
    st.lists(projects(), max_size=25),
    st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
)


@settings(max_examples=150, deadline=None)
@given(dossiers, st.sampled_from(["district", "owner", "leader"]))
def test_groups_add_up_to_the_overall(dossier: Dossier, by: str) -> None:
    facts = compute_facts(dossier)
    rows = facts.by_district if by == "district" else group_facts(facts, by)  # type: ignore[arg-type]
    overall = facts.overall
    assert sum(g.projects for g in rows) == overall.projects == len(dossier.projects)
    assert sum(g.started for g in rows) == overall.started
    assert sum(g.laggards for g in rows) == overall.laggards == len(facts.laggards)
    for field in ("total", "annual_plan", "completed"):
        assert sum((getattr(g, field) for g in rows), Decimal(0)) == getattr(overall, field)
    for stage in Stage:
        assert sum(g.stage(stage) for g in rows) == overall.stage(stage)


@settings(max_examples=150, deadline=None)
@given(dossiers)
def test_ranks_follow_the_rates(dossier: Dossier) -> None:
    rows = compute_facts(dossier).by_district
    rated = [g for g in rows if g.completion_rate is not None]
    assert rows[: len(rated)] == tuple(rated)  # unrated groups come last
    for i, group in enumerate(rated):
        assert group.rank == 1 + sum(1 for other in rated if other.completion_rate > group.completion_rate)
        if i:
            assert rated[i - 1].completion_rate >= group.completion_rate
    assert all(g.rank is None for g in rows[len(rated):])
