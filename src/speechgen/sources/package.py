"""The .xlsx package (a zip) checked from its directory before any part is unpacked.

A zip declares each part's unpacked size, and Python's zipfile never unpacks more than that
(it stops and fails the checksum), so the declared sizes bound what reading can cost: too many
parts, too much in all, one part too big, or one packed far tighter than XML packs (a "zip
bomb": 2 GB of spaces pack into 2 MB) is refused here, in a few milliseconds.
"""

from __future__ import annotations

import io
import zipfile

from speechgen.errors import InputError, Problem
from speechgen.sources.files import REOPEN_HINT
from speechgen.sources.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_PART_BYTES,
    MAX_UNCOMPRESSED_BYTES,
    MAX_ZIP_MEMBERS,
    RATIO_CHECK_FROM_BYTES,
)
from speechgen.sources.text import quote

_HINT = "正常的台账不会这样；请确认文件来源可靠，或在 Excel / WPS 中打开后“另存为”.xlsx 再试"


def check_package(name: str, data: bytes) -> None:
    """Raise InputError when the package cannot be listed or exceeds a limit of limits.py."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise InputError(Problem(f"无法读取这个 Excel 文件，文件可能已损坏（{type(exc).__name__}）", file=name,
                                 hint=REOPEN_HINT)) from exc
    problem = _problem(parts)
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
        if part.file_size > MAX_PART_BYTES:
            return f"{what}解压后有{_mb(part.file_size)}，超过了{_mb(MAX_PART_BYTES)}的上限"
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > RATIO_CHECK_FROM_BYTES and ratio > MAX_COMPRESSION_RATIO:
            return f"{what}压缩比异常（{ratio:.0f}∶1，解压后有{_mb(part.file_size)}），像是故意构造的“压缩炸弹”"
    return None


def _mb(count: int) -> str:
    return f"{count / 1_000_000:.0f} MB" if count >= 10_000_000 else f"{count / 1_000_000:.1f} MB"
