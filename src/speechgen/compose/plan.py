"""The plan of a document: what each part says, in what order, and which points it lists —
chosen in Python from the observations by salience (docs/compose.md) — and its rendering into
paragraphs through the chooser, which words each statement with a passage that needs it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from speechgen.compose.chooser import Chooser, as_record
from speechgen.compose.frames import Frame, Says
from speechgen.compose.observe import Observations, rest_of
from speechgen.compose.points import BUILDERS, SIZES, Length, PointStep, issue_steps

# The statements of each group, each with the names under which it has something to say; a
# paragraph's statements are ordered by salience, paragraphs keep this order.
Paragraph = tuple[tuple[str, tuple[str, ...]], ...]
SITUATION: tuple[Paragraph, ...] = (
    (("say_progress", ("progress",)), ("say_starts", ("meeting",)),
     ("say_completions", ("has_completed", "has_operating")),
     ("say_season", ("q1", "half_push", "half_done", "half_missed", "year_end"))),
    # how the period moved: only with a previous ledger (--previous)
    (("say_change", ("compared",)), ("say_change_projects", ("newly_started", "newly_finished", "projects_added"))),
    (("say_units", ("has_districts",)), ("say_change_units", ("units_rank_moved", "rank_up", "rank_down")),
     ("say_low_start", ("low_start_units",))),
)
LAGGARDS: tuple[Paragraph, ...] = (
    (("say_laggards", ("meeting",)), ("say_change_laggards", ("continuing_laggards", "cleared_laggards"))),
)
# what only a bulletin adds to 基本情况: the breakdowns the ledger's columns allow
BREAKDOWNS: tuple[Paragraph, ...] = ((("say_categories", ("has_categories",)), ("say_natures", ("has_natures",))),)
PROBLEMS: tuple[Paragraph, ...] = (
    (("say_problems", ("has_problems",)), ("say_not_started", ("ready_to_start", "blocked_not_started"))),
)
# statements a long speech adds, after the statement they detail (docs/compose.md)
DETAIL: dict[str, tuple[str, tuple[str, ...]]] = {
    "say_units": ("say_units_detail", ("units_behind",)),
    "say_problems": ("say_problem_types", ("other_problem_types",)),
    "say_progress": ("say_remaining", ("rest_of_year",)),
}
# statements whose salience is that of one of these names (the first that holds)
SALIENCE_OF = {
    "say_progress": ("progress",), "say_starts": ("none_started", "many_not_started", "all_started",
                                                  "some_not_started"),
}
LEADING_SEASON = 80  # a season this salient (the year's last months) opens its paragraph


@dataclass(frozen=True)
class Point:
    """One sub-point of a part: **一是{lead}。**{text}; ``role`` tells which passage role."""

    role: str
    lead: str
    text: str


@dataclass(frozen=True)
class PartPlan:
    """One part: its paragraphs of statement roles, the bridge role, and its points."""

    paragraphs: tuple[tuple[str, ...], ...]
    bridge: str
    points: tuple[PointStep, ...]


@dataclass(frozen=True)
class RenderedPart:
    """A part as the template prints it: paragraphs of prose, then the points."""

    paragraphs: tuple[str, ...]
    points: tuple[Point, ...]


def _order(roles: list[str], obs: Observations) -> list[str]:
    """Return a paragraph's statements in order: progress and starts by salience (the one that
    matters more comes first), the others after them — but the year's last months lead."""
    ranked = sorted((r for r in roles if r in SALIENCE_OF),
                    key=lambda role: -max(obs.salience(n) for n in SALIENCE_OF[role]))
    rest = [r for r in roles if r not in SALIENCE_OF]
    season = max(obs.salience(n) for n in ("year_end", "last_month"))
    if "say_season" in rest and season >= LEADING_SEASON:
        return ["say_season", *ranked, *(r for r in rest if r != "say_season")]
    return [*ranked, *rest]


def _statements(groups: Sequence[Paragraph], obs: Observations, detail: bool = False) -> list[tuple[str, ...]]:
    paragraphs = []
    for paragraph in groups:
        roles = _order([role for role, names in paragraph if obs.any(*names)], obs)
        if detail:
            roles = [r for role in roles for r in (role, *_detail(role, obs))]
        if roles:
            paragraphs.append(tuple(roles))
    return paragraphs


def _detail(role: str, obs: Observations) -> tuple[str, ...]:
    """Return the detail statement that follows ``role`` in a long speech, when it holds."""
    if role not in DETAIL:
        return ()
    detail, names = DETAIL[role]
    return (detail,) if obs.any(*names) else ()


def part_paragraphs(says: Sequence[Says], obs: Observations, said: set[str],
                    detail: bool = False) -> tuple[tuple[str, ...], ...]:
    """Return the statement paragraphs of a part (a group said once per document); with
    ``detail`` (a long speech), each with its detail statements."""
    out: list[tuple[str, ...]] = []
    for group in says:
        if group == "situation":
            out += _statements(SITUATION, obs, detail)
        elif group == "laggards" or (group == "problems" and "laggards" not in said):
            out += _statements(LAGGARDS, obs)
            said.add("laggards")
        if group == "problems":
            out += _statements(PROBLEMS, obs, detail)
    return tuple(out)


