"""Which ledger column holds which Project field: the keyword table and the header matcher.

Real ledgers name the same column many ways ("计划\\n投资（万元）", "2026年计划完成投资",
"1—5月完成投资"), so a header is matched by keywords, not by exact text. FIELD_RULES is an
ordered rule table (markdown-it style): the first rule that matches a header claims it, which
is how "计划开工时间" goes to planned_start before "计划" can pull it into annual_plan, and
"总投资" goes to total before "投资" means anything else.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from speechgen.sources.report import Report
from speechgen.sources.text import display, normalise

# A ratio column ("完成投资占年度计划比例", "投资完成率(%)") is never an amount.
_RATIO = ("比例", "占比", "率", "%")
# "5月完成投资" / "当月完成" is one month; the year-to-date column is the one we want.
_ONE_MONTH = (r"(?<![-—~至\d])\d{1,2}月", "当月", "本月")
_MONTH_RANGE = r"\d{1,2}[-—~至]\d{1,2}月"
_PARENTHESISED = re.compile(r"\([^()]*\)")  # [^()]: linear even in a 32,767-character cell


@dataclass(frozen=True)
class FieldRule:
    """How to recognise one Project field's column.

    ``keywords`` are ordered best first (a header matched by an earlier keyword wins a tie);
    ``exact`` headers match only when they are the whole header; a header containing any of
    ``excludes`` is not this field; one matching a ``demote`` pattern (regex) is used only when
    no better column exists.
    """

    field: str
    label: str
    keywords: tuple[str, ...]
    required: bool = False
    exact: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    demote: tuple[str, ...] = ()


FIELD_RULES: tuple[FieldRule, ...] = (
    FieldRule("planned_start", "计划开工时间",
              ("计划开工时间", "计划开工日期", "计划开工", "拟开工时间", "开工时间", "开工日期"),
              excludes=("实际", "竣工")),
    FieldRule("code", "项目编号", ("项目编号", "项目代码", "项目编码", "统一项目代码", "项目统一代码")),
    FieldRule("name", "项目名称", ("项目名称", "项目名"), required=True, exact=("项目", "名称")),
    FieldRule("total", "总投资", ("总投资",), required=True, excludes=_RATIO),
    FieldRule("annual_plan", "年度计划投资",
              ("年度计划投资", "年度计划", "年计划投资", "年度投资计划", "计划完成投资", "计划投资",
               "投资计划", "年度目标"),
              required=True, excludes=(*_RATIO, "开工", "竣工"), demote=(*_ONE_MONTH, _MONTH_RANGE)),
    FieldRule("completed", "完成投资",
              ("完成投资", "累计完成", "已完成投资", "实际完成", "完成额", "月完成", "年完成"),
              required=True, excludes=(*_RATIO, "计划"),
              demote=("开工以来", "自开工", "至今", "项目累计", *_ONE_MONTH)),
    FieldRule("status", "项目状态", ("项目状态", "进展状态", "建设状态", "项目阶段", "状态"),
              required=True),
    FieldRule("problem_type", "问题类型", ("问题类型", "问题类别", "问题分类")),
    FieldRule("problem", "存在问题",
              ("存在问题", "存在的问题", "问题及困难", "困难和问题", "困难问题", "问题"),
              excludes=("解决", "时限", "责任", "措施")),
    FieldRule("progress", "形象进度",
              ("形象进度", "进展情况", "建设进度", "工程进度", "推进情况", "进度"),
              excludes=(*_RATIO, "时序", "序时")),
    FieldRule("leader", "包保领导",
              ("包保领导", "包联领导", "联系领导", "分包领导", "包抓领导", "责任领导", "牵头领导", "领导")),
    FieldRule("owner", "责任单位",
              ("责任单位", "牵头单位", "项目单位", "建设单位", "业主单位", "实施单位", "承办单位",
               "责任主体"),
              required=True, demote=("问题", "督办", "配合")),
    FieldRule("district", "县区",
              ("县(市、区)", "县(市区)", "县市区", "县区", "区县", "县(区)", "县(市)", "属地", "区域",
               "所在地", "地区"),
              required=True, excludes=("面积", "占地")),
    FieldRule("nature", "建设性质", ("建设性质", "项目性质", "项目类型", "新建/续建", "新建续建")),
    FieldRule("category", "产业类别",
              ("产业类别", "项目类别", "产业类型", "产业分类", "行业", "领域", "类别", "分类"),
              excludes=("问题",)),
)

RULES_BY_FIELD = {rule.field: rule for rule in FIELD_RULES}
AMOUNT_FIELDS = ("total", "annual_plan", "completed")

def header_unit(header: str) -> str | None:
    """Return the money unit a header names ("计划投资（亿元）" → "亿元"), or None."""
    text = normalise(header)
    bracketed = re.search(r"\((亿元|万元|元)\)", text)
    if bracketed:
        return bracketed.group(1)
    for unit in ("亿元", "万元"):  # "(元)" alone must be bracketed: "元" is in too many words
        if unit in text:
            return unit
    return None


def match_field(header: str) -> tuple[str, int] | None:
    """Return (field, rank) for a header, rank 0 being the best fit, or None if no rule matches."""
    text = normalise(header)
    if not text:
        return None
    for rule in FIELD_RULES:
        rank = _rank(rule, text)
        if rank is not None:
            return rule.field, rank
    return None


@functools.cache
def _normalised(words: tuple[str, ...]) -> tuple[str, ...]:
    """Return a rule's words normalised, once per process (every header of every row asks)."""
    return tuple(normalise(word) for word in words)


