"""Opening a user's file: existence, type by extension and content, text encodings, YAML/JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

import yaml

from speechgen.errors import InputError, Problem
from speechgen.inputs import InputFile
from speechgen.sources.documents import (
    ConstructorError,
    Document,
    JsonLimitError,
    LimitError,
    describe,
    load_json,
    load_yaml,
)
from speechgen.sources.limits import MAX_INPUT_BYTES
from speechgen.sources.report import Report
from speechgen.sources.text import CONTROL_HINT

REOPEN_HINT = "请在 Excel 或 WPS 中打开它，“另存为”.xlsx 后再试"
_RESAVE = "请在 Excel 或 WPS 中“另存为”.xlsx 后再试"
_LEDGER_INSTEAD = "请提供 .xlsx 或 .csv 格式的项目台账"
# Formats people try that we do not read: (what it is, what to do instead).
LEDGER_LOOKALIKES: dict[str, tuple[str, str]] = {
    ".xls": ("暂不支持 .xls（旧版 Excel 格式）", _RESAVE),
    ".et": ("暂不支持 WPS 表格的 .et 格式", _RESAVE),
    ".ods": ("暂不支持 .ods 格式", _RESAVE),
    ".numbers": ("暂不支持 Numbers 表格", "请在 Numbers 中导出为 .xlsx 后再试"),
    ".doc": ("这是 Word 文档，不是台账表格", _LEDGER_INSTEAD),
    ".docx": ("这是 Word 文档，不是台账表格", _LEDGER_INSTEAD),
    ".wps": ("这是 WPS 文字文档，不是台账表格", _LEDGER_INSTEAD),
    ".pdf": ("PDF 中的表格无法读取", _LEDGER_INSTEAD),
    ".txt": ("暂不支持 .txt", "如是逗号或制表符分隔的表格，请把扩展名改为 .csv"),
}

_NESTING_HINT = "台账和会议信息只需要“键: 值”和列表，不需要多层嵌套或“&”“*”引用；请按 examples/ 中的示例改写"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls / .doc, and password-protected .xlsx


def check_file(path: Path, supported: tuple[str, ...], what: str, max_bytes: int,
               lookalikes: Mapping[str, tuple[str, str]] | None = None,
               too_big_hint: str = "请确认选对了文件") -> bytes:
    """Return the file's bytes after checking it exists, has a supported type, is not empty and
    is at most ``max_bytes`` long (read no further, so a huge file or a device costs nothing).

    ``what`` names the file in messages ("台账文件", "会议信息文件"); ``lookalikes`` give a
    better message for extensions people try (see LEDGER_LOOKALIKES); ``too_big_hint`` says
    what to do with a file over the limit.
    """
    _check_type(path.name, supported, what, lookalikes)
    if not path.exists():
        raise InputError(Problem(f"找不到{what}：{path}", file=path.name, hint="请检查路径和文件名是否写对"))
    if path.is_dir():
        raise InputError(Problem(f"{path} 是一个文件夹，不是{what}", file=path.name))
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(Problem(f"无法读取{what}（{exc.strerror or exc}）", file=path.name,
                                 hint="请确认文件没有被其他程序独占打开，并有读取权限")) from exc
    return check_data(InputFile(path.name, data), supported, what, max_bytes, lookalikes, too_big_hint).data


def check_data(file: InputFile, supported: tuple[str, ...], what: str, max_bytes: int,
               lookalikes: Mapping[str, tuple[str, str]] | None = None,
               too_big_hint: str = "请确认选对了文件") -> InputFile:
    """Return ``file`` after checking its name has a supported type, its bytes are not empty and
    at most ``max_bytes`` long (what check_file checks of a file on disk, for bytes that came
    from anywhere: an upload is bounded like a file)."""
    _check_type(file.name, supported, what, lookalikes)
    check_size(file, what, max_bytes, too_big_hint)
    if not file.data.strip():
        raise InputError(Problem(f"{what}是空的", file=file.name, hint="请确认选对了文件，并已保存内容"))
    return file


def _check_type(name: str, supported: tuple[str, ...], what: str,
                lookalikes: Mapping[str, tuple[str, str]] | None) -> None:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in supported:
        generic = (f"不支持的文件类型 {suffix or '（无扩展名）'}", f"{what}请使用以下格式之一：{'、'.join(supported)}")
        message, hint = (lookalikes or {}).get(suffix, generic)
        raise InputError(Problem(message, file=name, hint=hint))


def read_input(path: Path, what: str = "文件", hint: str = "请检查路径和文件名",
               max_bytes: int = MAX_INPUT_BYTES) -> InputFile:
    """Return a file a use case reads whole (a draft, a dialect file, a template) as an InputFile,
    at most ``max_bytes`` long; InputError naming the path when it is missing or a folder, naming
    the file when unreadable or too large."""
    path = Path(path)
    if not path.is_file():
        problem = f"是一个文件夹，不是{what}" if path.is_dir() else f"{what}不存在"
        raise InputError(Problem(problem, file=str(path), hint=hint))
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise InputError(Problem(f"无法读取{what}：{error.strerror or error}", file=path.name)) from None
    return check_size(InputFile(path.name, data), what, max_bytes)


def check_size(file: InputFile, what: str, max_bytes: int, hint: str = "请确认选对了文件") -> InputFile:
    """Return ``file`` when it is at most ``max_bytes`` long; InputError naming it otherwise (the
    one size check of read_input, check_file and of bytes that came from anywhere, an upload)."""
    if len(file.data) > max_bytes:
        raise InputError(Problem(f"{what}太大（超过{_size(max_bytes)}），超出了可以读取的范围", file=file.name,
                                 hint=hint))
    return file


def _size(count: int) -> str:
    return f"{count / 1_000_000:g} MB" if count >= 1_000_000 else f"{count / 1000:g} KB"


def is_ole(data: bytes) -> bool:
    """Return True for an OLE compound file: an old .xls, or an .xlsx with an opening password."""
    return data.startswith(_OLE_MAGIC)


def load_data(text: str, suffix: str, report: Report) -> Document | None:
    """Return the document of a .json or .yaml/.yml file (YAML dates kept as text), or None
    after reporting why it cannot be read (syntax, or a limit of documents.py) with its line."""
    if suffix.lower() == ".json":
        try:
            return load_json(text)
        except JsonLimitError as exc:
            report.add(f"JSON 内容{exc.message}", row=exc.line, hint=_NESTING_HINT)
        except json.JSONDecodeError as exc:
            report.add(f"JSON 格式有误（{exc.msg}）", row=exc.lineno,
                       hint="请检查括号、引号和逗号是否成对，最后一项后面是否多了逗号")
        return None
    try:
        return load_yaml(text)
    except LimitError as exc:
        what, line = describe(exc, text)
        report.add(f"YAML 内容{what}", row=line, hint=_NESTING_HINT)
    except yaml.reader.ReaderError as exc:
        what, line = describe(exc, text)
        report.add(f"YAML 文件{what}", row=line, hint=CONTROL_HINT)
    except ConstructorError as exc:
        what, line = describe(exc, text)
        report.add(f"YAML 的值无法识别（{what}）", row=line,
                   hint="台账和会议信息不需要“!!”开头的标记；请删去标记，或把值改成它该有的样子")
    except yaml.YAMLError as exc:
        what, line = describe(exc, text)
        report.add(f"YAML 格式有误（{what}）", row=line,
                   hint="请检查缩进是否对齐（用空格，不用 Tab）、冒号是否为半角“:”且后面有空格")
    return None
