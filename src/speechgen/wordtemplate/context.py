"""The values a Word template is filled with: the 公文's own fields, the ledger's figures formatted by
speechgen.zh exactly as the text formats them, and 正文/附件 as paragraphs — all plain data."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from speechgen import document as d
from speechgen import zh
from speechgen.compose.plain import Record, plain_context
from speechgen.facts import REASON_LABELS, Facts, GroupFacts, Laggard
from speechgen.facts.laggards import project_rate
from speechgen.model import Project
from speechgen.rounding import points
from speechgen.wordtemplate.fields import BY_NAME, FIELDS, GROUP_ITEMS, PLACES, PROJECT_ITEMS, Field


class WordXml:
    """Paragraphs (WordprocessingML) that ``{{p 正文 }}`` inserts as they are: autoescape leaves a
    value with ``__html__`` alone, and the sandbox lets a template reach no attribute of it."""

    __slots__ = ("_xml",)
    _xml: str

    def __init__(self, xml: str):
        object.__setattr__(self, "_xml", xml)

    def __html__(self) -> str:
        return self._xml

    def __str__(self) -> str:
        return self._xml

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("WordXml is read-only")


def _lines(blocks: Iterable[d.Block], kind: type) -> str:
    return "\n".join(line for block in blocks if isinstance(block, kind) for line in d.block_text(block))


def document_values(doc: d.Document) -> dict[str, str]:
    """Return the 公文's own fields (Chinese names) as text; a field the document lacks is ""."""
    first = {type(block): block for block in reversed(doc.blocks)}
    header = first.get(d.RedHeader)
    signature = first.get(d.Signature)
    imprint = first.get(d.Imprint)
    note = first.get(d.AttachmentNote)
    return {
        "发文机关": header.issuer if isinstance(header, d.RedHeader) else "",
        "发文字号": (header.doc_number or "") if isinstance(header, d.RedHeader) else "",
        "标题": _lines(doc.blocks, d.Title),
        "副标题": _lines(doc.blocks, d.Subtitle),
        "主送": _lines(doc.blocks, d.Addressee).rstrip("：:"),
        "称谓": _lines(doc.blocks, d.Salutation),
        "附件说明": "\n".join(d.attachment_note_lines(note.items)) if isinstance(note, d.AttachmentNote) else "",
        "署名": (signature.issuer or "") if isinstance(signature, d.Signature) else "",
        "成文日期": signature.date if isinstance(signature, d.Signature) else "",
        "抄送": (imprint.cc or "") if isinstance(imprint, d.Imprint) else "",
        "印发机关": (imprint.printer or "") if isinstance(imprint, d.Imprint) else "",
        "印发日期": (imprint.print_date or "") if isinstance(imprint, d.Imprint) else "",
    }


def split_blocks(doc: d.Document, placed: frozenset[str]) -> tuple[tuple[d.Block, ...], tuple[d.Block, ...]]:
    """Return (正文, 附件): the blocks the template does not place itself (``placed``: the Chinese
    field names its main part uses), cut where the attachments begin when it places 附件 (the
    page break before them is the 附件 field's own: it starts a new page)."""
    kept = tuple(block for block in doc.blocks
                 if not placed.intersection(PLACES.get(type(block).__name__, ())))
    if "附件" not in placed:
        return kept, ()
    start = next((i for i, block in enumerate(kept) if isinstance(block, d.AttachmentHeading)), len(kept))
    body = kept[:start - 1] if start and isinstance(kept[start - 1], d.PageBreak) else kept[:start]
    return body, kept[start:]


def _amount(value: Any) -> str:
    return zh.format_amount(value)


def _gap(gap: Any) -> str:
    return "—" if gap is None else zh.compare_phrase(gap, "")


def project_row(index: int, project: Project, facts: Facts, laggard: Laggard | None = None) -> dict[str, Any]:
    """Return one project's fields (Chinese names), figures formatted by speechgen.zh."""
    rate = laggard.completion_rate if laggard else project_rate(project)
    gap = laggard.gap_points if laggard else (None if rate is None else points(rate, facts.schedule.progress))
    reasons = laggard.reasons if laggard else ()
    return {
        "序号": index, "项目名称": project.name, "县区": project.district, "责任单位": project.owner,
        "包保领导": project.leader or "", "建设性质": project.nature or "", "产业类别": project.category or "",
        "项目状态": project.status.value,
        "计划开工": zh.format_date(project.planned_start) if project.planned_start else "",
        "总投资": _amount(project.total), "年度计划投资": _amount(project.annual_plan),
        "完成投资": _amount(project.completed), "完成率": zh.format_percent(rate), "与时序进度比": _gap(gap),
        "滞后原因": "、".join(REASON_LABELS[reason] for reason in reasons),
        "存在问题": project.problem or "", "问题类型": project.problem_type or "", "形象进度": project.progress or "",
    }


