"""The named rule chain of `speechgen check` (markdown-it's Ruler is the model): an ordered table
of rules, each with a name, a one-line Chinese summary and the function that finds it, and a
chain with some of them switched off by name."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from speechgen.check.draft import Draft
from speechgen.check.findings import Finding
from speechgen.errors import InputError, Problem

Check = Callable[[Draft], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """One rule: ``name`` is what every finding of it carries and what --ignore takes; ``group``
    the heading it is listed under; ``check`` yields its findings. Rules of one family may share
    a function (numbering-gap and numbering-repeat come from one walk of the lists): it runs once
    and each rule keeps the findings that carry its name."""

    name: str
    group: str
    summary: str
    check: Check


class RuleChain:
    """Rules in the order the report explains them, and the names switched off. Never changed in
    place (a web app shares one): ``without`` returns a new chain."""

    def __init__(self, rules: Iterable[Rule], off: frozenset[str] = frozenset()) -> None:
        self.rules = tuple(rules)
        names = [rule.name for rule in self.rules]
        doubled = sorted({name for name in names if names.count(name) > 1})
        if doubled:
            raise ValueError(f"rule names registered twice: {doubled}")
        self.off = frozenset(off)

    def names(self) -> tuple[str, ...]:
        return tuple(rule.name for rule in self.rules)

    def ignored(self) -> tuple[str, ...]:
        """Return the names switched off (ignored), in chain order."""
        return tuple(name for name in self.names() if name in self.off)

    def without(self, names: str | Iterable[str]) -> RuleChain:
        """Return the chain with the named rules switched off (names as a user types them: case
        and surrounding spaces do not matter). InputError names every unknown one."""
        if isinstance(names, str):
            names = [names]
        wanted = [name.strip().lower() for name in names if name.strip()]
        known = self.names()
        unknown = [name for name in dict.fromkeys(wanted) if name not in known]
        if unknown:
            raise InputError(_unknown(unknown, known))
        return RuleChain(self.rules, self.off | set(wanted))

    def run(self, draft: Draft) -> list[Finding]:
        """Return the findings of every rule switched on; a function whose rules are all off does
        not run."""
        families: dict[Check, list[Rule]] = {}
        for rule in self.rules:
            families.setdefault(rule.check, []).append(rule)
        found: list[Finding] = []
        for check, rules in families.items():
            wanted = {rule.name for rule in rules if rule.name not in self.off}
            if not wanted:
                continue
            results = list(check(draft))
            stray = {f.rule for f in results} - {rule.name for rule in rules}
            if stray:  # a rule module's bug: a finding nobody could switch off or look up
                raise LookupError(f"{check.__module__}.{check.__qualname__} yields unregistered rules {sorted(stray)}")
            found.extend(f for f in results if f.rule in wanted)
        return found


def _unknown(unknown: list[str], known: tuple[str, ...]) -> Problem:
    """Return the problem naming each unknown rule (with the likely one meant) and the known ones."""
    named = []
    for name in unknown:
        close = difflib.get_close_matches(name, known, n=1)
        named.append(f"“{name}”" + (f"（是不是“{close[0]}”？）" if close else ""))
    return Problem(f"没有名为{'、'.join(named)}的检查规则",
                   hint=f"可用的规则：{'、'.join(known)}（speechgen check --list-rules 列出各规则的说明）")
