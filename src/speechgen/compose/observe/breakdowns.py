"""Observations of the ledger's other breakdowns: the projects by 产业类别 and by 建设性质
(新建/续建/技改) when those columns are filled — each kind's 完成率 against 时序进度, by the gap,
and how many of its projects are laggards."""

from __future__ import annotations

from decimal import Decimal

from speechgen import zh
from speechgen.compose.filters import md_escape
from speechgen.compose.observe.types import Observation, Record, held
from speechgen.facts.groups import summarize_groups
from speechgen.facts.types import UNFILLED, Facts, GroupBy, GroupFacts
from speechgen.rounding import percent

BREAKDOWNS: tuple[tuple[GroupBy, str, str], ...] = (("category", "categories", "has_categories"),
                                                     ("nature", "natures", "has_natures"))
LABELS = {"category": "产业类别", "nature": "建设性质"}


def _item(group: GroupFacts) -> Record:
    gap = group.gap_points if group.gap_points is not None else Decimal(0)
    return {"name": md_escape(group.key), "projects": group.projects,
            "rate": zh.format_percent(group.completion_rate), "gap": zh.format_points(gap),
            "vs": zh.compare_phrase(gap), "ahead": gap > 0, "behind": gap < 0, "laggards": group.laggards,
            "laggard_share": zh.format_percent(percent(group.laggards, group.projects))}


def _record(by: GroupBy, groups: list[GroupFacts]) -> Record:
    ahead = [g for g in groups if g.gap_points is not None and g.gap_points > 0]
    behind = [g for g in groups if g.gap_points is not None and g.gap_points < 0]
    top, bottom = groups[0], groups[-1]
    return {"label": LABELS[by], "count": len(groups), "items": tuple(_item(g) for g in groups),
            "ahead": zh.join_zh(md_escape(g.key) for g in ahead), "n_ahead": len(ahead),
            "behind": zh.join_zh(md_escape(g.key) for g in behind), "n_behind": len(behind),
            "top": md_escape(top.key), "top_rate": zh.format_percent(top.completion_rate),
            "bottom": md_escape(bottom.key), "bottom_rate": zh.format_percent(bottom.completion_rate),
            "bottom_gap": _item(bottom)["vs"], "bottom_laggards": bottom.laggards,
            "laggards": sum(g.laggards for g in groups)}


def breakdowns(facts: Facts) -> tuple[list[Observation], dict[str, Record]]:
    """Return has_categories / has_natures with their records, for a column with two or more
    filled values that have a completion rate (the 未填写 projects are left out of the comparison)."""
    found: list[Observation] = []
    records: dict[str, Record] = {}
    if facts.overall.gap_points is None:
        return found, records
    for by, record, name in BREAKDOWNS:
        groups = [g for g in summarize_groups(facts.projects, by, facts.schedule, facts.laggards)
                  if g.key != UNFILLED and g.rank is not None and g.gap_points is not None]
        if len(groups) >= 2:
            records[record] = _record(by, groups)
            found.append(held(name, 40))
    return found, records
