"""Run every rule over a draft and collect the Report (`speechgen check`)."""

from __future__ import annotations

from speechgen.check.draft import Draft
from speechgen.check.figures import check_figures
from speechgen.check.figures.index import facts_candidates
from speechgen.check.findings import Finding, Report
from speechgen.check.model import Source
from speechgen.check.rules import check_charset, check_dates, check_numbering, check_placeholders, check_punctuation
from speechgen.facts import Facts
from speechgen.style import DEFAULT_FONTS, FontSet

# The text rules, in the order their findings are explained.
TEXT_RULES = (check_charset, check_placeholders, check_numbering, check_punctuation, check_dates)


def check_source(source: Source, *, facts: Facts | None = None,
                 fonts: FontSet = DEFAULT_FONTS) -> Report:
    """Return the findings of every text rule, the figure rule when facts are given, and the
    layout rules for a .docx (against speechgen.style, with the given font set)."""
    draft = Draft.of(source)
    findings: list[Finding] = [f for rule in TEXT_RULES for f in rule(draft)]
    if facts is not None:
        findings.extend(check_figures(draft, facts_candidates(facts)))
    if source.format == "docx":
        from speechgen.check.layout import check_layout

        findings.extend(check_layout(draft, fonts))
    return Report.build(source.name, findings)
