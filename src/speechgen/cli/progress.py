"""How `speechgen batch` shows its progress: a rich progress bar on a terminal (documents done /
total, rate, time left), one plain line per hundred documents otherwise (a log, a CI job)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from speechgen.batch import Progress

PLAIN_EVERY = 100  # documents between two lines of plain progress


@contextlib.contextmanager
def progress_reporter(stream: TextIO | None = None) -> Iterator[Callable[[Progress], None]]:
    """Yield the callback run_batch reports to: a bar on a terminal, plain lines otherwise."""
    stream = stream or sys.stderr
    reporter = _Bar(stream) if stream.isatty() else _Plain(stream)
    try:
        yield reporter
    finally:
        reporter.close()


class _Plain:
    def __init__(self, stream: TextIO):
        self.stream = stream

    def __call__(self, progress: Progress) -> None:
        if progress.done % PLAIN_EVERY == 0 or progress.done == progress.total:
            failed = f"，失败 {progress.failed} 份" if progress.failed else ""
            print(f"已完成 {progress.done}/{progress.total} 份{failed}", file=self.stream, flush=True)

    def close(self) -> None:
        pass


class _Bar:
    """A rich bar, started at the first report (when the total is known), removed when done."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.bar: Any = None

    def __call__(self, progress: Progress) -> None:
        if self.bar is None:
            self._start(progress.total)
        speed = self.bar.tasks[0].speed
        self.bar.update(self.task, completed=progress.done, rate=f"{speed:.0f} 份/秒" if speed else "",
                        failed=f"失败 {progress.failed}" if progress.failed else "")

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        self.bar = RichProgress(TextColumn("生成中"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]}"), TextColumn("剩余"), TimeRemainingColumn(),
                                TextColumn("{task.fields[failed]}"), console=Console(file=self.stream),
                                transient=True)
        self.bar.start()
        self.task = self.bar.add_task("batch", total=total, rate="", failed="")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
