"""speechgen batch on a generated ledger of 1,000 projects, against a naive docxtpl loop, in one run.

Measured (each `speechgen batch` is a fresh process, timed wall-clock from start to exit, so its
start-up, reading the ledger and planning are included; peak RSS from wait4):

1. per-project 督办单 (1,000 documents) and per-责任单位 督办通知 (150 documents) with --jobs 1,
   against the naive loop — ``DocxTemplate(path)`` → ``render(context)`` → ``save(path)`` per
   document, on an equivalent template built here with python-docx (red title, 编号, the same
   fields in a two-column table; the 督办通知 as paragraphs with a loop over the projects), the
   context being the same figures, formatted the same way;
2. --jobs 1 against --jobs 2 (1,000 督办单), and what this machine gives two independent
   processes (two --shard halves run side by side): the ceiling of any two-process speed-up here;
3. peak RSS at N = 200 against N = 1,000 (督办单, --jobs 1);
4. PDF: --format pdf for 200 督办单 against LibreOffice converting the same 200 .docx, 20 per call.

The machine is shared and noisy, so every measurement is the best of ROUNDS runs, alternated.
Run: .venv/bin/python benchmarks/run.py batch   (or make bench)
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from big_ledger import write_big_ledger
from docxtpl_loop import naive_sheets, naive_supervision

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
RUN_CLI = "import sys; from speechgen.cli import main; main(sys.argv[1:])"
ROUNDS = 3
NAIVE_DOCUMENTS = 300  # the loop's docs/s is measured on fewer documents (it takes ~30 ms each)
PDF_DOCUMENTS = 200
LIBREOFFICE_PER_CALL = 20


def batch(folder: Path, ledger: Path, meeting: Path, out: str, *args: str) -> tuple[float, int]:
    """Run `speechgen batch` in a fresh process; return (wall seconds, peak RSS in MB)."""
    target = folder / out
    shutil.rmtree(target, ignore_errors=True)
    command = [PYTHON, "-c", RUN_CLI, "batch", *args, "-d", str(ledger), "-m", str(meeting), "-o", str(target)]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"speechgen batch {' '.join(args)} failed")
    return wall, usage.ru_maxrss // 1024


def best(runs: list[tuple[float, int]]) -> tuple[float, int]:
    return min(runs, key=lambda run: run[0])


def two_halves(folder: Path, ledger: Path, meeting: Path, *args: str) -> float:
    """Run the two --shard halves side by side, each with --jobs 1; return the wall time of both."""
    start = time.perf_counter()
    children = []
    for index in (1, 2):
        shutil.rmtree(folder / f"half{index}", ignore_errors=True)
        command = [PYTHON, "-c", RUN_CLI, "batch", *args, "--jobs", "1", "--shard", f"{index}/2",
                   "-d", str(ledger), "-m", str(meeting), "-o", str(folder / f"half{index}")]
        children.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    for child in children:
        child.wait()
    return time.perf_counter() - start


def libreoffice(docx_folder: Path, out: Path) -> float:
    """Convert every .docx of the folder to PDF, LIBREOFFICE_PER_CALL files a call; return seconds."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    files = sorted(str(p) for p in docx_folder.glob("*.docx"))
    profile = (out / "profile").as_uri()
    start = time.perf_counter()
    for first in range(0, len(files), LIBREOFFICE_PER_CALL):
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(out), *files[first:first + LIBREOFFICE_PER_CALL]],
                       check=True, capture_output=True, timeout=600)
    return time.perf_counter() - start


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp)
        ledger, meeting = write_big_ledger(folder / "n1000", 1000)
        small, small_meeting = write_big_ledger(folder / "n200", 200)
        sheets = ("督办单", "--per", "project", "--only", "all")
        notices = ("督办通知", "--per", "owner", "--only", "all")
        batch(folder, ledger, meeting, "warm", *sheets, "--jobs", "1")  # file caches, .pyc
        ours_sheets, ours_notices, jobs2, halves, rss200, rss1000 = [], [], [], [], [], []
        for _ in range(ROUNDS):
            ours_sheets.append(batch(folder, ledger, meeting, "sheets", *sheets, "--jobs", "1"))
            jobs2.append(batch(folder, ledger, meeting, "sheets2", *sheets, "--jobs", "2"))
            halves.append(two_halves(folder, ledger, meeting, *sheets))
            ours_notices.append(batch(folder, ledger, meeting, "notices", *notices, "--jobs", "1"))
            rss200.append(batch(folder, small, small_meeting, "small", *sheets, "--jobs", "1"))
            rss1000.append(batch(folder, ledger, meeting, "large", *sheets, "--jobs", "1"))
        naive_sheet_rate = max(naive_sheets(ledger, meeting, folder / "naive", NAIVE_DOCUMENTS) for _ in range(2))
        naive_notice_rate = max(naive_supervision(ledger, meeting, folder / "naive2") for _ in range(2))
        pdf = best([batch(folder, small, small_meeting, "pdf", *sheets, "--jobs", "1", "--format", "pdf")
                    for _ in range(2)])
        batch(folder, small, small_meeting, "docx200", *sheets, "--jobs", "1")
        office = min(libreoffice(folder / "docx200", folder / f"lo{i}") for i in range(2))
    _report(best(ours_sheets), best(ours_notices), best(jobs2), min(halves), best(rss200), best(rss1000),
            naive_sheet_rate, naive_notice_rate, pdf, office)


def _report(sheets: tuple[float, int], notices: tuple[float, int], jobs2: tuple[float, int], halves: float,
            rss200: tuple[float, int], rss1000: tuple[float, int], naive_sheet: float, naive_notice: float,
            pdf: tuple[float, int], office: float) -> None:
    sheet_rate, notice_rate = 1000 / sheets[0], 150 / notices[0]
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}")
    print(f"督办单 ×1000, --jobs 1:   {sheets[0]:.2f} s = {sheet_rate:.0f} docs/s; naive docxtpl loop "
          f"{naive_sheet:.1f} docs/s; ratio {sheet_rate / naive_sheet:.1f}×")
    print(f"督办通知 ×150, --jobs 1:  {notices[0]:.2f} s = {notice_rate:.0f} docs/s; naive docxtpl loop "
          f"{naive_notice:.1f} docs/s; ratio {notice_rate / naive_notice:.1f}×")
    print(f"督办单 ×1000, --jobs 2:   {jobs2[0]:.2f} s, {sheets[0] / jobs2[0]:.2f}× --jobs 1; two independent "
          f"halves side by side: {halves:.2f} s, {sheets[0] / halves:.2f}× (this machine's ceiling)")
    print(f"peak RSS, --jobs 1:       N=200 {rss200[1]} MB, N=1000 {rss1000[1]} MB, ratio "
          f"{rss1000[1] / rss200[1]:.2f}")
    print(f"PDF ×{PDF_DOCUMENTS} (督办单):        ours {pdf[0]:.1f} s; LibreOffice {office:.1f} s "
          f"({LIBREOFFICE_PER_CALL} per call); ratio {office / pdf[0]:.1f}×")
