"""Run the rule chain over a draft and collect the Report (`speechgen check`)."""

from __future__ import annotations

from speechgen.check.chain import RuleChain
from speechgen.check.draft import Draft
from speechgen.check.findings import Report
from speechgen.check.model import Source
from speechgen.check.ruleset import RULES
from speechgen.facts import Facts
from speechgen.style import DEFAULT_FONTS, FontSet


def check_source(source: Source, *, facts: Facts | None = None, fonts: FontSet = DEFAULT_FONTS,
                 rules: RuleChain = RULES) -> Report:
    """Return the findings of the rules switched on: the text rules, the figure rules when facts
    are given, and the layout rules for a .docx (against speechgen.style, with the given fonts)."""
    draft = Draft.of(source, facts=facts, fonts=fonts)
    return Report.build(source.name, rules.run(draft), ignored=rules.ignored())
