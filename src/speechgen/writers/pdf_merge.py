"""Several PDFs → one, for double-sided printing: every document in order, each starting on an odd
page (a blank A4 page after a document with an odd number of pages), each keeping the page numbers
printed on it, and PDF page labels that say the same (1, 2, 1, 2, 3 …) in a viewer."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import BinaryIO

from speechgen import style

_PT_PER_MM = 72 / 25.4


def merge_pdfs(documents: Iterable[bytes], stream: BinaryIO, *, title: str) -> int:
    """Write the merged PDF of ``documents`` (in order) to ``stream``; return how many."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    count = 0
    for data in documents:
        if len(writer.pages) % 2:
            writer.add_blank_page(style.PAGE_WIDTH_MM * _PT_PER_MM, style.PAGE_HEIGHT_MM * _PT_PER_MM)
        first = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(data)))
        writer.set_page_label(first, len(writer.pages) - 1, style="/D", start=1)
        count += 1
    if not count:
        raise ValueError("merge_pdfs: no document to merge")
    writer.add_metadata({"/Title": title, "/Producer": "speechgen"})
    writer.write(stream)
    return count
