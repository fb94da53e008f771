"""The ledger's controlled vocabularies, the one home of each: 项目状态 → Stage by ordered
keywords, and 问题类型 by keyword (a cell naming several types counts for each)."""

from __future__ import annotations

import re

from speechgen.model import Stage
from speechgen.zh.keys import normalise

# Ordered: the first stage with a matching word wins. An exact match on any word is tried
# first, then containment, stage by stage in this order — so "未开工" is read before "开工",
# "停工" and "暂缓实施" before anything else, "已竣工投产" counts as 投产, "竣工验收手续办理中"
# is 竣工 not 前期, "土地手续办理中" is 前期 and "主体封顶，装修中" / "已开工，主体施工中" are 在建.
# A word written after 未/尚未/没有 ("未竣工") does not count as that word.
STAGE_WORDS: tuple[tuple[Stage, tuple[str, ...]], ...] = (
    (Stage.NOT_STARTED, ("未开工", "拟开工", "待开工", "尚未开工", "暂未开工", "即将开工", "准备开工")),
    (Stage.SUSPENDED, ("停工", "停建", "停滞", "停止建设", "缓建")),
    (Stage.DEFERRED, ("暂缓", "暂缓实施", "暂缓建设", "缓实施", "推迟实施", "暂停实施", "搁置")),
    (Stage.OPERATING, ("投产", "已投产", "运营", "投运", "投入使用", "达产", "试生产", "试运行")),
    (Stage.COMPLETED, ("竣工", "已竣工", "完工", "建成", "交付")),
    (Stage.PREPARATION, ("前期", "前期推进", "前期工作", "谋划", "储备", "手续", "办理", "立项", "可研",
                         "审批", "招标", "招投标", "选址", "设计", "征地", "洽谈", "签约")),
    (Stage.UNDER_CONSTRUCTION, ("在建", "已开工", "开工", "新开工", "续建", "复工", "施工", "建设中",
                                "封顶", "装修", "安装", "主体", "基础", "桩基", "土建", "调试")),
)

STAGE_HELP = (
    "请填写以下之一：前期、未开工、暂缓、在建、停工、竣工、投产"
    "（也认：前期推进、拟开工、暂缓实施、已开工、已竣工、完工、已投产、运营，"
    "以及“主体施工中”“土地手续办理中”这样含有施工、封顶、手续、立项等词的进展说明）"
)

_NEGATED = re.compile(r"(?:尚未|暂未|未|没有|无)$")
# Phrases whose word would mislead the order: the 主体 is finished, not the project.
_READ_AS = (("主体完工", "主体封顶"), ("主体竣工", "主体封顶"), ("基础完工", "基础施工"))

PROBLEM_TYPES = ("用地", "资金", "手续审批", "环评", "能耗", "征迁", "规划", "其他")

# Ordered: the specific types before the generic ones, so "征地拆迁" is 征迁 before 用地,
# "环评审批" is 环评 before 手续审批, "土地报批" is 用地, "施工许可证未办理" falls through to 手续审批.
PROBLEM_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("环评", ("环评", "环境影响", "环保")),
    ("能耗", ("能耗", "能评", "节能", "用能", "双控")),
    ("征迁", ("征迁", "拆迁", "征收", "搬迁", "征地", "清表", "迁改")),
    ("用地", ("用地", "土地", "地块", "林地", "耕地", "占补平衡", "供地", "红线", "不动产")),
    ("资金", ("资金", "融资", "贷款", "专项债", "拨付", "缺口", "筹资", "资本金")),
    ("规划", ("规划", "设计方案", "选址", "调规")),
    ("手续审批", ("手续", "审批", "立项", "许可", "核准", "备案", "批复", "报批", "审查", "办证")),
    ("其他", ("其他", "其它")),
)

# Cell texts that mean "nothing here" in a problem column.
NO_PROBLEM = frozenset({"无", "暂无", "没有", "无问题", "暂无问题", "无困难", "否", "-", "—", "——", "/", "\\", "0"})
# What separates the types of one cell: "资金、用地", "用地/资金", "资金；用地", "资金不到位，用地未落实".
_PARTS = re.compile(r"[、,，;；/\s]+")


def parse_stage(value: str) -> Stage | None:
    """Return the Stage a status text names, or None if it names none."""
    text = re.sub(r"\([^()]*\)|阶段$|中$", "", normalise(value)).rstrip("。.")  # [^()]: linear in a long cell
    for stage, words in STAGE_WORDS:
        if text in words:
            return stage
    full = normalise(value)
    for phrase, meaning in _READ_AS:
        full = full.replace(phrase, meaning)
    for stage, words in STAGE_WORDS:
        if any(_mentions(full, word) for word in words):
            return stage
    return None


def is_stage_word(value: str) -> bool:
    """Return True when a status is one of the stages' own words ("已开工", "前期推进"), not a
    description read by its keywords ("主体封顶，装修中")."""
    text = re.sub(r"\([^()]*\)|阶段$|中$", "", normalise(value)).rstrip("。.")
    return any(text in words for _, words in STAGE_WORDS)


def _mentions(text: str, word: str) -> bool:
    """Return True when ``word`` occurs in ``text`` not negated ("未竣工" does not mention 竣工)."""
    start = text.find(word)
    while start >= 0:
        if not _NEGATED.search(text[:start]):
            return True
        start = text.find(word, start + 1)
    return False


def classify_problem(text: str) -> str:
    """Return the 问题类型 one type label or problem description belongs to; 其他 if none fits."""
    return _problem_type(normalise(text)) or "其他"


def _problem_type(words: str) -> str | None:
    if words in PROBLEM_TYPES:
        return words
    for kind, keywords in PROBLEM_WORDS:
        if any(keyword in words for keyword in keywords):
            return kind
    return None


def problem_types(type_text: str | None, problem_text: str | None = None) -> tuple[str, ...]:
    """Return a project's problem types, each once, in PROBLEM_TYPES order (types written
    otherwise just before 其他).

    From the 问题类型 cell when filled: each part ("资金、用地" → 用地, 资金) is a fixed type, a
    variant naming one ("审批手续" → 手续审批) or kept as written ("电力增容"). Otherwise from the
    存在问题 text: each clause naming a type counts for it ("资金不到位，用地未落实" → 用地, 资金);
    a problem naming none is 其他. No problem at all → ().
    """
    found: list[str] = []
    if type_text and not is_no_problem(type_text):
        for part in _PARTS.split(normalise(type_text)):
            if part and not is_no_problem(part):
                found.append(_problem_type(part) or part)
    elif problem_text and not is_no_problem(problem_text):
        found = [kind for part in _PARTS.split(normalise(problem_text)) if (kind := _problem_type(part))]
        found = found or ["其他"]
    return tuple(sorted(set(found), key=type_order))


def type_order(problem_type: str) -> tuple[int, str]:
    """Fixed types in PROBLEM_TYPES order; types written otherwise just before 其他, by name."""
    if problem_type in PROBLEM_TYPES:
        index = PROBLEM_TYPES.index(problem_type)
        return (index if problem_type != "其他" else len(PROBLEM_TYPES), "")
    return (len(PROBLEM_TYPES) - 1, problem_type)


def is_no_problem(text: str) -> bool:
    """Return True for "无", "暂无", "/" and the like written in a problem column."""
    return normalise(text).rstrip("。.") in NO_PROBLEM
