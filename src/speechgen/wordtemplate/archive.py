"""The filled .docx as a zip whose unchanged entries are deflated once per template, not per document.

zipfile can only write what it compresses itself, so a batch of 500 documents would deflate the
template's styles, theme, fonts and pictures 500 times; here each entry is a ``Deflated`` value
(CRC, sizes, compressed bytes) made once, and per document only the filled parts are deflated and
the local headers and central directory (APPNOTE 4.3, no ZIP64: a template is at most 100 MB) written.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

_STORED, _DEFLATED = 0, 8
_UTF8_NAMES = 0x0800  # general purpose bit 11: names are UTF-8
_VERSION = 20  # 2.0: deflate
_MADE_BY = (3 << 8) | _VERSION  # Unix, as zipfile writes on Linux
_ALREADY_COMPRESSED = (".png", ".jpg", ".jpeg", ".gif")


@dataclass(frozen=True)
class Deflated:
    """One zip entry, compressed: name, DOS date/time, CRC-32, sizes and the compressed bytes."""

    name: str
    date_time: tuple[int, int, int, int, int, int]
    external_attr: int
    method: int
    crc: int
    size: int
    data: bytes


def deflate(name: str, data: bytes, date_time: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0),
            external_attr: int = 0o644 << 16) -> Deflated:
    """Return the entry ``name`` holding ``data``: stored for pictures (compressed already), else deflated."""
    if name.lower().endswith(_ALREADY_COMPRESSED):
        return Deflated(name, date_time, external_attr, _STORED, zlib.crc32(data), len(data), data)
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    compressed = packer.compress(data) + packer.flush()
    return Deflated(name, date_time, external_attr, _DEFLATED, zlib.crc32(data), len(data), compressed)


def _dos(date_time: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return (hour << 11) | (minute << 5) | (second // 2), ((max(year, 1980) - 1980) << 9) | (month << 5) | day


def write_zip(entries: Iterable[Deflated]) -> bytes:
    """Return the zip archive of the entries, in order."""
    out: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    count = 0
    for entry in entries:
        name = entry.name.encode("utf-8")
        time, date = _dos(entry.date_time)
        common = struct.pack("<HHHHHIII", _VERSION, _UTF8_NAMES, entry.method, time, date,
                             entry.crc, len(entry.data), entry.size)
        local = b"PK\x03\x04" + common + struct.pack("<HH", len(name), 0) + name
        directory.append(b"PK\x01\x02" + struct.pack("<H", _MADE_BY) + common
                         + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, entry.external_attr, offset) + name)
        out += (local, entry.data)
        offset += len(local) + len(entry.data)
        count += 1
    central = b"".join(directory)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, count, count, len(central), offset, 0)
    return b"".join(out) + central + end
