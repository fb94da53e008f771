"""The output folder's lock: one batch at a time writes into a folder.

Two runs into one folder would interleave their manifests; and while a batch holds the lock, no
other run of ours is writing there, so the temp files of a killed run (this machine, its pid gone)
can be removed at once instead of after the grace writers.output gives a writer it cannot see.
The lock is an advisory ``flock`` on ``.speechgen-batch.lock`` in the folder, released by the
kernel when the process ends however it ends (even ``kill -9``); the file is removed on a normal
exit. Where flock does not exist (Windows) the folder is not locked.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from speechgen.errors import InputError, Problem

LOCK_NAME = ".speechgen-batch.lock"


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's lock for the block; InputError when another batch holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks of this kind
        yield
        return
    path = Path(folder) / LOCK_NAME
    handle = _acquire(path, fcntl)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()  # while still holding it: a waiting run then finds the file gone and retries
        os.close(handle)


def _acquire(path: Path, fcntl: object) -> int:
    """Return the open, locked lock file. A run that got the lock on a file another run had just
    removed (its inode no longer at ``path``) tries again on the new file."""
    for _ in range(100):
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # type: ignore[attr-defined]
        except BlockingIOError:
            os.close(handle)
            raise InputError(Problem("另一个 speechgen batch 正在向这个文件夹写入文件", file=str(path.parent),
                                     hint="请等它结束，或换一个输出文件夹（-o）")) from None
        try:
            same = os.fstat(handle).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return handle
        os.close(handle)
    raise InputError(Problem("无法锁定输出文件夹", file=str(path.parent), hint="请稍后再试"))
