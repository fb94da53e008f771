"""The template sandbox: what a template may read and call (an allow-list we own), and its limits.

Every template — built-in, ``--template``, ``--snippets`` passages — runs in ``TemplateSandbox``:
- the context holds plain data only (compose/plain.py); ``is_safe_attribute`` admits the fields of
  that data, a few pure str/dict methods and Jinja's own loop/namespace helpers, nothing else;
- ``is_safe_callable`` admits our TemplateFunctions, the template's own macros and blocks, and
  Jinja's cycler/joiner/namespace/loop helpers; ``str.format`` is refused outright;
- every loop body, macro, block and template root is charged its literal text when it runs, every
  operator that can grow a value (``*`` ``**`` ``+`` ``%`` ``~``) and every filter checks the size
  of what it is about to build, and the clock is read on each charge (compose/limits.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.environment import TemplateModule
from jinja2.runtime import BlockReference, Context, LoopContext, Macro, StrictUndefined, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Cycler, Joiner, Namespace, missing

from speechgen.compose.guarded import (
    BINOPS,
    TemplateFunction,
    checked_binop,
    filter_table,
    guarded_concat,
    guarded_dict,
    guarded_finalize,
    guarded_range,
)
from speechgen.compose.limits import TemplateLimitError, TemplateLimits, budget_scope, charge, nested
from speechgen.compose.plain import FrozenMap, Record, Term, record_fields, record_kind, term_fields

# Pure methods of text a template may call ({{ name.startswith("青") }}); growing ones (replace,
# join, center, ljust, zfill, format …) are filters with size checks instead.
SAFE_STR_METHODS = frozenset({
    "startswith", "endswith", "strip", "lstrip", "rstrip", "split", "rsplit", "splitlines",
    "lower", "upper", "count", "find", "rfind", "index", "rindex", "isdigit", "isalpha",
    "isnumeric", "isspace", "partition", "rpartition", "removeprefix", "removesuffix",
})
SAFE_MAPPING_METHODS = frozenset({"items", "keys", "values", "get"})
DATE_FIELDS = frozenset({"year", "month", "day"})
LOOP_FIELDS = frozenset({
    "index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0",
    "previtem", "nextitem", "cycle", "changed",
})
# Jinja's built-in filters a document template may use. Left out: random (breaks "same seed,
# same bytes"), striptags and urlize (regexes that backtrack on long text), pprint, xmlattr,
# forceescape/safe (HTML only), and the attribute-free ``attr``'s twin ``format`` (replaced).

class GuardedCodeGenerator(CodeGenerator):
    """Jinja's code generator with ``~`` routed through guarded_concat (its size checked)."""

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.guarded_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


CHARGE_FILTER = "speechgen_charge"


def _literal_size(node: nodes.Node) -> int:
    return sum(len(data.data) for data in node.find_all(nodes.TemplateData))


def _charge_statement(node: nodes.Node, body: list[nodes.Node]) -> nodes.Node:
    size = 1 + sum(_literal_size(child) for child in body)
    call = nodes.Filter(nodes.Const(size), CHARGE_FILTER, [], [], None, None, lineno=node.lineno)
    return nodes.ExprStmt(call, lineno=node.lineno)


def instrument(tree: nodes.Template) -> nodes.Template:
    """Put a charge at the top of the template and of every loop body, macro, call block and
    block, so that running it costs its literal text and reads the clock — even a loop with an
    empty body ({% for i in x %}{% for j in x %}{% endfor %}{% endfor %}) is stopped in time."""
    for node in tree.find_all((nodes.For, nodes.Macro, nodes.CallBlock, nodes.Block)):
        node.body.insert(0, _charge_statement(node, node.body))
    tree.body.insert(0, _charge_statement(tree, tree.body))
    return tree


@jinja2.pass_context  # a context-passing filter is never folded away at compile time
def _charge_filter(context: Context, size: int) -> str:
    charge(size)
    return ""


_REFERENCE_TAGS: dict[type[nodes.Node], str] = {
    nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from … import", nodes.Extends: "extends",
}
_DRIVE = re.compile(r"^[A-Za-z]:")


def check_reference(name: str, tag: str = "include/import/extends") -> None:
    """Refuse a template name that could leave the template folders: absolute paths, drive
    letters, backslashes, ``..`` segments, control characters."""
    problem = None
    if not name or any(ord(ch) < 32 for ch in name):
        problem = "名称为空或含控制字符"
    elif name.startswith(("/", "\\")) or _DRIVE.match(name) or "\\" in name:
        problem = "不能用绝对路径或反斜杠"
    elif ".." in name.split("/"):
        problem = "不能用“..”跳出模板所在的文件夹"
    if problem:
        raise SecurityError(f"{{% {tag} %}} 引用的“{name[:80]}”{problem}："
                            "模板只能引用本模板所在文件夹和内置模板中的文件")


class ReferenceRefused(jinja2.TemplateSyntaxError):
    """An include/import/extends of a name outside the template folders, found at compile time."""


