"""Whether an output path can be written: its name, its length, what is already there, permissions."""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

from speechgen.errors import Problem

# Characters refused in output names: controls (newline, tab, ESC…), line/paragraph separators,
# undecodable bytes (surrogate escapes), and the bidirectional controls that make "gpj.exe" look like
# "exe.jpg". They make a file that cannot be typed, listed or opened as intended.
_REFUSED_CATEGORIES = {"Cc", "Zl", "Zp", "Cs"}
_BIDI_CONTROLS = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SHOWN_NAME_CHARS = 40  # a too-long name is shown by its start

_NAME_MAX, _PATH_MAX = 255, 4096  # bytes, where the file system does not say (pathconf)


def path_problems(target: Path) -> list[Problem]:
    """Return what makes ``target`` unusable as an output file (empty when it can be written)."""
    refused = [char for char in str(target) if _is_refused(char)]
    if refused:
        shown = "、".join(dict.fromkeys(visible(char) for char in refused))
        return [Problem(f"输出文件名含有换行或控制字符（{shown}）", file=visible(str(target)),
                        hint="请去掉文件名中的换行、制表符等不可见字符后再试")]
    too_long = _length_problems(target)
    if too_long:
        return too_long
    return _place_problems(target)


def visible(text: str) -> str:
    """Return ``text`` with refused characters written as escapes (\\n, \\x1b, \\u202e), for messages."""
    return "".join(_escape(char) if _is_refused(char) else char for char in text)


def _is_refused(char: str) -> bool:
    return unicodedata.category(char) in _REFUSED_CATEGORIES or char in _BIDI_CONTROLS


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, kept by os.fsdecode as a surrogate escape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _length_problems(target: Path) -> list[Problem]:
    anchor = _existing_ancestor(target.absolute().parent)
    name_max, path_max = _limit(anchor, "PC_NAME_MAX", _NAME_MAX), _limit(anchor, "PC_PATH_MAX", _PATH_MAX)
    shown = _shortened(str(target))
    problems = [Problem(f"输出文件名或文件夹名太长（{_length(part)} 字节，最多 {name_max} 字节）", file=shown,
                        hint="请用短一些的名字（一个汉字占 3 个字节）")
                for part in target.parts if _length(part) > name_max]
    if not problems and _length(str(target.absolute())) >= path_max:
        problems.append(Problem(f"输出路径太长（最多 {path_max - 1} 字节）", file=shown,
                                hint="请换一个层级浅一些的文件夹，或用短一些的名字"))
    return problems


def _place_problems(target: Path) -> list[Problem]:
    """Return the problems of what is at ``target`` and above it: a folder, a device, no permission."""
    if target.is_dir():
        return [Problem("输出路径是一个文件夹", file=str(target), hint="请在 -o 后写文件名，如“讲话稿.docx”")]
    if os.path.lexists(target) and not target.is_symlink() and not stat.S_ISREG(target.stat().st_mode):
        return [Problem("输出路径是一个设备或特殊文件，不是普通文件", file=str(target), hint="请换一个文件名")]
    folder = _existing_ancestor(target.parent)
    if not folder.is_dir():
        return [Problem(f"输出路径中的“{folder}”是一个文件，不是文件夹", file=str(target),
                        hint="请检查路径，或换一个文件夹")]
    if not os.access(folder, os.W_OK | os.X_OK):
        return [Problem(f"没有权限写入文件夹“{folder}”", file=str(target),
                        hint="请换一个有写入权限的文件夹，或检查文件夹的权限")]
    return []


def _existing_ancestor(folder: Path) -> Path:
    """Return ``folder`` or its nearest ancestor that exists (the one write_outputs creates under)."""
    for level in (folder, *folder.parents):
        if os.path.lexists(level):
            return level
    return folder


def _limit(folder: Path, name: str, default: int) -> int:
    try:
        value = os.pathconf(folder, name)
    except (OSError, ValueError, AttributeError):  # no pathconf (Windows), or the folder is not a folder
        return default
    return value if value > 0 else default


def _length(text: str) -> int:
    """Return the length the file system counts: bytes on POSIX, UTF-16 units on Windows."""
    return len(os.fsencode(text)) if os.name == "posix" else len(text.encode("utf-16-le")) // 2


def _shortened(text: str) -> str:
    return text if len(text) <= _SHOWN_NAME_CHARS else f"{text[:_SHOWN_NAME_CHARS]}…"
