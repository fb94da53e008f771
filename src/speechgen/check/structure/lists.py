"""Nested enumerations: which markers form one list, at which level, and what each item holds.

Inside a stretch of text (a part of the body, a point of a part …) the list of the next level
is the family that opens a paragraph first, or, when none does, the first family at all; its
markers are the items, and the markers between two items belong to the first item's sub-list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from speechgen.check.structure.markers import COMPATIBLE, Family, Marker


@dataclass
class Item:
    """One item of a list: its marker and the lists nested under it."""

    marker: Marker
    level: int
    children: list[Item] = field(default_factory=list)


@dataclass
class MarkerList:
    """One run of numbered items at one level (what the numbering rules inspect)."""

    level: int
    items: list[Marker]
    borrowed: list[Marker] = field(default_factory=list)  # items written in another family


def build_lists(markers: list[Marker], exclude: frozenset[Family], level: int,
                runs: list[MarkerList], max_level: int = 5) -> list[Item]:
    """Return the items of the list at ``level`` in markers (ordered by position).

    Every list found, at this level and below, is appended to ``runs``.
    """
    candidates = [m for m in markers if m.family not in exclude]
    if not candidates or level > max_level:
        return []
    leads = [m for m in candidates if m.lead]
    chosen = (leads or candidates)[0].family
    families = {chosen}
    partner = COMPATIBLE.get(chosen)
    if partner is not None and partner not in exclude:
        families.add(partner)
    members = [m for m in candidates if m.family in families]
    split = _split_runs(members)
    main = _main_run(split, leads)
    main_list = MarkerList(level, main)
    _borrow(main_list, [m for m in candidates if m.family not in families])
    runs.append(main_list)
    for other in split:
        if other is not main:
            runs.append(MarkerList(level, other))
    deeper = exclude | families
    items = [Item(m, level) for m in main_list.items]
    taken = {m.key for run in split for m in run} | {m.key for m in main_list.borrowed}
    rest = [m for m in candidates if m.key not in taken]
    before = [m for m in rest if not items or m.key < items[0].marker.key]
    if before:
        build_lists(before, deeper, level + 1, runs, max_level)
    for index, item in enumerate(items):
        upper = items[index + 1].marker.key if index + 1 < len(items) else None
        inside = [m for m in rest if m.key > item.marker.key and (upper is None or m.key < upper)]
        item.children = build_lists(inside, deeper, level + 1, runs, max_level)
    return items


def _split_runs(members: list[Marker]) -> list[list[Marker]]:
    """Return the members split where the count starts again at 1 (a new list)."""
    runs: list[list[Marker]] = []
    for marker in members:
        if not runs or (marker.number == 1 and runs[-1]):
            runs.append([marker])
        else:
            runs[-1].append(marker)
    return runs


def _main_run(runs: list[list[Marker]], leads: list[Marker]) -> list[Marker]:
    """Return the run that forms this level: the one holding the first paragraph-opening
    marker of its families, else the longest."""
    lead_keys = {m.key for m in leads}
    for run in runs:
        if any(m.key in lead_keys for m in run):
            return run
    return max(runs, key=len)


def _borrow(run: MarkerList, others: list[Marker]) -> None:
    """Fill gaps in run with markers of other families that carry the missing numbers
    ("一、 … 第二， … 三、"): they are items of this list written in a mixed style.

    Only a marker that stands alone in its own family inside the gap qualifies; one that is part
    of a sub-list ("（一）（二）（三）" under a part) is not borrowed.
    """
    items = run.items
    lead_like = sum(m.lead for m in items) * 2 >= len(items)
    result: list[Marker] = []
    previous_number, previous_key = 0, (-1, -1)
    for marker in items:
        if marker.number is None:  # 最后 continues the series
            result.append(marker)
            previous_number, previous_key = previous_number + 1, marker.key
            continue
        gap = [o for o in others if previous_key < o.key < marker.key]
        expected = previous_number + 1
        for other in gap:
            if expected >= marker.number:
                break
            same_family = [o for o in gap if o.family == other.family]
            if other.number == expected and other.lead == lead_like and len(same_family) == 1:
                result.append(other)
                run.borrowed.append(other)
                expected += 1
        result.append(marker)
        previous_number, previous_key = marker.number, marker.key
    run.items = result
