"""The ledger's controlled vocabularies: 项目状态 → Stage, and 问题类型 by keyword."""

from __future__ import annotations

import re

from speechgen.model import Stage
from speechgen.sources.text import normalise

# Ordered: the first stage with a matching word wins, so "未开工" is read before "开工" and
# "已竣工投产" counts as 投产. An exact match on any word is tried before containment.
STAGE_WORDS: tuple[tuple[Stage, tuple[str, ...]], ...] = (
    (Stage.NOT_STARTED, ("未开工", "拟开工", "待开工", "尚未开工", "暂未开工")),
    (Stage.PREPARATION, ("前期", "前期推进", "前期工作", "谋划", "储备")),
    (Stage.OPERATING, ("投产", "已投产", "运营", "投运", "投入使用", "达产")),
    (Stage.COMPLETED, ("竣工", "已竣工", "完工", "建成")),
    (Stage.UNDER_CONSTRUCTION, ("在建", "已开工", "开工", "新开工", "续建", "施工", "建设中")),
)

STAGE_HELP = (
    "请填写以下之一：前期、未开工、在建、竣工、投产"
    "（也认：前期推进、拟开工、已开工、已竣工、完工、已投产、运营）"
)

PROBLEM_TYPES = ("用地", "资金", "手续审批", "环评", "能耗", "征迁", "规划", "其他")

# Ordered like STAGE_WORDS: "征地拆迁" is 征迁 before 用地, "环评审批" is 环评 before 手续审批.
PROBLEM_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("征迁", ("征迁", "拆迁", "征收", "搬迁", "征地", "清表", "迁改")),
    ("用地", ("用地", "土地", "地块", "林地", "耕地", "占补平衡", "供地", "红线", "不动产")),
    ("环评", ("环评", "环境影响", "环保")),
    ("能耗", ("能耗", "能评", "节能", "用能", "双控")),
    ("资金", ("资金", "融资", "贷款", "专项债", "拨付", "缺口", "筹资")),
    ("手续审批", ("手续", "审批", "立项", "许可", "核准", "备案", "批复", "报批", "审查")),
    ("规划", ("规划", "设计方案", "选址")),
    ("其他", ("其他", "其它")),
)

# Cell texts that mean "nothing here" in a problem column.
NO_PROBLEM = frozenset({"无", "暂无", "没有", "无问题", "无困难", "-", "—", "——", "/", "\\", "0"})


def parse_stage(value: str) -> Stage | None:
    """Return the Stage a status text names, or None if it names none."""
    text = re.sub(r"\([^()]*\)|阶段$|中$", "", normalise(value)).rstrip("。.")  # [^()]: linear in a long cell
    for stage, words in STAGE_WORDS:
        if text in words:
            return stage
    for stage, words in STAGE_WORDS:
        if any(word in text for word in words):
            return stage
    return None


def classify_problem(text: str) -> str:
    """Return the 问题类型 a type label or a problem description belongs to; 其他 if none fits."""
    words = normalise(text)
    if words in PROBLEM_TYPES:
        return words
    for kind, keywords in PROBLEM_WORDS:
        if any(keyword in words for keyword in keywords):
            return kind
    return "其他"


def is_no_problem(text: str) -> bool:
    """Return True for "无", "暂无", "/" and the like written in a problem column."""
    return normalise(text).rstrip("。.") in NO_PROBLEM
