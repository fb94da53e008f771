"""Putting outputs on disk: check every output first, stage all of them in temp files, rename at the end.

Every command that writes files goes through here (``render``, ``generate``, ``reference-docx``,
``batch``)::

    plan = check_outputs(outputs, inputs=[source], force=force)  # refuses before any work is done
    payloads = [(path, render(path)) for path in plan.targets]   # the caller renders in memory
    written = write_outputs(plan, payloads)                      # all staged, then all renamed

A ``batch`` (one document per unit, thousands of files into one folder, speechgen.batch) checks
every file once with ``check_outputs`` (one message lists every file that exists, every bad name),
then writes each document on its own, as soon as it is made, with ``write_outputs(plan.part(its
files), …, clean=False)``: each document is complete or absent whatever happens to the run, and
the folder is scanned for stale temp files once at the start (``remove_stale_temps``, with
``exclusive=True`` while the batch holds the folder's lock), not once per document. A file too big
to hold in memory (the zip of a whole batch) is streamed into its temp file with ``open_output``.
"""

from __future__ import annotations

import collections
import contextlib
import errno
import functools
import hashlib
import os
import re
import socket
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from speechgen.errors import InputError, OutputExistsError, Problem
from speechgen.writers.output_paths import path_problems, visible

# Our temp files: ".speechgen.<host>.<pid>.<random>.<start of the target's name>.part". The host
# tag and pid say who is writing, so that a later run can tell an abandoned file from a live one;
# the fixed prefix means the cleaner can never mistake a user's file (or another tool's) for ours.
_TEMP_PREFIX = ".speechgen."
_TEMP_NAME = re.compile(r"\.speechgen\.(?P<host>[0-9a-f]{8})\.(?P<pid>[0-9]{1,10})\.[a-z0-9_]{8}\..*\.part",
                        re.DOTALL)
_TEMP_NAME_MAX = 255  # bytes; the target's name is cut to fit, the pattern's fixed fields always stay

# A temp file is stale (left by a killed run) when its writer is certainly gone:
#  - written on this machine by a pid that no longer runs, and older than _GRACE_SECONDS. The pid
#    test is exact on one machine; the grace covers a writer in another pid namespace (a container
#    sharing the folder and the host name), whose pid we cannot see but whose writes take seconds;
#  - or older than _ABANDONED_SECONDS, whoever wrote it: a recycled pid, another machine on a shared
#    folder, or Windows (where os.kill(pid, 0) would terminate the process, so we never call it).
#    No run of ours keeps a temp file for a day; a large batch stages for minutes to an hour.
# Age is the file's mtime, set when its bytes were written.
_GRACE_SECONDS = 60
_ABANDONED_SECONDS = 24 * 3600


def _current_umask() -> int:
    """Return the process umask (read once, at import, while the process is single-threaded)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_current_umask()
_HOST_TAG = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


@dataclass(frozen=True)
class OutputPlan:
    """Outputs that passed check_outputs, in the order given; hand it to write_outputs."""

    targets: tuple[Path, ...]
    force: bool

    @functools.cached_property
    def _checked(self) -> frozenset[Path]:
        return frozenset(self.targets)

    def part(self, targets: Sequence[Path], *, force: bool | None = None) -> OutputPlan:
        """Return the plan of some of these (already checked) targets, e.g. one document of a
        batch; ``force`` may narrow this plan's permission to replace files, never widen it."""
        chosen = tuple(Path(target) for target in targets)
        unknown = [str(target) for target in chosen if target not in self._checked]
        if unknown:
            raise ValueError(f"OutputPlan.part: {', '.join(unknown)} not among the checked targets")
        return OutputPlan(chosen, self.force and (True if force is None else force))


@dataclass(frozen=True)
class Written:
    """What write_outputs put on disk: the files, and the folders it had to create for them; the
    caller may add the input's warnings (Problem, severity "warning") to show with them."""

    paths: tuple[Path, ...]
    created_folders: tuple[Path, ...] = ()
    warnings: tuple[Problem, ...] = ()


