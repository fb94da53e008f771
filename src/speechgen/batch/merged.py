"""The merged file of a batch (--merged): every document made, in 序号 order, in one .docx or .pdf
for printing — each document starting on an odd page with its own page numbers (writers.docx.merge,
writers.pdf_merge) — read back from the files just written, one at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from speechgen.errors import InputError, Problem
from speechgen.writers.output import OutputPlan, open_output


def write_merged(plan: OutputPlan, target: Path, folder: Path, names: Sequence[str], *,
                 timestamp: dt.datetime | None = None) -> int:
    """Write ``target`` (.docx or .pdf) from the files ``names`` of ``folder`` with its suffix;
    return how many documents it holds. InputError when there is none to merge."""
    suffix = target.suffix.lower()
    chosen = [name for name in names if name.lower().endswith(suffix)]
    if not chosen:
        raise InputError(Problem("没有生成成功的文件，合订本未生成", file=str(target)))
    title = f"{target.stem}（{len(chosen)}份）"
    with open_output(plan, target) as stream:
        if suffix == ".docx":
            from speechgen.writers.docx import merge_docx

            return merge_docx(_read(folder, chosen), stream, title=title, timestamp=timestamp)
        from speechgen.writers.pdf_merge import merge_pdfs

        return merge_pdfs(_read(folder, chosen), stream, title=title)


def _read(folder: Path, names: Sequence[str]) -> Iterator[bytes]:
    for name in names:
        yield (folder / name).read_bytes()
