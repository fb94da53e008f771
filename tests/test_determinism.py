"""Same input, two separate Python processes (other hash seed, time zone, folder) → the same bytes
in every format, PDF included (its dates come from SOURCE_DATE_EPOCH, which both runs set)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "examples" / "ledger.xlsx"
MEETING = ROOT / "examples" / "meeting.yaml"
KINDS = ("speech", "bulletin", "notice")
SUFFIXES = (".docx", ".md", ".html", ".txt", ".pdf")

# One process generates every kind in every format through the command line's entry point
# (what the `speechgen` script runs), so the fonts and templates load once per process.
GENERATE_ALL = """
import sys
from speechgen.cli import main

ledger, meeting, out = sys.argv[1:4]
for kind in {kinds!r}:
    args = ["generate", kind, "-d", ledger, "-m", meeting]
    for suffix in {suffixes!r}:
        args += ["-o", f"{{out}}/{{kind}}{{suffix}}"]
    try:
        main(args, prog_name="speechgen")
    except SystemExit as done:
        if done.code:
            raise
"""


def _start(folder: Path, hash_seed: str, time_zone: str) -> subprocess.Popen[str]:
    folder.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "TZ": time_zone, "SOURCE_DATE_EPOCH": "1778198400"}
    code = GENERATE_ALL.format(kinds=KINDS, suffixes=SUFFIXES)
    return subprocess.Popen([sys.executable, "-c", code, str(LEDGER), str(MEETING), str(folder)], cwd=folder,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow  # renders three PDFs in each of the two processes
def test_two_processes_write_the_same_bytes(tmp_path: Path) -> None:
    runs = [_start(tmp_path / "first", "0", "UTC"), _start(tmp_path / "second", "4242", "Asia/Shanghai")]
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr
    names = [f"{kind}{suffix}" for kind in KINDS for suffix in SUFFIXES]
    assert sorted(p.name for p in (tmp_path / "first").iterdir()) == sorted(names)
    differing = [name for name in names
                 if (tmp_path / "first" / name).read_bytes() != (tmp_path / "second" / name).read_bytes()]
    assert differing == []
    assert (tmp_path / "first" / "speech.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "first" / "notice.docx").read_bytes().startswith(b"PK")
