"""The naive docxtpl loop the batch benchmark compares with: a Word template built here with
python-docx, then per document ``DocxTemplate(path)`` → ``render(context)`` → ``save(path)``.

The templates hold what our 督办单 and 督办通知 hold (red title and 编号, the form's fields in a
two-column table; the notice's paragraphs with a loop over the unit's projects), and the context
is the same figures formatted the same way (speechgen.zh), built per document from the same
group facts — so the loop is charged with what any program filling such a template must do.
"""

from __future__ import annotations

import time
from pathlib import Path

from speechgen.batch.plan import PlanChoices, Planned, plan_batch
from speechgen.compose.supervision import peers, subject, supervised
from speechgen.sources import read_dossier
from speechgen.zh import compare_phrase, format_amount, format_date, format_percent

SHEET_FIELDS = ("督办事项", "项目名称", "所在县区", "责任单位", "包保领导", "计划开工", "项目状态", "年度计划投资",
                "完成投资", "完成率", "存在问题", "督办要求", "办结时限", "办理情况", "督办单位", "督办日期")


def _plan(ledger: Path, meeting: Path, kind: str, per: str) -> list[Planned]:
    label = {"sheet": "督办单", "supervision": "督办通知"}[kind]
    dossier = read_dossier(ledger, meeting)
    return list(plan_batch(dossier, PlanChoices(kind, label, per, "all", (".docx",), number_from=1)).documents)


def sheet_template(path: Path) -> Path:
    """Write the 督办单 template: red title, 编号 on the right, a label/value row per field."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    word = docx.Document()
    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("{{ 标题 }}")
    run.font.size, run.font.color.rgb = Pt(22), RGBColor(0xFF, 0, 0)
    word.add_paragraph("编号：{{ 编号 }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table = word.add_table(rows=len(SHEET_FIELDS), cols=2)
    table.style = "Table Grid"
    for row, field in zip(table.rows, SHEET_FIELDS, strict=True):
        row.cells[0].text = field
        row.cells[1].text = "{{ " + field + " }}"
    word.save(str(path))
    return path


def sheet_context(document: Planned) -> dict[str, str]:
    """Return the 督办单's fields for one project, as our sheet.md.j2 prints them."""
    facts = document.facts
    item = subject(facts)
    assert item is not None
    p = item.project
    rate = "—" if item.rate is None else f"{format_percent(item.rate)}，{compare_phrase(item.gap)}"  # type: ignore[arg-type]
    reason = "已过计划开工时间仍未开工" if item.overdue else ("投资进度滞后" if item.behind else "")
    start = f"{p.planned_start.year}年{p.planned_start.month}月" if p.planned_start else "—"
    return {
        "标题": f"{facts.meeting.region}重点项目督办单", "编号": document.doc_number or "",
        "督办事项": f"加快推进{p.name}建设", "项目名称": p.name, "所在县区": p.district, "责任单位": p.owner,
        "包保领导": p.leader or "—", "计划开工": start, "项目状态": p.status.value,
        "年度计划投资": format_amount(p.annual_plan), "完成投资": format_amount(p.completed),
        "完成率": rate, "存在问题": "；".join(part for part in (reason, item.problem or "") if part) or "—",
        "督办要求": "，".join(item.remedies) + "。", "办结时限": "按期书面报送办理情况", "办理情况": "",
        "督办单位": facts.meeting.issuer_or_default, "督办日期": format_date(facts.meeting.date),
    }


def supervision_template(path: Path) -> Path:
    """Write the 督办通知 template: title, 主送, the unit's figures, a paragraph per project, the end."""
    import docx

    word = docx.Document()
    for text in ("{{ 发文机关 }}", "{{ 发文字号 }}", "{{ 标题 }}", "{{ 主送 }}：", "一、基本情况",
                 "截至{{ 截至 }}，{{ 单位 }}纳入调度的重点项目共{{ 项目数 }}个，年度计划投资{{ 年度计划 }}，"
                 "累计完成投资{{ 完成投资 }}，完成率{{ 完成率 }}，{{ 对比 }}{{ 位次 }}。", "二、存在问题",
                 "{%p for p in 项目 %}", "{{ p.名称 }}：该项目由{{ p.责任单位 }}负责，包保领导为{{ p.包保领导 }}，"
                 "{{ p.情况 }}。要{{ p.要求 }}。", "{%p endfor %}", "三、督办要求",
                 "请于{{ 时限 }}前将整改情况书面报送{{ 报送 }}。", "{{ 发文机关 }}", "{{ 日期 }}"):
        word.add_paragraph(text)
    word.save(str(path))
    return path


def supervision_context(document: Planned) -> dict[str, object]:
    """Return the 督办通知's fields for one unit, as our supervision.md.j2 prints them."""
    facts = document.facts
    o, meeting, place = facts.overall, facts.meeting, peers(facts)
    return {
        "发文机关": meeting.issuer_or_default, "发文字号": document.doc_number or "",
        "标题": f"关于加快推进{o.key}重点项目建设的督办通知", "主送": meeting.addressee_or_default,
        "截至": f"{facts.schedule.as_of.month}月底", "单位": o.key, "项目数": o.projects,
        "年度计划": format_amount(o.annual_plan), "完成投资": format_amount(o.completed),
        "完成率": format_percent(o.completion_rate),
        "对比": compare_phrase(o.gap_points) if o.gap_points is not None else "",
        "位次": f"，在{place.count}{place.measure}{place.label}中居第{place.rank}位" if place else "",
        "项目": [{"名称": item.project.name, "责任单位": item.project.owner, "包保领导": item.project.leader or "",
                  "情况": f"完成率为{format_percent(item.rate)}", "要求": "，".join(item.remedies)}
                 for item in supervised(facts)],
        "时限": format_date(meeting.feedback_by) if meeting.feedback_by else "近期",
        "报送": f"{meeting.level}重点项目办",
        "日期": format_date(meeting.date),
    }


def _loop(template: Path, documents: list[Planned], context, out: Path) -> float:  # type: ignore[no-untyped-def]
    """Fill the template once per document, the naive way; return documents per CPU second of this
    process (time.process_time: little disturbed by other work on the machine)."""
    from docxtpl import DocxTemplate

    out.mkdir(parents=True, exist_ok=True)
    start = time.process_time()
    for document in documents:
        filled = DocxTemplate(str(template))
        filled.render(context(document), autoescape=True)
        filled.save(str(out / f"{document.number:04d}.docx"))
    return len(documents) / (time.process_time() - start)


def naive_sheets(ledger: Path, meeting: Path, out: Path, count: int) -> float:
    """Return the naive loop's docs/s over ``count`` of the ledger's 督办单."""
    out.mkdir(parents=True, exist_ok=True)
    documents = _plan(ledger, meeting, "sheet", "project")[:count]
    return _loop(sheet_template(out / "督办单模板.docx"), documents, sheet_context, out / "docs")


def naive_supervision(ledger: Path, meeting: Path, out: Path) -> float:
    """Return the naive loop's docs/s over the ledger's 督办通知, one per 责任单位."""
    out.mkdir(parents=True, exist_ok=True)
    documents = _plan(ledger, meeting, "supervision", "owner")
    return _loop(supervision_template(out / "督办通知模板.docx"), documents, supervision_context, out / "docs")
