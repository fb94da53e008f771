"""Table cells against the ledger: a cell's metric and unit come from its column header
("年度计划（亿元）", "完成率"), its subject from the row (高新区, a project, 合计), so a bare
"14.00" under "完成投资（亿元）" in the 高新区 row is checked against 高新区's 完成投资.

Cells are read from a .docx or dialect table (``Para.cell``) and from plain text, where a
table comes as lines of tab-separated (or "|"-framed) cells, the first line its header.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from speechgen.check.draft import Draft
from speechgen.check.figures.index import FigureIndex
from speechgen.check.figures.labels import Label, header_label, label_figure
from speechgen.check.figures.match import Pools, judge
from speechgen.check.figures.written import Written, find_figures
from speechgen.check.findings import Finding

_CELL = re.compile(r"[-+−]?\s*(\d+(?:\.\d+)?)\s*(亿元|万元|%|％|个百分点|个|项)?")
_UNITS = {"％": "%", "项": "个"}
_KINDS = {"亿元": "amount", "万元": "amount", "%": "percent", "个百分点": "points", "个": "count"}
_RULE_CELL = re.compile(r":?-{2,}:?")


@dataclass
class _Table:
    """One table: header text per column, and each body row as (paragraph, column, text)."""

    header: dict[int, str] = field(default_factory=dict)
    rows: list[list[tuple[int, int, str]]] = field(default_factory=list)


def table_paragraphs(draft: Draft) -> set[int]:
    """Return the paragraphs that are table cells or plain-text table rows (read by column)."""
    cells = {index for index, para in enumerate(draft.source.paragraphs) if para.cell is not None}
    return cells | set(_text_rows(draft))


def check_tables(draft: Draft, index: FigureIndex, pools: Pools) -> Iterator[Finding]:
    """Yield a finding for every table cell whose figure is not the ledger's figure of its
    column and row."""
    for table in _tables(draft):
        lent = _one_subject(table, index)
        for row in table.rows:
            texts = [text for _, _, text in row]
            name, subjects = index.names.of_row(texts)
            if not subjects and lent is not None:
                name, subjects = lent
            name = name or next((t for t in texts if not _CELL.fullmatch(t.strip())), "")
            for position, column, text in row:
                header = table.header.get(column, "")
                yield from _cell(draft, position, header, text, Label(None, subjects), name, index, pools)


def _one_subject(table: _Table, index: FigureIndex) -> tuple[str, frozenset[str]] | None:
    """Return the one subject a table is about, when its narrowest names all name one (a form,
    督办单, names its project in a row or two, and its other rows — 完成率, 年度计划投资 — are that
    project's; its 县区 and 责任单位 rows name wider subjects)."""
    texts = [*table.header.values(), *(text for row in table.rows for _, _, text in row)]
    found = [(index.names.ranks.get(name, 0), name, keys) for name, keys in
             (index.names.of_row([text]) for text in texts) if keys]
    if not found:
        return None
    top = max(rank for rank, _, _ in found)
    narrowest = {keys: name for rank, name, keys in found if rank == top}
    return next(((name, keys) for keys, name in narrowest.items()), None) if len(narrowest) == 1 else None


def _cell(draft: Draft, position: int, header: str, text: str, row: Label, name: str,
          index: FigureIndex, pools: Pools) -> Iterator[Finding]:
    kind, unit, metric = header_label(header)
    quote = "｜".join(part for part in (name, header, text.strip()) if part)
    match = _CELL.fullmatch(text.strip())
    if match is None:  # a text cell: its own words first, then its column and row
        for written, start, end in find_figures(index.names.blank_digits(text)):
            label = label_figure(text, written.kind, start, end, index.names, listed=written.listed)
            # a cell naming no one is its row's (the whole ledger is only a sentence's default)
            named = label.subjects if label.subjects != index.names.whole else frozenset()
            label = Label(label.metric or (metric if kind == written.kind else None),
                          named or row.subjects or label.subjects)
            finding = judge(draft, position, quote, written, pools.choose(written, label))
            if finding is not None:
                yield finding
        return
    number, cell_unit = match.group(1), match.group(2)
    unit = _UNITS.get(cell_unit or "", cell_unit) or unit
    if unit is None or unit not in _KINDS:
        return
    if _KINDS[unit] != kind:
        metric = None
    if _KINDS[unit] == "count" and metric is None:
        return  # 序号, 年份 …: a bare number is a figure only under a header that says which
    shown_unit = "" if unit == "个" and not cell_unit else unit  # a bare count: "写作 1，台账计算为 2"
    written = Written(_KINDS[unit], Decimal(number), len(number.partition(".")[2]),  # type: ignore[arg-type]
                      shown_unit, f"{number}{shown_unit}", fixed=True)
    finding = judge(draft, position, quote, written, pools.choose(written, Label(metric, row.subjects)))
    if finding is not None:
        yield finding


def _tables(draft: Draft) -> list[_Table]:
    """Return the tables of the draft: cells with coordinates, then plain-text tables."""
    tables: dict[int, _Table] = {}
    headers: dict[tuple[int, int], list[str]] = {}
    rows: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for position, para in enumerate(draft.source.paragraphs):
        if para.cell is None:
            continue
        table, row, column = para.cell
        tables.setdefault(table, _Table())
        text = draft.structure.texts[position]
        if row == 0:
            headers.setdefault((table, column), []).append(text)
        else:
            rows.setdefault((table, row), []).append((position, column, text))
    for (table, column), parts in headers.items():
        tables[table].header[column] = "".join(parts)
    for (table, _), cells in rows.items():
        tables[table].rows.append(cells)
    return [*tables.values(), *_text_tables(draft)]


def _text_rows(draft: Draft) -> dict[int, list[str]]:
    """Return the plain-text paragraphs that are table rows, split into cells."""
    out: dict[int, list[str]] = {}
    for position, para in enumerate(draft.source.paragraphs):
        if para.role is not None or para.cell is not None:
            continue
        text = draft.structure.texts[position].strip()
        if text.count("\t") >= 2:
            out[position] = [cell.strip() for cell in text.split("\t")]
        elif len(text) > 2 and text[0] in "|｜" and text[-1] in "|｜":
            cells = [cell.strip() for cell in re.split(r"[|｜]", text[1:-1])]
            if len(cells) >= 3:
                out[position] = cells
    return out


def _text_tables(draft: Draft) -> list[_Table]:
    """Return the plain-text tables: runs of consecutive row paragraphs, the first the header."""
    tables: list[_Table] = []
    previous = None
    for position, cells in _text_rows(draft).items():
        if previous is not None and position == previous + 1 and all(
                _RULE_CELL.fullmatch(cell) or not cell for cell in cells):
            previous = position  # a "|---|---|" rule line under the header
            continue
        if previous is None or position != previous + 1 or _starts_table(tables[-1], cells):
            tables.append(_Table(header=dict(enumerate(cells))))
        else:
            tables[-1].rows.append([(position, column, cell) for column, cell in enumerate(cells)])
        previous = position
    return tables


def _starts_table(table: _Table, cells: list[str]) -> bool:
    """Return True when a row right under a table is the header of the next one: another
    number of columns, or no figure in any cell below a table that has rows."""
    if len(cells) != len(table.header):
        return True
    return bool(table.rows) and not any(_CELL.fullmatch(cell) for cell in cells)
