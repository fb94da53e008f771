"""Browser sessions: each holds its own uploads and drafts in a temporary folder of its own,
addressed by ids the server made; a session ends when the user ends it or when it sits idle too long."""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from speechgen.api import InputFile

COOKIE = "speechgen_session"
_ID = re.compile(r"[0-9a-f]{16}")
_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{43}")


def new_id() -> str:
    """Return a fresh id for a file or a draft (16 hex digits: no path can be made of it)."""
    return secrets.token_hex(8)


def is_id(value: object) -> bool:
    return isinstance(value, str) and _ID.fullmatch(value) is not None


@dataclass
class StoredFile:
    """An upload kept on disk under its id; ``name`` is what the user called it (for messages only)."""

    id: str
    slot: str
    name: str
    path: Path
    size: int

    def input_file(self, sheet: str | None = None) -> InputFile:
        return InputFile(self.name, self.path.read_bytes(), sheet)


@dataclass
class Draft:
    """A draft the page shows: its dialect text, the layout choices it renders with, the inputs it
    was made from (ids, for check), and what has been rendered of it (suffix → file)."""

    id: str
    kind: str
    title: str
    text: str
    options: Any
    ledger: str | None
    meeting: str | None
    docx_template: str | None = None  # the Word template's file id: .docx and .pdf are it filled
    choice: dict[str, Any] | None = None  # kind, frame, seed, template of a draft not edited since
    sheet: str | None = None  # the ledger's worksheet chosen (for check)
    previous: str | None = None  # the previous month's ledger's file id (for check)
    rendered: dict[str, Path] = field(default_factory=dict)
    pages: list[Path] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


@dataclass
class Session:
    """One browser's files and drafts, in ``folder``; ``touched`` is the time of its last request."""

    id: str
    folder: Path
    touched: float
    files: dict[str, StoredFile] = field(default_factory=dict)
    drafts: dict[str, Draft] = field(default_factory=dict)
    meetings_read: dict[str, dict[str, Any]] = field(default_factory=dict)  # meeting file id → its values
    batches: dict[str, Any] = field(default_factory=dict)  # batch id → web.batches.BatchRun (has stop())
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))  # the page's request token (CSRF)

    def save_file(self, slot: str, file: InputFile, keep: int) -> StoredFile:
        """Store an upload under a new id; the oldest files go when more than ``keep`` are held."""
        file_id = new_id()
        path = self.folder / f"{file_id}.upload"
        path.write_bytes(file.data)
        stored = StoredFile(file_id, slot, file.name, path, len(file.data))
        self.files[file_id] = stored
        while len(self.files) > keep:
            oldest = next(iter(self.files))
            self.files.pop(oldest).path.unlink(missing_ok=True)
        return stored

    def add_draft(self, draft: Draft, keep: int) -> None:
        self.drafts[draft.id] = draft
        while len(self.drafts) > keep:
            oldest = self.drafts.pop(next(iter(self.drafts)))
            for path in [*oldest.rendered.values(), *oldest.pages]:
                path.unlink(missing_ok=True)

    def output_path(self, draft_id: str, suffix: str) -> Path:
        """Return where a rendered file of a draft is kept (named by ids only)."""
        return self.folder / f"{draft_id}{suffix}"


class SessionStore:
    """Every live session, each in a folder under one temporary root that is removed at shutdown."""

    def __init__(self, idle_seconds: float, max_sessions: int, root: Path | None = None):
        self.idle_seconds = idle_seconds
        self.max_sessions = max_sessions
        self.root = Path(tempfile.mkdtemp(prefix="speechgen-web-", dir=root))
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def get(self, session_id: str | None) -> Session | None:
        """Return the live session of a cookie value, touched now; None when there is none."""
        if not session_id or not _SESSION_ID.fullmatch(session_id):
            return None
        with self._lock:
            session = self._sessions.get(session_id)
            if session is not None:
                session.touched = time.monotonic()
            return session

    def create(self) -> Session:
        """Return a new session with a folder of its own; the least recently used one ends when
        there are more than max_sessions."""
        session_id = secrets.token_urlsafe(32)
        folder = Path(tempfile.mkdtemp(prefix="s-", dir=self.root))
        session = Session(session_id, folder, time.monotonic())
        with self._lock:
            self._sessions[session_id] = session
            surplus = sorted(self._sessions.values(), key=lambda s: s.touched)[:-self.max_sessions]
        for old in surplus:
            self.end(old.id)
        return session

    def end(self, session_id: str) -> bool:
        """End a session and remove its files; False when there was none."""
        with self._lock:
            session = self._sessions.pop(session_id, None)
        if session is not None:
            for run in list(session.batches.values()):
                run.stop()  # a batch still running stops before its folder goes
            shutil.rmtree(session.folder, ignore_errors=True)
        return session is not None

    def sweep(self, now: float | None = None) -> int:
        """End every session idle for longer than idle_seconds; return how many ended."""
        now = time.monotonic() if now is None else now
        with self._lock:
            idle = [s.id for s in self._sessions.values() if now - s.touched > self.idle_seconds]
        return sum(self.end(session_id) for session_id in idle)

    def close(self) -> None:
        """End every session and remove the temporary root."""
        for session_id in list(self._sessions):
            self.end(session_id)
        shutil.rmtree(self.root, ignore_errors=True)

    def __len__(self) -> int:
        return len(self._sessions)
