"""Every batch kind on the example ledger gives the same bytes in every run: twice in one process
with --jobs 1 (nothing a run keeps — the snippet library, converted Facts, compiled templates —
changes the next run's documents), and in another process (other hash seed and time zone) with
--jobs 2 (documents made in worker processes, in any order): each document, the manifest, the zip."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from speechgen.batch.request import BatchRequest
from speechgen.batch.run import run_batch

HERE = Path(__file__).resolve().parent
LEDGER = HERE.parent / "examples" / "ledger.xlsx"
MEETING = HERE.parent / "examples" / "meeting.yaml"
# every kind, each per one kind of group; --only all, so that groups of every tone are made
CASES = (("speech", "district"), ("bulletin", "district"), ("notice", "owner"), ("supervision", "owner"),
         ("supervision", "leader"), ("sheet", "project"))
OTHER_PROCESS = "import sys; from test_batch_determinism import make_all; make_all(sys.argv[1], int(sys.argv[2]))"


def make_all(out: str | Path, jobs: int) -> None:
    """Make every case into out/<kind>-<per>/ (.docx and .md, numbered) with its zip beside it."""
    out = Path(out)
    for kind, per in CASES:
        name = f"{kind}-{per}"
        run_batch(BatchRequest(kind=kind, data=LEDGER, meeting=MEETING, per=per, out_dir=out / name,  # type: ignore[arg-type]
                               only="all", formats=(".docx", ".md"), jobs=jobs,
                               number_from=None if kind == "speech" else 7, zip_to=out / f"{name}.zip"))


def _contents(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_every_batch_kind_gives_the_same_bytes_in_every_run(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "4242", "TZ": "Asia/Shanghai",
           "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}
    other = subprocess.Popen([sys.executable, "-c", OTHER_PROCESS, str(tmp_path / "jobs2"), "2"], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    make_all(tmp_path / "first", 1)
    make_all(tmp_path / "again", 1)
    _, stderr = other.communicate(timeout=600)
    assert other.returncode == 0, stderr
    made = _contents(tmp_path / "first")
    for kind, per in CASES:  # every case made documents, its manifest and its zip
        assert sum(name.startswith(f"{kind}-{per}/") and name.endswith(".docx") for name in made) >= 3, (kind, per)
        assert f"{kind}-{per}/manifest.csv" in made and f"{kind}-{per}.zip" in made
    for out in ("again", "jobs2"):
        theirs = _contents(tmp_path / out)
        assert sorted(theirs) == sorted(made), out
        assert [name for name in made if made[name] != theirs[name]] == [], out
