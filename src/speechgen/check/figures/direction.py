"""The direction of a gap in 百分点 (figure-direction): "快3.2个百分点" where the ledger is 4.8
behind is wrong however right the number, so the direction word (快/慢, 超/落后, 高于/低于 …)
before a gap is held to the sign of the fact, and the fix gives the whole phrase."""

from __future__ import annotations

import re
from decimal import Decimal

from speechgen.check.draft import Draft
from speechgen.check.figures.index import Candidate
from speechgen.check.figures.labels import Label
from speechgen.check.figures.match import Choice, in_written_unit, matches
from speechgen.check.figures.written import Written
from speechgen.check.findings import Finding
from speechgen.zh import compare_phrase

_GAPS = {"gap_schedule": "时序进度", "gap_overall": ""}
_WORD = re.compile(r"(快于|高于|高出|超过|超出|领先于?|快|超|高)|(慢于|低于|低出|落后于?|滞后于?|慢|低|差)")


def said_direction(text: str, start: int) -> tuple[int, str] | None:
    """Return +1 (ahead) or −1 (behind) and the word, for the last direction word in the clause
    before a figure at start; None when the clause has none."""
    clause = re.split(r"[，,。；;：:！？!?]", text[:start])[-1]
    words = list(_WORD.finditer(clause))
    if not words:
        return None
    return (1 if words[-1].group(1) else -1), words[-1].group()


def direction_finding(draft: Draft, index: int, text: str, start: int, quote: str, written: Written,
                      label: Label, choice: Choice) -> Finding | None:
    """Return the finding for a gap whose direction word contradicts the fact it stands for (the
    fact of that figure, else the nearest of the label's subject), or None."""
    if written.kind != "points" or label.metric not in _GAPS:
        return None
    found = said_direction(text, start)
    facts = [c for c in choice.preferred if c.metric == label.metric and c.signed is not None]
    if found is None or not facts:
        return None
    said, word = found
    matching = [c for c in facts if matches(written, c)]
    if any(c.signed and (c.signed > 0) == (said > 0) for c in matching):
        return None  # a fact of that size said that way exists (a unit 高出 4.8 while the whole is 落后 4.8)
    fact = matching[0] if matching else _nearest(written, facts)
    if fact.signed is None or fact.signed == 0 or (fact.signed > 0) == (said > 0):
        return None
    phrase = compare_phrase(fact.signed, _GAPS[label.metric])
    return draft.finding("figure-direction", "error", index, quote,
                         f"写作“{word}{written.text}”，台账中{fact.label}为{phrase}",
                         f"请改为“{phrase}”")


def _nearest(written: Written, facts: list[Candidate]) -> Candidate:
    return min(facts, key=lambda c: abs(in_written_unit(written, c) - Decimal(written.value)))
