"""Guarded operations for templates: functions, operators, ``~``, printed values and filters that
check the size of what they are about to build (compose/limits.py) before building it."""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.runtime import Undefined
from jinja2.sandbox import SecurityError
from jinja2.utils import _PassArg

from speechgen.compose.limits import (
    ITEM_WEIGHT,
    TemplateLimitError,
    charge,
    check_int,
    check_size,
    check_width,
    current_limits,
    text_size,
)
from speechgen.compose.plain import to_plain

JINJA_FILTER_NAMES = frozenset({
    "abs", "attr", "batch", "capitalize", "center", "count", "d", "default", "dictsort", "e",
    "escape", "filesizeformat", "first", "float", "groupby", "indent", "int", "items",
    "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr", "replace",
    "reverse", "round", "select", "selectattr", "slice", "sort", "string", "sum", "title", "tojson",
    "trim", "truncate", "unique", "upper", "urlencode", "wordcount", "wordwrap",
})
_WIDTH_ARGUMENTS: dict[str, tuple[int, ...]] = {  # positions (after the value) holding a width/count
    "center": (0,), "indent": (0,), "wordwrap": (0,), "batch": (0,), "slice": (0,), "truncate": (0,),
    "tojson": (0,),
}
_PRINTF_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")


class TemplateFunction:
    """A function a template may call (pick, vary, rate_of, range …); its result is made plain."""

    __slots__ = ("_function", "_name", "_plain")

    def __init__(self, name: str, function: Callable[..., Any], *, plain: bool = True):
        self._name = name
        self._function = function
        self._plain = plain  # False for range() and dict(): their results are Jinja's own

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        charge()
        result = self._function(*args, **kwargs)
        return to_plain(result) if self._plain else result

    def __repr__(self) -> str:
        return f"<函数 {self._name}>"


def template_functions(functions: dict[str, Callable[..., Any]]) -> dict[str, TemplateFunction]:
    """Return the functions wrapped for a template context."""
    return {name: TemplateFunction(name, function) for name, function in functions.items()}


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, str | list | tuple) else None


def checked_binop(op: str, left: Any, right: Any) -> Any:
    """Return ``left op right`` after refusing results too long (strings, lists) or too large."""
    what = f"运算“{op}”"
    if op == "*":
        for seq, times in ((left, right), (right, left)):
            if _length(seq) is not None and isinstance(times, int):
                check_size(_length(seq) * max(times, 0), what, items=not isinstance(seq, str))  # type: ignore[operator]
    elif op == "+" and _length(left) is not None and _length(right) is not None:
        check_size(_length(left) + _length(right), what, items=not isinstance(left, str))  # type: ignore[operator]
    elif op == "**":
        _check_power(left, right)
    elif op == "%" and isinstance(left, str):
        _check_printf(left, right)
    result = BINOPS[op](left, right)
    if isinstance(result, int) and not isinstance(result, bool):
        check_int(result, what)
    elif isinstance(result, Decimal) and result.is_finite() and result.adjusted() > current_limits().int_digits:
        raise TemplateLimitError(f"{what}的结果超过了 {current_limits().int_digits} 位数字")
    return result


def _check_power(base: Any, exponent: Any) -> None:
    """Refuse ``base ** exponent`` with more digits than the limit, before computing it."""
    if not (isinstance(base, int | float | Decimal) and isinstance(exponent, int | float | Decimal)):
        return
    try:
        magnitude = abs(float(base))
    except OverflowError:
        magnitude = math.inf
    if magnitude > 1 and exponent > 0 and float(exponent) * math.log10(magnitude) > current_limits().int_digits:
        raise TemplateLimitError(f"乘方的结果超过了 {current_limits().int_digits} 位数字")


def _check_printf(fmt: str, args: Any) -> None:
    """Refuse %-format widths and precisions beyond the limit (``"%0999999999d" % 1``)."""
    for match in _PRINTF_SPEC.finditer(fmt):
        for part in match.groups():
            if part == "*":
                raise TemplateLimitError("格式中不能用“*”指定宽度")
            if part is not None:
                check_width(int(part), "格式宽度")
    check_size(len(fmt) + text_size(args, current_limits().value_chars + 1), "格式化")


BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "**": operator.pow, "%": operator.mod,
}


def guarded_concat(values: Iterable[Any]) -> str:
    """The ``~`` operator: join the values as text after checking the size it will have."""
    values = tuple(values)
    limit = current_limits().value_chars
    check_size(sum(text_size(v, limit + 1) for v in values), "拼接（~）")
    return "".join(str(v) for v in values)


