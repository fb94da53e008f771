"""A user's Word template, prepared once and filled for any number of documents (bytes in, bytes out).

``prepare_word_template`` checks the file (package.py), lets docxtpl prepare its XML (docxtpl_xml.py),
compiles every part in the sandbox and runs template-check (check.py); it raises TemplateError when
the check finds an error. ``fill_word_template`` then only builds the values, renders the compiled
parts and writes the zip — what docxtpl's own ``render`` repeats for every document is done once.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import Any

import jinja2
from lxml import etree

from speechgen import document as d
from speechgen.compose.limits import DEFAULT_LIMITS, TemplateLimits
from speechgen.errors import InputError, Problem, TemplateError
from speechgen.facts import Facts
from speechgen.wordtemplate.archive import Deflated, deflate, write_zip
from speechgen.wordtemplate.check import check_template
from speechgen.wordtemplate.context import WordXml, document_values, ledger_values, split_blocks, word_context
from speechgen.wordtemplate.docxtpl_xml import W_NS, PreparedPart, TemplateXml
from speechgen.wordtemplate.fields import Source
from speechgen.wordtemplate.filling import render_parts, word_environment
from speechgen.wordtemplate.package import SAFE_PARSER, WordPackage, open_package
from speechgen.wordtemplate.report import TemplateReport
from speechgen.wordtemplate.scan import part_labels
from speechgen.wordtemplate.sections import Sections, continue_numbering, template_sections
from speechgen.wordtemplate.styles import MergedStyles, merge_styles
from speechgen.writers.docx import DocxOptions, render_body_xml, styles_xml

_STYLES_PART = "word/styles.xml"
_DEFAULT_OPTIONS = DocxOptions()
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


@dataclass
class WordTemplate:
    """A checked, prepared Word template: its entries, its compiled parts and its report."""

    name: str
    package: WordPackage
    xml: TemplateXml
    labels: dict[str, str]
    compiled: tuple[tuple[PreparedPart, jinja2.Template], ...]
    table_parts: frozenset[str]
    report: TemplateReport
    limits: TemplateLimits
    sections: Sections
    _styles: dict[DocxOptions, tuple[MergedStyles, Deflated]] = field(default_factory=dict, repr=False)
    _entries: tuple[Deflated, ...] = field(default=(), repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def styles(self, options: DocxOptions) -> tuple[MergedStyles, Deflated]:
        """Return the template's styles merged with ours for ``options``, and that part deflated
        (built once per options)."""
        with self._lock:
            if options not in self._styles:
                merged = merge_styles(self.package.part(_STYLES_PART), styles_xml(options))
                self._styles[options] = (merged, self._deflate(_STYLES_PART, merged.xml))
            return self._styles[options]

    def entries(self) -> tuple[Deflated, ...]:
        """Return the template's zip entries deflated (once: a batch does not deflate them again)."""
        with self._lock:
            if not self._entries:
                self._entries = tuple(deflate(info.filename, data, info.date_time, info.external_attr)
                                      for info, data in self.package.entries)
            return self._entries

    def _deflate(self, name: str, data: bytes) -> Deflated:
        info = next(info for info, _ in self.package.entries if info.filename == name)
        return deflate(name, data, info.date_time, info.external_attr)

    def assemble(self, filled: dict[str, bytes], styles: Deflated) -> bytes:
        """Return the .docx: the template's entries in order, with the filled parts and the styles."""
        entries = [styles if entry.name == _STYLES_PART else
                   deflate(entry.name, filled[entry.name], entry.date_time, entry.external_attr)
                   if entry.name in filled else entry for entry in self.entries()]
        return write_zip(entries)


def inspect_word_template(data: bytes, name: str, *, source: Source = "ledger",
                          limits: TemplateLimits = DEFAULT_LIMITS) -> WordTemplate:
    """Return the prepared template whatever template-check finds (its ``report`` says); raises
    InputError only for a file that is no usable .docx. ``source`` "document" checks for render,
    where the ledger's fields do not exist."""
    package = open_package(data, name)
    _check_main_part(package, name)
    try:
        xml = TemplateXml(data)
    except (KeyError, ValueError, TypeError, AttributeError, etree.XMLSyntaxError) as error:
        raise InputError(Problem(f"docxtpl 无法读取这个模板（{type(error).__name__}: {str(error)[:80]}）",
                                 file=name, hint="请在 Word 中打开它并重新保存为 .docx")) from None
    labels = part_labels(package, [part.name for part in xml.parts])
    checked = check_template(package, xml, labels, word_environment(limits), source, name)
    return WordTemplate(name, package, xml, labels, checked.compiled, checked.table_parts, checked.report, limits,
                        template_sections(package.part(package.main)))


