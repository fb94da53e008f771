"""Plain data for templates: Facts, models and results turned into read-only values without methods.

A template (ours, or one a user uploads) sees only what this module makes: ``Record`` (named
fields), ``Term`` (an enum member: its text plus named properties), ``FrozenMap``, tuples,
frozensets and the scalars str, int, bool, Decimal, date and None. Live objects — pydantic
models above all, whose public methods (``parse_raw`` with pickle, ``parse_file``) reach the
file system and run code — never enter a template context; the sandbox (compose/sandbox.py)
refuses every attribute that is not a field of these values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import weakref
from collections.abc import Iterator, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

SCALARS: tuple[type, ...] = (str, int, bool, Decimal, dt.date, type(None))


class Record:
    """A read-only set of named fields (a fact, a project, the meeting …); no methods.

    Templates read ``record.name`` or ``record["name"]``; nothing else is reachable.
    """

    __slots__ = ("_kind", "_values")
    _kind: str
    _values: dict[str, Any]

    def __init__(self, kind: str, values: Mapping[str, Any]):
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_values", dict(values))

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Record is read-only")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and (self._kind, self._values) == (other._kind, other._values)

    def __hash__(self) -> int:
        return hash((self._kind, tuple(self._values.items())))

    def __repr__(self) -> str:
        return f"{self._kind}({', '.join(f'{k}={v!r}' for k, v in self._values.items())})"


def record_kind(record: Record) -> str:
    """Return what the record stands for ("Project", "Meeting" …), for messages."""
    return record._kind


def record_fields(record: Record) -> frozenset[str]:
    """Return the names a template may read from the record."""
    return frozenset(record._values)


class Term(str):
    """An enum member as a template sees it: its text (``{{ p.status }}`` → 在建, ``== "在建"``
    holds) plus its named properties (``.value``, ``.started``)."""

    _names: frozenset[str]

    def __new__(cls, text: str, properties: Mapping[str, Any]) -> Term:
        term = super().__new__(cls, text)
        for name, value in properties.items():
            object.__setattr__(term, name, value)
        object.__setattr__(term, "_names", frozenset(properties))
        return term

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Term is read-only")


def term_fields(term: Term) -> frozenset[str]:
    """Return the property names of a Term."""
    return term._names


class FrozenMap(Mapping[Any, Any]):
    """A read-only mapping (``items``, ``keys``, ``values``, ``get`` and ``[key]``)."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[Any, Any]):
        object.__setattr__(self, "_data", dict(data))

    def __getitem__(self, key: Any) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("FrozenMap is read-only")

    def __hash__(self) -> int:
        return hash(tuple(self._data.items()))

    def __repr__(self) -> str:
        return repr(self._data)


PLAIN_TYPES: tuple[type, ...] = (*SCALARS, Record, Term, FrozenMap, tuple, frozenset)


@functools.cache
def _properties(cls: type) -> tuple[str, ...]:
    """Return the public @property names of a class and its bases (computed fields such as
    Meeting.issuer_or_default, GroupFacts … ); methods are never included."""
    names: dict[str, None] = {}
    for klass in reversed(cls.__mro__):
        for name, member in vars(klass).items():
            if isinstance(member, property) and not name.startswith("_"):
                names[name] = None
    return tuple(names)


@functools.cache
def _record_names(cls: type) -> tuple[str, ...] | None:
    """Return the names a Record of this class holds — its dataclass or pydantic fields, then
    its public properties — or None when instances of the class are no record."""
    if dataclasses.is_dataclass(cls):
        fields = [f.name for f in dataclasses.fields(cls)]
    elif isinstance(getattr(cls, "model_fields", None), dict):
        fields = list(cls.model_fields)  # type: ignore[attr-defined]
    else:
        return None
    return (*fields, *(name for name in _properties(cls) if name not in fields))


# A memo maps id(original) to (original, plain). The original is held, so its id cannot be given
# to another object while the memo lives (a property that returns a new object each time would
# otherwise free it, and the next new object could take its id and be handed the first one's
# plain form), and a hit is taken only when it is that very object (``is``), never by id alone.
Memo = dict[int, tuple[Any, Any]]


def to_plain(value: Any, memo: Memo | None = None) -> Any:
    """Return ``value`` as plain data (see the module docstring); an object of a shape this
    module does not know raises TypeError — a new kind of value must be taught here, not passed
    through."""
    if type(value) in SCALARS or _shape(type(value)) == "plain":
        return value
    memo = {} if memo is None else memo
    entry = memo.get(id(value))
    if entry is not None and entry[0] is value:
        return entry[1]
    plain = _convert(value, memo)
    memo[id(value)] = (value, plain)
    return plain


@functools.cache
def _shape(cls: type) -> str:
    """Return what to_plain does with a value of this class, decided once per class (the ABC
    checks — Mapping above all — cost more than the conversion), in the order _convert tries."""
    for shape, kinds in (("plain", (Record, Term, FrozenMap)), ("enum", Enum), ("bool", bool), ("str", str),
                         ("int", int), ("float", float), ("datetime", dt.datetime), ("date", dt.date)):
        if issubclass(cls, kinds):
            return shape
    if not issubclass(cls, type) and _record_names(cls) is not None:  # a class itself is no record
        return "record"
    for shape, kinds in (("mapping", Mapping), ("sequence", (list, tuple)), ("set", (set, frozenset))):
        if issubclass(cls, kinds):
            return shape
    return "unknown"


