"""The template environment (compose/sandbox.py, zh filters, a loader that stays in its folders)
and its errors as TemplateError."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import SecurityError

from speechgen.compose.filters import FILTERS
from speechgen.compose.limits import DEFAULT_LIMITS, TemplateLimitError, TemplateLimits
from speechgen.compose.sandbox import ReferenceRefused, TemplateSandbox, check_reference, render_guarded
from speechgen.errors import Problem, TemplateError
from speechgen.inputs import InputFile
from speechgen.paths import resource_dir
from speechgen.sources.files import check_size
from speechgen.sources.limits import MAX_TEMPLATE_TEXT_BYTES
from speechgen.sources.textfile import decode_text, read_text

# Errors a filter or a template expression can raise on bad data; all become TemplateError.
# RecursionError: a macro or an include that calls itself past Python's stack.
RENDER_ERRORS = (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, LookupError, AttributeError,
                 RecursionError, MemoryError)
MAX_TEMPLATE_BYTES = MAX_TEMPLATE_TEXT_BYTES  # a template or an included file (sources/limits.py)
_TEMPLATE_HINT = "模板应为文本文件（UTF-8 或 GBK 编码）"

_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"'([^']+)' is undefined", r"未定义的名称“\1”"),
    (r"'([^']+)' has no attribute '([^']+)'", r"“\1”没有属性“\2”"),
    (r"access to attribute '([^']+)' of '([^']+)' object is unsafe\.?", r"出于安全限制，模板不能访问\2对象的属性“\1”"),
    (r"no filter named '([^']+)'", r"没有名为“\1”的过滤器"),
    (r"no test named '([^']+)'", r"没有名为“\1”的测试"),
    (r"unexpected end of template.*", r"模板意外结束（可能缺少 {% endif %} 或 {% endfor %}）"),
    (r"unexpected '([^']+)'", r"出现了意外的“\1”"),
    (r"maximum recursion depth exceeded.*", r"模板嵌套过深（宏或模板在调用自己？），已停止"),
    (r"unsupported operand type\(s\) for ([^:]+?)(?: or pow\(\))?: '(\w+)' and '(\w+)'", r"运算“\1”不能用于 \2 和 \3"),
    (r'can only concatenate (\w+) \(not "(\w+)"\) to \w+', r"\1 不能与 \2 相加（拼接文字请用 ~）"),
    (r"'(\w+)' object is not iterable", r"\1 不能用于循环"),
    (r"'(\w+)' object is not callable", r"\1 不能调用"),
    (r"unhashable type: '(\w+)'", r"\1 不能用作键"),
    (r"Range too big.*", r"range() 太长"),
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
    """A template given by the user (``--template FILE``, or text from a web page): the name it
    is known by, its text, and the folder its own include/import may read from (None when it
    came as text alone: then it can reference the built-in templates only)."""

    name: str
    text: str
    folder: Path | None = None


def user_template(file: InputFile, folder: Path | None = None) -> UserTemplate:
    """Return the user's template from its bytes (any encoding of sources/textfile.py), at most
    MAX_TEMPLATE_BYTES; InputError when it is too big or not text."""
    check_size(file, "模板文件", MAX_TEMPLATE_BYTES, "模板应是几十 KB 以内的文本文件")
    return UserTemplate(name=file.name, text=decode_text(file.data, file.name, "模板文件", _TEMPLATE_HINT),
                        folder=folder)


class TemplateLoader(jinja2.BaseLoader):
    """Finds a template by name: the user's template itself, files in the user's template
    folder, then the built-in templates — never anything outside those folders (names are
    checked by sandbox.check_reference; a symbolic link pointing out is refused too)."""

    def __init__(self, user: UserTemplate | None, builtin: Path):
        self.user = user
        self.folders = [*([user.folder] if user is not None and user.folder is not None else []), builtin]

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        check_reference(template)
        if self.user is not None and template == self.user.name:
            user = self.user
            return user.text, str(user.folder / user.name) if user.folder else user.name, lambda: True
        for folder in self.folders:
            path = (folder / template).resolve()
            if not path.is_relative_to(folder.resolve()):
                raise SecurityError(f"模板“{template}”指向模板文件夹之外，不能引用")
            if path.is_file():
                return read_template_file(path), str(path), lambda: True
        raise jinja2.TemplateNotFound(template)


def read_template_file(path: Path) -> str:
    """Return the text of a file a template includes, by the bounded reader and the one decoder
    of sources/ (at most MAX_TEMPLATE_BYTES); InputError naming the file when it cannot be used."""
    return read_text(path, "模板文件", MAX_TEMPLATE_BYTES, _TEMPLATE_HINT)


def make_environment(user: UserTemplate | None = None, template_dir: Path | None = None,
                     limits: TemplateLimits = DEFAULT_LIMITS) -> TemplateSandbox:
    """Return the sandbox: built-in templates (and the user's one, by its name, with its folder),
    the zh filters, StrictUndefined with Chinese messages, no autoescape, and ``limits``."""
    return TemplateSandbox(
        loader=TemplateLoader(user, template_dir or resource_dir("templates")),
        limits=limits,
        filters=FILTERS,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@functools.cache
def builtin_environment() -> TemplateSandbox:
    """Return the environment of the built-in templates, shared by every document of a process:
    Jinja keeps compiled templates per environment, so a batch compiles each template once."""
    return make_environment()


def compile_text(env: TemplateSandbox, text: str) -> jinja2.Template:
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


_HINT_NAMES = "可用的名称见 docs/snippets.md，过滤器见 docs/templates.md"
_HINT_SANDBOX = "模板只能读取数据的字段，调用 docs/templates.md 列出的函数和过滤器（见 docs/security.md）"
_HINT_LIMITS = "模板的时间和大小限制见 docs/security.md"
_HINT_REFERENCE = "请引用模板所在文件夹中的文件或内置模板，如 {% import \"_meta.md.j2\" as meta with context %}"
_CJK = re.compile(r"[\u4e00-\u9fff]")


def template_error(error: BaseException, name: str, filenames: frozenset[str] = frozenset()) -> TemplateError:
    """Return a TemplateError naming the template and line of ``error``."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = _display(error.filename, error.name or name)
        if isinstance(error, ReferenceRefused):
            return TemplateError(Problem(message=f"模板引用被拒绝：{error.message}", file=where, row=error.lineno,
                                         hint=_HINT_REFERENCE))
        return TemplateError(Problem(
            message=f"模板语法错误：{translate_jinja_message(error.message or str(error))}",
            file=where, row=error.lineno, hint="请检查 {{ }} 与 {% %} 是否成对",
        ))
    filename, line = _template_line(error.__traceback__, set(filenames))
    where = _display(filename, name)
    if isinstance(error, SnippetRenderError):
        return TemplateError(Problem(message=error.message, file=where, row=line))
    message = translate_jinja_message(str(error))
    hint = _HINT_NAMES
    if isinstance(error, TemplateLimitError):
        hint = _HINT_LIMITS
    elif isinstance(error, SecurityError):
        hint = _HINT_SANDBOX
    elif not isinstance(error, jinja2.TemplateError) and not _CJK.search(message):
        message = f"{type(error).__name__}: {message}"
    return TemplateError(Problem(message=f"模板出错：{message}", file=where, row=line, hint=hint))


def render_template(env: TemplateSandbox, name: str, context: dict[str, Any]) -> str:
    """Return the rendered template ``name`` under the environment's limits; ``context`` must be
    plain data and TemplateFunctions (compose/plain.py, sandbox.template_functions). Any error
    becomes a TemplateError with its line."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound as error:
        raise TemplateError(Problem(message=f"找不到模板“{error.name}”", file=name)) from None
    except jinja2.TemplateSyntaxError as error:
        raise template_error(error, name) from None
    except (SecurityError, RecursionError, MemoryError) as error:
        raise template_error(error, name) from None
    from speechgen.writers import titles  # here, not at import: jieba is loaded only by who drafts

    titles.prepare()  # before the clock starts: a one-time load is no part of the template's time
    try:
        return render_guarded(template, context)
    except (*RENDER_ERRORS, SnippetRenderError, SecurityError) as error:
        raise template_error(error, name, frozenset({template.filename or ""})) from None