def _check_references(tree: nodes.Template, name: str | None, filename: str | None) -> None:
    """Refuse, at compile time and with the line, every literal name an include/import/extends gives."""
    for node in tree.find_all(tuple(_REFERENCE_TAGS)):
        target = node.template  # type: ignore[attr-defined]
        names = [target.value] if isinstance(target, nodes.Const) else [
            item.value for item in getattr(target, "items", []) if isinstance(item, nodes.Const)]
        for reference in names:
            if not isinstance(reference, str):
                continue
            try:
                check_reference(reference, _REFERENCE_TAGS[type(node)])
            except SecurityError as error:
                raise ReferenceRefused(str(error), node.lineno, name, filename) from None


def render_guarded(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Return the template rendered under its environment's limits (a render inside another —
    a snippet inside a document — shares the outer one's budget)."""
    limits: TemplateLimits = template.environment.limits  # type: ignore[attr-defined]
    with budget_scope(limits) as budget:
        parts: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > limits.output_chars:
                raise TemplateLimitError(f"模板输出超过了上限（{limits.output_chars:,} 个字符），已停止")
            budget.charge(len(chunk))
            parts.append(chunk)
        return "".join(parts)


class ChineseUndefined(StrictUndefined):
    """StrictUndefined whose message names the kind of value and the missing field in Chinese."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:  # type: ignore[override]
        if self._undefined_hint:
            return self._undefined_hint
        name = self._undefined_name
        obj = self._undefined_obj
        if obj is missing:
            return f"未定义的名称“{name}”"
        kind = record_kind(obj) if isinstance(obj, Record) else type(obj).__name__
        if isinstance(name, str):
            return f"{kind}没有字段“{name}”"
        return f"{kind}没有第 {name!r} 项"


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """The one environment every template and snippet runs in (see the module docstring)."""

    code_generator_class = GuardedCodeGenerator
    intercepted_binops = frozenset(BINOPS)
    undefined: type[StrictUndefined]

    def __init__(self, *args: Any, limits: TemplateLimits, filters: dict[str, Callable[..., Any]], **kwargs: Any):
        super().__init__(*args, undefined=ChineseUndefined, finalize=guarded_finalize, **kwargs)
        self.limits = limits
        self.filters = filter_table(filters)
        self.filters[CHARGE_FILTER] = _charge_filter
        self.globals = {
            "range": TemplateFunction("range", guarded_range, plain=False),
            "dict": TemplateFunction("dict", guarded_dict, plain=False),
            "namespace": Namespace,
            "cycler": Cycler,
            "joiner": Joiner,
        }
        self.guarded_concat = guarded_concat

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        _check_references(tree, name, filename)
        return instrument(tree)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Admit the fields of plain data and the few helpers templates need; refuse the rest."""
        if attr.startswith("_"):
            return False
        if isinstance(obj, Record):
            return attr in record_fields(obj)
        if isinstance(obj, Term):
            return attr in term_fields(obj) or attr in SAFE_STR_METHODS
        if isinstance(obj, str):
            return attr in SAFE_STR_METHODS
        if isinstance(obj, dict | FrozenMap):
            return attr in SAFE_MAPPING_METHODS
        if isinstance(obj, dt.date):
            return attr in DATE_FIELDS
        if isinstance(obj, LoopContext):
            return attr in LOOP_FIELDS
        if isinstance(obj, Cycler):
            return attr in {"next", "reset", "current", "items"}
        if isinstance(obj, BlockReference):
            return attr == "super"
        if isinstance(obj, tuple) and hasattr(obj, "_fields"):  # groupby's (grouper, list)
            return attr in obj._fields
        return isinstance(obj, Namespace | TemplateModule)

    def is_safe_callable(self, obj: Any) -> bool:
        """Admit our functions, the template's macros and blocks, and Jinja's helpers."""
        if isinstance(obj, TemplateFunction | Macro | BlockReference | LoopContext | Joiner):
            return True
        if obj is Namespace or obj is Cycler or obj is Joiner:
            return True
        owner = getattr(obj, "__self__", None)
        name = getattr(obj, "__name__", "")
        if isinstance(owner, str):
            return name in SAFE_STR_METHODS
        if isinstance(owner, dict | FrozenMap):
            return name in SAFE_MAPPING_METHODS
        if isinstance(owner, LoopContext):
            return name in {"cycle", "changed"}
        if isinstance(owner, Cycler):
            return name in {"next", "reset"}
        return False

    def wrap_str_format(self, value: Any) -> None:
        """Refuse str.format/format_map: the sandbox's own wrapper would bypass the allow-list."""
        return None

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        kind = record_kind(obj) if isinstance(obj, Record) else type(obj).__name__
        return self.undefined(
            f"出于安全限制，模板不能使用{kind}的“{attribute}”",
            name=attribute, obj=obj, exc=SecurityError,
        )

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(__obj, Undefined):  # calling a missing or refused name: say which
            __obj._fail_with_undefined_error()
        if not __self.is_safe_callable(__obj):
            raise SecurityError(f"出于安全限制，模板不能调用{_describe(__obj)}")
        charge()
        if isinstance(__obj, Macro):
            with nested("宏调用"):
                return __context.call(__obj, *args, **kwargs)
        return __context.call(__obj, *args, **kwargs)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        charge()
        return checked_binop(operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        charge()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        charge()
        return super().getitem(obj, argument)


def _describe(obj: Any) -> str:
    name = getattr(obj, "__name__", None) or type(obj).__name__
    return f"“{name}”"
