"""Landscape pages inside a template's body: our section breaks, given the template's own sections.

Our writer sets an attachment table too wide for portrait in a landscape section (GB/T 9704
clause 8). Its section properties name our footers; in a user's template they must name the
template's, so each of our ``<w:sectPr>`` is replaced by the template's last section (the one
``{{p 正文 }}`` sits in): as it is for the portrait pages before the table, turned a quarter for
the landscape ones — the paper swapped, the margins turned as ours are (the left margin becomes
the top), headers, footers and page-number format kept, numbering continued, no title page.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from lxml import etree

from speechgen.wordtemplate.package import SAFE_PARSER

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OUR_SECTION = re.compile(r"<w:sectPr>.*?</w:sectPr>", re.DOTALL)  # ours are never nested


@dataclass(frozen=True)
class Sections:
    """The template's section properties to close a portrait and a landscape run of pages with;
    ``start`` is the template's page-number start (`` w:start="1"``), which the break that ends
    the document's first section takes over (the template's own last section then continues)."""

    portrait: str
    landscape: str
    start: str = ""

    def apply(self, body_xml: str, *, first: bool) -> str:
        """Return our body XML with each of our section breaks given the template's properties;
        ``first`` when no section break comes before this XML in the document."""
        if "<w:sectPr" not in body_xml:
            return body_xml
        count = 0

        def replace(match: re.Match[str]) -> str:
            nonlocal count
            count += 1
            text = self.landscape if 'w:orient="landscape"' in match.group(0) else self.portrait
            if first and count == 1 and self.start:
                text = text.replace("<w:pgNumType", f"<w:pgNumType{self.start}", 1)
            return text

        return _OUR_SECTION.sub(replace, body_xml)


_START = re.compile(r'(<w:pgNumType\b[^>]*?)\s+w:start="\d+"')


def continue_numbering(document_xml: bytes) -> bytes:
    """Return the filled main part with its last section continuing the page numbers (its
    ``w:start`` went to the first section, which our section breaks now end)."""
    at = document_xml.rfind(b"<w:sectPr")
    tail = _START.sub(r"\1", document_xml[at:].decode("utf-8"), count=1)
    return document_xml[:at] + tail.encode("utf-8")


def template_sections(document_xml: bytes) -> Sections:
    """Return the sections derived from the template's last ``<w:sectPr>`` (or none: ours removed)."""
    root = etree.fromstring(document_xml, SAFE_PARSER)
    last = root.find(f"{W}body/{W}sectPr")
    if last is None:
        return Sections("", "")
    portrait = _inner(last)
    landscape = copy.deepcopy(portrait)
    size = landscape.find(f"{W}pgSz")
    if size is not None:
        width, height = size.get(f"{W}w"), size.get(f"{W}h")
        if width and height and int(width) < int(height):
            size.set(f"{W}w", height)
            size.set(f"{W}h", width)
        size.set(f"{W}orient", "landscape")
    margins = landscape.find(f"{W}pgMar")
    if margins is not None:  # turned a quarter: left → top, top → right, right → bottom, bottom → left
        top, right, bottom, left = (margins.get(f"{W}{side}") for side in ("top", "right", "bottom", "left"))
        for side, value in (("top", left), ("right", top), ("bottom", right), ("left", bottom)):
            if value is not None:
                margins.set(f"{W}{side}", value)
    numbering = last.find(f"{W}pgNumType")
    start = numbering.get(f"{W}start") if numbering is not None else None
    return Sections(_text(portrait), _text(landscape), f' w:start="{start}"' if start else "")


def _inner(sect_pr: etree._Element) -> etree._Element:
    """Return a copy for a section inside the body: no separate first page, numbering continued."""
    inner = copy.deepcopy(sect_pr)
    for name in ("titlePg", "type"):
        for element in inner.findall(f"{W}{name}"):
            inner.remove(element)
    numbering = inner.find(f"{W}pgNumType")
    if numbering is not None:
        numbering.attrib.pop(f"{W}start", None)
    for attribute in [key for key in inner.attrib if "rsid" in key]:
        del inner.attrib[attribute]
    return inner


def _text(sect_pr: etree._Element) -> str:
    """Return the element as XML without namespace declarations (the body declares them)."""
    text = etree.tostring(sect_pr, encoding="unicode")
    return re.sub(r'\s+xmlns:\w+="[^"]*"', "", text)