def _convert(value: Any, memo: Memo) -> Any:
    shape = _shape(type(value))
    if shape == "record":
        return Record(type(value).__name__, {name: to_plain(getattr(value, name), memo)
                                             for name in _record_names(type(value))})  # type: ignore[union-attr]
    if shape == "sequence":
        return tuple(to_plain(item, memo) for item in value)
    if shape == "enum":
        properties = {"value": to_plain(value.value, memo)}
        properties.update({name: to_plain(getattr(value, name), memo) for name in _properties(type(value))})
        return Term(str(value.value), properties)
    if shape == "bool":
        return bool(value)
    if shape == "str":
        return str(value)
    if shape == "int":
        return int(value)
    if shape == "float":
        return Decimal(repr(value))
    if shape == "datetime":
        return dt.datetime.fromisoformat(value.isoformat())
    if shape == "date":
        return dt.date(value.year, value.month, value.day)
    if shape == "mapping":
        return FrozenMap({to_plain(k, memo): to_plain(v, memo) for k, v in value.items()})
    if shape == "set":
        return frozenset(to_plain(item, memo) for item in value)
    raise TypeError(f"{type(value).__name__} is not plain template data; teach compose/plain.py its shape")


# The plain form of a Facts (and of everything reachable from it), kept while that Facts lives: a
# batch or a second seed composes from the same Facts many times and converts it once. Looked up
# by id(anchor), taken only when the weak reference still gives that very object. The memo kept
# holds what the anchor reaches but not the anchor itself (its plain form is kept apart), or the
# anchor would never die; nor the shared parts' entries, which _SHARED keeps.
_CONVERTED: dict[int, tuple[weakref.ref[Any], Memo, Any]] = {}


def _memo_of(anchor: Any, memo: Memo) -> None:
    """Add to ``memo`` (which holds the conversions of shared parts, which the anchor may reuse)
    the conversions of ``anchor`` and of what it reaches: made once while the anchor lives."""
    key = id(anchor)
    entry = _CONVERTED.get(key)
    if entry is None or entry[0]() is not anchor:
        known = len(memo)
        plain = to_plain(anchor, memo)
        own = dict(itertools.islice(memo.items(), known, None))  # insertion order: the new ones
        own.pop(key, None)
        _CONVERTED[key] = (weakref.ref(anchor, lambda ref: _forget(key, ref)), own, plain)
        return
    memo.update(entry[1])
    memo[key] = (anchor, entry[2])


def _forget(key: int, ref: weakref.ref[Any]) -> None:
    """Drop a dead anchor's conversion — only if the entry is still that anchor's (its id may
    have been given to a new anchor converted since)."""
    entry = _CONVERTED.get(key)
    if entry is not None and entry[0] is ref:
        del _CONVERTED[key]


def plain_context(values: Mapping[str, Any], anchor: Any = None, shared: tuple[Any, ...] = ()) -> dict[str, Any]:
    """Return a template context with every value made plain (one memo, so an object reached
    twice — a project in ``facts.projects`` and in a laggard — is one Record). ``anchor``, an
    immutable object the values come from (the Facts), is converted once per process; so is each
    of ``shared``, immutable objects many anchors hold (the ranked table of every group,
    Facts.siblings, and the meeting, which a batch's documents share: converted once, not once
    per document)."""
    tables = tuple(part for part in shared if isinstance(part, tuple))
    memo: Memo = dict(_shared_union(tables)) if tables else {}
    for part in shared:
        if not isinstance(part, tuple):  # the meeting: kept while it lives, as an anchor is
            _memo_of(part, memo)
    if anchor is not None:
        _memo_of(anchor, memo)
    return {name: to_plain(value, memo) for name, value in values.items()}


# Shared tuples (which cannot be weakly referenced) and their conversion, the last few kept; each
# entry holds its tuple, so the id it is found by stays that tuple's.
_SHARED: dict[int, tuple[Any, Memo]] = {}
_SHARED_KEPT = 8
_UNION: list[tuple[tuple[Any, ...], Memo]] = []  # the last set of shared parts and their memos joined


def _shared_union(parts: tuple[tuple[Any, ...], ...]) -> Memo:
    """Return the conversions of all the shared tuples in one memo (not to be changed): the same
    tables for every document of a batch are joined once, not once per document."""
    if _UNION and len(_UNION[0][0]) == len(parts) and all(a is b for a, b in zip(_UNION[0][0], parts, strict=True)):
        return _UNION[0][1]
    union: Memo = {}
    for part in parts:
        union.update(_shared_memo(part))
    _UNION[:] = [(parts, union)]
    return union


def _shared_memo(part: tuple[Any, ...]) -> Memo:
    """Return the conversion of a shared tuple, kept (with a reference to it) among the last few."""
    entry = _SHARED.get(id(part))
    if entry is None or entry[0] is not part:
        memo: Memo = {}
        to_plain(part, memo)
        _SHARED.pop(id(part), None)
        _SHARED[id(part)] = entry = (part, memo)
        while len(_SHARED) > _SHARED_KEPT:
            _SHARED.pop(next(iter(_SHARED)))
    return entry[1]