def plan_speech(frame: Frame, obs: Observations, length: Length) -> tuple[PartPlan, ...]:
    """Return the three parts of a speech in ``frame``."""
    said: set[str] = set()
    size = SIZES[length]
    return tuple(
        PartPlan(part_paragraphs(spec.says, obs, said, size.detail), spec.bridge,
                 tuple(BUILDERS[spec.points](obs, size)))
        for spec in frame.parts
    )


def plan_bulletin(obs: Observations) -> tuple[PartPlan, ...]:
    """Return the bulletin's 基本情况 (statements and verdict), 存在问题 and 下步工作要求."""
    issues = issue_steps(obs) or [PointStep("issue_watch")]
    requirements = 4 if len(issues) >= 4 else 3
    return (
        PartPlan(tuple(_statements(SITUATION + BREAKDOWNS, obs)), "bulletin_assessment", ()),
        PartPlan((), "", tuple(issues)),
        PartPlan((), "", (PointStep("bulletin_requirements"),) * requirements),
    )


# the items a notice inspects, most pressing first: investment and 形象进度, the laggards'
# catching up, the projects overdue to start, starts, the problems, then the general ones
NOTICE_ITEMS = ("progress", "has_laggards", "has_overdue", "some_not_started", "none_started", "has_problems",
                "meeting", "under_construction", "has_completed")


# early in the year (q1) a notice is about 开工 first
NOTICE_ITEMS_Q1 = ("has_overdue", "some_not_started", "none_started", "progress", "has_laggards", "has_problems",
                   "meeting", "under_construction", "has_completed")


def plan_notice(obs: Observations) -> tuple[PartPlan, ...]:
    """Return the notice's 督查内容 (scope and items, in NOTICE_ITEMS order; 开工 first in the
    first quarter) and 工作要求."""
    items = 4 if obs.any("has_problems", "has_overdue") and obs.holds("has_laggards") else 3
    rank = NOTICE_ITEMS_Q1 if obs.holds("q1") else NOTICE_ITEMS
    return (
        PartPlan((("notice_scope",),), "", (PointStep("notice_content", rank=rank),) * items),
        PartPlan((), "", (PointStep("notice_requirements"),) * 3),
    )


# kinds whose template lays out each part itself from its own facts (督办通知, 督办单:
# compose/supervision.py), picking its passages as it goes: no plan of parts
SELF_PLANNED = frozenset({"supervision", "sheet"})
# kinds whose parts cite the laggards worded one by one (a notice lists them in its 督查清单)
DESCRIBES_LAGGARDS = frozenset({"speech", "bulletin"})


def plan_document(kind: str, frame: Frame | None, obs: Observations, length: Length) -> tuple[PartPlan, ...]:
    """Return the parts of a document of ``kind`` (a speech in ``frame``; none for SELF_PLANNED)."""
    if kind in SELF_PLANNED:
        return ()
    if kind == "speech" and frame is not None:
        return plan_speech(frame, obs, length)
    return plan_bulletin(obs) if kind == "bulletin" else plan_notice(obs)


def describe_laggards(chooser: Chooser, obs: Observations, featured: int) -> None:
    """Word the laggards described one by one and the rest once per document, and put them in
    the record ``laggards`` (lines, rest, rest_count) for every passage that prints it."""
    if not obs.laggards:
        return
    items = obs.laggards[:featured]
    lines = tuple(chooser.pick("say_lag_item", local=item, reuse=True) for item in items)
    rest = rest_of(obs.laggards, len(items))
    rest_text = chooser.pick("say_lag_rest", local=rest, reuse=True) if rest is not None else ""
    record = {**obs.records["laggards"], "lines": lines, "rest": rest_text,
              "rest_count": len(obs.laggards) - len(items)}
    chooser.context["laggards"] = as_record("laggards", record)


@dataclass(frozen=True)
class _Said:
    """A part's statements, worded before any commentary (points then avoid their figures)."""

    paragraphs: tuple[str, ...]
    says: tuple[str, ...]  # per point: the statements that open it


def _say(chooser: Chooser, plan: PartPlan) -> _Said:
    paragraphs = tuple("".join(chooser.pick(role) for role in paragraph if not chooser.redundant(role))
                       for paragraph in plan.paragraphs)
    says = tuple("".join(chooser.pick(role) for role in step.says) for step in plan.points)
    return _Said(paragraphs, says)


def _comment(chooser: Chooser, plan: PartPlan, said: _Said, places: int | None) -> RenderedPart:
    """Return the part: its statements, the bridge, and the points (each after its statements)."""
    bridge = (chooser.pick(plan.bridge),) if plan.bridge else ()
    points = []
    for step, opening in zip(plan.points, said.says, strict=True):
        lead, text = chooser.pick_point(step.role, local=step.local, places=places, rank=step.rank)
        points.append(Point(step.role, lead, opening + text))
    return RenderedPart(tuple(p for p in (*said.paragraphs, *bridge) if p), tuple(points))


def render_document(chooser: Chooser, parts: Sequence[PartPlan], obs: Observations,
                    length: Length) -> list[RenderedPart]:
    """Return the rendered parts, the laggards worded first (every part may cite them)."""
    if chooser.kind in DESCRIBES_LAGGARDS:
        describe_laggards(chooser, obs, SIZES[length].featured)
    said = [_say(chooser, part) for part in parts]
    places = SIZES[length].places if chooser.kind == "speech" else None
    return [_comment(chooser, part, part_said, places) for part, part_said in zip(parts, said, strict=True)]

