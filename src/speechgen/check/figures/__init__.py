"""Figures traced to the Facts: what a figure says it is (labels), the figures a text writes
(written), every figure the Facts back (index), matching one against them (match), tables."""

from speechgen.check.figures.index import Candidate, FigureIndex, facts_candidates
from speechgen.check.figures.trace import check_figures
from speechgen.check.figures.written import Written, find_figures

__all__ = ["Candidate", "FigureIndex", "Written", "check_figures", "facts_candidates", "find_figures"]
