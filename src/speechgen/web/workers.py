"""Where rendering runs: a pool of worker processes (or threads, for tests), off the event loop, so
that one slow PDF never holds up another user's page; a job over its time limit is answered in Chinese."""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from speechgen.web import jobs
from speechgen.web.failures import WebError, from_speechgen


class Workers:
    """Runs jobs.guarded(function, *args) in ``processes`` spawned processes (0: in threads)."""

    def __init__(self, processes: int, seconds: float):
        self.processes, self.seconds = processes, seconds
        self._lock = threading.Lock()
        self._pool: Executor = self._new_pool()

    def _new_pool(self) -> Executor:
        if self.processes <= 0:
            return ThreadPoolExecutor(max_workers=4, thread_name_prefix="speechgen-render")
        # spawn, not fork: the server has threads, and a forked copy of them is not safe.
        return ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"))

    def warm_up(self) -> None:
        """Start every worker and let each import and cache what the first render needs."""
        for _ in range(max(1, self.processes)):
            self._pool.submit(jobs.guarded, jobs.warm_up)

    async def run(self, function: Any, *args: Any) -> Any:
        """Return the job's value; a SpeechgenError comes back as the WebError for it."""
        try:
            future = self._pool.submit(jobs.guarded, function, *args)
            outcome = await asyncio.wait_for(asyncio.wrap_future(future), self.seconds)
        except TimeoutError:
            raise WebError(504, "处理超时", f"排版或计算超过 {self.seconds:g} 秒仍未完成；请稍后再试，"
                                        "或减少稿件篇幅、台账行数。") from None
        except BrokenProcessPool:
            self._restart()
            raise WebError(503, "排版进程意外退出", "已重新启动排版进程，请再试一次。") from None
        if isinstance(outcome, jobs.Failure):
            raise from_speechgen(outcome.exception())
        return outcome

    def _restart(self) -> None:
        with self._lock:
            broken, self._pool = self._pool, self._new_pool()
        broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers: queued jobs are cancelled, a running one is waited for, so that no
        worker process outlives the server."""
        self._pool.shutdown(wait=self.processes > 0, cancel_futures=True)
