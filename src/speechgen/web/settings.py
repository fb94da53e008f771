"""The web app's settings: where it listens, how much it accepts, how long it keeps a session's files."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

MB = 1024 * 1024
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


@dataclass(frozen=True)
class WebSettings:
    """What `speechgen serve` was started with.

    ``max_upload`` bounds one request's body (uploads are refused while they stream, not after);
    ``max_unzipped`` bounds the total uncompressed size of an uploaded .xlsx/.docx (a zip bomb is
    refused before any reader opens it). A session's files are removed when the user ends the
    session or ``session_minutes`` after its last request. ``workers`` render in that many
    processes (0: threads of this process — tests; batches then run in threads too);
    ``max_batches`` batches run at once, each in a process of its own with ``batch_jobs``
    workers. ``allowed_hosts`` are the Host headers answered (None: any); bound to loopback, only
    loopback names are, so that a web page elsewhere cannot reach the app through a rebound DNS name.
    """

    host: str = "127.0.0.1"
    port: int = 8000
    max_upload: int = 20 * MB
    max_unzipped: int = 200 * MB
    session_minutes: float = 120
    max_sessions: int = 200
    max_files_per_session: int = 30
    workers: int = 2
    job_seconds: float = 120
    page_dpi: int = 96
    max_batches: int = 1  # batches running at once on this machine (each in a process of its own)
    batch_jobs: int = 1  # worker processes of one batch (1: the batch's own process makes every document)
    temp_root: Path | None = None
    warm_up: bool = True  # start the workers and cache fonts and templates at startup
    allowed_hosts: frozenset[str] | None = field(default=None)

    def answered_hosts(self) -> frozenset[str] | None:
        """Return the Host names to answer: the given ones, loopback names when bound to
        loopback, None (any) otherwise."""
        if self.allowed_hosts is not None:
            return self.allowed_hosts
        return LOOPBACK_NAMES if is_loopback(self.host) else None


def is_loopback(host: str) -> bool:
    """Return True for localhost and the loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
