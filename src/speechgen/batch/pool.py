"""The engine of a batch: a local process pool (or this process, for --jobs 1).

Each document is a pure function of its job (worker.make_document), so documents can be made in
any order, in any process, and give the same bytes. Outcomes come back as they finish; at most a
few jobs per worker are in flight, so memory holds a handful of documents, never the batch. Worker
processes only compute: every file is written by the calling process (speechgen.batch.run).

Start-up: on Linux, when this process has no other thread, the workers are forked from it, so
they start with what it has loaded (the pipeline, the snippet library, the compiled template:
warm() is called first); a process with threads (a web server, a progress bar already running) is
never forked — its workers fork from a forkserver that has imported the pipeline, or are spawned
where there is no forkserver (Windows).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from speechgen.batch.worker import Job, Outcome, Settings, make_document, start_worker, warm, work
from speechgen.errors import SpeechgenError

IN_FLIGHT_PER_WORKER = 4  # enough to keep every worker busy, few enough to hold little memory
_PRELOAD = ["speechgen.batch.worker", "speechgen.compose", "speechgen.markup", "speechgen.writers.docx"]


def default_jobs() -> int:
    """Return the number of worker processes when --jobs is not given: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def run_jobs(settings: Settings, jobs: Iterable[Job], workers: int) -> Iterator[Outcome]:
    """Yield the outcome of every job, as each finishes (not necessarily in order)."""
    if workers <= 1:
        for job in jobs:
            yield make_document(settings, job)
        return
    context = _context()
    if context.get_start_method() == "fork":
        warm(settings)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker, initargs=(settings,))
    pending: set[Future[Outcome]] = set()
    try:
        for job in jobs:
            pending.add(pool.submit(work, job))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)
    except BrokenProcessPool:
        raise SpeechgenError("生成文件的工作进程意外退出（可能是内存不足，或被强制结束）；已生成的文件都完整，"
                             "清单记录到此为止。请加 --resume 再运行一次，接着生成其余的文件；"
                             "反复出现时可减少 --jobs") from None
    finally:  # also when the caller stops early (Ctrl-C, a write that failed): no orphaned work
        pool.shutdown(wait=True, cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    if sys.platform == "linux" and threading.active_count() == 1:  # forking one thread is safe
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")
