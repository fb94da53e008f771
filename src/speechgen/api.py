"""One function per use case; the CLI and the web app call only these."""

from __future__ import annotations

from pathlib import Path

from speechgen.model import Dossier


def load_dossier(data: Path, meeting: Path) -> Dossier:
    """Return the Dossier of a 项目台账 file and a meeting file (raises InputError, all problems at once)."""
    from speechgen.sources import read_dossier

    return read_dossier(Path(data), Path(meeting))
