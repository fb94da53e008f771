"""The sandboxed Jinja environment (StrictUndefined, zh filters) and its errors as TemplateError."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from speechgen.compose.filters import FILTERS
from speechgen.errors import Problem, TemplateError
from speechgen.paths import resource_dir

# Errors a filter or a template expression can raise on bad data; all become TemplateError.
RENDER_ERRORS = (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, LookupError, AttributeError)

_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"'([^']+)' is undefined", r"未定义的名称“\1”"),
    (r"'([^']+)' has no attribute '([^']+)'", r"“\1”没有属性“\2”"),
    (r"access to attribute '([^']+)' of '([^']+)' object is unsafe\.?", r"出于安全限制，模板不能访问\2对象的属性“\1”"),
    (r"no filter named '([^']+)'", r"没有名为“\1”的过滤器"),
    (r"no test named '([^']+)'", r"没有名为“\1”的测试"),
    (r"unexpected end of template.*", r"模板意外结束（可能缺少 {% endif %} 或 {% endfor %}）"),
    (r"unexpected '([^']+)'", r"出现了意外的“\1”"),
    (r"expected token '([^']+)', got '([^']+)'", r"此处应为“\1”，却是“\2”"),
)


def translate_jinja_message(message: str) -> str:
    """Return Jinja's English message in Chinese where a translation is known."""
    for pattern, replacement in _MESSAGES:
        translated, count = re.subn(pattern, replacement, message)
        if count:
            return translated
    return message


class SnippetRenderError(Exception):
    """Raised by the chooser when a snippet fails; the template renderer adds the template line."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class UserTemplate:
    """A template given by the user (``--template FILE``): its display name, path and text."""

    name: str
    path: Path
    text: str


def make_environment(user: UserTemplate | None = None, template_dir: Path | None = None) -> SandboxedEnvironment:
    """Return the sandboxed environment: built-in templates (and the user's one, by its name),
    StrictUndefined, no autoescape, and the zh filters."""
    loaders: list[jinja2.BaseLoader] = []
    if user is not None:
        loaders.append(jinja2.FunctionLoader(
            lambda name: (user.text, str(user.path), lambda: True) if name == user.name else None
        ))
    loaders.append(jinja2.FileSystemLoader(str(template_dir or resource_dir("templates")), encoding="utf-8"))
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


@functools.cache
def builtin_environment() -> SandboxedEnvironment:
    """Return the environment of the built-in templates, shared by every document of a process:
    Jinja keeps compiled templates per environment, so a batch compiles each template once."""
    return make_environment()


def compile_text(env: SandboxedEnvironment, text: str) -> jinja2.Template:
    """Return ``text`` compiled in ``env``, compiled once per environment (snippet passages are
    rendered thousands of times in a batch; compiling is most of the cost)."""
    cache: dict[str, jinja2.Template] = env.__dict__.setdefault("_speechgen_compiled", {})
    template = cache.get(text)
    if template is None:
        template = cache[text] = env.from_string(text)
    return template


def _template_line(tb: TracebackType | None, filenames: set[str]) -> tuple[str | None, int | None]:
    """Return the innermost (file, line) of the traceback that lies in a template."""
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in filenames or filename.endswith(".j2") or filename == "<template>":
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _display(filename: str | None, default: str) -> str:
    if not filename or filename == "<template>":
        return default
    return Path(filename).name


def template_error(error: BaseException, name: str, filenames: frozenset[str] = frozenset()) -> TemplateError:
    """Return a TemplateError naming the template and line of ``error``."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = _display(error.filename, error.name or name)
        return TemplateError(Problem(
            message=f"模板语法错误：{translate_jinja_message(error.message or str(error))}",
            file=where, row=error.lineno, hint="请检查 {{ }} 与 {% %} 是否成对",
        ))
    filename, line = _template_line(error.__traceback__, set(filenames))
    where = _display(filename, name)
    if isinstance(error, SnippetRenderError):
        return TemplateError(Problem(message=error.message, file=where, row=line))
    if isinstance(error, SecurityError | jinja2.TemplateError):
        message = translate_jinja_message(str(error))
    else:
        message = f"{type(error).__name__}: {translate_jinja_message(str(error))}"
    hint = "可用的名称见 docs/snippets.md，过滤器见 docs/templates.md"
    return TemplateError(Problem(message=f"模板出错：{message}", file=where, row=line, hint=hint))


def render_template(
    env: SandboxedEnvironment, name: str, context: dict[str, Any], functions: dict[str, Callable[..., Any]]
) -> str:
    """Return the rendered template ``name``; any error becomes a TemplateError with its line."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound as error:
        raise TemplateError(Problem(message=f"找不到模板“{error.name}”", file=name)) from None
    except jinja2.TemplateSyntaxError as error:
        raise template_error(error, name) from None
    try:
        return template.render({**context, **functions})
    except (*RENDER_ERRORS, SnippetRenderError, SecurityError) as error:
        raise template_error(error, name, frozenset({template.filename or ""})) from None
