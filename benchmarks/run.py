"""Run the benchmarks (every benchmarks/bench_*.py exposing run()), or the ones named on the command line.

Usage: .venv/bin/python benchmarks/run.py [pdf ...]      (make bench runs them all)
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    """Run the named benchmarks (all when none are named); return the exit status."""
    sys.path.insert(0, str(HERE))
    available = sorted(path.stem.removeprefix("bench_") for path in HERE.glob("bench_*.py"))
    unknown = [name for name in names if name not in available]
    if unknown:
        print(f"没有这个基准测试：{'、'.join(unknown)}；可用：{'、'.join(available)}", file=sys.stderr)
        return 2
    for name in names or available:
        print(f"== {name} ==")
        importlib.import_module(f"bench_{name}").run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
