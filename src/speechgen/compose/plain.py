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


def to_plain(value: Any, memo: dict[int, tuple[Any, Any]] | None = None) -> Any:
    """Return ``value`` as plain data (see the module docstring); an object of a shape this
    module does not know raises TypeError — a new kind of value must be taught here, not passed
    through. ``memo`` maps id → (object, plain form): it keeps each object it names alive, so no
    id is reused while the memo lives (a property's fresh tuple, converted and dropped, would
    otherwise lend its id — and its plain form — to the next object made)."""
    if type(value) in SCALARS or isinstance(value, Record | Term | FrozenMap):
        return value
    memo = {} if memo is None else memo
    key = id(value)
    hit = memo.get(key)
    if hit is not None and hit[0] is value:
        return hit[1]
    plain = _convert(value, memo)
    memo[key] = (value, plain)
    return plain


def _convert(value: Any, memo: dict[int, tuple[Any, Any]]) -> Any:
    if isinstance(value, Enum):
        properties = {"value": to_plain(value.value, memo)}
        properties.update({name: to_plain(getattr(value, name), memo) for name in _properties(type(value))})
        return Term(str(value.value), properties)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dt.datetime):
        return dt.datetime.fromisoformat(value.isoformat())
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    names = None if isinstance(value, type) else _record_names(type(value))
    if names is not None:
        return Record(type(value).__name__, {name: to_plain(getattr(value, name), memo) for name in names})
    if isinstance(value, Mapping):
        return FrozenMap({to_plain(k, memo): to_plain(v, memo) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(to_plain(item, memo) for item in value)
    if isinstance(value, set | frozenset):
        return frozenset(to_plain(item, memo) for item in value)
    raise TypeError(f"{type(value).__name__} is not plain template data; teach compose/plain.py its shape")


# The plain form of a Facts (and of everything reachable from it), kept while that Facts lives: a
# batch or a second seed composes from the same Facts many times and converts it once.
_CONVERTED: dict[int, tuple[weakref.ref[Any], dict[int, tuple[Any, Any]], Any]] = {}


def _memo_of(anchor: Any, known: dict[int, tuple[Any, Any]] | None = None) -> dict[int, tuple[Any, Any]]:
    """Return a fresh memo holding the conversion of ``anchor`` and what it reaches (the objects
    its properties made too, kept alive with it); each call's own objects go into its copy.
    ``known`` holds conversions made already (of shared parts) that the anchor may reuse. The
    kept memo holds the anchor itself only weakly, so the entry goes when the anchor does."""
    entry = _CONVERTED.get(id(anchor))
    if entry is None or entry[0]() is not anchor:
        memo: dict[int, tuple[Any, Any]] = dict(known or {})
        plain = to_plain(anchor, memo)
        key = id(anchor)
        memo.pop(key, None)
        _CONVERTED[key] = (weakref.ref(anchor, lambda _ref: _CONVERTED.pop(key, None)), memo, plain)
        entry = _CONVERTED[key]
    return {**entry[1], id(anchor): (anchor, entry[2])}


def plain_context(values: Mapping[str, Any], anchor: Any = None, shared: tuple[Any, ...] = ()) -> dict[str, Any]:
    """Return a template context with every value made plain (one memo, so an object reached
    twice — a project in ``facts.projects`` and in a laggard — is one Record). ``anchor``, an
    immutable object the values come from (the Facts), is converted once per process; so is each
    of ``shared``, immutable objects many anchors hold (the ranked table of every group,
    Facts.siblings, and the meeting, which a batch's documents share: converted once, not once
    per document)."""
    memo: dict[int, tuple[Any, Any]] = {}
    for part in shared:
        memo.update(_shared_memo(part))
    if anchor is not None:
        memo.update(_memo_of(anchor, memo))
    return {name: to_plain(value, memo) for name, value in values.items()}


# Shared tuples (which cannot be weakly referenced) and their conversion, the last few kept.
_SHARED: dict[int, tuple[Any, dict[int, tuple[Any, Any]]]] = {}
_SHARED_KEPT = 8


def _shared_memo(part: Any) -> dict[int, tuple[Any, Any]]:
    """Return the conversion of a shared object: a tuple is kept (with a reference to it, so its
    id stays its own) among the last few; anything else while it lives (_memo_of)."""
    if not isinstance(part, tuple):
        return _memo_of(part)
    entry = _SHARED.get(id(part))
    if entry is None or entry[0] is not part:
        memo: dict[int, tuple[Any, Any]] = {}
        to_plain(part, memo)
        _SHARED.pop(id(part), None)
        _SHARED[id(part)] = entry = (part, memo)
        while len(_SHARED) > _SHARED_KEPT:
            _SHARED.pop(next(iter(_SHARED)))
    return entry[1]
