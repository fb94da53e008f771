"""template-check: every tag of a Word template with its paragraph, and everything wrong with it —
unknown fields (with the nearest known name), syntax errors, unsafe or misplaced tags, fields a
user would expect — found before any document is made, then one trial fill with sample values."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import jinja2
from jinja2 import meta, nodes
from lxml import etree

from speechgen.compose.limits import TemplateLimits
from speechgen.errors import Problem, TemplateError
from speechgen.wordtemplate import fields as f
from speechgen.wordtemplate.context import sample_values, word_context
from speechgen.wordtemplate.docxtpl_xml import PreparedPart, TemplateXml
from speechgen.wordtemplate.filling import located, render_error, render_parts
from speechgen.wordtemplate.package import SAFE_PARSER, WordPackage
from speechgen.wordtemplate.report import TemplateReport
from speechgen.wordtemplate.scan import Paragraph, Tag, check_blocks, find_tags, paragraphs

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REFERENCES = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
BODY_SIZE_HALF_POINTS = 32  # 三号, GB/T 9704 7.3.3 (style.BODY_SIZE_PT × 2)


@dataclass(frozen=True)
class Checked:
    """The report and the parts compiled on the way (a fill reuses them)."""

    report: TemplateReport
    compiled: tuple[tuple[PreparedPart, jinja2.Template], ...]
    table_parts: frozenset[str]


def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(name)}(?!\w)")


def _first_tag(tags: Iterable[Tag], name: str) -> Tag | None:
    pattern = _name_pattern(name)
    return next((tag for tag in tags if tag.kind != "{#" and pattern.search(tag.inner)), None)


def _unknown(name: str, tag: Tag | None, source: f.Source, template: str) -> Problem:
    """Return the problem of a name that is no field: the nearest known name, or why it is missing."""
    field = f.BY_NAME.get(name)
    if field is not None and field.source == "ledger" and source == "document":
        message = f"字段“{name}”来自台账，render 排版的稿件没有台账，无法填写"
        hint = "请用 speechgen generate（带 --data 台账 --meeting 会议信息）生成，或从模板中删去它"
    else:
        close = difflib.get_close_matches(name, sorted(f.known_names()), n=1, cutoff=0.5)
        message = f"未知字段“{name}”" + (f"，是否想写“{close[0]}”？" if close else "")
        hint = None if close else "可用的字段见 docs/docx-templates.md"
    problem = tag.problem(message, hint) if tag else Problem(message, hint=hint)
    return Problem(problem.message, file=template, sheet=problem.sheet, hint=hint)


def _attribute_problems(tree: nodes.Template, tags: list[Tag], template: str) -> list[Problem]:
    """Return refused attributes (``_``-names) and unknown fields of rows: ``p.项目名城`` in a loop
    over 滞后项目, ``总体.完成律``."""
    problems: list[Problem] = []
    rows: dict[str, str] = {}  # loop variable → kind of row
    for loop in tree.find_all(nodes.For):
        if isinstance(loop.iter, nodes.Name) and isinstance(loop.target, nodes.Name):
            field = f.BY_NAME.get(loop.iter.name)
            if field is not None and field.items:
                rows[loop.target.name] = field.items
    for field in f.FIELDS:
        if field.items and field.name == "总体":
            rows.setdefault(field.name, field.items)
            rows.setdefault(field.english, field.items)
    for node in tree.find_all(nodes.Getattr):
        if node.attr.startswith("_"):
            tag = _first_tag(tags, node.attr)
            message = f"出于安全限制，模板不能使用以下划线开头的“{node.attr}”"
            problem = tag.problem(message) if tag else Problem(message)
            problems.append(Problem(problem.message, file=template, sheet=problem.sheet,
                                    hint="模板只能读取 docs/docx-templates.md 列出的字段"))
        elif isinstance(node.node, nodes.Name) and node.node.name in rows:
            known = f.item_names(rows[node.node.name])
            if node.attr not in known:
                close = difflib.get_close_matches(node.attr, sorted(known), n=1, cutoff=0.5)
                tag = _first_tag(tags, f"{node.node.name}.{node.attr}") or _first_tag(tags, node.node.name)
                message = f"“{node.node.name}”的每一项没有字段“{node.attr}”"
                message += f"，是否想写“{close[0]}”？" if close else ""
                problem = tag.problem(message) if tag else Problem(message)
                problems.append(Problem(problem.message, file=template, sheet=problem.sheet,
                                        hint="各列表的字段见 docs/docx-templates.md"))
    return problems


def _tree_problems(tree: nodes.Template, tags: list[Tag], source: f.Source, template: str,
                   env_globals: frozenset[str]) -> tuple[list[Problem], frozenset[str]]:
    """Return the problems of one part's syntax tree and the fields (Chinese names) it uses."""
    problems = [Problem("Word 模板不能引用其他文件（{% include %}、{% import %}、{% extends %}）",
                        file=template, hint="请把要用的内容直接写进模板")
                for _ in list(tree.find_all(_REFERENCES))[:1]]
    names = meta.find_undeclared_variables(tree) - env_globals
    known = f.known_names(source)
    for name in sorted(names - known):
        problems.append(_unknown(name, _first_tag(tags, name), source, template))
    problems += _attribute_problems(tree, tags, template)
    return problems, frozenset(f.canonical(name) for name in names & f.known_names())