def check_outputs(outputs: Sequence[Path], *, inputs: Sequence[Path] = (), force: bool = False) -> OutputPlan:
    """Return the plan for writing ``outputs``, or raise before any work is done.

    Refused, all at once (InputError): no outputs, a name with control characters or newlines, a
    name or path too long for the file system, a folder, a path that cannot be written (a file in
    the way, no permission), the same file twice, one of ``inputs``. Then, without ``force``,
    existing files (OutputExistsError, or one more problem in the list when there are others).
    """
    targets = tuple(Path(output) for output in outputs)
    if not targets:
        raise InputError(Problem("没有指定输出文件", hint="请用 -o 指定，如“-o 讲话稿.docx”"))
    problems: list[Problem] = []
    sound: list[Path] = []
    for target in targets:
        found = path_problems(target)
        problems += found
        if not found:
            sound.append(target)
    problems += _clashes(sound, [Path(path) for path in inputs])
    existing = [target for target in sound if not force and os.path.lexists(target) and not target.is_dir()]
    if problems:
        problems += [Problem("输出文件已存在", file=str(target), hint="如需覆盖请加 --force，或换一个文件名")
                     for target in existing]
        raise InputError(problems)
    if existing:
        raise OutputExistsError("、".join(str(target) for target in existing))
    return OutputPlan(targets, force)


def write_outputs(plan: OutputPlan, contents: Iterable[tuple[Path, bytes | str]], *, clean: bool = True,
                  durable: bool = True) -> Written:
    """Write every (path, data) of ``contents`` (str as UTF-8) so that either all of the plan's
    outputs are complete or none is touched; return what was written.

    Each payload goes to a temp file in its target's folder (created if missing); only when every
    output of the plan is staged are they renamed into place, in the order given. Any failure
    before that — including an exception from ``contents`` itself — removes every temp file and
    every folder created, and leaves the targets as they were. A rename that fails (a target that
    appeared meanwhile without force) takes back the files this call had already created; files
    replaced under force stay replaced. An unwritable folder, a full disk or a too-long name raises
    InputError; other OSErrors propagate. Stale temp files of ours in each folder are removed first
    (unless ``clean`` is False: a batch that cleaned its folder once at the start). ``durable``
    False skips the fsyncs: the outputs are still whole or absent whatever happens to the process,
    but a power cut may lose what the disk had not yet written (a batch syncs once at its end, and
    its --resume checks every file against the sha256 in its manifest).
    """
    staging = _Staging(plan, clean=clean, durable=durable)
    try:
        for target, data in contents:
            staging.put(Path(target), data.encode("utf-8") if isinstance(data, str) else data)
        return staging.commit()
    except BaseException:  # also Ctrl-C: never leave temp files or half a set of outputs
        staging.discard()
        raise


@contextlib.contextmanager
def open_output(plan: OutputPlan, target: Path, *, clean: bool = True) -> Iterator[BinaryIO]:
    """Write the one output ``target`` of ``plan`` by streaming into its temp file: yield the open
    binary stream; when the block ends, the file is made durable and renamed into place; when it
    raises, the temp file is removed and the target left as it was (as write_outputs)."""
    staging = _Staging(plan.part([target]), clean=clean)
    try:
        with staging.stream(Path(target)) as stream:
            yield stream
        staging.commit()
    except BaseException:
        staging.discard()
        raise


def atomic_write(target: Path, data: bytes | str, *, force: bool) -> None:
    """Write one file the way write_outputs writes several (for the writers' own write_* helpers)."""
    write_outputs(check_outputs([target], force=force), [(Path(target), data)])


