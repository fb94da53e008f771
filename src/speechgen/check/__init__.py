"""check stage: read any draft (.txt/.docx/.md), recognise its outline, and lint it with the
named rule chain."""

from speechgen.check.chain import Rule, RuleChain
from speechgen.check.findings import Finding, Report
from speechgen.check.lint import check_source
from speechgen.check.model import Para, Source
from speechgen.check.outline import Outline, Part, Point, outline_source, render_outline
from speechgen.check.read import read_bytes, read_draft, read_source
from speechgen.check.ruleset import RULES

__all__ = [
    "RULES",
    "Finding",
    "Outline",
    "Para",
    "Part",
    "Point",
    "Report",
    "Rule",
    "RuleChain",
    "Source",
    "check_source",
    "outline_source",
    "read_bytes",
    "read_draft",
    "read_source",
    "render_outline",
]
