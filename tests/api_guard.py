"""A guard for the value-API tests: inside ``no_user_files()`` any file-system write, and any read
outside Python's own files and speechgen's package and resources, is refused and recorded.

It is a sys.audit hook (PEP 578), so it sees every ``open`` (builtins.open, io.open, os.open,
pathlib), listing and rename/remove/mkdir from Python code, whoever calls it. Audit hooks cannot
be removed: the hook is installed once per process and does nothing outside the block.
(Named without test_ so that pytest does not collect it; it holds no tests itself.)
"""

from __future__ import annotations

import mimetypes
import os
import site
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import speechgen
from speechgen.paths import resource_dir

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_CHANGES = ("os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.link", "os.symlink", "os.truncate",
            "os.chmod", "os.chown", "os.utime", "shutil.copyfile", "shutil.rmtree", "shutil.move",
            "tempfile.mkstemp", "tempfile.mkdtemp")
_LISTINGS = ("os.listdir", "os.scandir")

_state: dict[str, list[str] | None] = {"violations": None}


def _allowed_roots() -> tuple[str, ...]:
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, *site.getsitepackages(), site.getusersitepackages(),
             str(Path(speechgen.__file__).resolve().parent), str(resource_dir("templates").resolve()),
             str(resource_dir("snippets").resolve())}
    return tuple(sorted(os.path.realpath(root) for root in roots if root))


_ROOTS = _allowed_roots()
_SYSTEM_FILES = frozenset(os.path.realpath(name) for name in mimetypes.knownfiles)


def _allowed_read(path: object) -> bool:
    if isinstance(path, int):  # an already open descriptor
        return True
    real = os.path.realpath(os.fsdecode(path))  # type: ignore[arg-type]
    return real in _SYSTEM_FILES or any(real == root or real.startswith(root + os.sep) for root in _ROOTS)


def _allowed_listing(path: object) -> bool:
    """Return True for a folder speechgen may list: an allowed root, or a folder on sys.path
    (Python's import system lists those to find a module imported for the first time)."""
    real = os.path.realpath(os.fsdecode(path))  # type: ignore[arg-type]
    return _allowed_read(real) or real in {os.path.realpath(entry or os.curdir) for entry in sys.path}


def _is_write(mode: object, flags: object) -> bool:
    if isinstance(mode, str):
        return any(ch in mode for ch in "wax+")
    return isinstance(flags, int) and bool(flags & _WRITE_FLAGS)


def _hook(event: str, args: tuple[object, ...]) -> None:
    violations = _state["violations"]
    if violations is None:
        return
    refused = None
    if event == "open" and args and args[0] is not None:
        path, mode, flags = [*args, None, None][:3]
        if _is_write(mode, flags):
            refused = f"write {path}"
        elif not _allowed_read(path):
            refused = f"read {path}"
    elif event in _CHANGES:
        refused = f"{event} {args[:2]}"
    elif event in _LISTINGS and args and args[0] is not None and not _allowed_listing(args[0]):
        refused = f"{event} {args[0]}"
    if refused:
        violations.append(refused)
        raise PermissionError(f"the value API touched the file system: {refused}")


sys.addaudithook(_hook)


@contextmanager
def no_user_files() -> Iterator[list[str]]:
    """Refuse (PermissionError) and record every write and every read of a user's file in the block."""
    violations: list[str] = []
    _state["violations"] = violations
    try:
        yield violations
    finally:
        _state["violations"] = None
