"""The zip of a batch: every file made, in 序号 order, and the manifest — the same bytes for the
same files, whoever makes it.

Names are stored in UTF-8 with the language-encoding flag (general purpose bit 11) set, which
Windows Explorer (Windows 10 1903 and later), WPS, 7-Zip, macOS and unzip read as UTF-8, so
"003_青河县_督办通知.docx" is not shown as mojibake. Every entry has the same timestamp (the
meeting's 成文日期, midnight), the same "made by" system and permissions, and is deflated at one
level (zlib's default), so the archive depends on the files alone. It is streamed into its temp file one entry at
a time (writers.output.open_output), never held in memory.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path

from speechgen.writers.output import OutputPlan, open_output

UTF8_FLAG = 0x800  # general purpose bit 11: file name and comment in UTF-8
_MADE_BY_UNIX = 3
_FILE_MODE = 0o100644  # a regular file, rw-r--r--


def zip_time(day: dt.date) -> tuple[int, int, int, int, int, int]:
    """Return the entries' timestamp: the day at midnight (zip cannot store dates before 1980)."""
    return (max(day.year, 1980), day.month, day.day, 0, 0, 0)


def write_zip(plan: OutputPlan, target: Path, folder: Path, names: Sequence[str], manifest: tuple[str, bytes],
              day: dt.date) -> None:
    """Write ``target``: the files ``names`` of ``folder`` (each once, in order) and the manifest
    (its name and bytes), atomically."""
    with open_output(plan, target) as stream, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in dict.fromkeys(names):
            with (folder / name).open("rb") as source, archive.open(_entry(name, day), "w") as entry:
                shutil.copyfileobj(source, entry, 1 << 20)
        manifest_name, data = manifest
        archive.writestr(_entry(manifest_name, day), data)


def _entry(name: str, day: dt.date) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=zip_time(day))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = _MADE_BY_UNIX
    info.external_attr = _FILE_MODE << 16
    if not name.isascii():
        info.flag_bits |= UTF8_FLAG  # zipfile sets it too; said here because the reader depends on it
    return info
