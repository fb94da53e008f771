"""Score `speechgen outline` on the hand-written corpus: the share of documents whose parts
(marker, heading and number of points of every part) come out exactly as expected.yaml says.

    .venv/bin/python tests/outline_corpus/score.py [--all] [FOLDER EXPECTED.yaml]

Prints one line per document (✓, or ✗ with what differs) and the share; ``--all`` also holds
title, salutation, closing and the announced count to the expectation. Exit 0 always: this is a
report (tests/test_outline_shapes.py holds each document to its outline).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FIELDS = ("title", "salutation", "closing", "announced")


@dataclass(frozen=True)
class Result:
    name: str
    shape: str
    differences: tuple[str, ...]  # empty: the outline is as expected

    @property
    def right(self) -> bool:
        return not self.differences


def load_expected(path: Path = HERE / "expected.yaml") -> dict[str, dict]:
    """Return the expectations by file name."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def outline_json(path: Path) -> dict:
    """Return the outline of one document as `speechgen outline --json` prints it."""
    from speechgen.check import outline_source, read_source

    return outline_source(read_source(path)).to_json()


def compare(expected: dict, got: dict, *, every_field: bool = False) -> tuple[str, ...]:
    """Return what differs between an expectation and an outline (parts; with every_field also
    the head and closing fields the outline has)."""
    want = [tuple(part) for part in expected["parts"]]
    have = [(p["marker"], p["heading"], p["points"]) for p in got["parts"]]
    differences = []
    if want != have:
        differences.append(f"parts: expected {want}, got {have}")
    if every_field:
        differences += [f"{key}: expected {expected[key]!r}, got {got.get(key)!r}"
                        for key in FIELDS if key in got and got[key] != expected[key]]
    return tuple(differences)


def score(folder: Path = HERE / "docs", expected_file: Path = HERE / "expected.yaml",
          *, every_field: bool = False) -> list[Result]:
    """Return the result of every document the expectations name."""
    results = []
    for name, expected in load_expected(expected_file).items():
        got = outline_json(folder / name)
        results.append(Result(name, expected.get("shape", ""), compare(expected, got, every_field=every_field)))
    return results


def report(results: list[Result]) -> str:
    """Return one line per document and the share that came out exactly."""
    lines = []
    for result in results:
        lines.append(f"{'✓' if result.right else '✗'} {result.name}  ({result.shape})")
        lines.extend(f"    {difference}" for difference in result.differences)
    right = sum(result.right for result in results)
    share = 100 * right / len(results) if results else 0.0
    lines.append(f"{right}/{len(results)} documents ({share:.0f}%) come out exactly.")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    every_field = "--all" in argv
    paths = [Path(arg) for arg in argv if arg != "--all"]
    folder, expected_file = (paths[0], paths[1]) if len(paths) == 2 else (HERE / "docs", HERE / "expected.yaml")
    print(report(score(folder, expected_file, every_field=every_field)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
