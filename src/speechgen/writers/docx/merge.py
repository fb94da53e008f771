"""Several .docx files of ours → one, for printing: every document in order, each starting on an
odd page (a section break of type ``oddPage``) with its page numbers from 1 (its first section's
``w:pgNumType w:start="1"``, which every document of ours carries).

Only documents made by this writer with the same options can be merged: they share styles,
settings and footers, so the merged package takes those parts from the input that has the most
(a document with a landscape attachment adds its turned footers) and concatenates the bodies. The
merged document.xml is streamed entry by entry; one input is read at a time.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from typing import BinaryIO

from speechgen.writers.docx import package

_BODY = re.compile(rb"<w:body>(.*)</w:body>", re.S)
_LAST_SECTION = re.compile(rb"(<w:sectPr>(?:(?!<w:sectPr>).)*</w:sectPr>)\s*$", re.S)
_FIRST_SECTION = re.compile(rb"<w:sectPr>")
_PAGE_SIZE = b"<w:pgSz "
_ODD_PAGE = b'<w:type w:val="oddPage"/>'
_DOCUMENT = "word/document.xml"


def merge_docx(documents: Iterable[bytes], stream: BinaryIO, *, title: str,
               timestamp: dt.datetime | None = None) -> int:
    """Write the merged .docx of ``documents`` (in order) to ``stream``, titled ``title`` in its
    properties; return how many were merged."""
    parts: dict[str, bytes] = {}
    head = tail = b""
    count = 0
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as merged:
        with merged.open(package.zip_info(_DOCUMENT), "w") as body:
            previous: bytes | None = None
            for data in documents:
                with zipfile.ZipFile(io.BytesIO(data)) as source:
                    xml = source.read(_DOCUMENT)
                    names = [name for name in source.namelist() if name not in (_DOCUMENT, "docProps/core.xml")]
                    if len(names) > len(parts):
                        parts = {name: source.read(name) for name in names}
                start = xml.index(b"<w:body>")
                head = head or xml[:start] + b"<w:body>"
                inner, last = _split(xml)
                if count:
                    inner, last = _odd_page(inner, last)
                if previous is None:
                    body.write(head)
                else:
                    body.write(b"<w:p><w:pPr>" + previous + b"</w:pPr></w:p>")
                body.write(inner)
                previous = last
                count += 1
                tail = xml[xml.index(b"</w:body>"):]
            if previous is None:
                raise ValueError("merge_docx: no document to merge")
            body.write(previous + tail)
        for name, data in sorted(parts.items()):
            merged.writestr(package.zip_info(name), data)
        merged.writestr(package.zip_info("docProps/core.xml"), package.core_xml(title, timestamp))
    return count


def _split(xml: bytes) -> tuple[bytes, bytes]:
    """Return a document's body without its last ``<w:sectPr>``, and that ``<w:sectPr>``."""
    match = _BODY.search(xml)
    if match is None:
        raise ValueError("merge_docx: not a document.xml of ours")
    body = match.group(1)
    last = _LAST_SECTION.search(body)
    if last is None:
        raise ValueError("merge_docx: a document without section properties")
    return body[: last.start()], last.group(1)


def _odd_page(inner: bytes, last: bytes) -> tuple[bytes, bytes]:
    """Return the body and last section with the document's first section starting on an odd page."""
    if _FIRST_SECTION.search(inner):  # a landscape attachment: the first section ends inside the body
        at = inner.index(_PAGE_SIZE, _FIRST_SECTION.search(inner).start())  # type: ignore[union-attr]
        return inner[:at] + _ODD_PAGE + inner[at:], last
    at = last.index(_PAGE_SIZE)
    return inner, last[:at] + _ODD_PAGE + last[at:]
