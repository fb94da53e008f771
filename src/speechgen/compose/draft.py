"""Facts → dialect text: compose_speech, compose_bulletin and compose_notice."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from speechgen.compose.chooser import Chooser, stable_seed
from speechgen.compose.context import build_context
from speechgen.compose.env import (
    MAX_TEMPLATE_BYTES,
    UserTemplate,
    builtin_environment,
    make_environment,
    render_template,
    user_template,
)
from speechgen.compose.filters import md_escape
from speechgen.compose.frames import Frame, get_frame
from speechgen.compose.guarded import template_functions
from speechgen.compose.guards import require_annual_plan, with_doc_number
from speechgen.compose.library import SnippetLibrary, load_library
from speechgen.compose.limits import DEFAULT_LIMITS, TemplateLimits
from speechgen.compose.observe import NAMES, Observations, observe
from speechgen.compose.plain import plain_context
from speechgen.compose.plan import RenderedPart, plan_document, render_document
from speechgen.compose.points import LENGTHS, Length
from speechgen.compose.sandbox import TemplateSandbox
from speechgen.compose.supervision import SUPERVISION_KINDS, supervision_values, unit_name
from speechgen.errors import InputError, Problem, TemplateError
from speechgen.facts.laggards import project_rate
from speechgen.facts.types import REASON_LABELS, Facts, Laggard
from speechgen.kinds import DocKind, kind_choices
from speechgen.model import Project
from speechgen.zh.units import addressee_line, kind_nouns, unit_kind

TEMPLATES: dict[str, str] = {
    "speech": "speech.md.j2",
    "bulletin": "bulletin.md.j2",
    "notice": "notice.md.j2",
    "supervision": "supervision.md.j2",
    "sheet": "sheet.md.j2",
}
TEMPLATE_DESCRIPTIONS: dict[str, str] = {
    "speech": "讲话稿：标题、讲话人和日期、称谓、开场（会议目的、听取汇报、“下面，我讲三点意见”）、"
              "三个部分（框架用 --frame 选择）、结束语",
    "bulletin": "通报：版头、主送、基本情况（总体数据、开工、时序进度、排名）、存在问题（点名滞后项目）、"
                "下步工作要求、落款，附件为各县区推进情况表",
    "notice": "督查通知：版头、主送、督查内容、督查方式和时间安排、工作要求、联系人、落款，附件为督查清单",
    "supervision": "督办通知：版头、主送本单位、基本情况（本单位项目、开工率、完成率与时序进度、在同类单位中的位次）、"
                   "存在问题（逐个滞后或逾期未开工项目的责任单位、包保领导、问题和整改要求）、督办要求"
                   "（限期书面报送整改情况）、联系人、落款；进度快于时序进度的单位为提醒或鼓励的写法",
    "sheet": "督办单：一个项目一页的表格，红色标题和编号，督办事项、项目名称、责任单位、包保领导、计划开工、"
             "年度计划、完成投资、完成率、存在问题、督办要求、办结时限、办理情况（留空供填写）、督办单位和日期",
}
DEFAULT_SEED = 1


@dataclass(frozen=True)
class FrameView:
    """What a speech template sees of its frame: the chosen heading set."""

    name: str
    label: str
    template: str
    headings: tuple[str, str, str]


@dataclass(frozen=True)
class InspectionRow:
    """One project of a notice's 督查清单: laggards first, then the others in ledger order."""

    project: Project
    rate: Decimal | None
    laggard: Laggard | None
    issues: tuple[str, ...]  # 滞后原因 labels, then the project's 问题类型 (用地、资金…)


def choose_headings(frame: Frame, held: frozenset[str], chooser: Chooser) -> tuple[str, str, str]:
    """Return one heading set of the frame whose needs hold, chosen by the seed."""
    fitting = [hs for hs in frame.heading_sets if hs.applies(held)]
    if not fitting:
        raise TemplateError(Problem(message=f"讲话框架 {frame.name} 没有适用于当前情况的标题组"))
    return fitting[chooser.rng("headings:" + frame.name).randrange(len(fitting))].headings


def inspection_rows(facts: Facts, every: bool = False) -> list[InspectionRow]:
    """Return the projects to inspect: laggards (worst first, the overdue among them); with
    ``every`` (--attach all), then every other project in ledger order."""
    lagging = {lag.project.name: lag for lag in facts.laggards}

    def issues(project: Project, lag: Laggard | None) -> tuple[str, ...]:
        reasons = lag.reasons if lag else ()
        if "not_started_overdue" in reasons:  # not started: "投资进度滞后" would say it twice
            reasons = ("not_started_overdue",)
        types = [p.problem_type for p in facts.problems if project.name in p.projects]
        # the short 问题类型 keeps the 9-column list readable on A4; the full text is in the ledger
        return (*(REASON_LABELS[reason] for reason in reasons), *([f"{'、'.join(types)}问题"] if types else []))

    ordered = [lag.project for lag in facts.laggards]
    if every or not ordered:  # no laggard: the list is the ledger (a notice inspects something)
        ordered += [p for p in facts.projects if p.name not in lagging]
    return [
        InspectionRow(p, project_rate(p), lagging.get(p.name), issues(p, lagging.get(p.name)))
        for p in ordered
    ]


