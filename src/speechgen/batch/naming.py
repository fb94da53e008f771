"""File names of a batch made from data: the --name pattern, safe on every file system, unique.

A project named ``../../etc/passwd``, ``A/B``, ``CON`` or three hundred characters long becomes a
plain file name in the output folder: no folder separators or ``..``, no control or bidirectional
characters, none of the characters Windows refuses (``<>:"/\\|?*``), no name Windows reserves
(CON, NUL, COM1 …, whatever follows the dot), no leading dot (a hidden file) or trailing dot or
space (Windows drops them), and a length that fits a zip entry and a Windows path (MAX_STEM
characters, MAX_STEM_BYTES bytes in UTF-8). Two documents that would get one name (two projects of
the same name, or names differing only in case, which Windows and macOS take as one) get
"（2）", "（3）" … before the extension.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from speechgen.errors import InputError, Problem

# The fields a --name pattern may use, and what each holds (shown by the error for an unknown one).
NAME_FIELDS: dict[str, str] = {
    "序号": "文件的序号，如 003（位数随文件总数）",
    "名称": "分组的名称：县区、责任单位、包保领导或项目的名称",
    "单位": "县区或责任单位（按项目分时为项目的责任单位）",
    "项目": "项目名称（仅按项目分）",
    "县区": "县区（按县区分，或按项目分时项目所在县区）",
    "包保领导": "包保领导（按包保领导分，或按项目分时项目的包保领导）",
    "发文字号": "发文字号或编号（用 --number-from 时）",
    "类型": "文稿类型，如 督办通知",
}
DEFAULT_PATTERN = "{序号}_{名称}_{类型}"
FIELD = re.compile(r"\{([^{}]*)\}")

MAX_FIELD = 40  # characters of one field's value (a 300-character project name is cut to this)
MAX_STEM = 80  # characters of a whole name before its extension: a zip entry and a Windows path
MAX_STEM_BYTES = 200  # UTF-8 bytes (most file systems allow 255 bytes a name, with the extension)

_WINDOWS_REFUSED = set('<>:"/\\|?*')
_BIDI_AND_INVISIBLE = set("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069\ufeff")
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
             *(f"{device}{n}" for device in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³"))}
_UNNAMED = "未命名"


def check_pattern(pattern: str, available: Sequence[str]) -> str:
    """Return the pattern when every {field} in it is known and available for this grouping;
    InputError (exit 2) naming the fields otherwise."""
    problems: list[Problem] = []
    if not FIELD.search(pattern):
        problems.append(Problem(f"文件名格式“{pattern}”里没有任何字段，所有文件会同名",
                                column="--name", hint=f"请用大括号写字段，如“{DEFAULT_PATTERN}”"))
    for field in dict.fromkeys(FIELD.findall(pattern)):
        if field not in NAME_FIELDS:
            listed = "、".join(f"{{{name}}}" for name in NAME_FIELDS)
            problems.append(Problem(f"文件名格式里的“{{{field}}}”不是可用的字段", column="--name",
                                    hint=f"可用的字段：{listed}"))
        elif field not in available:
            problems.append(Problem(f"这样分组时没有“{{{field}}}”（{NAME_FIELDS[field]}）", column="--name",
                                    hint=f"可用的字段：{'、'.join(f'{{{name}}}' for name in available)}"))
    if "/" in FIELD.sub("", pattern) or "\\" in FIELD.sub("", pattern):
        problems.append(Problem("文件名格式里不能有“/”或“\\”（文件都放在 -o 指定的文件夹里）", column="--name",
                                hint=f"如“{DEFAULT_PATTERN}”"))
    if problems:
        raise InputError(problems)
    return pattern


def fill_pattern(pattern: str, values: Mapping[str, str]) -> str:
    """Return the pattern with each field replaced by its value made safe, the whole made safe."""
    return safe_stem(FIELD.sub(lambda match: safe_part(values.get(match.group(1), ""))[:MAX_FIELD], pattern))


def safe_part(text: str) -> str:
    """Return ``text`` without characters no file name may hold; what Windows refuses becomes "_"."""
    text = unicodedata.normalize("NFC", text)
    kept: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if char in _BIDI_AND_INVISIBLE or category in ("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"):
            continue
        if char in _WINDOWS_REFUSED:
            kept.append("_")
        elif category.startswith("Z"):  # tabs were dropped above; any other space is one space
            kept.append(" ")
        else:
            kept.append(char)
    return re.sub(r" {2,}", " ", "".join(kept))


def safe_stem(text: str) -> str:
    """Return a file name (without extension) that every file system and zip tool accepts."""
    stem = safe_part(text)
    stem = re.sub(r"\.{2,}", ".", stem).strip(" .")  # no "..", no leading dot, no trailing dot or space
    stem = _shortened(stem).strip(" .")
    if not stem:
        return _UNNAMED
    if stem.split(".", 1)[0].strip().upper() in _RESERVED:
        stem = f"_{stem}"
    return stem


def _shortened(stem: str) -> str:
    stem = stem[:MAX_STEM]
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    return stem


class UniqueNames:
    """Hands out names that differ from every name given before, as Windows and macOS compare
    them (case-insensitive, NFC): the second "甲项目.docx" becomes "甲项目（2）.docx"."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, stem: str, suffixes: Sequence[str]) -> str:
        """Return ``stem`` or the first "stem（n）" free for every suffix, and take it."""
        candidate, n = stem, 1
        while any(self._key(candidate + suffix) in self._taken for suffix in suffixes):
            n += 1
            candidate = f"{_shortened(stem)[: MAX_STEM - 6]}（{n}）"
        for suffix in suffixes:
            self._taken.add(self._key(candidate + suffix))
        return candidate

    def reserve(self, name: str) -> None:
        """Take a name the batch writes besides its documents (manifest.csv)."""
        self._taken.add(self._key(name))

    @staticmethod
    def _key(name: str) -> str:
        return unicodedata.normalize("NFC", name).casefold()