def prepare_word_template(data: bytes, name: str, *, source: Source = "ledger",
                          limits: TemplateLimits = DEFAULT_LIMITS) -> WordTemplate:
    """Return the prepared template, ready to fill many documents; raises TemplateError listing
    every error template-check finds (its warnings stay in ``report``)."""
    template = inspect_word_template(data, name, source=source, limits=limits)
    if template.report.errors:
        raise TemplateError(list(template.report.errors))
    return template


_PREPARED: OrderedDict[tuple[bytes, str, str, TemplateLimits], WordTemplate] = OrderedDict()
_PREPARED_LOCK = threading.Lock()
PREPARED_KEPT = 4  # templates kept per process


def prepared_word_template(data: bytes, name: str, *, source: Source = "ledger",
                           limits: TemplateLimits = DEFAULT_LIMITS) -> WordTemplate:
    """Return ``prepare_word_template``'s result, kept per process for the same bytes, name, use
    and limits: a batch that fills one template through the value API (a request per document,
    in worker processes) prepares it once per worker, not once per document."""
    key = (hashlib.sha256(data).digest(), name, source, limits)
    with _PREPARED_LOCK:
        found = _PREPARED.get(key)
        if found is not None:
            _PREPARED.move_to_end(key)
            return found
    template = prepare_word_template(data, name, source=source, limits=limits)
    with _PREPARED_LOCK:
        _PREPARED[key] = template
        while len(_PREPARED) > PREPARED_KEPT:
            _PREPARED.popitem(last=False)
    return template


def _check_main_part(package: WordPackage, name: str) -> None:
    """Refuse a main part whose WordprocessingML prefix is not ``w`` (docxtpl's expressions need it)."""
    if _STYLES_PART not in {info.filename for info, _ in package.entries}:
        raise InputError(Problem("模板缺少样式（word/styles.xml）", file=name,
                                 hint="请在 Word 中打开它并重新保存为 .docx"))
    root = etree.fromstring(package.part(package.main), SAFE_PARSER)
    if root.nsmap.get("w") != W_NS:
        raise InputError(Problem("模板的 XML 不是 Word 通常的写法（缺少 w: 命名空间）", file=name,
                                 hint="请在 Word 或 WPS 中打开它并重新保存为 .docx"))


def fill_values(template: WordTemplate, doc: d.Document, facts: Facts | None, options: DocxOptions,
                styles: MergedStyles) -> tuple[dict[str, Any], bool]:
    """Return the values of one document — its own fields, the ledger's, and 正文/附件 in our
    styles — and whether 正文/附件 brought section breaks (landscape tables)."""
    body, attachments = split_blocks(doc, template.report.placed)
    values: dict[str, Any] = dict(document_values(doc))
    if facts is not None:
        values.update(ledger_values(facts, template.report.fields))
    landscape = bool(template.sections.portrait)  # wide tables turn, in the template's own sections
    sectioned = False
    for field_name, blocks in (("正文", body), ("附件", attachments)):
        new_page = field_name == "附件"  # 7.3.7: an attachment starts a new page
        xml = render_body_xml(replace(doc, blocks=blocks), options, new_page=new_page, sections=landscape)
        xml = template.sections.apply(xml, first=not sectioned)
        sectioned = sectioned or "<w:sectPr" in xml
        values[field_name] = WordXml(styles.restyle(xml))
    return values, sectioned


def fill_word_template(template: WordTemplate, doc: d.Document, facts: Facts | None = None,
                       options: DocxOptions = _DEFAULT_OPTIONS) -> bytes:
    """Return the .docx of ``doc`` filled into the template (``facts`` for the ledger's fields).
    Raises TemplateError when a part cannot be filled; nothing is half-made."""
    # 1. styles: the template's, with ours added where it lacks them (once per options)
    styles, styles_entry = template.styles(options)
    # 2. values: the 公文's fields, the ledger's, 正文 and 附件 rendered by our .docx writer
    values, sectioned = fill_values(template, doc, facts, options, styles)
    # 3. render every templated part in the sandbox under one budget, finish and check it
    filled = render_parts(template.xml, template.compiled, word_context(values), name=template.name,
                          labels=template.labels, limits=template.limits, table_parts=template.table_parts)
    # 4. assemble: the template's entries, the filled parts, the merged styles, the title
    if sectioned:
        filled[template.package.main] = continue_numbering(filled[template.package.main])
    core = _core_with_title(template.package, doc.title or values["标题"].replace("\n", ""))
    if core is not None:
        filled["docProps/core.xml"] = core
    return template.assemble(filled, styles_entry)


def _core_with_title(package: WordPackage, title: str) -> bytes | None:
    """Return docProps/core.xml with the document's title (None when the template has none)."""
    try:
        root = etree.fromstring(package.part("docProps/core.xml"), SAFE_PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return None
    element = root.find(_DC_TITLE)
    if element is None:
        element = etree.SubElement(root, _DC_TITLE)
    element.text = title
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)

