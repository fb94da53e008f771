"""atomic_write: the one function that puts an output file on disk (temp file + rename)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from speechgen.errors import InputError, OutputExistsError, Problem


def _current_umask() -> int:
    """Return the process umask (read once, at import, while the process is single-threaded)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_current_umask()


def atomic_write(target: Path, data: bytes | str, *, force: bool) -> None:
    """Write data (str as UTF-8) to target so that target is either untouched or complete.

    The bytes go to a temporary file in the same directory, which then replaces target in one
    rename. Without force an existing target raises OutputExistsError, also when it appears while
    we write (no-clobber link). Parent directories are created. On any failure the temporary file
    is removed and the exception propagates.
    """
    target = Path(target)
    if target.is_dir():
        raise InputError(Problem("输出路径是一个文件夹", file=str(target), hint="请在 -o 后写文件名，如“讲话稿.docx”"))
    if target.exists() and not force:
        raise OutputExistsError(str(target))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _FILE_MODE)  # mkstemp makes 0600; outputs are ordinary files
        if force:
            os.replace(temp, target)
        else:
            _link_no_clobber(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _link_no_clobber(temp: Path, target: Path) -> None:
    """Put temp at target unless target exists by now; falls back to rename where the file
    system has no hard links (FAT, some network shares)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise OutputExistsError(str(target)) from None
    except OSError:
        if target.exists():
            raise OutputExistsError(str(target)) from None
        os.replace(temp, target)