def _rank(rule: FieldRule, text: str) -> int | None:
    bare = _PARENTHESISED.sub("", text)  # "(万元)" and similar never decide the field
    if bare in _normalised(rule.exact):
        return 0
    if any(word in text for word in _normalised(rule.excludes)):
        return None
    for index, word in enumerate(_normalised(rule.keywords)):
        if word in text:
            demoted = any(re.search(pattern, text) for pattern in rule.demote)
            return index + (100 if demoted else 0)
    return None


@dataclass(frozen=True)
class Column:
    """One recognised column: its 0-based index, header as written, field and money unit."""

    index: int
    header: str
    field: str
    rank: int
    unit: str | None = None


def map_columns(headers: Sequence[str], report: Report, row: int | None) -> dict[str, Column]:
    """Return field → Column for one header row, warning when two columns claim one field.

    ``headers`` holds each column's header text ("" for none). Missing columns are reported
    by ``report_missing``, once the caller knows which fields the rows supply otherwise.
    """
    candidates: dict[str, list[Column]] = {}
    for index, header in enumerate(headers):
        found = match_field(header)
        if found:
            field, rank = found
            candidates.setdefault(field, []).append(
                Column(index, display(header), field, rank, header_unit(header)))
    chosen: dict[str, Column] = {}
    for field, columns in candidates.items():
        best = min(columns, key=lambda c: (c.rank, c.index))
        chosen[field] = best
        if len(columns) > 1 and not _one_merged_header(columns):
            others = "、".join(f"“{c.header}”" for c in columns if c is not best)
            report.warn(f"有多列像是“{RULES_BY_FIELD[field].label}”：已使用“{best.header}”，未使用{others}",
                        row=row, hint="如用错了列，请把不需要的列改名或删除")
    return chosen


def _one_merged_header(columns: list[Column]) -> bool:
    """Return True for one header cell merged across neighbouring columns (same text in each)."""
    indexes = [c.index for c in columns]
    return len({c.header for c in columns}) == 1 and indexes == list(range(indexes[0], indexes[0] + len(indexes)))


def report_missing(chosen: dict[str, Column], headers: Sequence[str], report: Report,
                   row: int | None, supplied: frozenset[str] = frozenset()) -> None:
    """Report each required field with no column (and not ``supplied`` otherwise), listing
    the headers that were found so the user sees what to rename."""
    found = "、".join(display(h) for h in headers if display(h)) or "（空）"
    for rule in FIELD_RULES:
        if rule.required and rule.field not in chosen and rule.field not in supplied:
            examples = "”或“".join(rule.keywords[:3])
            report.add(f"缺少必填列“{rule.label}”（表头应含“{examples}”）",
                       row=row, hint=f"表头行现有的列是：{found}；请补上这一列或把对应列改名")