def _placement(tags: list[Tag], main: bool, template: str) -> list[Problem]:
    """Return misplaced 正文/附件: they insert paragraphs, so only {{p …}} in the body will do."""
    problems = []
    for tag in tags:
        field = f.BY_NAME.get(tag.inner)
        if tag.kind != "{{" or field is None or not field.paragraphs:
            continue
        if not main:
            message = f"“{tag.text}”插入的是整段正文，只能写在文档正文中，不能写在{tag.paragraph.part}里"
        elif tag.level != "p":
            message = f"“{tag.text}”插入的是整段正文，须写成 {{{{p {field.name} }}}} 并单独成段"
        else:
            continue
        problems.append(Problem(tag.problem(message).message, file=template, sheet=tag.paragraph.part,
                                hint=f"请把这一段改为只写 {{{{p {field.name} }}}}"))
    return problems


def _expected(placed: frozenset[str], template: str) -> list[Problem]:
    """Return warnings for the fields a 红头 template is expected to place."""
    notes = {
        "正文": "模板中没有 {{p 正文 }}：生成的正文不会出现在文件中",
        "发文字号": "模板中没有 {{ 发文字号 }}：通报、通知的发文字号将连同本程序的版头（发文机关标志和红线）"
                "排在正文开头（讲话稿模板不需要它）",
    }
    found = [Problem(notes[name], file=template, hint=f"在模板中合适的位置写上 {{{{{'p ' if name == '正文' else ' '}"
                                                     f"{name} }}}}", severity="warning")
             for name in f.EXPECTED if name not in placed]
    if placed & {"署名", "成文日期"} and "附件" not in placed:
        found.append(Problem("模板有署名或成文日期，却没有 {{p 附件 }}：文件有附件时，附件会排在署名之前",
                             file=template, hint="在署名、成文日期之后，版记之前，单独一段写 {{p 附件 }}",
                             severity="warning"))
    return found


def _body_style(package: WordPackage, template: str) -> list[Problem]:
    """Return a warning when the template's 正文 (Normal) style is not 三号: our paragraphs take it."""
    try:
        root = etree.fromstring(package.part("word/styles.xml"), SAFE_PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return []
    normal = next((s for s in root.iter(f"{W}style")
                   if s.get(f"{W}type") == "paragraph" and s.get(f"{W}default") in ("1", "true")), None)
    sizes = [el.get(f"{W}val") for el in ((normal.findall(f"{W}rPr/{W}sz") if normal is not None else [])
                                          + root.findall(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz"))]
    size = next((int(s) for s in sizes if s and s.isdigit()), 20)  # Word's default: 10 pt
    if size == BODY_SIZE_HALF_POINTS:
        return []
    return [Problem(f"模板的“正文”样式是 {size / 2:g} 磅，公文正文应为三号（16 磅）；插入的正文段落会用模板的这个样式",
                    file=template, hint="在 Word 中修改“正文”样式（仿宋_GB2312、三号），或从 "
                                        "speechgen reference-docx 生成的文件导入样式", severity="warning")]


def check_template(package: WordPackage, xml: TemplateXml, labels: dict[str, str], env: jinja2.Environment,
                   source: f.Source, template: str) -> Checked:
    """Return what template-check reports, with the compiled parts when nothing stops a fill."""
    problems: list[Problem] = []
    all_tags: list[Tag] = []
    used: set[str] = set()
    placed: frozenset[str] = frozenset()
    compiled: list[tuple[PreparedPart, jinja2.Template]] = []
    table_parts = set()
    env_globals = frozenset(env.globals)
    for part in xml.parts:
        label = labels.get(part.name, part.name)
        found: list[Paragraph] = paragraphs(package.part(part.name), label)
        tags, tag_problems = find_tags(found)
        balance = check_blocks(tags)
        problems += [_in(p, template) for p in tag_problems + balance]
        problems += _placement(tags, part.shell is not None, template)
        all_tags += tags
        table_parts.update(part.name for tag in tags if tag.level == "tc")
        try:
            tree = env.parse(part.source)
            compiled.append((part, env.from_string(part.source)))
        except jinja2.TemplateSyntaxError as error:
            if not balance:  # an unbalanced {% if %} is reported once, at its own paragraph
                problems.append(render_error(error, template, part, label))
            continue
        except RecursionError:
            problems.append(located("模板嵌套过深", template, part, label, None, None))
            continue
        tree_problems, names = _tree_problems(tree, tags, source, template, env_globals)
        problems += tree_problems
        used |= names
        placed = names if part.shell is not None else placed
    problems += _expected(placed, template) + _body_style(package, template)
    report = TemplateReport(template, tuple(all_tags), tuple(problems), frozenset(used), placed)
    checked = Checked(report, tuple(compiled), frozenset(table_parts))
    if not report.errors:
        report = _trial_fill(checked, xml, labels, template, env.limits)  # type: ignore[attr-defined]
    return Checked(report, checked.compiled, checked.table_parts)


def _in(problem: Problem, template: str) -> Problem:
    return Problem(problem.message, file=template, sheet=problem.sheet, hint=problem.hint, severity=problem.severity)


def _trial_fill(checked: Checked, xml: TemplateXml, labels: dict[str, str], template: str,
                limits: TemplateLimits) -> TemplateReport:
    """Return the report with what one fill with sample values shows (a value the XML cannot take,
    a filter that fails on text, a limit)."""
    report = checked.report
    try:
        render_parts(xml, checked.compiled, word_context(sample_values()), name=template, labels=labels,
                     limits=limits, table_parts=checked.table_parts)
    except TemplateError as error:
        extra = tuple(Problem(f"用示例数据试填时：{p.message}", file=p.file, sheet=p.sheet, hint=p.hint)
                      for p in error.problems)
        return TemplateReport(report.name, report.tags, report.problems + extra, report.fields, report.placed)
    return report
