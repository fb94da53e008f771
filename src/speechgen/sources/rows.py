"""The rows under a ledger's header: which are projects, which are 合计/section/note rows.

Skipped without complaint: blank rows; a 栏次 row of column numbers right under the header;
合计/总计/小计 rows (a single 合计/总计 row is kept to cross-check sums); section rows such as
"一、东城区" or "（一）产业项目" (no status, no owner); note rows with no 项目名称 and no amounts
("填表人：…"). A section row naming a 县区 ("一、东城区（8个）") supplies the 县区 of the rows
under it when the sheet has no 县区 column or leaves the cell blank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from speechgen.sources.cells import CellError, parse_amount
from speechgen.sources.grid import Grid, Header
from speechgen.sources.headers import AMOUNT_FIELDS
from speechgen.sources.records import RawRow
from speechgen.sources.text import clean_text, normalise
from speechgen.zh.markers import MARKER_NUMERALS

_TOTAL = re.compile(r"([^\d]{0,8}?)(合计|总计|小计|共计)(\(.*\))?")
_GRAND_PREFIXES = ("", "全市", "全县", "全区", "总", "项目")
_NUMERAL = f"[{MARKER_NUMERALS}]+"
_SECTION = re.compile(rf"({_NUMERAL}[、.]|[(]{_NUMERAL}[)]|第{_NUMERAL}(部分|类|批))")
_BARE_NUMERAL = re.compile(rf"[(]?{_NUMERAL}[)]?")
# (?<!\d) keeps the search linear: without it a long run of digits is tried from every position.
_COUNT = re.compile(r"[(（]?(共)?(?<!\d)\d+个(项目)?[)）]?$")
_DISTRICT_LABEL = re.compile(r".{1,8}(区|县|市|旗)")


@dataclass
class SheetRows:
    """What the rows under the header hold."""

    projects: list[RawRow] = field(default_factory=list)
    totals: dict[str, Decimal] = field(default_factory=dict)  # the 合计 row, in the column's unit
    totals_row: int | None = None
    grand_totals: int = 0  # how many 合计/总计 rows: the cross-check needs exactly one
    district_from_sections: bool = False


def collect_rows(grid: Grid, header: Header) -> SheetRows:
    """Return the project rows (cells keyed by field) and the 合计 row of a sheet."""
    result = SheetRows()
    section_district: str | None = None
    for index in range(header.data_start, len(grid.rows)):
        cells = grid.rows[index]
        values = {name: _cell(cells, col.index) for name, col in header.columns.items()}
        if _is_blank(cells) or (index == header.data_start and _is_column_numbers(cells)):
            continue
        total_label = _total_label(cells, header)
        if total_label:
            _keep_totals(result, values, index + 1, total_label)
            continue
        section = _section_label(cells, values)
        if section is not None:
            if _DISTRICT_LABEL.fullmatch(section):
                section_district = section
            continue
        if clean_text(values.get("name")) is None and not _has_amount(values):
            continue  # a note under the table: "填表人：…", "注：…"
        if section_district and clean_text(values.get("district")) is None:
            values["district"] = section_district
            result.district_from_sections = True
        result.projects.append(RawRow(index + 1, values))
    return result


def _cell(cells: Sequence[object], index: int) -> object:
    return cells[index] if index < len(cells) else None


def _is_blank(cells: Sequence[object]) -> bool:
    return all(clean_text(cell) is None for cell in cells)


def _is_column_numbers(cells: Sequence[object]) -> bool:
    """Return True for a 栏次 row: "1 2 3 4 …" under the header."""
    texts = [normalise(clean_text(cell)) for cell in cells if clean_text(cell)]
    return len(texts) >= 3 and all(text.isdigit() for text in texts)


def _total_label(cells: Sequence[object], header: Header) -> str | None:
    """Return "合计"/"总计"/"小计" if this is a sum row, looking only at the text columns."""
    # The label sits in the 序号 or 项目名称 column (or a cell merged across them).
    last = header.columns["name"].index + 1 if "name" in header.columns else len(cells)
    for cell in cells[: last + 1]:
        if not isinstance(cell, str):
            continue
        found = _TOTAL.fullmatch(normalise(cell))
        if found:  # "东城区合计" is a district's subtotal; "合计", "全市合计" the whole table's
            return found.group(2) if found.group(1) in _GRAND_PREFIXES else "小计"
    return None


def _keep_totals(result: SheetRows, values: dict[str, object], row: int, label: str) -> None:
    if label == "小计":
        return
    result.grand_totals += 1
    result.totals_row = row
    result.totals = {}
    for name in AMOUNT_FIELDS:
        try:
            amount = parse_amount(values.get(name))
        except CellError:
            continue
        if amount is not None:
            result.totals[name] = amount


def _section_label(cells: Sequence[object], values: dict[str, object]) -> str | None:
    """Return the label of a section row ("一、东城区（8个）" → "东城区"), None for other rows."""
    texts = [text for cell in cells if (text := clean_text(cell))]
    if not texts:
        return None
    banner = len(texts) >= 2 and len(set(texts)) == 1  # one text merged across the whole row
    if not banner and (clean_text(values.get("status")) or clean_text(values.get("owner"))):
        return None
    first = normalise(texts[0])
    if not banner and _BARE_NUMERAL.fullmatch(first) and len(texts) >= 2:  # 序号 "一" beside the label
        first = first + "、" + normalise(texts[1])
    numbered = _SECTION.match(first)
    counted = _COUNT.search(first) is not None and not _has_amount(values)
    if not (banner or numbered or counted):
        return None
    label = first[numbered.end():].lstrip("、.") if numbered else first
    return _COUNT.sub("", label)


def _has_amount(values: dict[str, object]) -> bool:
    return any(clean_text(values.get(name)) is not None for name in AMOUNT_FIELDS)
