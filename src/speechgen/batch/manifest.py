"""manifest.csv: one row per group of a batch — what was made, skipped or failed, and why.

UTF-8 with a BOM and CRLF line ends, so that Excel and WPS open it as Chinese text. The batch
rewrites it atomically (temp file, rename: writers.output) as documents finish, so a run killed at
any moment leaves a manifest of exactly what was finished; ``--resume`` reads it back and makes
only what is missing or changed (a different 输入指纹: the group's figures, the 发文字号, the
template, the seed or the options), or whose file is gone or no longer what was written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from speechgen.errors import InputError, Problem

Status = Literal["ok", "failed", "skipped"]
COLUMNS = ("序号", "分组", "名称", "文稿类型", "发文字号", "主送", "文件", "状态", "原因", "sha256", "页数", "输入指纹")
FILE_SEPARATOR = "|"  # never in a file name of ours (naming.py turns "|" into "_")
MANIFEST_NAME = "manifest.csv"


def manifest_name(shard: tuple[int, int] | None) -> str:
    """Return manifest.csv, or manifest-2-of-4.csv for a shard (shards may share a folder)."""
    return MANIFEST_NAME if shard is None else f"manifest-{shard[0]}-of-{shard[1]}.csv"


@dataclass(frozen=True)
class Row:
    """One line of the manifest. ``files`` and ``sha256`` are in the same order (one per format);
    ``pages`` is the PDF's page count, when a PDF was made."""

    order: int  # position among all groups of the run (skipped ones included), for sorting
    number: int | None
    per: str
    name: str
    kind: str
    doc_number: str = ""
    addressee: str = ""
    files: tuple[str, ...] = ()
    status: Status = "ok"
    reason: str = ""
    sha256: tuple[str, ...] = ()
    pages: int | None = None
    fingerprint: str = ""

    def cells(self, width: int) -> list[str]:
        number = "" if self.number is None else str(self.number).zfill(width)
        return [number, self.per, self.name, self.kind, self.doc_number, self.addressee,
                FILE_SEPARATOR.join(self.files), self.status, self.reason, FILE_SEPARATOR.join(self.sha256),
                "" if self.pages is None else str(self.pages), self.fingerprint]


class Manifest:
    """The rows of a run, kept by ``order``; ``text()`` is the file's content at any moment."""

    def __init__(self, width: int):
        self.width = width
        self.rows: dict[int, Row] = {}

    def set(self, row: Row) -> None:
        self.rows[row.order] = row

    def text(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(self.rows[order].cells(self.width) for order in sorted(self.rows))
        return "\ufeff" + buffer.getvalue()

    def data(self) -> bytes:
        return self.text().encode("utf-8")

    def count(self, status: Status) -> int:
        return sum(1 for row in self.rows.values() if row.status == status)

    def ok_files(self) -> list[str]:
        """Return the files of the rows made, in 序号 order."""
        return [name for order in sorted(self.rows) if self.rows[order].status == "ok"
                for name in self.rows[order].files]


def read_manifest(path: Path) -> dict[str, Row]:
    """Return the rows of a manifest written before, by their 文件 cell (empty: no manifest).
    InputError when the file is not a manifest of ours."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(Problem(f"读不了上次的清单：{error}", file=str(path),
                                 hint="删去它（将从头生成），或去掉 --resume")) from error
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or tuple(header) != COLUMNS:
        raise InputError(Problem("这不是 speechgen batch 写的清单（表头不对）", file=str(path),
                                 hint="请换一个输出文件夹，或去掉 --resume"))
    return {row.files_key: row.row for row in _rows(reader)}


@dataclass(frozen=True)
class _Read:
    files_key: str
    row: Row


def _rows(reader: Iterable[list[str]]) -> Iterable[_Read]:
    for order, cells in enumerate(reader):
        if len(cells) != len(COLUMNS):
            continue  # a line cut short: treat its document as not made
        number, per, name, kind, doc_number, addressee, files, status, reason, sha, pages, fingerprint = cells
        if status not in ("ok", "failed", "skipped") or not files:
            continue
        row = Row(order, int(number) if number.isdigit() else None, per, name, kind, doc_number, addressee,
                  tuple(files.split(FILE_SEPARATOR)), status, reason,  # type: ignore[arg-type]
                  tuple(sha.split(FILE_SEPARATOR)) if sha else (), int(pages) if pages.isdigit() else None,
                  fingerprint)
        yield _Read(files, row)


def reorder(row: Row, order: int) -> Row:
    """Return a row read back from an earlier manifest, placed at this run's position."""
    return replace(row, order=order)
