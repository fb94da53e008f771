"""The .docx zip, written directly: each part deflated once (the fixed parts once per process),
entries with a fixed timestamp and attributes, so that the same parts give the same bytes.

zipfile compresses every part anew for every document; the fixed parts (styles, settings,
footers: most of a short document's bytes) are the same for every document of one set of
options, so their deflated form is kept (package.fixed_entries) and only document.xml and core.xml
are compressed per document. The archive is a plain zip (PKZIP 2.0 deflate, no data descriptors,
no zip64: a .docx is far below 4 GB) that Word, WPS, LibreOffice and zipfile read.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the earliest a zip entry can carry
_DOS_TIME = 0
_VERSION = 20  # PKZIP 2.0: deflate
_MADE_BY = (3 << 8) | _VERSION  # Unix, as zipfile writes on POSIX
_FILE_ATTRIBUTES = 0o644 << 16
_LEVEL = 6


@dataclass(frozen=True)
class Entry:
    """One part, deflated: its name, CRC-32, compressed bytes and size."""

    name: bytes
    crc: int
    compressed: bytes
    size: int


def deflated(name: str, data: bytes) -> Entry:
    """Return the part ``name`` holding ``data``, deflated (raw deflate, as zip stores it)."""
    compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return Entry(name.encode("ascii"), zlib.crc32(data), compressor.compress(data) + compressor.flush(), len(data))


def zip_bytes(entries: Sequence[Entry]) -> bytes:
    """Return the zip archive of ``entries``, in the order given."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for entry in entries:
        local = struct.pack("<4s5H3L2H", b"PK\x03\x04", _VERSION, 0, zlib.DEFLATED, _DOS_TIME, _DOS_DATE,
                            entry.crc, len(entry.compressed), entry.size, len(entry.name), 0)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", _MADE_BY, _VERSION, 0, zlib.DEFLATED, _DOS_TIME,
                                   _DOS_DATE, entry.crc, len(entry.compressed), entry.size, len(entry.name), 0, 0,
                                   0, 0, _FILE_ATTRIBUTES, offset) + entry.name)
        out += (local, entry.name, entry.compressed)
        offset += len(local) + len(entry.name) + len(entry.compressed)
    directory = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(out) + directory + end
