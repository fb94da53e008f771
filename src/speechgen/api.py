"""One function per use case; the CLI and the web app call only these."""

from __future__ import annotations
