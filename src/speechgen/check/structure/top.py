"""Which marker family forms the body's parts (the top level), as a reader decides it.

The highest-ranked family that opens at least two paragraphs, starts at 1 (or 2), never starts
again at 1 and reads as headings — unless a lower-ranked family holds it inside one of its items
("一要……" paragraphs with "第一，第二，" under the first: 一要 is the top), or a higher-ranked
family opens a single paragraph numbered 1 before it (a draft with only part 一 written, its
（一）（二） below). A lone "一、" or "第一，" with nothing else is one part, never none.
"""

from __future__ import annotations

from speechgen.check.structure.markers import FAMILY_RANK, SENTENCE_END, Family, Marker

# Families a draft's single written part is numbered in ("一、" "第一，"); a lone "（一）" or
# "一是" is too weak a sign of a part.
_LONE_FAMILIES: tuple[Family, ...] = ("dun", "ordinal")


def top_family(markers: list[Marker], texts: list[str]) -> Family | None:
    """Return the family of the body's parts, or None when no family forms them."""
    leads = {family: [m for m in markers if m.lead and m.family == family] for family in FAMILY_RANK}
    qualified = [family for family in FAMILY_RANK if _forms_parts(family, leads[family], texts)]
    top = qualified[0] if qualified else None
    for lower in qualified[1:]:
        if top is not None and _encloses(leads[lower], leads[top]):
            top = lower
    return _lone_part(leads, texts, top) or top


def _forms_parts(family: Family, leads: list[Marker], texts: list[str]) -> bool:
    """Return True when the paragraphs a family opens can be the body's parts."""
    if len(leads) < 2:
        return False
    numbers = [m.number for m in leads]
    if family == "seq" and numbers[0] != 1:
        return False
    if numbers[0] not in (1, 2) or 1 in numbers[1:]:
        return False
    # Most of them read as headings (one long run-in first sentence does not undo a part).
    return sum(heading_like(texts[m.para], m) for m in leads) * 3 >= len(leads) * 2


def _encloses(outer: list[Marker], inner: list[Marker]) -> bool:
    """Return True when every marker of inner lies inside one item of outer, and outer goes on
    after them: inner is that item's sub-list, not the top level."""
    if not outer or not inner:
        return False
    first, last = inner[0].key, inner[-1].key
    return (any(m.key < first for m in outer) and any(m.key > last for m in outer)
            and not any(first < m.key < last for m in outer))


def _lone_part(leads: dict[Family, list[Marker]], texts: list[str], top: Family | None) -> Family | None:
    """Return a higher family than top that opens one paragraph numbered 1 (heading-like when
    there is a top to outrank), before every paragraph of top: the one part of a draft cut off
    (or not yet written) after it."""
    for family in _LONE_FAMILIES:
        if top is not None and FAMILY_RANK.index(family) >= FAMILY_RANK.index(top):
            return None
        own = leads[family]
        if len(own) != 1 or own[0].number != 1:
            continue
        if top is not None and not heading_like(texts[own[0].para], own[0]):
            continue  # a long first sentence does not outrank a family that forms parts
        if top is None or all(m.key > own[0].key for m in leads[top]):
            return family
    return None


def heading_like(text: str, marker: Marker) -> bool:
    """Return True when the marker's first sentence is short enough to be a heading."""
    rest = text[marker.end:]
    end = SENTENCE_END.search(rest)
    return len(rest[: end.start()] if end else rest) <= 60
