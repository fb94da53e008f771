"""The fields a Word template may use — Chinese names with English equivalents — in one table.

Jinja's lexer reads names as Python identifiers, so Chinese names work as they are typed
(``{{ 发文字号 }}``, ``{{ p.项目名称 }}``, a full-width space inside the braces too); a name cannot
start with a digit or hold punctuation such as （）, so every field here is letters and hanzi only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Source = Literal["document", "ledger"]  # the 公文 itself (render and generate) / the ledger (generate)


@dataclass(frozen=True)
class Field:
    """One name a template may use; ``items`` names the fields of each row of a list (or of a
    record), ``paragraphs`` marks a field that inserts whole paragraphs (``{{p 正文 }}``)."""

    name: str
    english: str
    what: str
    source: Source = "document"
    items: str | None = None
    paragraphs: bool = False


META_FIELDS: tuple[Field, ...] = (
    Field("发文机关", "issuer", "发文机关标志的文字（版头）"),
    Field("发文字号", "doc_number", "发文字号，如“示项办〔2026〕12号”"),
    Field("标题", "title", "标题；稿件中分行的标题在此也分行"),
    Field("副标题", "subtitle", "讲话稿标题下的讲话人、日期行（多行时分行）"),
    Field("主送", "addressee", "主送机关，不带冒号：模板中写“{{ 主送 }}：”"),
    Field("称谓", "salutation", "讲话稿的称谓，如“同志们：”"),
    Field("正文", "body", "全部正文：层次标题、段落、表格……，须单独成段写成 {{p 正文 }}", paragraphs=True),
    Field("附件说明", "attachment_note", "附件说明的各行，如“附件：1.……”"),
    Field("署名", "signature", "发文机关署名"),
    Field("成文日期", "date", "成文日期，如“2026年6月5日”"),
    Field("附件", "attachments", "附件页（从新的一页开始），写成 {{p 附件 }}，放在署名之后、版记之前", paragraphs=True),
    Field("抄送", "cc", "抄送机关，末尾带句号：模板中写“抄送：{{ 抄送 }}”"),
    Field("印发机关", "printer", "印发机关"),
    Field("印发日期", "print_date", "印发日期：模板中写“{{ 印发日期 }}印发”"),
)

LEDGER_FIELDS: tuple[Field, ...] = (
    Field("地区", "region", "地区名称，如“示例市”", "ledger"),
    Field("会议名称", "meeting", "会议名称", "ledger"),
    Field("讲话人", "speaker", "讲话人", "ledger"),
    Field("联系人", "contact", "联系人姓名（会议信息的 contact）", "ledger"),
    Field("联系电话", "phone", "联系电话", "ledger"),
    Field("数据截至", "as_of", "数据截至日期，如“2026年5月31日”", "ledger"),
    Field("统计期", "period", "统计期，如“1—5月”", "ledger"),
    Field("时序进度", "schedule_progress", "时序进度，如“41.7%”", "ledger"),
    Field("总体", "overall", "全部项目的合计（字段同“县区”的每一行）", "ledger", items="group"),
    Field("滞后项目", "laggards", "滞后项目，最落后的在前；表格中写 {%tr for p in 滞后项目 %}", "ledger",
          items="project"),
    Field("项目", "projects", "全部项目，台账顺序", "ledger", items="project"),
    Field("县区", "districts", "各县区的合计，完成率高的在前", "ledger", items="group"),
)

PROJECT_ITEMS: tuple[Field, ...] = (
    Field("序号", "index", "在本列表中的序号 1、2、3……"),
    Field("项目名称", "name", "项目名称"),
    Field("县区", "district", "县区"),
    Field("责任单位", "owner", "责任单位"),
    Field("包保领导", "leader", "包保领导"),
    Field("建设性质", "nature", "建设性质"),
    Field("产业类别", "category", "产业类别"),
    Field("项目状态", "status", "前期、未开工、在建、竣工或投产"),
    Field("计划开工", "planned_start", "计划开工日期，如“2026年3月1日”"),
    Field("总投资", "total", "如“19.06亿元”“3560万元”"),
    Field("年度计划投资", "annual_plan", "如“5.2亿元”"),
    Field("完成投资", "completed", "如“1.92亿元”"),
    Field("完成率", "completion_rate", "完成年度计划的百分比，如“36.9%”（无年度计划为“—”）"),
    Field("与时序进度比", "gap", "如“落后4.8个百分点”“高出2.1个百分点”“持平”"),
    Field("滞后原因", "reasons", "投资进度滞后、逾期未开工（不滞后为空）"),
    Field("存在问题", "problem", "存在问题"),
    Field("问题类型", "problem_type", "用地、资金、手续审批……"),
    Field("形象进度", "progress", "形象进度"),
)

GROUP_ITEMS: tuple[Field, ...] = (
    Field("名称", "name", "县区名称（“总体”为“全市”等）"),
    Field("项目数", "projects", "项目个数"),
    Field("已开工", "started", "已开工项目数（在建、竣工、投产）"),
    Field("未开工", "not_started", "未开工项目数（前期、未开工）"),
    Field("开工率", "start_rate", "如“85.0%”"),
    Field("总投资", "total", "如“120.5亿元”"),
    Field("年度计划投资", "annual_plan", "如“30亿元”"),
    Field("完成投资", "completed", "如“11.85亿元”"),
    Field("完成率", "completion_rate", "如“39.5%”"),
    Field("与时序进度比", "gap", "如“落后2.2个百分点”"),
    Field("排名", "rank", "按完成率的名次（“总体”和无年度计划的为“—”）"),
    Field("滞后项目数", "laggards", "其中的滞后项目个数"),
)

ITEMS: dict[str, tuple[Field, ...]] = {"project": PROJECT_ITEMS, "group": GROUP_ITEMS}
FIELDS: tuple[Field, ...] = META_FIELDS + LEDGER_FIELDS
BY_NAME: dict[str, Field] = {name: f for f in FIELDS for name in (f.name, f.english)}

# What a user expects a 红头 template to place; missing ones are reported by template-check.
EXPECTED = ("正文", "发文字号")

# The blocks of the 公文 each field places: a block the template places itself is left out of
# 正文 (a template with its own 标题 line does not get the title twice).
PLACES: dict[str, tuple[str, ...]] = {
    "RedHeader": ("发文机关", "发文字号"),
    "Title": ("标题",),
    "Subtitle": ("副标题",),
    "Addressee": ("主送",),
    "Salutation": ("称谓",),
    "AttachmentNote": ("附件说明",),
    "Signature": ("署名", "成文日期"),
    "Imprint": ("抄送", "印发机关", "印发日期"),
}


def canonical(name: str) -> str:
    """Return the Chinese name of a field given in either language (unknown names unchanged)."""
    found = BY_NAME.get(name)
    return found.name if found else name


def item_names(kind: str) -> frozenset[str]:
    """Return the names (both languages) of the fields of one row of a list of ``kind``."""
    return frozenset(name for f in ITEMS[kind] for name in (f.name, f.english))


def known_names(source: Source | None = None) -> frozenset[str]:
    """Return every top-level name (both languages); ``source="document"`` only those a
    rendered 公文 provides without a ledger."""
    return frozenset(name for f in FIELDS if source in (None, f.source) or f.source == "document"
                     for name in (f.name, f.english))