def remove_stale_temps(folder: Path, *, now: float | None = None, exclusive: bool = False) -> list[Path]:
    """Remove the temp files of ours in ``folder`` whose writer is gone (see _GRACE_SECONDS);
    return them. Files of any other name, folders and links are never touched.

    ``exclusive``: the caller holds the folder's lock (a batch), so no other run of ours writes
    there: a temp file of this machine whose pid is gone is stale at once, without the grace."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        with contextlib.suppress(OSError):  # gone already (another run cleaned it), or not ours to delete
            if _is_stale(match, now - entry.stat(follow_symlinks=False).st_mtime, exclusive):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _is_stale(match: re.Match[str], age: float, exclusive: bool = False) -> bool:
    if age > _ABANDONED_SECONDS:
        return True
    if match["host"] != _HOST_TAG or os.name != "posix" or (age < _GRACE_SECONDS and not exclusive):
        return False
    return not _pid_running(int(match["pid"]))


def _pid_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists (POSIX)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, belongs to another user
    except (OverflowError, ValueError, OSError):
        return False
    return True


def _clashes(targets: list[Path], inputs: list[Path]) -> list[Problem]:
    """Return the problems of outputs named twice or naming one of the inputs."""
    resolved = [_resolved(target) for target in targets]
    counts = collections.Counter(resolved)  # a batch checks thousands of targets: no count() per target
    twice = sorted({str(t) for t, r in zip(targets, resolved, strict=True) if counts[r] > 1})
    problems = [Problem(f"同一个输出文件指定了两次：{'、'.join(twice)}", hint="请删去重复的 -o")] if twice else []
    problems += [Problem("输出文件就是输入文件", file=str(source), hint="请换一个输出文件名，以免覆盖输入")
                 for source in inputs if _resolved(source) in counts]
    return problems


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return path.absolute()


class _Staging:
    """The temp files of one write_outputs call, and what it created, so that it can be undone."""

    def __init__(self, plan: OutputPlan, *, clean: bool = True, durable: bool = True):
        self.plan = plan
        self.clean = clean
        self.durable = durable
        self.staged: dict[Path, tuple[Path, tuple[int, int]]] = {}  # target → (temp, its (dev, inode))
        self.created_folders: list[Path] = []
        self.created_files: list[tuple[Path, tuple[int, int]]] = []
        self.prepared: set[Path] = set()

    def put(self, target: Path, payload: bytes) -> None:
        with self.stream(target) as stream:
            stream.write(payload)

    @contextlib.contextmanager
    def stream(self, target: Path) -> Iterator[BinaryIO]:
        """Yield the temp file of ``target`` open for writing; record it once written and synced."""
        if target not in self.plan.targets or target in self.staged:
            raise ValueError(f"write_outputs: {target} is not an output of the plan, or given twice")
        with _os_errors_as_input(target):
            self._prepare(target.parent)
            handle, name = tempfile.mkstemp(prefix=f"{_TEMP_PREFIX}{_HOST_TAG}.{os.getpid()}.",
                                            suffix=f".{_name_start(target.name)}.part", dir=target.parent)
        temp = Path(name)
        try:
            with os.fdopen(handle, "wb") as stream, _os_errors_as_input(target):
                yield stream
                stream.flush()
                if self.durable:
                    os.fsync(stream.fileno())
                identity = _identity(os.fstat(stream.fileno()))
            os.chmod(temp, _FILE_MODE)  # mkstemp makes 0600; outputs are ordinary files
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
            raise
        self.staged[target] = (temp, identity)

    def commit(self) -> Written:
        missing = [target for target in self.plan.targets if target not in self.staged]
        if missing:
            raise ValueError(f"write_outputs: no content for {', '.join(map(str, missing))}")
        for target, (temp, identity) in self.staged.items():
            existed = os.path.lexists(target)
            with _os_errors_as_input(target):
                _rename_into_place(temp, target, force=self.plan.force)
            if not existed:
                self.created_files.append((target, identity))
        self._discard_temps()
        for folder in {target.parent for target in self.plan.targets} if self.durable else ():
            sync_folder(folder)
        return Written(self.plan.targets, tuple(self.created_folders))

    def discard(self) -> None:
        self._discard_temps()
        for target, identity in reversed(self.created_files):
            with contextlib.suppress(OSError):
                if _identity(target.lstat()) == identity:  # still the file we made, not someone else's
                    target.unlink()
        for folder in reversed(self.created_folders):
            with contextlib.suppress(OSError):  # not empty: someone else put a file there meanwhile
                folder.rmdir()

    def _discard_temps(self) -> None:
        for temp, _ in self.staged.values():
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()

    def _prepare(self, folder: Path) -> None:
        """Create ``folder`` (recording each level made) and clean its stale temps, once per call."""
        if folder in self.prepared:
            return
        missing = [level for level in (folder, *folder.parents) if not os.path.lexists(level)]
        for level in reversed(missing):
            try:
                level.mkdir()
            except FileExistsError:
                continue  # made by someone else meanwhile: not ours to remove
            self.created_folders.append(level)
        if self.clean:
            remove_stale_temps(folder)
        self.prepared.add(folder)


def _name_start(name: str) -> str:
    """Return as much of ``name`` as fits in a temp name of at most _TEMP_NAME_MAX bytes."""
    room = _TEMP_NAME_MAX - len(f"{_TEMP_PREFIX}{_HOST_TAG}.{os.getpid()}.12345678..part")
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return name


def _rename_into_place(temp: Path, target: Path, *, force: bool) -> None:
    """Put temp at target: a replace under force, else a no-clobber link, so that a file created
    after the check (by another process) survives; falls back to rename where the file system has
    no hard links (FAT, some network shares)."""
    if force:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)
    except FileExistsError:
        raise OutputExistsError(str(target)) from None
    except OSError:
        if os.path.lexists(target):
            raise OutputExistsError(str(target)) from None
        os.replace(temp, target)


def sync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable (POSIX; a folder cannot be opened for fsync on Windows)."""
    with contextlib.suppress(OSError, AttributeError):
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _identity(stat: os.stat_result) -> tuple[int, int]:
    return stat.st_dev, stat.st_ino


