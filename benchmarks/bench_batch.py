"""speechgen batch on a generated ledger of 1,000 projects, against a naive docxtpl loop, in one run.

Measured (each `speechgen batch` is a fresh process, timed wall-clock from start to exit, so its
start-up, reading the ledger and planning are included; peak RSS from wait4):

1. per-project 督办单 (1,000 documents) and per-责任单位 督办通知 (150 documents) with --jobs 1 —
   end to end, and in the steady state: (N − 1) documents over the time a run of N takes beyond a
   run that plans the same N but makes one (--shard N/N), i.e. without start-up and planning —
   against the naive loop — ``DocxTemplate(path)`` → ``render(context)`` → ``save(path)`` per
   document, on an equivalent template built here with python-docx (red title, 编号, the same
   fields in a two-column table; the 督办通知 as paragraphs with a loop over the projects), the
   context being the same figures, formatted the same way;
2. --jobs 1 against --jobs 2 (1,000 督办单), and what this machine gives two independent
   processes (two --shard halves run side by side): the ceiling of any two-process speed-up here;
3. peak RSS at N = 200 against N = 1,000 (督办单, --jobs 1);
4. PDF: --format pdf for 200 督办单 (--jobs 1 and --jobs 2) against LibreOffice converting the
   same 200 .docx, 20 per call.

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
    """Return the fastest run (wall seconds, its peak RSS): the one least disturbed by the machine."""
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
        runs: dict[str, list[tuple[float, int]]] = {}
        halves: list[float] = []
        for _ in range(ROUNDS):
            for name, args in (("sheets", (*sheets, "--jobs", "1")), ("sheet1", (*sheets, "--jobs", "1",
                                                                              "--shard", "1000/1000")),
                               ("jobs2", (*sheets, "--jobs", "2")), ("notices", (*notices, "--jobs", "1")),
                               ("notice1", (*notices, "--jobs", "1", "--shard", "150/150"))):
                runs.setdefault(name, []).append(batch(folder, ledger, meeting, name, *args))
            halves.append(two_halves(folder, ledger, meeting, *sheets))
            runs.setdefault("rss200", []).append(batch(folder, small, small_meeting, "small", *sheets, "--jobs", "1"))
            runs.setdefault("rss1000", []).append(batch(folder, ledger, meeting, "large", *sheets, "--jobs", "1"))
        naive_sheet = max(naive_sheets(ledger, meeting, folder / "naive", NAIVE_DOCUMENTS) for _ in range(2))
        naive_notice = max(naive_supervision(ledger, meeting, folder / "naive2") for _ in range(2))
        for jobs in ("1", "2"):
            runs[f"pdf{jobs}"] = [batch(folder, small, small_meeting, f"pdf{jobs}", *sheets, "--jobs", jobs,
                                        "--format", "pdf") for _ in range(2)]
        batch(folder, small, small_meeting, "docx200", *sheets, "--jobs", "1")
        office = min(libreoffice(folder / "docx200", folder / f"lo{i}") for i in range(2))
    _report({name: best(values) for name, values in runs.items()}, min(halves), naive_sheet, naive_notice, office)


def _report(best_of: dict[str, tuple[float, int]], halves: float, naive_sheet: float, naive_notice: float,
            office: float) -> None:
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}")
    for label, name, one, count, naive in (("督办单 ×1000", "sheets", "sheet1", 1000, naive_sheet),
                                           ("督办通知 ×150", "notices", "notice1", 150, naive_notice)):
        total, start = best_of[name][0], best_of[one][0]
        steady = (count - 1) / max(total - start, 1e-9)
        print(f"{label}, --jobs 1: {total:.2f} s end to end = {count / total:.0f} docs/s "
              f"({count / total / naive:.1f}× the naive loop's {naive:.1f} docs/s); start-up and planning "
              f"{start:.2f} s; steady state {steady:.0f} docs/s ({steady / naive:.1f}×)")
    sheets, jobs2 = best_of["sheets"][0], best_of["jobs2"][0]
    print(f"督办单 ×1000, --jobs 2: {jobs2:.2f} s, {sheets / jobs2:.2f}× --jobs 1; two --shard halves run side by "
          f"side: {halves:.2f} s, {sheets / halves:.2f}× (what two processes get on this machine)")
    print(f"peak RSS, --jobs 1: N=200 {best_of['rss200'][1]} MB, N=1000 {best_of['rss1000'][1]} MB, ratio "
          f"{best_of['rss1000'][1] / best_of['rss200'][1]:.2f}")
    for jobs in ("1", "2"):
        pdf = best_of[f"pdf{jobs}"][0]
        print(f"PDF ×{PDF_DOCUMENTS} 督办单, --jobs {jobs}: {pdf:.1f} s; LibreOffice {office:.1f} s "
              f"({LIBREOFFICE_PER_CALL} per call); ratio {office / pdf:.1f}×")