MOST_LAGGING = 3  # the laggards a bulletin criticises by name


def most_lagging(facts: Facts) -> tuple[Laggard, ...]:
    """Return the started laggards furthest behind 时序进度 on investment (worst gap first), the
    ones a bulletin criticises by name; those not started are named as overdue elsewhere."""
    behind = [lag for lag in facts.laggards
              if "behind_schedule" in lag.reasons and lag.project.status.started and lag.gap_points is not None]
    return tuple(behind[:MOST_LAGGING])


def not_yet_due(facts: Facts) -> list[Project]:
    """Return the projects not started whose planned start (计划开工) has not come yet: they are
    not due to have invested, so the laggard rules leave them out (facts/laggards.py)."""
    as_of = facts.schedule.as_of
    return [p for p in facts.projects
            if not p.status.started and p.planned_start is not None and p.planned_start >= as_of]


def district_label(facts: Facts) -> str:
    """Return the heading of a table's unit column: the written noun of the units when they are
    of one kind (县（区）, 乡镇), else 县区（园区） in a city and 乡镇（园区） below; 县区 / 乡镇（街道）
    when the units are of no known kind."""
    names = [g.key for g in facts.by_district]
    nouns = [n for n in kind_nouns(names, written=True) if n != "有关单位"]
    if len(nouns) == 1:
        return nouns[0]
    city = facts.meeting.level == "市"
    if any(unit_kind(n)[0] == "zone" for n in names):
        return "县区（园区）" if city else "乡镇（园区）"
    return level_unit_label(facts)


def level_unit_label(facts: Facts) -> str:
    """Return what the units of the meeting's level are called whatever their kind: 县区 in a
    city, 乡镇（街道） below — the one row label of a form every 督办单 of a batch shares."""
    return "县区" if facts.meeting.level == "市" else "乡镇（街道）"


def check_length(length: str) -> Length:
    """Return ``length`` when it is short, normal or long; InputError otherwise."""
    if length not in LENGTHS:
        raise InputError(Problem(message=f"篇幅“{length}”不可用", column="--length",
                                 hint="可选：short（短，约两千字）、normal（默认，两千五到四千五百字）、long（长）"))
    return length  # type: ignore[return-value]


def _holds_function(observations: Observations) -> Callable[..., bool]:
    def holds(*names: str) -> bool:
        """Return True when every observation name holds (an unknown name is an error)."""
        unknown = [n for n in names if n not in NAMES]
        if unknown:
            raise TemplateError(Problem(message=f"holds() 中的“{'、'.join(unknown)}”不是观察名称",
                                        hint="可用的观察见 docs/snippets.md 的 Observations 一节"))
        return observations.holds(*names)

    return holds


def _is_block_line(line: str) -> bool:
    """Return True for lines that stand alone in the dialect (headings, table rows, breaks)."""
    return line.startswith(("#", "|", "---")) or not line


def _tidy(text: str) -> str:
    """Return the text with each body paragraph on one line (templates break lines freely; the
    dialect would join them anyway), no trailing spaces, one blank line between blocks. The
    front matter is kept as written."""
    text = text.strip()
    front = ""
    match = re.match(r"---\n.*?\n---\n", text, re.S)
    if match:
        front, text = match.group(), text[match.end():]
    out: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        if out and not _is_block_line(line) and not _is_block_line(out[-1]):
            out[-1] += line
        else:
            out.append(line)
    front = "\n".join(line.rstrip() for line in front.splitlines() if line.strip())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()
    return (front + "\n\n" if front else "") + body + "\n"


def read_user_template(path: Path) -> UserTemplate:
    """Return the user's template file (read by sources/), its folder open to its references;
    InputError when it cannot be read."""
    from speechgen.sources import read_input

    path = Path(path)
    return user_template(read_input(path, "模板文件", max_bytes=MAX_TEMPLATE_BYTES), folder=path.resolve().parent)


@dataclass(frozen=True)
class Prepared:
    """What one document's render needs: the sandbox, the template's name and the context
    (plain data and TemplateFunctions only — tests walk it to prove nothing live slips in)."""

    env: TemplateSandbox
    template: str
    context: dict[str, Any]


