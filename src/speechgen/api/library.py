"""What a use case has to choose from: the built-in templates, the speech frames and the snippet
library (generate), the rules (check)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from speechgen.inputs import InputFile

if TYPE_CHECKING:
    from speechgen.check import Rule
    from speechgen.compose import Frame, SnippetLibrary


def templates() -> list[tuple[str, Path, str]]:
    """Return the built-in document templates: (kind, file, Chinese description)."""
    from speechgen.compose import TEMPLATE_DESCRIPTIONS, TEMPLATES
    from speechgen.paths import resource_dir

    folder = resource_dir("templates")
    return [(kind, folder / name, TEMPLATE_DESCRIPTIONS[kind]) for kind, name in TEMPLATES.items()]


@dataclass(frozen=True)
class Kind:
    """A kind of document generate can draft: its name (speech), Chinese label (讲话稿) and
    what it contains."""

    name: str
    label: str
    description: str


def kinds() -> list[Kind]:
    """Return the kinds generate can draft, in the order the built-in templates list them (a kind
    added to compose's templates appears here, and in the web page's choice, by itself)."""
    from speechgen.compose import TEMPLATE_DESCRIPTIONS, TEMPLATES
    from speechgen.kinds import KIND_LABELS

    # The label is kinds.py's (one vocabulary for generate, batch, the manifest and the page).
    return [Kind(kind, KIND_LABELS[kind], TEMPLATE_DESCRIPTIONS[kind]) for kind in TEMPLATES]


def example_inputs() -> tuple[InputFile, InputFile]:
    """Return the bundled example ledger and meeting file (examples/ledger.xlsx, meeting.yaml)."""
    from speechgen.paths import resource_dir

    folder = resource_dir("examples")
    return tuple(InputFile(name, (folder / name).read_bytes())  # type: ignore[return-value]
                 for name in ("ledger.xlsx", "meeting.yaml"))


def frames() -> list[Frame]:
    """Return the speech frames (--frame), default first."""
    from speechgen.compose import FRAMES

    return list(FRAMES.values())


def snippet_library(snippets: Sequence[Path] = ()) -> SnippetLibrary:
    """Return the snippet library: built-in passages plus those in the ``snippets`` folders.
    Raises InputError listing every problem of every file."""
    from speechgen.compose import load_library

    return load_library(snippets)


def check_rules() -> tuple[Rule, ...]:
    """Return every rule of check in report order: name (what ``ignore`` takes), group, summary."""
    from speechgen.check import RULES

    return RULES.rules
