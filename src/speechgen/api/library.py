"""What generate has to choose from: the built-in templates, the speech frames, the snippet library."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from speechgen.compose import Frame, SnippetLibrary


def templates() -> list[tuple[str, Path, str]]:
    """Return the built-in document templates: (kind, file, Chinese description)."""
    from speechgen.compose import TEMPLATE_DESCRIPTIONS, TEMPLATES
    from speechgen.paths import resource_dir

    folder = resource_dir("templates")
    return [(kind, folder / name, TEMPLATE_DESCRIPTIONS[kind]) for kind, name in TEMPLATES.items()]


def frames() -> list[Frame]:
    """Return the speech frames (--frame), default first."""
    from speechgen.compose import FRAMES

    return list(FRAMES.values())


def snippet_library(snippets: Sequence[Path] = ()) -> SnippetLibrary:
    """Return the snippet library: built-in passages plus those in the ``snippets`` folders.
    Raises InputError listing every problem of every file."""
    from speechgen.compose import load_library

    return load_library(snippets)
