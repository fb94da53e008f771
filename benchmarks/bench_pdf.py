"""PDF of a ~6,000-character speech: our default path (WeasyPrint) vs LibreOffice converting our .docx.

Both are timed warm in one process: one untimed warm-up, then several timed runs; the median is
reported. The LibreOffice side is soffice --headless --convert-to pdf on the .docx that
speechgen.writers.docx.render_docx makes for the same Document (its own render time excluded).
Run: .venv/bin/python benchmarks/run.py pdf   (or make bench)
"""

from __future__ import annotations

import io
import platform
import resource
import statistics
import time
from collections.abc import Callable

from samples import speech_document

from speechgen.writers.pdf import PdfOptions, environment_problems, render_pdf

RUNS_OURS = 7
RUNS_LIBREOFFICE = 5


def cpu_seconds() -> float:
    """Return CPU seconds used so far by this process and its finished children (soffice)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, list[float]]:
    """Return the median wall and CPU seconds of runs calls after one warm-up call, and all wall times.

    CPU time (including soffice's, as a child process) is less disturbed by other load on the
    machine than wall time; both are reported.
    """
    fn()
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), cpu_seconds()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(cpu_seconds() - cpu)
    return statistics.median(walls), statistics.median(cpus), walls


def page_count(data: bytes) -> int:
    """Return the number of pages of a PDF."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def run() -> dict[str, float]:
    """Run the benchmark, print a report and return the numbers."""
    from speechgen.writers.docx import DocxOptions, render_docx
    from speechgen.writers.libreoffice import convert_docx_to_pdf

    doc = speech_document(6000)
    chars = len("".join(doc.text().split()))
    ours_pdf = render_pdf(doc, PdfOptions())
    docx = render_docx(doc, DocxOptions())
    lo_pdf = convert_docx_to_pdf(docx)
    print(f"文档：讲话稿 {chars} 字；WeasyPrint {page_count(ours_pdf)} 页，LibreOffice {page_count(lo_pdf)} 页")
    for problem in environment_problems():
        print(problem.format())

    ours, ours_cpu, ours_all = timed(lambda: render_pdf(doc, PdfOptions()), RUNS_OURS)
    lo, lo_cpu, lo_all = timed(lambda: convert_docx_to_pdf(docx), RUNS_LIBREOFFICE)
    ratio = lo / ours
    print(f"本项目默认路径（Document → PDF）：中位数 {ours:.3f} s（CPU {ours_cpu:.3f} s）  {_fmt(ours_all)}")
    print(f"LibreOffice（.docx → PDF，soffice --headless）：中位数 {lo:.3f} s（CPU {lo_cpu:.3f} s）  {_fmt(lo_all)}")
    print(f"倍数：{ratio:.1f}×（按 CPU 时间 {lo_cpu / ours_cpu:.1f}×；目标 ≥ 3×）")
    print(f"机器：{machine()}")
    return {"chars": chars, "ours_s": ours, "libreoffice_s": lo, "ratio": ratio,
            "ours_cpu_s": ours_cpu, "libreoffice_cpu_s": lo_cpu}


def _fmt(times: list[float]) -> str:
    return "[" + ", ".join(f"{t:.3f}" for t in times) + "]"


def machine() -> str:
    """Return a one-line description of this machine: CPU, cores, Python and WeasyPrint."""
    import os

    import weasyprint

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{cpu}，{os.cpu_count()} 核，{platform.system()} {platform.release()}，"
            f"Python {platform.python_version()}，WeasyPrint {weasyprint.__version__}")


if __name__ == "__main__":
    run()
