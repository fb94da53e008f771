"""observe(): every observation of one ledger, gathered from the situation, the units, the projects
and the problems."""

from __future__ import annotations

from speechgen.compose.observe.breakdowns import breakdowns
from speechgen.compose.observe.changes import changes
from speechgen.compose.observe.problems import problems
from speechgen.compose.observe.projects import completions, laggards, not_started, speaker
from speechgen.compose.observe.situation import meeting_records, progress, season, starts
from speechgen.compose.observe.types import Observation, Observations, Record, collect, held
from speechgen.compose.observe.units import units
from speechgen.facts.types import Facts


def observe(facts: Facts) -> Observations:
    """Return what holds of ``facts`` (a pure function: the same facts, the same observations)."""
    found: list[Observation] = [held("meeting", 0)]
    records: dict[str, Record] = meeting_records(facts)
    if facts.meeting.reporters:
        found.append(held("has_reporters", 10))
    said, record = progress(facts)
    found += said
    if record is not None:
        records["progress"] = record
    for part in (starts, season):
        said, record = part(facts)
        found += said
        records[part.__name__] = record
    for more in (units, breakdowns, completions, not_started, speaker, changes):
        said, more_records = more(facts)
        found += said
        records.update(more_records)
    said, lag_records, lag_items = laggards(facts)
    found += said
    records.update(lag_records)
    said, problem_records, focuses = problems(facts)
    found += said
    records.update(problem_records)
    return Observations(items=collect(found), records=records, laggards=lag_items, focuses=focuses)
