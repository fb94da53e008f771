"""`make fuzz`: the long campaign — 100,000+ mutated inputs across the targets on every core, then
the resource attacks one per process — and its report (inputs per target, outcomes, slowest
input, memory), written as Markdown and JSON.

    python tests/fuzz/run.py [--inputs 102000] [--seed 8] [--report build/fuzz/report.md]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parents[1])]

from attacks import run_attacks  # noqa: E402
from mutators import RandomChoices  # noqa: E402
from targets import TARGETS, VARIANTS  # noqa: E402

# Shares of the inputs: slower targets get fewer, every target at least 10,000.
SHARES = {"xlsx": 14, "csv": 16, "yaml-ledger": 14, "json-ledger": 14, "meeting": 14, "meeting-json": 10,
          "dialect": 18}
BATCH = 100
SLOWEST_KEPT = 5
BUDGET_SECONDS = 10  # an input that takes longer is a failure ("slow"), and is stopped
WORKER_MEMORY = 3 * 2**30  # address space per worker: a runaway input fails with MemoryError, not the run


class _OverBudget(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise _OverBudget


def _limit_worker() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))
    signal.signal(signal.SIGALRM, _stop)


def _batch(job: tuple[str, int, int]) -> dict:
    """Run BATCH inputs of one target from seed ``start``; return their outcomes and timings."""
    from targets import Outcome, judge

    name, start, count = job
    target = TARGETS[name]
    outcomes: Counter[str] = Counter()
    crashes: dict[str, int] = {}
    slowest: list[tuple[float, int]] = []
    growth = (0, 0)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / target.filename
        for seed in range(start, start + count):
            choices = RandomChoices(seed)
            seeds = target.seeds()
            path.write_bytes(target.mutate(seeds[choices.below(len(seeds))], choices))
            high_water = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # after the mutation
            began = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, BUDGET_SECONDS)
            try:
                outcome = judge(target, path, choices.below(VARIANTS))
            except _OverBudget:
                outcome = Outcome("crash", f"over the {BUDGET_SECONDS} s budget")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            elapsed = time.perf_counter() - began
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            if peak > high_water:  # reading this input raised the worker's peak: by how much, at most
                growth = max(growth, (peak - high_water, seed))
            outcomes[outcome.kind] += 1
            if outcome.kind == "crash":
                crashes.setdefault(outcome.detail, seed)
            slowest = sorted([*slowest, (elapsed, seed)], reverse=True)[:SLOWEST_KEPT]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"target": name, "outcomes": outcomes, "crashes": crashes, "slowest": slowest, "rss": rss,
            "growth": growth}


def campaign(total: int, first_seed: int, workers: int, targets: list[str]) -> dict[str, dict]:
    """Return per-target results of ``total`` inputs, spread by SHARES, run on ``workers`` processes."""
    shares = {name: share for name, share in SHARES.items() if name in targets}
    counts = {name: total * share // sum(shares.values()) for name, share in shares.items()}
    jobs = [(name, first_seed * 10**9 + list(SHARES).index(name) * 10**7 + start, min(BATCH, count - start))
            for name, count in counts.items() for start in range(0, count, BATCH)]
    results: dict[str, dict] = {name: {"inputs": 0, "outcomes": Counter(), "crashes": {}, "slowest": [], "rss": 0,
                                       "growth": (0, 0)} for name in counts}
    with ProcessPoolExecutor(workers, initializer=_limit_worker) as pool:
        for done in pool.map(_batch, jobs):
            result = results[done["target"]]
            result["inputs"] += sum(done["outcomes"].values())
            result["outcomes"].update(done["outcomes"])
            for detail, seed in done["crashes"].items():
                result["crashes"].setdefault(detail, seed)
            result["slowest"] = sorted(result["slowest"] + done["slowest"], reverse=True)[:SLOWEST_KEPT]
            result["rss"] = max(result["rss"], done["rss"])
            result["growth"] = max(result["growth"], tuple(done["growth"]))
    return results


def report(results: dict[str, dict], attacks: list[dict], seconds: float, path: Path) -> str:
    """Write the report (Markdown, and JSON beside it); return the Markdown."""
    lines = ["# Fuzz report", "", f"{sum(r['inputs'] for r in results.values())} mutated inputs in "
             f"{seconds:.0f} s on {os.cpu_count()} cores; crashes: "
             f"{sum(r['outcomes']['crash'] for r in results.values())}.", "",
             "| target | inputs | ok | refused (Chinese input error) | crash | slowest input | "
             "most memory one input added | worker max RSS |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, r in results.items():
        slowest = r["slowest"][0][0] if r["slowest"] else 0.0
        lines.append(f"| {name} | {r['inputs']} | {r['outcomes']['ok']} | {r['outcomes']['refused']} | "
                     f"{r['outcomes']['crash']} | {slowest:.2f} s (seed {r['slowest'][0][1] if r['slowest'] else 0}) | "
                     f"{r['growth'][0] / 2**20:.0f} MB (seed {r['growth'][1]}) | {r['rss'] / 2**20:.0f} MB |")
    crashes = [(name, detail, seed) for name, r in results.items() for detail, seed in r["crashes"].items()]
    if crashes:
        lines += ["", "## Crashes (target, what, first seed)", ""]
        lines += [f"- {name}: {detail} (seed {seed})" for name, detail, seed in crashes]
    lines += ["", "## Resource attacks (one process each: time and peak memory of reading the file)", "",
              "| attack | input | outcome | time | max RSS |", "|---|---|---|---:|---:|"]
    for attack in attacks:
        lines.append(f"| {attack['name']} | {attack['size']} | {attack['outcome']} | {attack['seconds']:.2f} s | "
                     f"{attack['rss'] / 2**20:.0f} MB |")
    text = "\n".join(lines) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.with_suffix(".json").write_text(json.dumps({"targets": results, "attacks": attacks}, ensure_ascii=False,
                                                    indent=1, default=dict), encoding="utf-8")
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=102_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--report", type=Path, default=Path("build/fuzz/report.md"))
    parser.add_argument("--no-attacks", action="store_true")
    parser.add_argument("--targets", nargs="*", default=list(SHARES), choices=list(SHARES))
    args = parser.parse_args()
    began = time.perf_counter()
    results = campaign(args.inputs, args.seed, args.workers, args.targets)
    seconds = time.perf_counter() - began
    attacks = [] if args.no_attacks else run_attacks()
    print(report(results, attacks, seconds, args.report))
    failed = any(r["outcomes"]["crash"] for r in results.values()) or any(not a["passed"] for a in attacks)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
