"""Observations of the units (县区 column): who is ahead of, level with and behind 时序进度 — by
the gap, never by rank alone —, who is more than 10 百分点 behind, whose 开工率 is low, and the
collective noun for them all."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from speechgen import zh
from speechgen.compose.filters import md_escape
from speechgen.compose.observe import ladder
from speechgen.compose.observe.types import Observation, Record, held
from speechgen.facts.types import Facts, GroupFacts
from speechgen.zh.units import collective, count_phrase, unit_noun


def _item(group: GroupFacts) -> Record:
    gap = group.gap_points if group.gap_points is not None else Decimal(0)
    return {"name": md_escape(group.key), "rate": zh.format_percent(group.completion_rate),
            "gap": zh.format_points(gap), "vs": zh.compare_phrase(gap),
            "start_rate": zh.format_percent(group.start_rate), "projects": group.projects,
            "started": group.started, "laggards": group.laggards}


def _members(groups: Sequence[GroupFacts], all_names: Sequence[str]) -> Record:
    names = [g.key for g in groups]
    escaped = [md_escape(n) for n in names]
    return {"count": len(groups), "names": zh.join_zh(escaped),
            "subject": md_escape(count_phrase(names, all_names)),
            "subject_written": md_escape(count_phrase(names, all_names, written=True)),
            "items": tuple(_item(g) for g in groups)}


def _tied(ranked: Sequence[GroupFacts], rank: int | None) -> Record:
    tied = [g for g in ranked if g.rank == rank]
    return {"names": zh.join_zh(md_escape(g.key) for g in tied),
            "rate": zh.format_percent(tied[0].completion_rate), "count": len(tied)}


def _ranked(facts: Facts) -> list[GroupFacts]:
    return [g for g in facts.by_district if g.rank is not None and g.gap_points is not None]


def _spread(found: list[Observation], ranked: Sequence[GroupFacts]) -> None:
    rates = [g.completion_rate for g in ranked if g.completion_rate is not None]
    if len(set(rates)) == 1:
        found.append(held("districts_tied", 40))
    elif max(rates) - min(rates) >= ladder.UNEVEN_SPREAD_POINTS:
        found.append(held("uneven", 50 + int(min(Decimal(30), max(rates) - min(rates)) / 2)))


def units(facts: Facts) -> tuple[list[Observation], dict[str, Record]]:
    """Return the unit observations and their records (nothing with fewer than two rated units)."""
    ranked = _ranked(facts)
    if len(ranked) < 2:
        return [], {}
    every = [g.key for g in facts.by_district]
    records: dict[str, Record] = {
        "units": {"count": len(facts.by_district), "all": md_escape(collective(every)),
                  "all_written": md_escape(collective(every, written=True)), "noun": unit_noun(every),
                  "noun_written": unit_noun(every, written=True)},
        "unit_top": _tied(ranked, ranked[0].rank),
        "unit_bottom": _tied(ranked, ranked[-1].rank),
        "start_bottom": _start_bottom(facts),
    }
    found = [held("has_districts", 50)]
    _spread(found, ranked)
    ahead = sorted((g for g in ranked if g.gap_points > 0), key=lambda g: -g.gap_points)  # type: ignore[operator]
    level = [g for g in ranked if g.gap_points == 0]
    behind = sorted((g for g in ranked if g.gap_points < 0), key=lambda g: g.gap_points)  # type: ignore[arg-type,operator]
    far = [g for g in behind if g.gap_points < ladder.UNIT_FAR_BEHIND_POINTS]  # type: ignore[operator]
    if ahead:
        records["units_ahead"] = {**_members(ahead, every), "lead": md_escape(ahead[0].key),
                                  "lead_rate": zh.format_percent(ahead[0].completion_rate),
                                  "lead_gap": zh.format_points(ahead[0].gap_points)}  # type: ignore[arg-type]
        found.append(held("units_ahead", 45))
        if len(ahead) == len(ranked):
            found.append(held("units_all_ahead", 50))
    if level:
        records["units_level"] = _members(level, every)
        found.append(held("units_level", 55))
    if behind:
        worst = behind[0]
        records["units_behind"] = {**_members(behind, every), "worst": md_escape(worst.key),
                                   "worst_rate": zh.format_percent(worst.completion_rate),
                                   "worst_gap": zh.format_points(worst.gap_points)}  # type: ignore[arg-type]
        found.append(held("units_behind", 45 + 3 * len(behind)))
        if len(behind) == len(ranked):
            found.append(held("units_all_behind", 60))
    if far:
        records["units_far"] = _members(far, every)
        found.append(held("units_far_behind", 60 + int(min(Decimal(30), abs(far[0].gap_points)))))  # type: ignore[arg-type]
    low = low_start(facts)
    if low:
        records["low_start"] = {**_members(low, every), "rate": zh.format_percent(low[0].start_rate)}
        found.append(held("low_start_units", 60))
    return found, records


def _start_bottom(facts: Facts) -> Record:
    """Return the unit(s) with the lowest 开工率 (ties named together), a fact, not blame."""
    rated = [g for g in facts.by_district if g.start_rate is not None]
    lowest = min((g.start_rate for g in rated), default=None)
    tied = [g for g in rated if g.start_rate == lowest]
    return {"names": zh.join_zh(md_escape(g.key) for g in tied), "rate": zh.format_percent(lowest),
            "count": len(tied), "not_started": sum(g.not_started for g in tied)}


def low_start(facts: Facts) -> list[GroupFacts]:
    """Return the units of two or more projects whose 开工率 is below LOW_START_RATE and at least
    LOW_START_MARGIN points below the whole ledger's, lowest first."""
    whole = facts.overall.start_rate
    if whole is None:
        return []
    low = [g for g in facts.by_district if g.projects >= 2 and g.start_rate is not None
           and g.start_rate < ladder.LOW_START_RATE and whole - g.start_rate >= ladder.LOW_START_MARGIN]
    return sorted(low, key=lambda g: g.start_rate)  # type: ignore[arg-type,return-value]