def guarded_finalize(value: Any) -> Any:
    """Check and charge every printed value ({{ … }}) before Jinja turns it into text."""
    if isinstance(value, list | tuple):  # [Undefined, …]: report the missing field, not "Undefined"
        for item in value:
            if isinstance(item, Undefined):
                item._fail_with_undefined_error()
    if not isinstance(value, str):
        check_size(text_size(value, current_limits().value_chars + 1), "输出")
    else:
        charge(len(value))
    return value


def _guard_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Return ``function`` with its width arguments and the size of its text result checked."""
    widths = _WIDTH_ARGUMENTS.get(name, ())
    skip = 0 if _PassArg.from_obj(function) is None else 1  # a context/environment comes first

    def guarded(*args: Any, **kwargs: Any) -> Any:
        call_args = args[skip:]  # the filtered value, then the template's arguments
        for position in widths:
            if len(call_args) > 1 + position:
                check_width(call_args[1 + position], f"过滤器 {name} ")
        for key in ("width", "linecount", "slices", "length", "indent"):
            if key in kwargs:
                check_width(kwargs[key], f"过滤器 {name} ")
        _precheck(name, call_args, kwargs)
        result = function(*args, **kwargs)
        if isinstance(result, str | list | tuple):
            check_size(len(result), f"过滤器 {name} ", items=not isinstance(result, str))
        else:
            charge()
        return result

    if hasattr(function, "jinja_pass_arg"):
        guarded.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    guarded.__name__ = getattr(function, "__name__", name)
    guarded.__doc__ = function.__doc__
    return guarded


def _precheck(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse before building: results whose size follows from the arguments."""
    limit = current_limits().value_chars
    if not args:
        return
    value = args[0]
    if name in {"join", "string", "tojson", "list", "sort", "unique", "reverse", "title", "upper", "lower"}:
        separator = args[1] if len(args) > 1 and isinstance(args[1], str) else kwargs.get("d", kwargs.get("sep", ""))
        count = len(value) if isinstance(value, list | tuple | str) else 0
        check_size(text_size(value, limit + 1) + count * len(str(separator or "")), f"过滤器 {name} ")
    elif name == "replace" and isinstance(value, str) and len(args) >= 3:
        old, new = str(args[1]), str(args[2])
        hits = value.count(old) if old else len(value) + 1
        check_size(len(value) + hits * max(0, len(new) - len(old)), "过滤器 replace ")
    elif name == "indent" and isinstance(value, str):
        width = args[1] if len(args) > 1 else kwargs.get("width", 4)
        pad = width if isinstance(width, int) else len(str(width))
        check_size(len(value) + (value.count("\n") + 1) * max(pad, 0), "过滤器 indent ")
    elif name == "center" and isinstance(value, str):
        check_size(max(len(value), args[1] if len(args) > 1 and isinstance(args[1], int) else 80), "过滤器 center ")
    elif name == "format" and isinstance(value, str):
        _check_printf(value, args[1:] or kwargs)
    elif name == "sum":  # a list or text as start would make sum() concatenate (quadratic, unbounded)
        start = kwargs.get("start", args[2] if len(args) > 2 else 0)
        if not isinstance(start, int | float | Decimal):
            raise SecurityError("过滤器 sum 只能对数字求和")


def _format(value: str, *args: Any, **kwargs: Any) -> str:
    """The ``format`` filter (printf style), with its widths checked by _precheck."""
    return str(value) % (kwargs or args)


def guarded_range(*args: Any) -> range:
    """range() no longer than the limit."""
    if not all(isinstance(a, int) and not isinstance(a, bool) for a in args):
        raise SecurityError("range() 的参数必须是整数")
    numbers = range(*args)
    limit = current_limits().range_items
    if len(numbers) > limit:
        raise TemplateLimitError(f"range() 的长度 {len(numbers):,} 超过了上限（{limit:,}）")
    charge(len(numbers) * ITEM_WEIGHT)
    return numbers


def guarded_dict(*args: Any, **kwargs: Any) -> dict[Any, Any]:
    """dict() from keyword arguments or pairs (the result cannot be modified by a template)."""
    made = dict(*args, **kwargs)
    check_size(len(made), "dict()", items=True)
    return made


def filter_table(ours: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Return the filters of the sandbox: Jinja's admitted ones and ours, each guarded."""
    table: dict[str, Callable[..., Any]] = {name: JINJA_FILTERS[name] for name in JINJA_FILTER_NAMES}
    table["format"] = _format
    table.update(ours)
    return {name: _guard_filter(name, function) for name, function in table.items()}
