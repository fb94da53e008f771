"""The .docx writer on a ~6,000-character speech and on a notice with a 50-row table.

Each document is rendered warm (the fixed parts cached per options after the first call), many
times; the median is reported for the body alone (word/document.xml: the per-document work) and
for the whole file. The baseline in the same process is deflating the finished parts into a zip,
which any .docx writer pays; the ratio says how much more than that the writer costs.
Run: .venv/bin/python benchmarks/run.py docx   (or make bench)
"""

from __future__ import annotations

import io
import statistics
import time
import zipfile
from collections.abc import Callable

from samples import notice_document, speech_document

from speechgen.document import Document
from speechgen.writers.docx import DocxOptions, render_docx
from speechgen.writers.docx.body import document_xml
from speechgen.writers.docx.table_layout import landscape_blocks

RUNS = 200
NOTICE_ROWS = 50


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    """Return the median wall time of ``fn`` in milliseconds, after one untimed warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def deflate(data: bytes) -> Callable[[], bytes]:
    """Return a function that re-deflates every part of the .docx ``data`` into a new zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(name, source.read(name)) for name in source.namelist()]

    def rezip() -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for name, payload in entries:
                target.writestr(name, payload)
        return buffer.getvalue()

    return rezip


def measure(label: str, doc: Document) -> dict[str, float]:
    """Print and return the body, whole-file and zip-baseline medians of one document."""
    options = DocxOptions()
    landscape = landscape_blocks(doc.blocks)
    data = render_docx(doc, options)
    body = median_ms(lambda: document_xml(doc, options, landscape))
    whole = median_ms(lambda: render_docx(doc, options))
    zipped = median_ms(deflate(data))
    size_kb = len(document_xml(doc, options, landscape)) // 1024
    print(f"{label}：{len(doc.blocks)} 块，document.xml {size_kb} KB；正文 {body:.2f} ms，"
          f"整个文件 {whole:.2f} ms，仅压缩 {zipped:.2f} ms（整个文件为压缩的 {whole / zipped:.1f} 倍）")
    return {f"{label}_body_ms": body, f"{label}_docx_ms": whole, f"{label}_zip_ms": zipped}


def run() -> dict[str, float]:
    """Run the benchmark, print a report and return the numbers."""
    results = measure("讲话稿", speech_document(6000))
    results.update(measure(f"通知（{NOTICE_ROWS} 行表格）", notice_document(rows=NOTICE_ROWS)))
    return results


if __name__ == "__main__":
    run()
