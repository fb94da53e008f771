"""The outline of a speech or 公文: title, salutation, the body's parts with their points, closing.

``closing`` is the first sentence of the closing paragraph, without its final punctuation: the
号召 or thanks that follows the last part ("同志们，……", "总之，……", "让我们……", "谢谢大家", or a
last paragraph ending in "！" that carries no marker); None when the speech simply ends with
its last point.
"""

from __future__ import annotations

from dataclasses import dataclass

from speechgen.check.model import Source
from speechgen.check.structure.analysis import Structure, analyse
from speechgen.check.structure.announce import announcement_note
from speechgen.check.structure.lists import Item
from speechgen.check.structure.markers import SENTENCE_END, heading_after

_TRAILING = "。！？!?；;，,：:"


@dataclass(frozen=True)
class Point:
    """A second-level item: its marker and the first sentence after it."""

    marker: str
    text: str


@dataclass(frozen=True)
class Part:
    """A top-level part of the body: marker as written, heading, and its points."""

    marker: str
    heading: str
    points: tuple[Point, ...]
    paragraph: int  # 1-based paragraph number


@dataclass(frozen=True)
class Outline:
    """What `speechgen outline` reports."""

    title: str | None
    salutation: bool
    parts: tuple[Part, ...]
    closing: str | None
    announced: int | None = None  # the parts the opening announces ("我讲三点意见" → 3)
    notes: tuple[str, ...] = ()  # what a reader should know: fewer parts than announced …

    def to_json(self) -> dict:
        """Return the outline as the JSON object `speechgen outline --json` prints."""
        return {
            "title": self.title,
            "salutation": self.salutation,
            "parts": [{"marker": p.marker, "heading": p.heading, "points": len(p.points)}
                      for p in self.parts],
            "closing": self.closing,
            "announced": self.announced,
            "notes": list(self.notes),
        }


def outline_source(source: Source) -> Outline:
    """Return the outline of a draft read by speechgen.check.read."""
    return outline_structure(analyse(source.paragraphs))


def outline_structure(found: Structure) -> Outline:
    """Return the outline of an analysed draft."""
    parts = tuple(_part(found, item) for item in found.parts)
    closing = None
    if found.closing is not None:
        closing = first_sentence(found.texts[found.closing])
    title = found.title_text
    announced = found.announced
    note = announcement_note(announced, len(parts))
    return Outline(title, found.salutation is not None, parts, closing,
                   announced.count if announced else None, (note,) if note else ())


def _part(found: Structure, item: Item) -> Part:
    marker = item.marker
    heading, _ = heading_after(found.texts[marker.para], marker, label=True)
    points = tuple(
        Point(child.marker.text, heading_after(found.texts[child.marker.para], child.marker, label=True)[0])
        for child in item.children
    )
    return Part(marker.text, heading.rstrip(_TRAILING), points, found.paras[marker.para].number)


def first_sentence(text: str) -> str:
    """Return text up to its first sentence end, without the final punctuation."""
    match = SENTENCE_END.search(text)
    sentence = text[: match.start()] if match else text
    return sentence.strip().rstrip(_TRAILING)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_outline(outline: Outline) -> str:
    """Return the outline as a readable tree in Chinese."""
    lines = [f"标题：{outline.title or '（无）'}", f"称谓：{'有' if outline.salutation else '无'}"]
    if not outline.parts:
        lines.append("正文：未识别出分部分的层次标题（一、 第一， （一） 等）")
    else:
        lines.append(f"正文：{len(outline.parts)}个部分")
        for part in outline.parts:
            count = f"{len(part.points)}个要点" if part.points else "无下级要点"
            lines.append(f"  {part.marker}{_short(part.heading)}（第{part.paragraph}段，{count}）")
            for point in part.points:
                lines.append(f"      {point.marker}{_short(point.text, 36)}")
    lines.append(f"结束语：{_short(outline.closing, 60) if outline.closing else '（无）'}")
    lines.extend(f"注意：{note}。" for note in outline.notes)
    return "\n".join(lines)
