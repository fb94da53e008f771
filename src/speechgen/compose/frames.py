"""Speech frames: the three parallel parts of a speech — their heading sets (对仗, several per
frame, each with the observations it needs) and what each part says and lists (compose/plan.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from speechgen.errors import InputError, Problem

# What a part says before its points (statement groups, compose/plan.py) and how its points are
# chosen (point builders, compose/points.py).
Says = Literal["situation", "problems", "laggards", "nothing"]
Builder = Literal["awareness", "measures", "guarantees", "review_progress", "review_issues", "requirements",
                  "phenomena", "keys", "pledges"]


@dataclass(frozen=True)
class HeadingSet:
    """Three parallel part headings; ``needs``/``unless`` observation names as for passages."""

    headings: tuple[str, str, str]
    needs: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()

    def applies(self, held: frozenset[str]) -> bool:
        return self.needs <= held and not (self.unless & held)


@dataclass(frozen=True)
class PartSpec:
    """One part: the statement groups it opens with, the role of the sentence that leads into its
    points, and the builder of its points."""

    says: tuple[Says, ...]
    bridge: str
    points: Builder


@dataclass(frozen=True)
class Frame:
    """A speech frame: heading sets and its three parts."""

    name: str
    label: str  # 认识—措施—保障
    description: str
    template: str  # body template under templates/
    heading_sets: tuple[HeadingSet, ...]
    parts: tuple[PartSpec, PartSpec, PartSpec]


def _hs(a: str, b: str, c: str, needs: tuple[str, ...] = (), unless: tuple[str, ...] = ()) -> HeadingSet:
    return HeadingSet((a, b, c), frozenset(needs), frozenset(unless))


COGNITION = Frame(
    name="cognition",
    label="认识—措施—保障",
    description="先讲形势和认识，再讲推进措施，最后讲组织保障；适合调度会、推进会",
    template="speech/body.md.j2",
    heading_sets=(
        _hs("统一思想、提高站位，切实增强抓项目建设的紧迫感",
            "突出重点、精准发力，全力推动项目建设提速增效",
            "压实责任、强化保障，确保各项目标任务落地见效"),
        _hs("深化认识，把项目建设摆在更加突出的位置",
            "聚焦关键，把推进措施落到每一个项目上",
            "强化保障，把各方力量汇聚到项目建设一线", unless=("single_project",)),
        _hs("认清形势，进一步增强抓项目的责任感",
            "狠抓落实，进一步加快项目建设步伐",
            "凝聚合力，进一步健全项目推进保障机制"),
        _hs("把准形势抓项目，在思想上再加压",
            "聚焦难点抓项目，在措施上再加力",
            "压实责任抓项目，在落实上再加劲"),
        _hs("正视差距，切实把思想统一到大抓项目上来",
            "攻坚克难，切实把落下的进度抢回来",
            "真抓实干，切实把推进责任扛在肩上", needs=("behind",)),
        _hs("直面差距，增强抢抓进度的危机感",
            "集中攻坚，打好抢抓进度的硬仗",
            "从严问效，拧紧推进责任的链条", needs=("far_behind",)),
        _hs("保持清醒，稳住项目建设的好节奏",
            "乘势而进，把项目建设往深处推",
            "压实责任，把好节奏转化为全年成果", needs=("ahead",)),
    ),
    parts=(
        PartSpec(("situation",), "turn_situation", "awareness"),
        PartSpec(("problems",), "turn_measures", "measures"),
        PartSpec(("nothing",), "turn_guarantees", "guarantees"),
    ),
)

REVIEW = Frame(
    name="review",
    label="成绩—问题—要求",
    description="先讲取得的进展，再讲存在的问题，最后提出下步要求；适合阶段性总结、观摩点评",
    template="speech/body.md.j2",
    heading_sets=(
        _hs("肯定成绩，坚定加快项目建设的信心",
            "正视问题，找准制约项目推进的症结",
            "明确要求，推动项目建设再上新台阶", needs=("ahead",)),
        _hs("客观看待进展，把握项目建设的总体态势",
            "深入查找问题，找准制约项目推进的短板",
            "聚焦目标任务，扎实抓好下步重点工作"),
        _hs("回顾前段工作，看清进展、理清思路",
            "查摆突出问题，找准差距、分析症结",
            "明确下步任务，压实责任、狠抓落实", unless=("far_behind",)),
        _hs("盘点进度，摸清项目建设的家底",
            "梳理问题，摸准项目推进的堵点",
            "理清任务，扭住项目落地的关键"),
        _hs("看清进展，把准项目建设的方位",
            "找准短板，把准项目推进的难点",
            "压实任务，把准下步工作的重点"),
        _hs("正视进展，清醒认识项目建设面临的形势",
            "直面问题，深入剖析进度滞后的症结",
            "对标任务，全力以赴抓好抢进度各项工作", needs=("behind",)),
    ),
    parts=(
        PartSpec(("nothing",), "review_intro", "review_progress"),
        PartSpec(("nothing",), "review_problems_intro", "review_issues"),
        PartSpec(("nothing",), "review_requirements_intro", "requirements"),
    ),
)

THREE_X = Frame(
    name="three_x",
    label="防止三种现象—突破三个关键—落实三项要求",
    description="“三个X”式：点出三种要防止的现象、三个要突破的关键、三项要落实的要求；适合问题较多时的督战会",
    template="speech/body.md.j2",
    heading_sets=(
        _hs("正视差距，坚决防止“三种现象”",
            "聚焦堵点，集中突破“三个关键”",
            "强化担当，严格落实“三项要求”", needs=("behind",)),
        _hs("坚决防止三种现象，把思想和行动统一到项目攻坚上来",
            "集中突破三个关键，把力量和资源集中到项目一线上来",
            "严格落实三项要求，把责任和压力传导到每一个项目上来", unless=("single_project",)),
        _hs("查摆问题找差距，着力防止“三种现象”",
            "破解难题抓重点，着力突破“三个关键”",
            "压实责任促落实，着力落实“三项要求”"),
        _hs("从作风上找根源，防止“三种现象”",
            "从堵点上找突破，抓住“三个关键”",
            "从责任上找保障，落实“三项要求”"),
        _hs("把思想摆正，警惕“三种现象”",
            "把难题解开，突破“三个关键”",
            "把责任扛牢，落实“三项要求”"),
    ),
    parts=(
        PartSpec(("situation", "laggards"), "three_x_phenomena_intro", "phenomena"),
        PartSpec(("problems",), "three_x_keys_intro", "keys"),
        PartSpec(("nothing",), "three_x_requirements_intro", "pledges"),
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
