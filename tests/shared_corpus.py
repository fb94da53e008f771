"""Where the real speeches of shared/corpus are: in a folder above the clone (CI, worktrees) or /work/shared."""

from __future__ import annotations

from pathlib import Path

ROOTS = (*(folder / "shared" for folder in Path(__file__).resolve().parents[1:]), Path("/work/shared"))


def find_corpus() -> Path | None:
    """Return the corpus folder, or None where the machine has no copy of shared/ (read at run time only)."""
    return next((root / "corpus" for root in ROOTS if (root / "corpus").is_dir()), None)


CORPUS = find_corpus()
MISSING = "shared/corpus is not on this machine (CI and the development machines have it beside the clone)"
