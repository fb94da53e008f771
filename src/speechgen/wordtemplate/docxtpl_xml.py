"""docxtpl behind one door: a Word template's XML prepared for Jinja once, a rendered part finished
per document. The only module that imports docxtpl.

docxtpl's ``DocxTemplate.render`` does everything on every call — loads the .docx with python-docx,
merges the tags Word split over runs and turns ``{%p``/``{%tr``/``{%tc``/``{{r`` into plain Jinja
(``patch_xml``, a page of regular expressions), compiles the result, renders it, fixes tables,
re-serialises and saves — and cannot render twice (docxtpl #110, #394). Here the first steps run
once per template (``prepare_parts``); per document only our sandbox renders the compiled parts and
``finish_part`` applies docxtpl's last steps (``\\n``/``\\t``/``\\a`` in values → breaks, tabs,
paragraphs; grid columns after ``{%tc`` loops; picture ids) before the part is checked as XML.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from speechgen.wordtemplate.package import SAFE_PARSER

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_TAG_OPENER = re.compile(r"\{[{%#]")
_BODY_MARK = "speechgen-body-goes-here"


@dataclass(frozen=True)
class PreparedPart:
    """One part of the template ready for Jinja: ``source`` is docxtpl's patched XML with one
    paragraph a line (Jinja's line numbers then point at paragraphs); ``shell`` holds the main
    part's text before and after its body (the body alone is templated, as docxtpl does)."""

    name: str
    source: str
    shell: tuple[str, str] | None = None


class TemplateXml:
    """The parts of a Word template that hold tags, prepared once (see the module docstring)."""

    def __init__(self, data: bytes):
        from docxtpl import DocxTemplate

        self._docxtpl: Any = DocxTemplate(io.BytesIO(data))
        self._docxtpl.init_docx()
        self.parts: tuple[PreparedPart, ...] = tuple(self._prepare())

    def _prepare(self) -> list[PreparedPart]:
        tpl = self._docxtpl
        main = tpl.docx.part
        parts = [PreparedPart(_name(main), _one_paragraph_a_line(tpl.patch_xml(tpl.get_xml())),
                              _document_shell(main.blob))]
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for _, part in tpl.get_headers_footers(uri):
                parts.append(PreparedPart(_name(part), _one_paragraph_a_line(tpl.patch_xml(tpl.get_part_xml(part)))))
        for part in main.package.parts:
            if part.content_type == _FOOTNOTES:
                xml = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                parts.append(PreparedPart(_name(part), _one_paragraph_a_line(tpl.patch_xml(_strip_declaration(xml)))))
        return [part for part in parts if part.shell is not None or _TAG_OPENER.search(part.source)]

    def finish_part(self, part: PreparedPart, rendered: str, *, fix_tables: bool = False) -> bytes:
        """Return the bytes of a rendered part: docxtpl's finishing steps, then checked as XML
        (raises etree.XMLSyntaxError when the filled part is not well-formed). A part without
        statements is well-formed by construction — printed values are escaped, 正文 is our
        writer's — so only parts with {% %} are parsed."""
        xml = rendered.replace("\n<w:p", "<w:p")  # the line breaks _one_paragraph_a_line put in
        if "{_" in xml or "_}" in xml:  # docxtpl's escapes for literal {{ and %} in a template
            xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        if any(ch in xml for ch in "\n\t\a\f"):  # resolve_listing changes nothing else
            xml = self._docxtpl.resolve_listing(xml)
        if "{%" in part.source or fix_tables:  # a statement can cut XML apart: check it strictly
            tree = etree.fromstring(xml.encode("utf-8"), SAFE_PARSER)  # (docxtpl's own parse recovers)
            pictures = "<wp:docPr" in xml  # a loop may have repeated a picture: ids must stay unique
            if fix_tables:
                tree = self._docxtpl.fix_tables(xml)  # grid columns after {%tc loops
            if pictures:
                self._docxtpl.docx_ids_index = 1000
                self._docxtpl.fix_docpr_ids(tree)
            if fix_tables or pictures:
                xml = etree.tostring(tree, encoding="unicode")
        if part.shell is None:
            return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml).encode("utf-8")
        head, tail = part.shell
        return (head + xml + tail).encode("utf-8")


def _name(part: Any) -> str:
    """Return a python-docx part's zip entry name ("word/header1.xml")."""
    return str(part.partname).lstrip("/")


def _one_paragraph_a_line(xml: str) -> str:
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def _strip_declaration(xml: str) -> str:
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", xml)


def _document_shell(document_xml: bytes) -> tuple[str, str]:
    """Return the main part's text before and after ``<w:body>…</w:body>``."""
    root = etree.fromstring(document_xml, SAFE_PARSER)
    body = root.find(f"{{{W_NS}}}body")
    placeholder = etree.Element(f"{{{W_NS}}}body")
    placeholder.text = _BODY_MARK
    if body is None:
        root.append(placeholder)
    else:
        root.replace(body, placeholder)
    text = etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True).decode("utf-8")
    head, tail = text.split(f"<w:body>{_BODY_MARK}</w:body>")
    return head, tail
