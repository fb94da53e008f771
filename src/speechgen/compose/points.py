"""The points of a speech part, chosen from the data: each builder returns the roles in the order
the ledger makes them matter (many not started → 开工 first; the top problem type → the department
that owns it; 竣工/投产 only when some project is), filled with general duties up to the part's
size, which follows the data within the length's bounds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from speechgen.compose.observe import NO_LOCAL, Local, Observations

Length = Literal["short", "normal", "long"]
LENGTHS: tuple[Length, ...] = ("short", "normal", "long")


@dataclass(frozen=True)
class Size:
    """How much a speech of one length says: points per part (at least, at most), how many
    laggards it describes one by one, and whether it adds the detail statements (each unit
    behind with its gap, the other problem types with their counts); a short speech says each
    point in its first sentences."""

    fewest: int
    most: int
    featured: int
    detail: bool = False
    places: int | None = None  # a point's passage cut to its first sentences (wording.shortened)


SIZES: dict[Length, Size] = {
    "short": Size(3, 3, 2, places=4),
    "normal": Size(3, 5, 3),
    "long": Size(5, 5, 5, detail=True),
}


@dataclass(frozen=True)
class PointStep:
    """One point to draw: its role and what holds for it alone (a problem type it answers)."""

    role: str
    local: Local = NO_LOCAL
    says: tuple[str, ...] = ()  # statement roles whose text opens the point's text
    rank: tuple[str, ...] = ()  # observation names in order: the passage needing the first one comes


RICH_LEDGER = 10  # projects: from this many up a normal speech says at least four points a part


def _floor(obs: Observations, size: Size) -> int:
    """Return the fewest points of a part: one more in a normal or long speech on a ledger of
    RICH_LEDGER projects or more (there is more to say), never more than the length allows."""
    rich = obs.records["starts"]["projects"] >= RICH_LEDGER
    return min(size.most, size.fewest + (1 if rich and size.most > 3 else 0))


def _fill(data: list[PointStep], general: list[str], size: Size, fewest: int | None = None) -> list[PointStep]:
    """Return the data-driven points (at most ``size.most``) topped up with general roles to at
    least ``fewest`` (default ``size.fewest``); a general role may come twice (its passages differ)."""
    chosen = capped(data, size.most)
    floor = size.fewest if fewest is None else fewest
    index = 0
    while len(chosen) < max(floor, size.fewest) and general:
        chosen.append(PointStep(general[index % len(general)]))
        index += 1
    return chosen[: size.most]


# points a speech never drops for want of room: units more than 10 百分点 behind are named with
# a deadline
KEPT_ROLES = ("catch_up",)


def capped(steps: list[PointStep], most: int) -> list[PointStep]:
    """Return the first ``most`` steps; a KEPT_ROLES step beyond them takes the place of the
    last one that is not kept."""
    chosen = steps[:most]
    for step in steps[most:]:
        if step.role in KEPT_ROLES:
            spare = [i for i, s in enumerate(chosen) if s.role not in KEPT_ROLES]
            if spare:
                del chosen[spare[-1]]
                chosen.append(step)
    return chosen


def measure_steps(obs: Observations) -> list[PointStep]:
    """Return the measures the data calls for, most pressing first: 开工 when many have not
    started (or in the first quarter), the most reported problem types (each answered by the
    department that owns it), the year's last months, the projects overdue to start, the units
    far behind, 双过半, the pace of projects under construction, 竣工/投产 when some are."""
    steps: list[PointStep] = []
    if obs.any("none_started", "many_not_started") or (obs.holds("q1") and obs.holds("some_not_started")):
        steps.append(PointStep("start_works"))
    steps += [PointStep("factor_guarantee", focus) for focus in obs.focuses]
    if obs.holds("year_end"):
        steps.append(PointStep("year_end_push"))
    if obs.holds("has_overdue") and not obs.holds("none_started"):
        steps.append(PointStep("overdue_starts"))
    if obs.holds("units_far_behind"):
        steps.append(PointStep("catch_up"))
    if obs.holds("half_push"):
        steps.append(PointStep("half_year_push"))
    if obs.holds("under_construction") and obs.any("behind", "has_laggards"):
        steps.append(PointStep("speed"))
    if obs.any("has_completed", "has_operating"):
        steps.append(PointStep("completion"))
    return steps


def _measures(obs: Observations, size: Size) -> list[PointStep]:
    general = ["speed", "service", "preparation"] if obs.holds("under_construction") else ["service", "preparation"]
    data = measure_steps(obs)
    have = {s.role for s in data}
    fewest = max(_floor(obs, size), size.fewest + (1 if size.most > 3 and len(data) >= 3 else 0))
    if size.most >= 5 and not obs.holds("single_project"):
        general.append("investment_attraction")
    return _fill(data, [g for g in general if g not in have], size, fewest)


def _guarantees(obs: Observations, size: Size) -> list[PointStep]:
    data = [PointStep("speaker_lead")] if obs.holds("speaker_projects") else []
    data += [PointStep("responsibility"), PointStep("supervision")]
    if obs.any("laggards_many", "units_far_behind", "far_behind") and size.most > 3:
        data.append(PointStep("style_of_work"))
    general = ["style_of_work", "safety_quality", "service"] if obs.holds("under_construction") \
        else ["style_of_work", "service"]
    if obs.holds("under_construction") and size.most >= 5:
        data.append(PointStep("safety_quality"))
    return _fill(data, [g for g in general if g not in {s.role for s in data}], size, _floor(obs, size))


def _awareness(obs: Observations, size: Size) -> list[PointStep]:
    extra = int(obs.any("far_behind", "laggards_majority", "none_started")) + int(obs.any("year_end", "half_push"))
    count = min(size.most, _floor(obs, size) + (extra if size.most > 3 else 0))
    return [PointStep("awareness")] * max(count, size.fewest)


def _review_progress(obs: Observations, size: Size) -> list[PointStep]:
    season = ("say_season",) if obs.any("q1", "half_push", "half_done", "half_missed", "year_end") else ()
    steps = [PointStep("frame_review_starts", says=("say_starts",)),
             PointStep("frame_review_investment", says=("say_progress", *season) if obs.holds("progress") else ())]
    if obs.holds("has_districts"):
        low = ("say_low_start",) if obs.holds("low_start_units") else ()
        steps.append(PointStep("frame_review_districts", says=("say_units", *low)))
    else:
        steps.append(PointStep("frame_review_mechanism"))
    if obs.any("has_completed", "has_operating") and size.most > 3:
        steps.append(PointStep("frame_review_completions", says=("say_completions",)))
    return _fill(steps, ["frame_review_mechanism"], size, _floor(obs, size))


def issue_steps(obs: Observations, pace: bool = True, units: bool = True) -> list[PointStep]:
    """Return the problems the data shows, worst first (for a review speech and a bulletin); the
    laggards, the problem types and the projects not started are stated before the comment.
    ``pace``: say that the whole is behind when no unit comparison says it (a review speech has
    said it in its first part already); ``units``: say the units behind as a problem (not in a
    review speech, whose first part has judged the units in a point of its own)."""
    steps: list[PointStep] = []
    if obs.holds("has_laggards"):
        streaks = ("say_change_laggards",) if obs.any("continuing_laggards", "cleared_laggards") else ()
        steps.append(PointStep("issue_laggards", says=("say_laggards", *streaks)))
    if obs.holds("units_behind") and not obs.holds("districts_tied"):
        if units:
            steps.append(PointStep("issue_units"))
    elif obs.holds("behind") and pace:
        steps.append(PointStep("issue_pace"))
    if obs.any("many_not_started", "has_overdue", "low_start_units"):
        waiting = ("say_not_started",) if obs.any("ready_to_start", "blocked_not_started") else ()
        steps.append(PointStep("issue_starts", says=waiting))
    if obs.holds("has_problems"):
        steps.append(PointStep("issue_factors", says=("say_problems",)))
    return steps


def _review_issues(obs: Observations, size: Size) -> list[PointStep]:
    # the units were judged in part 1: their place goes to a general point, not to nothing
    as_many = len(issue_steps(obs, pace=False))
    return _fill(issue_steps(obs, pace=False, units=False), ["issue_watch"], size, max(_floor(obs, size), as_many))


def _requirements(obs: Observations, size: Size) -> list[PointStep]:
    own = [PointStep("speaker_lead")] if obs.holds("speaker_projects") else []
    data = capped(measure_steps(obs), max(size.most - 2 - len(own), 1))
    data += [*own, PointStep("responsibility"), PointStep("supervision")]
    return _fill(data, ["service", "style_of_work"], size, max(_floor(obs, size), size.fewest + (size.most > 3)))


def _phenomena(obs: Observations, size: Size) -> list[PointStep]:
    return [PointStep("frame_three_x_phenomena")] * 3


def _keys(obs: Observations, size: Size) -> list[PointStep]:
    data = capped(measure_steps(obs), 3)
    return _fill(data, ["frame_three_x_keys"], Size(3, 3, size.featured))


def _pledges(obs: Observations, size: Size) -> list[PointStep]:
    data = [PointStep("speaker_lead")] if obs.holds("speaker_projects") else []
    return _fill(data, ["frame_three_x_requirements"], Size(3, 3, size.featured))


BUILDERS: dict[str, Callable[[Observations, Size], list[PointStep]]] = {
    "awareness": _awareness, "measures": _measures, "guarantees": _guarantees,
    "review_progress": _review_progress, "review_issues": _review_issues, "requirements": _requirements,
    "phenomena": _phenomena, "keys": _keys, "pledges": _pledges,
}
