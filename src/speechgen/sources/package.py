"""The .xlsx package (a zip) checked from its directory before any part is unpacked.

A zip declares each part's unpacked size, and Python's zipfile never unpacks more than that
(it stops and fails the checksum), so the declared sizes bound what reading can cost: too many
parts, too much in all, one part too big, or one packed far tighter than XML packs (a "zip
bomb": 2 GB of spaces pack into 2 MB) is refused here, in a few milliseconds.
"""

from __future__ import annotations

import io
import re
import zipfile

from speechgen.errors import InputError, Problem
from speechgen.sources.files import REOPEN_HINT, damage
from speechgen.sources.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_PART_BYTES,
    MAX_SETTINGS_PART_BYTES,
    MAX_SHARED_STRINGS,
    MAX_UNCOMPRESSED_BYTES,
    MAX_ZIP_MEMBERS,
    RATIO_CHECK_FROM_BYTES,
)
from speechgen.sources.text import quote

_STRING_TAG = re.compile(rb"<(?:\w+:)?si[\s/>]")
_HINT = "正常的台账不会这样；请确认文件来源可靠，或在 Excel / WPS 中打开后“另存为”.xlsx 再试"


def check_package(name: str, data: bytes) -> None:
    """Raise InputError when the package cannot be listed or exceeds a limit of limits.py."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            problem = _problem(archive.infolist()) or _shared_strings_problem(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise InputError(Problem(f"无法读取这个 Excel 文件，{damage(exc)}", file=name,
                                 hint=REOPEN_HINT)) from exc
    if problem:
        raise InputError(Problem(problem, file=name, hint=_HINT))


def _problem(parts: list[zipfile.ZipInfo]) -> str | None:
    if len(parts) > MAX_ZIP_MEMBERS:
        return f"这个 Excel 文件由{len(parts)}个部分组成，超过了{MAX_ZIP_MEMBERS}个的上限"
    total = sum(part.file_size for part in parts)
    if total > MAX_UNCOMPRESSED_BYTES:
        return f"这个 Excel 文件解压后有{_mb(total)}，超过了{_mb(MAX_UNCOMPRESSED_BYTES)}的上限"
    for part in parts:
        what = f"这个 Excel 文件中的“{quote(part.filename)}”"
        limit = MAX_PART_BYTES if _streamed(part.filename) else MAX_SETTINGS_PART_BYTES
        if part.file_size > limit:
            return f"{what}解压后有{_mb(part.file_size)}，超过了{_mb(limit)}的上限"
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > RATIO_CHECK_FROM_BYTES and ratio > MAX_COMPRESSION_RATIO:
            return f"{what}压缩比异常（{ratio:.0f}∶1，解压后有{_mb(part.file_size)}），像是故意构造的“压缩炸弹”"
    return None


def _streamed(name: str) -> bool:
    """Return True for the parts read as a stream or not at all: sheets, shared strings, media."""
    lowered = name.lower()
    return not lowered.endswith((".xml", ".rels")) or "worksheets/" in lowered or lowered.endswith("sharedstrings.xml")


def _shared_strings_problem(archive: zipfile.ZipFile) -> str | None:
    """Count the shared strings (openpyxl reads every one of them when it opens the workbook,
    ~10 µs each) by their tags, without parsing; the part is within the size limits already."""
    for part in archive.infolist():
        if part.filename.lower().endswith("sharedstrings.xml"):
            count = len(_STRING_TAG.findall(archive.read(part)))
            if count > MAX_SHARED_STRINGS:
                return f"这个 Excel 文件有{count}段不同的文字，超过了{MAX_SHARED_STRINGS}段的上限"
    return None


def _mb(count: int) -> str:
    return f"{count / 1_000_000:.0f} MB" if count >= 10_000_000 else f"{count / 1_000_000:.1f} MB"