def group_row(group: GroupFacts) -> dict[str, Any]:
    """Return one group's fields (a 县区, or the whole ledger as 总体), figures formatted."""
    return {
        "名称": group.key, "项目数": group.projects, "已开工": group.started, "未开工": group.not_started,
        "开工率": zh.format_percent(group.start_rate), "总投资": _amount(group.total),
        "年度计划投资": _amount(group.annual_plan), "完成投资": _amount(group.completed),
        "完成率": zh.format_percent(group.completion_rate), "与时序进度比": _gap(group.gap_points),
        "排名": group.rank if group.rank is not None else "—", "滞后项目数": group.laggards,
    }


# XML 1.0 forbids most C0 controls (a stray \x0b from a pasted Excel cell makes Word refuse the
# file; \a and \f would make docxtpl start paragraphs): autoescape keeps them, so they go here.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(value: Any) -> Any:
    return _ILLEGAL.sub("", value) if isinstance(value, str) else value


def _record(kind: str, row: Mapping[str, Any], items: tuple[Field, ...]) -> Record:
    clean = {name: _clean(value) for name, value in row.items()}
    return Record(kind, {**clean, **{f.english: clean[f.name] for f in items}})


def ledger_values(facts: Facts, used: frozenset[str] | None = None) -> dict[str, Any]:
    """Return the ledger's fields (Chinese names): meeting details, totals and the three lists;
    only those in ``used`` when given (a template that prints no list does not pay for one)."""
    meeting = facts.meeting
    contact = meeting.contact
    builders: dict[str, Callable[[], Any]] = {
        "地区": lambda: meeting.region,
        "会议名称": lambda: meeting.meeting,
        "讲话人": lambda: meeting.speaker or "",
        "联系人": lambda: contact.name if contact else "",
        "联系电话": lambda: (contact.phone or "") if contact else "",
        "数据截至": lambda: zh.format_date(facts.schedule.as_of),
        "统计期": lambda: zh.format_period(facts.schedule.as_of),
        "时序进度": lambda: zh.format_percent(facts.schedule.progress),
        "总体": lambda: _record("总体", group_row(facts.overall), GROUP_ITEMS),
        "滞后项目": lambda: tuple(_record("滞后项目", project_row(i, lag.project, facts, lag), PROJECT_ITEMS)
                              for i, lag in enumerate(facts.laggards, 1)),
        "项目": lambda: tuple(_record("项目", project_row(i, project, facts), PROJECT_ITEMS)
                            for i, project in enumerate(facts.projects, 1)),
        "县区": lambda: tuple(_record("县区", group_row(group), GROUP_ITEMS) for group in facts.by_district),
    }
    return {name: build() for name, build in builders.items() if used is None or name in used}


def word_context(values: Mapping[str, Any]) -> dict[str, Any]:
    """Return a template context: ``values`` (Chinese names) under their English names too, made plain."""
    cleaned = {name: _clean(value) for name, value in values.items()}
    both = {**cleaned, **{BY_NAME[name].english: value for name, value in cleaned.items() if name in BY_NAME}}
    xml = {name: value for name, value in both.items() if isinstance(value, WordXml)}
    context = plain_context({name: value for name, value in both.items() if name not in xml})
    return {**context, **xml}


def sample_values() -> dict[str, Any]:
    """Return a value for every field, for template-check's trial fill (text with & and < in it,
    so that a template which would break the XML on real data breaks here)."""
    values: dict[str, Any] = {f.name: f"示例{f.name}&<>" for f in FIELDS if not f.items}
    counts = {"序号", "项目数", "已开工", "未开工", "排名", "滞后项目数"}
    values["正文"] = values["附件"] = WordXml("<w:p><w:r><w:t>示例正文</w:t></w:r></w:p>")
    for f in FIELDS:
        if f.items:
            items = PROJECT_ITEMS if f.items == "project" else GROUP_ITEMS
            rows = tuple(_record(f.name, {item.name: 1 if item.name in counts else f"示例{item.name}&<"
                                        for item in items}, items) for _ in range(2))
            values[f.name] = rows[0] if f.name == "总体" else rows
    return values
