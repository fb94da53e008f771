"""Rendering a prepared Word template's parts in the template sandbox, and its errors in Chinese.

The environment is compose's ``TemplateSandbox`` (allow-list, plain data, time/work/size limits)
with StrictUndefined's Chinese messages, autoescape on — an ``&`` or ``<`` in a project name is
escaped, never XML (docxtpl #557) — and no loader: a Word template cannot include other files.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import SecurityError
from lxml import etree

from speechgen.compose.env import RENDER_ERRORS, translate_jinja_message
from speechgen.compose.filters import FILTERS
from speechgen.compose.limits import DEFAULT_LIMITS, TemplateLimitError, TemplateLimits, budget_scope
from speechgen.compose.sandbox import ReferenceRefused, TemplateSandbox, render_guarded
from speechgen.errors import Problem, TemplateError
from speechgen.wordtemplate.docxtpl_xml import PreparedPart, TemplateXml

_XML_TAGS = re.compile(r"<[^>]+>")
_HINT_NAMES = "可用的字段见 docs/docx-templates.md；speechgen template-check 模板.docx 可列出模板中的全部字段"
_HINT_SANDBOX = "模板只能读取字段，调用 docs/templates.md 列出的过滤器（见 docs/security.md）"
_HINT_LIMITS = "模板的时间和大小限制见 docs/security.md"


@functools.cache
def word_environment(limits: TemplateLimits = DEFAULT_LIMITS) -> TemplateSandbox:
    """Return the sandbox Word templates run in (one per limits, shared by every document)."""
    return TemplateSandbox(limits=limits, filters=FILTERS, autoescape=True)


@functools.cache
def _line_texts(source: str) -> tuple[str, ...]:
    return tuple(_XML_TAGS.sub("", line) for line in source.split("\n"))


def line_text(source: str, line: int | None) -> str:
    """Return the visible text (tags included) of line ``line`` of a prepared part: about one paragraph."""
    lines = _line_texts(source)
    if line is None or not 1 <= line <= len(lines):
        return ""
    text = lines[line - 1].strip()
    return text if len(text) <= 80 else text[:80] + "…"


def located(message: str, name: str, part: PreparedPart, label: str, line: int | None, hint: str | None) -> Problem:
    """Return a Problem naming the template, the part and the paragraph text of a prepared line."""
    text = line_text(part.source, line)
    where = f"段落“{text}”：" if text else ""
    return Problem(f"{where}{message}", file=name, sheet=label, hint=hint)


def _template_line(tb: TracebackType | None) -> int | None:
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_error(error: BaseException, name: str, part: PreparedPart, label: str) -> Problem:
    """Return the Problem of a render that failed (undefined field, sandbox, limit, bad value)."""
    if isinstance(error, ReferenceRefused):
        return located(f"模板引用被拒绝：{error.message}", name, part, label, error.lineno,
                       "Word 模板不能引用其他文件，请把要用的内容直接写进模板")
    if isinstance(error, jinja2.TemplateSyntaxError):
        return located(f"模板语法错误：{translate_jinja_message(error.message or str(error))}", name, part, label,
                       error.lineno, "请检查 {{ }} 与 {% %} 是否成对、字段名是否写对")
    message = translate_jinja_message(str(error))
    hint = _HINT_LIMITS if isinstance(error, TemplateLimitError) else (
        _HINT_SANDBOX if isinstance(error, SecurityError) else _HINT_NAMES)
    return located(f"模板出错：{message}", name, part, label, _template_line(error.__traceback__), hint)


def _xml_error(error: etree.XMLSyntaxError, rendered: str, name: str, part: PreparedPart, label: str) -> Problem:
    """Return the Problem of a part that is no longer XML once filled, at the paragraph it broke."""
    try:
        etree.fromstring(rendered.encode("utf-8"))
        line = None
    except etree.XMLSyntaxError as raw:
        line = raw.lineno
    text = _XML_TAGS.sub("", rendered.split("\n")[line - 1]).strip()[:80] if line else ""
    where = f"段落“{text}”附近：" if text else ""
    return Problem(f"{where}填充后的 XML 不完整（{error.msg}），文件会损坏", file=name, sheet=label,
                   hint="常见原因是条件或循环跨了段落或表格行；请运行 speechgen template-check 检查模板")


def render_parts(xml: TemplateXml, compiled: Sequence[tuple[PreparedPart, jinja2.Template]],
                 context: Mapping[str, Any], *, name: str, labels: Mapping[str, str], limits: TemplateLimits,
                 table_parts: frozenset[str] = frozenset()) -> dict[str, bytes]:
    """Return the filled bytes of every templated part, all rendered under one budget (the
    document as a whole is limited). Raises TemplateError with every part's problem."""
    filled: dict[str, bytes] = {}
    problems: list[Problem] = []
    with budget_scope(limits):
        for part, template in compiled:
            label = labels.get(part.name, part.name)
            try:
                rendered = render_guarded(template, dict(context))
            except (*RENDER_ERRORS, SecurityError) as error:
                problems.append(render_error(error, name, part, label))
                if isinstance(error, TemplateLimitError):
                    break  # the budget is spent: the other parts would stop at once
                continue
            try:
                filled[part.name] = xml.finish_part(part, rendered, fix_tables=part.name in table_parts)
            except etree.XMLSyntaxError as error:
                problems.append(_xml_error(error, rendered, name, part, label))
    if problems:
        raise TemplateError(problems)
    return filled
