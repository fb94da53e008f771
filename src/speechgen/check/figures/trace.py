"""Figures against the ledger: every amount, percentage, 百分点 and project count in the text
must equal a figure the Facts back, after rounding the Facts at the printed precision — and a
figure whose words say what it is (开工率, 北岭县's 完成投资 …) must equal that figure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from speechgen.check.draft import Draft
from speechgen.check.figures.direction import direction_finding
from speechgen.check.figures.index import FigureIndex, facts_candidates
from speechgen.check.figures.labels import SubjectNames, label_figure
from speechgen.check.figures.match import Pools, judge
from speechgen.check.figures.tables import check_tables, table_paragraphs
from speechgen.check.figures.written import find_figures
from speechgen.check.findings import Finding, excerpt


def check_figures(draft: Draft) -> Iterator[Finding]:
    """Yield the figure findings of a draft checked against Facts (none without)."""
    if draft.facts is not None:
        yield from trace_figures(draft, facts_candidates(draft.facts))


def trace_figures(draft: Draft, index: FigureIndex) -> Iterator[Finding]:
    """Yield a finding for every figure that matches none of the facts its words allow (see
    ``check.figures.labels``); table cells are read with their column header and row."""
    pools = Pools(index)
    in_tables = table_paragraphs(draft)
    skipped = draft.structure.skipped
    for position, text in draft.text_paragraphs():
        if position in in_tables or (position in skipped and draft.para(position).role != "table"):
            continue
        for written, start, end in find_figures(index.names.blank_digits(text)):
            if written.kind == "count" and not written.listed and _closes_a_list(text, start, index.names):
                written = replace(written, listed=True)
            label = label_figure(text, written.kind, start, end, index.names, listed=written.listed)
            quote, choice = excerpt(text, start, end, 8), pools.choose(written, label)
            # A gap said the wrong way round is one finding with the whole phrase, not a number fix.
            finding = (direction_finding(draft, position, text, start, quote, written, label, choice)
                       or judge(draft, position, quote, written, choice))
            if finding is not None:
                yield finding
    yield from check_tables(draft, index, pools)


def _closes_a_list(text: str, start: int, names: SubjectNames) -> bool:
    """Return True for a count right after the last of several names ("甲、乙、丙3个项目"): like
    one after 等, the size of a named list."""
    clause = re.split(r"[，,。；：;:]", text[:start])[-1]
    found = names.find(clause)
    return len(found) > 1 and found[-1][1] == len(clause) and "、" in clause
