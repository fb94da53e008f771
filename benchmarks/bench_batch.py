"""speechgen batch on a generated ledger of 1,000 projects, against a naive docxtpl loop, in one run.

Measured:

1. in this process and in CPU time (time.process_time), so that the load other work puts on the
   machine weighs on both sides alike and little on either (last: a child forked from this process
   afterwards would count its memory in its peak RSS):
   per-project 督办单 (1,000 documents) and per-责任单位 督办通知 (300 documents: 300 units in the
   generated ledger) through ``run_batch`` with jobs=1, in the steady state — (N − 1) documents
   over the time a run of N takes beyond a run that plans the same N but makes one (shard N/N),
   i.e. without reading and planning — against the naive loop, ``DocxTemplate(path)`` →
   ``render(context)`` → ``save(path)`` per document, on an equivalent template built here with
   python-docx (red title, 编号, the same fields in a two-column table; the 督办通知 as paragraphs
   with a loop over the projects), the context being the same figures, formatted the same way;
   the three are alternated, each the best of ROUNDS;
2. `speechgen batch` end to end in fresh processes (start-up, reading, planning included; wall
   clock from start to exit, peak RSS from wait4): docs/s against the same loop;
3. --jobs 1 against --jobs 2 (1,000 督办单), and what this machine gives two independent
   processes (two --shard halves run side by side): the ceiling of any two-process speed-up here;
4. peak RSS at N = 200 against N = 1,000 (督办单, --jobs 1);
5. PDF: --format pdf for 200 督办单 (--jobs 1 and --jobs 2) against LibreOffice converting the
   same 200 .docx, 20 per call (BENCH_BATCH_PDF=0 leaves this out; BENCH_BATCH_ROUNDS=N, best of N).

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
ROUNDS = int(os.environ.get("BENCH_BATCH_ROUNDS", "3"))  # best of this many runs each
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


def in_process(folder: Path, ledger: Path, meeting: Path, kind: str, per: str,
               shard: tuple[int, int] | None = None) -> tuple[float, int]:
    """Run the batch in this process (jobs=1); return (CPU seconds of this process, documents made)."""
    from speechgen.batch.request import BatchRequest
    from speechgen.batch.run import run_batch

    target = folder / "inproc"
    shutil.rmtree(target, ignore_errors=True)
    start = time.process_time()
    summary = run_batch(BatchRequest(kind=kind, data=ledger, meeting=meeting, per=per, out_dir=target,  # type: ignore[arg-type]
                                     only="all", jobs=1, shard=shard))
    return time.process_time() - start, summary.made


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


KINDS = (("督办单", "sheet", "project", NAIVE_DOCUMENTS), ("督办通知", "supervision", "owner", None))


def steady_in_process(folder: Path, ledger: Path, meeting: Path) -> dict[str, tuple[int, float, float, float]]:
    """Return label → (documents, best full run s, best one-document run s, naive docs/s), the three
    alternated in this process."""
    found: dict[str, tuple[int, float, float, float]] = {}
    for label, kind, per, naive_count in KINDS:
        _, count = in_process(folder, ledger, meeting, kind, per)  # warm: library, templates, caches
        full, one, naive = [], [], []
        for _ in range(ROUNDS):
            full.append(in_process(folder, ledger, meeting, kind, per)[0])
            one.append(in_process(folder, ledger, meeting, kind, per, (count, count))[0])
            if kind == "sheet":
                naive.append(naive_sheets(ledger, meeting, folder / "naive", naive_count or count))
            else:
                naive.append(naive_supervision(ledger, meeting, folder / "naive"))
        found[label] = (count, min(full), min(one), max(naive))
    return found


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
            for name, args in (("sheets", (*sheets, "--jobs", "1")), ("jobs2", (*sheets, "--jobs", "2")),
                               ("notices", (*notices, "--jobs", "1"))):
                runs.setdefault(name, []).append(batch(folder, ledger, meeting, name, *args))
            halves.append(two_halves(folder, ledger, meeting, *sheets))
            runs.setdefault("rss200", []).append(batch(folder, small, small_meeting, "small", *sheets, "--jobs", "1"))
            runs.setdefault("rss1000", []).append(batch(folder, ledger, meeting, "large", *sheets, "--jobs", "1"))
        office = None
        if os.environ.get("BENCH_BATCH_PDF", "1") != "0":
            for jobs in ("1", "2"):
                runs[f"pdf{jobs}"] = [batch(folder, small, small_meeting, f"pdf{jobs}", *sheets, "--jobs", jobs,
                                            "--format", "pdf") for _ in range(2)]
            batch(folder, small, small_meeting, "docx200", *sheets, "--jobs", "1")
            office = min(libreoffice(folder / "docx200", folder / f"lo{i}") for i in range(2))
        # last: a child forked from this process after the in-process runs would count its memory
        steady = steady_in_process(folder, ledger, meeting)
    _report(steady, {name: best(values) for name, values in runs.items()}, min(halves), office)


def _report(steady: dict[str, tuple[int, float, float, float]], best_of: dict[str, tuple[float, int]],
            halves: float, office: float | None) -> None:
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}")
    for label, (count, full, one, naive) in steady.items():
        rate = (count - 1) / max(full - one, 1e-9)
        print(f"{label} ×{count}, in one process, jobs 1, CPU time: steady state {rate:.0f} docs/s "
              f"({1000 / rate:.2f} ms a document; run {full:.2f} s, reading and planning {one:.2f} s), "
              f"naive loop {naive:.1f} docs/s ({1000 / naive:.1f} ms): {rate / naive:.1f}×")
    for label, name, (count, *_, naive) in (("督办单", "sheets", steady["督办单"]),
                                             ("督办通知", "notices", steady["督办通知"])):
        total = best_of[name][0]
        print(f"{label} ×{count}, speechgen batch --jobs 1 end to end (fresh process): {total:.2f} s = "
              f"{count / total:.0f} docs/s ({count / total / naive:.1f}× the naive loop)")
    sheets, jobs2 = best_of["sheets"][0], best_of["jobs2"][0]
    print(f"督办单 ×1000, --jobs 2: {jobs2:.2f} s, {sheets / jobs2:.2f}× --jobs 1; two --shard halves run side by "
          f"side: {halves:.2f} s, {sheets / halves:.2f}× (what two processes get on this machine)")
    print(f"peak RSS, --jobs 1: N=200 {best_of['rss200'][1]} MB, N=1000 {best_of['rss1000'][1]} MB, ratio "
          f"{best_of['rss1000'][1] / best_of['rss200'][1]:.2f}")
    if office is None:
        return
    for jobs in ("1", "2"):
        pdf = best_of[f"pdf{jobs}"][0]
        print(f"PDF ×{PDF_DOCUMENTS} 督办单, --jobs {jobs}: {pdf:.1f} s; LibreOffice {office:.1f} s "
              f"({LIBREOFFICE_PER_CALL} per call); ratio {office / pdf:.1f}×")
