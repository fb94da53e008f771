"""Observations of single projects: the laggards (each one as an item to describe), those overdue
to start, those 竣工/投产, those not started with no recorded problem (only these may be called
具备开工条件) and the speaker's own 包保 projects."""

from __future__ import annotations

from collections.abc import Sequence

from speechgen import zh
from speechgen.compose.filters import md_escape
from speechgen.compose.observe import ladder
from speechgen.compose.observe.types import Local, Observation, Record, held
from speechgen.facts.problems import problem_types
from speechgen.facts.types import Facts, Laggard
from speechgen.model import Project, Stage
from speechgen.rounding import percent
from speechgen.zh.people import speaker_name, split_person, spoken_person, written_person

MAX_NAMED = zh.MAX_NAMED  # a list of project names shows at most this many, then 等 (zh.enums)


def named(names: Sequence[str], limit: int = MAX_NAMED) -> str:
    """Return "甲", "甲和乙", "甲、乙、丙" or, beyond ``limit``, "甲、乙、丙、丁、戊等" (escaped)."""
    escaped = [md_escape(n) for n in names]
    return zh.join_zh(escaped) if len(names) <= limit else zh.named_series(escaped, limit)


def subject(names: Sequence[str], limit: int = MAX_NAMED) -> str:
    """Return a list as a sentence's subject: "甲" alone, else "甲、乙等2个项目" — 等 before the
    count, so a name ending in a digit never runs into the number."""
    if len(names) == 1:
        return md_escape(names[0])
    return "、".join(md_escape(n) for n in names[:limit]) + f"等{len(names)}个项目"


def _start(project: Project, facts: Facts) -> str:
    day = project.planned_start
    if day is None:
        return ""
    year = f"{day.year}年" if day.year != facts.schedule.as_of.year else ""
    return f"{year}{day.month}月"


def lag_item(lag: Laggard, facts: Facts) -> Local:
    """Return one laggard as an item: its local name (item_overdue, item_preparation,
    item_no_investment, item_behind) and the record ``item``."""
    p = lag.project
    if "not_started_overdue" in lag.reasons:
        kind = "preparation" if p.status == Stage.PREPARATION else "overdue"
    else:
        kind = "no_investment" if p.completed == 0 else "behind"
    gap = lag.gap_points
    record = {"name": md_escape(p.name), "unit": md_escape(p.district), "owner": md_escape(p.owner),
              "leader_spoken": md_escape(spoken_person(p.leader)),
              "leader_written": md_escape(written_person(p.leader)),
              "start": _start(p, facts), "rate": zh.format_percent(lag.completion_rate),
              "gap": zh.format_points(gap) if gap is not None else "",
              "vs": zh.compare_phrase(gap) if gap is not None else "", "plan": zh.format_amount(p.annual_plan)}
    return Local(frozenset({f"item_{kind}"}), {"item": record}, key=p.name)


def featuring_order(laggards: Sequence[Laggard]) -> list[Laggard]:
    """Return the laggards in the order they are described: the worst behind on investment first,
    one overdue start among the first, then the others worst first."""
    behind = [lag for lag in laggards if "not_started_overdue" not in lag.reasons]
    overdue = [lag for lag in laggards if "not_started_overdue" in lag.reasons]
    first = behind[:2] + overdue[:1] if overdue else behind[:3]
    first = [lag for lag in laggards if lag in first]  # in the facts' order (worst gap first)
    return first + [lag for lag in laggards if lag not in first]


def rest_of(items: Sequence[Local], described: int) -> Local | None:
    """Return what is said of the laggards after the first ``described`` items (rest_overdue,
    rest_behind or rest_mixed, and the record ``rest``), or None when none is left."""
    rest = list(items[described:])
    if not rest:
        return None
    overdue = [item for item in rest if item.names & {"item_overdue", "item_preparation"}]
    kind = "overdue" if len(overdue) == len(rest) else ("behind" if not overdue else "mixed")
    record = {"subject": subject([item.key for item in rest]), "count": len(rest)}
    return Local(frozenset({f"rest_{kind}"}), {"rest": record})


