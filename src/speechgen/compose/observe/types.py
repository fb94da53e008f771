"""Observation values: what holds of the data (name, polarity, salience) and the records a
passage prints it from."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from speechgen.compose.observe.schema import NAMES, Polarity

Record = Mapping[str, Any]  # plain data: str, int, bool and tuples of records


@dataclass(frozen=True)
class Observation:
    """One statement the data backs. ``salience`` (0–100) is how much it matters in this ledger:
    the plan orders what a part says by it."""

    name: str
    polarity: Polarity
    salience: int


def held(name: str, salience: int = 0) -> Observation:
    """Return the observation ``name`` (a name of observe/schema.py) with its polarity."""
    return Observation(name, NAMES[name].polarity, salience)


@dataclass(frozen=True)
class Local:
    """What holds for one item of a list (one laggard, one problem type): local names and records
    added to the document's for the one passage that describes it."""

    names: frozenset[str]
    records: Mapping[str, Record]
    key: str = ""  # what the item is (a project's name, a problem type), for messages and tests


NO_LOCAL = Local(frozenset(), {})


@dataclass(frozen=True)
class Observations:
    """Everything observed of one ledger: the names that hold, the records, and the items the
    plan may describe one by one (laggards in featuring order, problem types to answer)."""

    items: Mapping[str, Observation]
    records: Mapping[str, Record]
    laggards: tuple[Local, ...] = ()
    focuses: tuple[Local, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.items)

    def holds(self, *names: str) -> bool:
        """Return True when every name holds; KeyError for a name the vocabulary does not have."""
        unknown = [n for n in names if n not in NAMES]
        if unknown:
            raise KeyError(f"unknown observation name(s): {', '.join(unknown)}")
        return all(n in self.items for n in names)

    def any(self, *names: str) -> bool:
        """Return True when one of the names holds."""
        return any(self.holds(n) for n in names)

    def salience(self, name: str) -> int:
        """Return the salience of a held name (0 when it does not hold)."""
        item = self.items.get(name)
        return item.salience if item else 0


def collect(found: Iterable[Observation]) -> dict[str, Observation]:
    """Return the observations by name (the most salient one when a name comes twice)."""
    out: dict[str, Observation] = {}
    for item in found:
        if item.name not in out or item.salience > out[item.name].salience:
            out[item.name] = item
    return out
