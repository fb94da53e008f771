"""Speech frames: the three parallel parts of a speech, their heading sets and sub-point slots."""

from __future__ import annotations

from dataclasses import dataclass

from speechgen.errors import InputError, Problem


@dataclass(frozen=True)
class Slot:
    """One sub-point of a part: the roles that may fill it. ``shuffle`` tries them in seeded
    order (free alternatives); otherwise in the order given (the first that has a passage)."""

    roles: tuple[str, ...]
    shuffle: bool = False


def one(*roles: str) -> Slot:
    """Return a slot filled by the first of ``roles`` that has a passage (priority order)."""
    return Slot(roles)


def any_of(*roles: str) -> Slot:
    """Return a slot filled by any of ``roles``, chosen by the seed."""
    return Slot(roles, shuffle=True)


@dataclass(frozen=True)
class HeadingSet:
    """Three parallel part headings; ``when``/``unless`` flags as for passages."""

    headings: tuple[str, str, str]
    when: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()

    def applies(self, flags: frozenset[str]) -> bool:
        return self.when <= flags and not (self.unless & flags)


@dataclass(frozen=True)
class Frame:
    """A speech frame: the body template, heading sets, and the sub-point slots of each part."""

    name: str
    label: str  # 认识—措施—保障
    description: str
    template: str  # body template under templates/
    heading_sets: tuple[HeadingSet, ...]
    parts: tuple[tuple[Slot, ...], tuple[Slot, ...], tuple[Slot, ...]]


def _hs(a: str, b: str, c: str, when: tuple[str, ...] = (), unless: tuple[str, ...] = ()) -> HeadingSet:
    return HeadingSet((a, b, c), frozenset(when), frozenset(unless))


COGNITION = Frame(
    name="cognition",
    label="认识—措施—保障",
    description="先讲形势和认识，再讲推进措施，最后讲组织保障；适合调度会、推进会",
    template="speech/cognition.md.j2",
    heading_sets=(
        _hs("统一思想、提高站位，切实增强抓项目建设的紧迫感",
            "突出重点、精准发力，全力推动项目建设提速增效",
            "压实责任、强化保障，确保各项目标任务落地见效"),
        _hs("深化认识，把项目建设摆在更加突出的位置",
            "聚焦关键，把推进措施落到每一个项目上",
            "强化保障，把各方力量汇聚到项目建设一线"),
        _hs("认清形势，进一步增强抓项目的责任感",
            "狠抓落实，进一步加快项目建设步伐",
            "凝聚合力，进一步健全项目推进保障机制"),
        _hs("正视差距，切实把思想统一到大抓项目上来",
            "攻坚克难，切实把落后的进度抢回来",
            "真抓实干，切实把推进责任扛在肩上", when=("behind",)),
    ),
    parts=(
        (one("awareness"), one("awareness"), one("awareness")),
        (one("speed"), one("preparation"), one("factor_guarantee"), any_of("service", "investment_attraction")),
        (one("responsibility"), one("supervision"), any_of("style_of_work", "safety_quality")),
    ),
)

REVIEW = Frame(
    name="review",
    label="成绩—问题—要求",
    description="先讲取得的进展，再讲存在的问题，最后提出下步要求；适合阶段性总结、观摩点评",
    template="speech/review.md.j2",
    heading_sets=(
        _hs("肯定成绩，坚定加快项目建设的信心",
            "正视问题，找准制约项目推进的症结",
            "明确要求，推动项目建设再上新台阶", unless=("behind",)),
        _hs("客观看待进展，把握项目建设的总体态势",
            "深入查找问题，找准制约项目推进的短板",
            "聚焦目标任务，扎实抓好下步重点工作"),
        _hs("回顾前段工作，看到成效、坚定信心",
            "查摆突出问题，找准差距、分析原因",
            "明确下步任务，压实责任、狠抓落实", unless=("far_behind",)),
        _hs("正视进展，清醒认识项目建设面临的形势",
            "直面问题，深入剖析进度滞后的原因",
            "对标任务，全力以赴抓好追赶进度各项工作", when=("behind",)),
    ),
    parts=(
        # without two districts to compare (has_districts), the third point is about mechanisms
        (one("frame_review_starts"), one("frame_review_investment"),
         one("frame_review_districts", "frame_review_mechanism")),
        (one("frame_review_lagging"), one("frame_review_balance"), one("frame_review_factors")),
        (one("speed"), any_of("factor_guarantee", "service"), one("responsibility"),
         any_of("supervision", "style_of_work")),
    ),
)

THREE_X = Frame(
    name="three_x",
    label="防止三种现象—突破三个关键—落实三项要求",
    description="“三个X”式：点出三种要防止的现象、三个要突破的关键、三项要落实的要求；适合问题较多时的督战会",
    template="speech/three_x.md.j2",
    heading_sets=(
        _hs("正视差距，坚决防止“三种现象”",
            "聚焦堵点，集中突破“三个关键”",
            "强化担当，严格落实“三项要求”", unless=("ahead",)),
        _hs("坚决防止三种现象，把思想和行动统一到项目攻坚上来",
            "集中突破三个关键，把力量和资源集中到项目一线上来",
            "严格落实三项要求，把责任和压力传导到每一个项目上来"),
        _hs("查摆问题找差距，着力防止“三种现象”",
            "破解难题抓重点，着力突破“三个关键”",
            "压实责任促落实，着力落实“三项要求”"),
    ),
    parts=(
        (one("frame_three_x_phenomena"),) * 3,
        (one("frame_three_x_focus", "frame_three_x_keys"), one("frame_three_x_keys"), one("frame_three_x_keys")),
        (one("frame_three_x_requirements"),) * 3,
    ),
)

FRAMES: dict[str, Frame] = {frame.name: frame for frame in (COGNITION, REVIEW, THREE_X)}
DEFAULT_FRAME = "cognition"


def get_frame(name: str | None) -> Frame:
    """Return the frame called ``name`` (default: cognition); InputError listing the frames."""
    frame = FRAMES.get(name or DEFAULT_FRAME)
    if frame is None:
        choices = "；".join(f"{f.name}（{f.label}）" for f in FRAMES.values())
        raise InputError(Problem(message=f"没有名为“{name}”的讲话框架", hint=f"可选：{choices}"))
    return frame
