"""Locations of the bundled resources (templates, snippets, examples)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the directory of a bundled resource folder: templates, snippets or examples.

    An installed wheel carries them in speechgen/resources/<name> (see setup.py); a source
    checkout or editable install reads them from the repository top level.
    """
    installed = _PACKAGE / "resources" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parents[1] / name
