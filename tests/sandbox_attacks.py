"""Run every template resource attack of test_template_sandbox in this process and report, per
attack, the outcome, the seconds it took and the peak memory so far (JSON on stdout).

Not collected by pytest; test_template_sandbox runs it in a subprocess (so that the peak RSS is
the attacks' own), and `python tests/sandbox_attacks.py` prints the report for docs/security.md.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from compose_sample import sample_facts
from speechgen.compose import DEFAULT_LIMITS, compose
from speechgen.errors import TemplateError
from test_template_sandbox import RESOURCE_ATTACKS


def main() -> None:
    limits = replace(DEFAULT_LIMITS, seconds=float(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_LIMITS.seconds)
    facts = sample_facts()
    folder = Path(tempfile.mkdtemp())
    report = []
    for index, attack in enumerate(RESOURCE_ATTACKS):
        template = folder / f"attack{index}.md.j2"
        template.write_text(attack, encoding="utf-8")
        started = time.perf_counter()
        try:
            compose("speech", facts, template=template, limits=limits)
            outcome = "rendered"
        except TemplateError as error:
            outcome = "refused: " + error.problems[0].message
        report.append({
            "attack": attack[:80], "outcome": outcome[:120],
            "seconds": round(time.perf_counter() - started, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        })
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