def laggards(facts: Facts) -> tuple[list[Observation], dict[str, Record], tuple[Local, ...]]:
    """Return the laggard observations, the records ``laggards`` and ``overdue``, and every
    laggard as an item in featuring order."""
    lags = facts.laggards
    if not lags:
        return [held("no_laggards", 30)], {}, ()
    projects = facts.overall.projects
    share = ladder.share(len(lags), projects)
    ordered = featuring_order(lags)
    overdue = [lag for lag in lags if "not_started_overdue" in lag.reasons]
    behind = [lag for lag in lags if "behind_schedule" in lag.reasons]
    found = [held("has_laggards", 50 + int(share / 2))]
    if len(lags) == 1:
        found.append(held("single_laggard", 50))
    else:
        found.append(held("several_laggards", 50))
    if projects >= ladder.SHARE_MIN_PROJECTS and share >= ladder.LAGGARDS_MANY_PERCENT:
        found.append(held("laggards_many", 60 + int(share / 4)))
    if projects >= ladder.SHARE_MIN_PROJECTS and share > ladder.LAGGARDS_MAJORITY_PERCENT:
        found.append(held("laggards_majority", 85))
    kinds = "both" if overdue and len(overdue) < len(lags) else ("overdue" if overdue else "behind")
    records: dict[str, Record] = {"laggards": {
        "count": len(lags), "behind": len(behind), "overdue": len(overdue), "projects": projects,
        "share": zh.format_percent(percent(len(lags), projects)),
        "threshold": f"{facts.lag_threshold_points.normalize():f}个百分点", "kinds": kinds,
        "names": named([lag.project.name for lag in ordered]), "lines": (), "rest": "", "rest_count": 0}}
    if overdue:
        found.append(held("has_overdue", 55 + 3 * len(overdue)))
        if len(overdue) > 1:
            found.append(held("several_overdue", 55))
        names = [lag.project.name for lag in overdue]
        records["overdue"] = {"count": len(overdue), "names": named(names), "subject": subject(names)}
    return found, records, tuple(lag_item(lag, facts) for lag in ordered)


def completions(facts: Facts) -> tuple[list[Observation], dict[str, Record]]:
    """Return has_completed / has_operating and ``completions`` (nothing when no project is)."""
    done = [p for p in facts.projects if p.status in (Stage.COMPLETED, Stage.OPERATING)]
    if not done:
        return [], {}
    finished = sum(p.status == Stage.COMPLETED for p in done)
    found = ([held("has_completed", 35)] if finished else []) + (
        [held("has_operating", 35)] if len(done) > finished else [])
    names = [p.name for p in done]
    return found, {"completions": {"finished": finished, "operating": len(done) - finished, "count": len(done),
                                   "names": named(names), "subject": subject(names)}}


def not_started(facts: Facts) -> tuple[list[Observation], dict[str, Record]]:
    """Return ready_to_start (not started, no recorded problem) and blocked_not_started."""
    waiting = [p for p in facts.projects if not p.status.started]
    ready = [p for p in waiting if not problem_types(p)]
    blocked = [p for p in waiting if problem_types(p)]
    found: list[Observation] = []
    records: dict[str, Record] = {}
    if ready:
        found.append(held("ready_to_start", 45 + 2 * len(ready)))
        names = [p.name for p in ready]
        records["ready"] = {"count": len(ready), "names": named(names), "subject": subject(names)}
    as_of = facts.schedule.as_of
    due_later = [p for p in waiting if p.planned_start is not None and p.planned_start >= as_of]
    if due_later:
        found.append(held("not_yet_due", 30))
        if len(due_later) == facts.overall.projects:
            found.append(held("all_not_due", 40))
        records["waiting"] = {"count": len(due_later), "names": named([p.name for p in due_later]),
                              "subject": subject([p.name for p in due_later])}
    if blocked:
        found.append(held("blocked_not_started", 45 + 2 * len(blocked)))
        types = [t for t in dict.fromkeys(t for p in blocked for t in problem_types(p)) if t != "其他"]
        names = [p.name for p in blocked]
        records["blocked"] = {"count": len(blocked), "names": named(names), "subject": subject(names),
                              "types": zh.join_zh(md_escape(t) for t in types[:3]) + ("等" if len(types) > 3 else "")}
    return found, records


def speaker(facts: Facts) -> tuple[list[Observation], dict[str, Record]]:
    """Return speaker_projects / speaker_laggards: the projects whose 包保领导 is the speaker."""
    name = speaker_name(facts.meeting.speaker)
    if not name:
        return [], {}
    own = [p for p in facts.projects if split_person(p.leader)[0] == name]
    if not own:
        return [], {}
    lagging = {lag.project.name for lag in facts.laggards}
    behind = [p.name for p in own if p.name in lagging]
    found = [held("speaker_projects", 40)] + ([held("speaker_laggards", 85)] if behind else [])
    record = {"name": md_escape(name), "count": len(own), "names": named([p.name for p in own]),
              "lagging": named(behind), "lagging_count": len(behind)}
    return found, {"speaker_projects": record}
