"""Limits on one template render: time, work (characters and items produced), sizes and depth."""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2.sandbox import SecurityError

from speechgen.compose.plain import Record, record_fields


@dataclass(frozen=True)
class TemplateLimits:
    """What one document's render may use (docs/security.md). The defaults are far above what
    the built-in templates need for the largest ledger the readers accept, and far below what
    would hurt the machine.

    ``seconds``: wall time of the whole render (template, snippets, includes).
    ``work``: characters and items all operations may produce in all — the memory bound: a loop
    body's text, a string built by ``~`` or ``*``, a filter's result, each count.
    ``value_chars``: the longest string (or list) one operation may build.
    ``output_chars``: the rendered document's length.
    ``range_items``: the longest ``range()``.
    ``int_digits``: the longest number ``**``, ``*`` or ``+`` may make.
    ``depth``: nested macro calls, includes and imports.
    ``width``: a width or repetition argument (center, indent, wordwrap, batch, a %-format width).
    """

    seconds: float = 5.0
    work: int = 20_000_000
    value_chars: int = 2_000_000
    output_chars: int = 5_000_000
    range_items: int = 10_000
    int_digits: int = 60
    depth: int = 40
    width: int = 1_000


DEFAULT_LIMITS = TemplateLimits()


class TemplateLimitError(SecurityError):
    """A render went over one of its TemplateLimits; the message is Chinese and says which."""


class Budget:
    """The running account of one render against its limits."""

    __slots__ = ("deadline", "depth", "limits", "work")

    def __init__(self, limits: TemplateLimits):
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.work = 0
        self.depth = 0

    def charge(self, units: int = 1) -> None:
        """Count ``units`` of work and check the clock; raise TemplateLimitError past a limit."""
        self.work += units
        if self.work > self.limits.work:
            raise TemplateLimitError(
                f"模板渲染产生的内容超过了上限（{self.limits.work:,} 个字符或元素），已停止；"
                "请检查模板中的循环、重复（*）和拼接（~）")
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(
                f"模板渲染超过了时间限制（{self.limits.seconds:g} 秒），已停止；请检查模板中的循环和递归的宏")


_ACTIVE: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("speechgen_template_budget", default=None)


def active_budget() -> Budget | None:
    """Return the budget of the render under way in this thread/task, None outside a render
    (e.g. while Jinja folds constants at compile time, where only the size checks apply)."""
    return _ACTIVE.get()


def charge(units: int = 1) -> None:
    """Charge the active budget, if any."""
    budget = _ACTIVE.get()
    if budget is not None:
        budget.charge(units)


def current_limits() -> TemplateLimits:
    """Return the limits of the render under way, else the defaults."""
    budget = _ACTIVE.get()
    return budget.limits if budget is not None else DEFAULT_LIMITS


@contextlib.contextmanager
def budget_scope(limits: TemplateLimits) -> Iterator[Budget]:
    """Run a render under ``limits``; a render nested in another (a snippet inside a template)
    shares the outer budget, so the document as a whole is limited."""
    outer = _ACTIVE.get()
    if outer is not None:
        yield outer
        return
    budget = Budget(limits)
    token = _ACTIVE.set(budget)
    try:
        yield budget
    finally:
        _ACTIVE.reset(token)


@contextlib.contextmanager
def nested(what: str) -> Iterator[None]:
    """Count one level of macro call or include; raise past ``depth``."""
    budget = _ACTIVE.get()
    if budget is None:
        yield
        return
    budget.depth += 1
    try:
        if budget.depth > budget.limits.depth:
            raise TemplateLimitError(
                f"{what}嵌套超过了 {budget.limits.depth} 层，已停止；请检查递归调用的宏或互相引用的模板")
        yield
    finally:
        budget.depth -= 1


def check_width(value: Any, what: str) -> None:
    """Refuse a width/count argument larger than the limit (or negative widths that are not ints)."""
    limit = current_limits().width
    if isinstance(value, bool):
        return
    if isinstance(value, int) and abs(value) > limit:
        raise TemplateLimitError(f"{what}的参数 {_short(value)} 超过了上限 {limit}")
    if isinstance(value, str) and len(value) > limit:
        raise TemplateLimitError(f"{what}的参数长度 {len(value)} 超过了上限 {limit}")


ITEM_WEIGHT = 4  # a list item costs a pointer and an object (≈ 36 bytes), a character 1–4 bytes


def check_size(size: int, what: str, *, items: bool = False) -> None:
    """Refuse a value of ``size`` characters (or list ``items``) before it is built, and charge it."""
    limits = current_limits()
    if size > limits.value_chars:
        raise TemplateLimitError(f"{what}将产生 {size:,} 个字符或元素，超过了上限（{limits.value_chars:,}）")
    charge(size * ITEM_WEIGHT if items else size)


def check_int(value: int, what: str) -> None:
    """Refuse an integer with more digits than the limit (bit length is the cheap proxy)."""
    limit = current_limits().int_digits
    if value.bit_length() > limit * 3.33:
        raise TemplateLimitError(f"{what}的结果超过了 {limit} 位数字")


def text_size(value: Any, budget: int) -> int:
    """Return an upper estimate of len(str(value)), walking containers without building the
    text; stops early (returning more than ``budget``) once the estimate passes ``budget``."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, int | float) or value is None:
        return 24 if not isinstance(value, int) or value.bit_length() < 64 else len(str(value))
    items: Any
    if isinstance(value, Record):
        items = [value[name] for name in record_fields(value)]
    elif isinstance(value, Mapping):
        items = [item for pair in value.items() for item in pair]
    elif isinstance(value, list | tuple | set | frozenset):
        items = value
    else:
        return 64  # a date, a Decimal (bounded by the readers), a function
    total = 2
    for item in items:
        total += text_size(item, budget - total) + 2
        if total > budget:
            return total
    return total


def _short(value: int) -> str:
    text = str(value) if value.bit_length() < 200 else f"约 10^{int(value.bit_length() * 0.30103)}"
    return text