def prepare(
    kind: DocKind,
    facts: Facts,
    *,
    frame: str | None = None,
    seed: int = DEFAULT_SEED,
    template: Path | UserTemplate | None = None,
    library: SnippetLibrary | None = None,
    snippet_dirs: Sequence[Path] = (),
    doc_number: str | None = None,
    source: str | None = None,
    limits: TemplateLimits = DEFAULT_LIMITS,
    length: str = "normal",
    attach: str = "laggards",
) -> Prepared:
    """Return the environment, template name and context of one document (see compose)."""
    if kind not in TEMPLATES:
        raise InputError(Problem(message=f"不支持的文稿类型“{kind}”", hint=f"可选：{kind_choices()}"))
    size = check_length(length)
    facts = with_doc_number(facts, doc_number, kind)
    if template is None and kind not in SUPERVISION_KINDS:  # a project without a plan may still be overdue
        require_annual_plan(facts, source)
    user = template if isinstance(template, UserTemplate) or template is None else read_user_template(template)
    if user is not None or limits != DEFAULT_LIMITS:
        env = make_environment(user, limits=limits)
    else:
        env = builtin_environment()
    library = library or load_library(snippet_dirs)
    context = plain_context(build_context(facts))
    if kind in SUPERVISION_KINDS:  # the passages name the unit as the document does (赵文清副市长包保)
        context = {**context, "scope": md_escape(unit_name(facts))}
    observations = observe(facts)
    group_key = facts.group.key if facts.group is not None else ""
    chooser = Chooser(library, env, context, observations, kind=kind, seed=seed, group_key=group_key)
    chosen = get_frame(frame) if kind == "speech" else None
    parts: list[RenderedPart] = render_document(chooser, plan_document(kind, chosen, observations, size),
                                                observations, size)
    values: dict[str, Any] = {
        **context,
        "kind": kind,
        "facts": facts,
        "meeting_data": facts.meeting,
        "observed": observations.names,
        "obs": {name: chooser.context[name] for name in observations.records},
        "parts": tuple(parts),
        "seed": seed,
        "length": size,
        "inspection_rows": inspection_rows(facts, every=attach == "all"),
        "attach": attach,
        "most_lagging": most_lagging(facts),
        "addressee": facts.meeting.addressee.rstrip("：:") if facts.meeting.addressee
        else addressee_line([g.key for g in facts.by_district], facts.meeting.level),
        "district_label": district_label(facts),
        "form_unit_label": level_unit_label(facts),
        "not_yet_due": not_yet_due(facts),
    }
    functions: dict[str, Callable[..., Any]] = {
        "pick": chooser.pick,
        "pick_point": chooser.pick_point,
        "pick_passage": chooser.pick_passage,
        "has": chooser.has,
        "holds": _holds_function(observations),
        "vary": chooser.vary,
        "mention": chooser.mention,
        "rate_of": project_rate,
    }
    if kind in SUPERVISION_KINDS:
        values.update(supervision_values(facts, kind, observations))
    if chosen is not None:
        headings = choose_headings(chosen, observations.names, chooser)
        values["frame"] = FrameView(chosen.name, chosen.label, chosen.template, headings)
    name = user.name if user is not None else TEMPLATES[kind]
    # converted once for every document that shares them (a batch): the ranked table, the meeting
    plain = plain_context(values, anchor=facts, shared=(facts.siblings, facts.meeting))
    return Prepared(env, name, {**plain, **template_functions(functions)})


def compose(kind: DocKind, facts: Facts, **options: Any) -> str:
    """Return the document of ``kind`` in the 公文 Markdown dialect (front matter + body).
    ``attach``: what a notice's 督查清单 lists, "laggards" (default) or "all" projects.

    Options (all keywords): ``frame`` (speech frame), ``seed``; ``template``, a user's Jinja file
    (a path, or a UserTemplate made from its bytes) run in the same sandbox instead of the
    built-in one; ``library``, a preloaded snippet library
    (else built-in + ``snippet_dirs``); ``doc_number``, a 发文字号 for this one bulletin or notice
    instead of the meeting file's; ``source``, the ledger's file name, for messages; ``limits``,
    the bounds of the render (time, size; compose/limits.py); ``length``, short / normal / long
    (how much a speech says: points per part, laggards described). The template sees plain data only
    (compose/plain.py). The same facts, frame and seed always give the same text. The built-in
    templates measure completion against the annual plan: a ledger whose 年度计划投资 sums to 0
    is refused (InputError).
    """
    prepared = prepare(kind, facts, **options)
    return _tidy(render_template(prepared.env, prepared.template, prepared.context))


def compose_speech(facts: Facts, *, frame: str | None = None, seed: int = DEFAULT_SEED,
                   template: Path | UserTemplate | None = None, **options: Any) -> str:
    """Return the speech (讲话稿) in the dialect; ``frame`` names a speech frame (frames.FRAMES)."""
    return compose("speech", facts, frame=frame, seed=seed, template=template, **options)


def compose_bulletin(facts: Facts, *, frame: str | None = None, seed: int = DEFAULT_SEED,
                     template: Path | UserTemplate | None = None, **options: Any) -> str:
    """Return the bulletin (通报) in the dialect (``frame`` is ignored)."""
    return compose("bulletin", facts, seed=seed, template=template, **options)


def compose_notice(facts: Facts, *, frame: str | None = None, seed: int = DEFAULT_SEED,
                   template: Path | UserTemplate | None = None, **options: Any) -> str:
    """Return the inspection notice (督查通知) in the dialect (``frame`` is ignored)."""
    return compose("notice", facts, seed=seed, template=template, **options)


__all__ = ["compose", "compose_bulletin", "compose_notice", "compose_speech", "stable_seed"]
