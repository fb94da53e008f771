"""The styles of a filled template: the template's own, plus ours where it lacks a style of that name.

Styles are matched by name and type, as Word matches them when it pastes between documents: a
Chinese Word calls ``heading 1`` "1" and Normal "a" internally, so ids cannot be compared. Where
the template has the style (its own 正文 font, say) the template's wins and our paragraphs are
given its id; where it has none, ours is added — under our id, or a fresh one when the template
already uses that id for another style — so nothing we insert comes out unstyled.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from speechgen.wordtemplate.package import SAFE_PARSER

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REFERENCES = ("basedOn", "next", "link")
_STYLE_REFERENCE = re.compile(r'(<w:(?:pStyle|rStyle|tblStyle) w:val=")([^"]+)(")')


@dataclass(frozen=True)
class MergedStyles:
    """The merged styles part and the id each of our style ids has in it."""

    xml: bytes
    ids: Mapping[str, str]
    added: tuple[str, ...]  # names of our styles the template lacked

    def restyle(self, body_xml: str) -> str:
        """Return our body XML with every style reference changed to the merged part's id."""
        ids = self.ids
        if all(key == value for key, value in ids.items()):
            return body_xml
        return _STYLE_REFERENCE.sub(lambda m: m.group(1) + ids.get(m.group(2), m.group(2)) + m.group(3), body_xml)


def _key(style: etree._Element) -> tuple[str, str]:
    name = style.find(f"{W}name")
    label = name.get(f"{W}val", "") if name is not None else style.get(f"{W}styleId", "")
    return style.get(f"{W}type", "paragraph"), label.strip().lower()


def _defaults(root: etree._Element) -> dict[str, str]:
    """Return the default style id of each type (paragraph, character, table, numbering)."""
    return {style.get(f"{W}type", "paragraph"): style.get(f"{W}styleId", "")
            for style in root.iter(f"{W}style") if style.get(f"{W}default") in ("1", "true", "on")}


def merge_styles(template_xml: bytes, ours_xml: bytes) -> MergedStyles:
    """Return the template's styles part with ours added where it lacks them (see the module docstring)."""
    template = etree.fromstring(template_xml, SAFE_PARSER)
    ours = etree.fromstring(ours_xml, SAFE_PARSER)
    by_key = {_key(style): style.get(f"{W}styleId", "") for style in template.iter(f"{W}style")}
    taken = set(by_key.values())
    template_defaults = _defaults(template)
    ids: dict[str, str] = {}
    missing: list[etree._Element] = []
    for style in ours.iter(f"{W}style"):
        our_id = style.get(f"{W}styleId", "")
        found = by_key.get(_key(style))
        if found is None and style.get(f"{W}default") == "1":
            found = template_defaults.get(style.get(f"{W}type", "paragraph"))
        if found:
            ids[our_id] = found
            continue
        new_id = our_id
        while new_id in taken:
            new_id = f"speechgen{new_id}"
        taken.add(new_id)
        ids[our_id] = new_id
        missing.append(style)
    added: list[str] = []
    for style in missing:
        copied = copy.deepcopy(style)
        copied.set(f"{W}styleId", ids[style.get(f"{W}styleId", "")])
        copied.attrib.pop(f"{W}default", None)  # the template keeps its own defaults
        for reference in _REFERENCES:
            element = copied.find(f"{W}{reference}")
            if element is not None:
                element.set(f"{W}val", ids.get(element.get(f"{W}val", ""), element.get(f"{W}val", "")))
        template.append(copied)
        name = style.find(f"{W}name")
        added.append(name.get(f"{W}val", "") if name is not None else copied.get(f"{W}styleId", ""))
    xml = etree.tostring(template, encoding="UTF-8", xml_declaration=True, standalone=True)
    return MergedStyles(xml, ids, tuple(added))
