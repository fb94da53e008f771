"""500 documents filled into one Word template: our way against the naive docxtpl loop, same run.

- **ours**: ``prepare_word_template`` once (checks, docxtpl's XML preparation, Jinja compile in the
  sandbox, template-check's trial fill), then ``fill_word_template`` per document (values, render,
  XML check, zip with the template's entries deflated once);
- **naive**: what docxtpl's README does, made safe — per document ``DocxTemplate(path)``,
  ``render(context, jinja_env=<our sandbox>, autoescape=True)``, ``save()`` — with the same values
  (our ``fill_values``: the 公文's fields and 正文/附件 rendered by our writer) built per document.

Two templates: templates/docx/红头模板.docx with the example ledger's notice, bulletin and speech in
turn; and a 督办单-like table template (made here with python-docx: a heading, a
``{%tr for p in 滞后项目 %}`` table, a ``{%p if %}`` paragraph) filled with each 县区's own figures
in turn (facts_by_group). Both sides run under the same template limits.
Run: .venv/bin/python benchmarks/run.py docxtpl_path   (or make bench)
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path

from speechgen import api
from speechgen.compose.limits import budget_scope
from speechgen.document import Document, Paragraph, Run, Signature
from speechgen.facts import Facts, facts_by_group
from speechgen.markup import parse_markup
from speechgen.wordtemplate import fill_word_template, prepare_word_template
from speechgen.wordtemplate.context import word_context
from speechgen.wordtemplate.template import fill_values
from speechgen.writers.docx import DocxOptions

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "templates" / "docx" / "红头模板.docx"
EXAMPLES = ROOT / "examples"
DOCUMENTS = 500


Job = list[tuple[Document, Facts]]


def red_header_job() -> tuple[bytes, Job]:
    """Return the example template and the example ledger's three documents in turn."""
    facts = api.compute_facts(EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml")
    kinds = ("notice", "bulletin", "speech")
    drafts = [parse_markup(api.draft(kind, facts), source=f"{kind}.md") for kind in kinds]  # type: ignore[arg-type]
    return TEMPLATE.read_bytes(), [(drafts[i % len(drafts)], facts) for i in range(DOCUMENTS)]


def table_job() -> tuple[bytes, Job]:
    """Return a table template and one short document per 县区, each with that 县区's figures."""
    import docx

    word = docx.Document()
    word.add_paragraph("{{ 总体.名称 }}重点项目督办单")
    word.add_paragraph("{{p 正文 }}")
    table = word.add_table(rows=4, cols=4)
    for cell, text in zip(table.rows[0].cells, ("项目名称", "完成投资", "完成率", "与时序进度比"), strict=True):
        cell.text = text
    table.cell(1, 0).text = "{%tr for p in 滞后项目 %}"
    for cell, text in zip(table.rows[2].cells, ("{{ p.项目名称 }}", "{{ p.完成投资 }}", "{{ p.完成率 }}",
                                                 "{{ p.与时序进度比 }}"), strict=True):
        cell.text = text
    table.cell(3, 0).text = "{%tr endfor %}"
    word.add_paragraph("{%p if 总体.滞后项目数 %}")
    word.add_paragraph("以上{{ 总体.滞后项目数 }}个项目请于{{ 成文日期 }}前报送整改情况。")
    word.add_paragraph("{%p endif %}")
    buffer = io.BytesIO()
    word.save(buffer)
    dossier = api.load_dossier(EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml")
    groups = facts_by_group(dossier, "district")
    docs = [Document("notice", (Paragraph((Run(f"请{g.overall.key}抓紧推进下列项目。"),)),
                                Signature("示例市重点项目建设领导小组办公室", "2026年6月5日"))) for g in groups]
    return buffer.getvalue(), [(docs[i % len(docs)], groups[i % len(groups)]) for i in range(DOCUMENTS)]


def ours(data: bytes, job: Job) -> list[bytes]:
    """Return the filled documents the prepared-once way."""
    template = prepare_word_template(data, "模板.docx")
    return [fill_word_template(template, doc, facts) for doc, facts in job]


def naive(data: bytes, job: Job) -> list[bytes]:
    """Return the filled documents the way docxtpl is usually called: a new template each time."""
    from docxtpl import DocxTemplate

    values_from = prepare_word_template(data, "模板.docx")  # only to build the same values
    options = DocxOptions()
    styles, _ = values_from.styles(options)
    env = values_from.compiled[0][1].environment
    out = []
    for doc, facts in job:
        values, _ = fill_values(values_from, doc, facts, options, styles)
        template = DocxTemplate(io.BytesIO(data))
        with budget_scope(values_from.limits):
            template.render(word_context(values), jinja_env=env, autoescape=True)
        buffer = io.BytesIO()
        template.save(buffer)
        out.append(buffer.getvalue())
    return out


def _timed(fn: Callable[..., list[bytes]], *args: object) -> tuple[float, float, list[bytes]]:
    """Return (wall seconds, CPU seconds, result) of one call."""
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    return time.perf_counter() - start_wall, time.process_time() - start_cpu, result


def compare(label: str, data: bytes, job: Job) -> None:
    """Print both ways' times for one template and job, and their ratio."""
    ours(data, job[:3]), naive(data, job[:3])  # warm: imports, the caches of our writer
    naive_wall, naive_cpu, naive_out = _timed(naive, data, job)
    ours_wall, ours_cpu, ours_out = _timed(ours, data, job)
    print(f"{label}: {DOCUMENTS} documents, template {len(data):,} bytes")
    print(f"  naive docxtpl loop:   {naive_wall:6.2f} s wall, {naive_cpu:6.2f} s CPU, "
          f"{naive_wall / DOCUMENTS * 1000:5.1f} ms a document")
    print(f"  ours (prepared once): {ours_wall:6.2f} s wall, {ours_cpu:6.2f} s CPU, "
          f"{ours_wall / DOCUMENTS * 1000:5.1f} ms a document")
    print(f"  ratio: {naive_wall / ours_wall:.1f}x wall, {naive_cpu / ours_cpu:.1f}x CPU (goal ≥ 5x)")
    sizes = (sum(map(len, out)) / DOCUMENTS for out in (naive_out, ours_out))
    print("  mean file size: naive {:,.0f} B, ours {:,.0f} B".format(*sizes))


def run() -> None:
    compare("红头模板.docx (notice, bulletin, speech)", *red_header_job())
    compare("督办单 table template (one 县区 each)", *table_job())