# errno → what is wrong and how to fix it; other OSErrors are defects or hardware, and propagate.
_OS_PROBLEMS: dict[int, tuple[str, str]] = {
    errno.EACCES: ("没有权限写入这个位置", "请换一个有写入权限的文件夹，或检查文件夹的权限"),
    errno.EPERM: ("没有权限写入这个位置", "请换一个有写入权限的文件夹，或检查文件夹的权限"),
    errno.EROFS: ("这个位置是只读的", "请换一个可以写入的文件夹"),
    errno.ENOSPC: ("磁盘空间不足", "请清理磁盘空间，或换一个磁盘上的文件夹"),
    errno.EDQUOT: ("超出了磁盘配额", "请清理磁盘空间，或换一个文件夹"),
    errno.ENAMETOOLONG: ("输出文件名或路径太长", "请用短一些的文件名或文件夹"),
    errno.ENOTDIR: ("输出路径中有一段是文件，不是文件夹", "请检查路径"),
    errno.EISDIR: ("输出路径是一个文件夹", "请在 -o 后写文件名，如“讲话稿.docx”"),
    errno.ENOENT: ("这个位置不能新建文件（如 /proc），或文件夹刚被删除", "请换一个普通的文件夹"),
    errno.EINVAL: ("文件系统不接受这个文件名（如 U 盘、Windows 上的 : ? * 等字符）",
                   "请换一个只含汉字、字母、数字的文件名"),
}


@contextlib.contextmanager
def _os_errors_as_input(target: Path) -> Iterator[None]:
    """Turn the OSErrors a user can fix (see _OS_PROBLEMS) into an InputError naming ``target``."""
    try:
        yield
    except OSError as error:
        if error.errno not in _OS_PROBLEMS:
            raise
        message, hint = _OS_PROBLEMS[error.errno]
        raise InputError(Problem(f"无法写入输出文件：{message}", file=visible(str(target)), hint=hint)) from error
