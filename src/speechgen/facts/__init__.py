"""Facts: Dossier → every figure a document needs (counts, sums, rates, 时序进度, ranks, laggards)."""

from speechgen.facts.changes import COMPARED_GROUPS, Changes, GroupChange, LaggardStreak, Period, ProjectChange
from speechgen.facts.compare import compare_facts, group_change, scope_changes
from speechgen.facts.compute import (
    DEFAULT_LAG_THRESHOLD,
    compute_facts,
    facts_by_group,
    facts_for_group,
    group_facts,
)
from speechgen.facts.jsonout import facts_data, facts_to_json
from speechgen.facts.schedule import compute_schedule
from speechgen.facts.types import (
    GROUP_LABELS,
    PROBLEM_TYPES,
    REASON_LABELS,
    UNFILLED,
    Facts,
    GroupBy,
    GroupFacts,
    Laggard,
    LagReason,
    ProblemCount,
    Remaining,
    Schedule,
)

__all__ = [
    "COMPARED_GROUPS",
    "DEFAULT_LAG_THRESHOLD",
    "GROUP_LABELS",
    "PROBLEM_TYPES",
    "REASON_LABELS",
    "UNFILLED",
    "Changes",
    "Facts",
    "GroupBy",
    "GroupChange",
    "GroupFacts",
    "LagReason",
    "Laggard",
    "LaggardStreak",
    "Period",
    "ProblemCount",
    "ProjectChange",
    "Remaining",
    "Schedule",
    "compare_facts",
    "compute_facts",
    "compute_schedule",
    "facts_by_group",
    "facts_data",
    "facts_for_group",
    "facts_to_json",
    "group_change",
    "group_facts",
    "scope_changes",
]
