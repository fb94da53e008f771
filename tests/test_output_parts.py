"""The write routine's parts a batch uses: a checked plan written in parts, a streamed output, the
stale temp files of a dead writer removed at once while the folder is locked."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from speechgen.batch.lock import LOCK_NAME, folder_lock
from speechgen.errors import InputError, OutputExistsError
from speechgen.writers import check_outputs, open_output, remove_stale_temps, write_outputs
from speechgen.writers import output as output_module


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_plan_is_written_in_parts_that_narrow_force_never_widen_it(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    b.write_text("原稿", encoding="utf-8")
    plan = check_outputs([a, b], force=True)
    write_outputs(plan.part([a]), [(a, "甲")], clean=False)
    assert a.read_text(encoding="utf-8") == "甲"
    with pytest.raises(OutputExistsError):
        write_outputs(plan.part([b], force=False), [(b, "乙")])
    assert b.read_text(encoding="utf-8") == "原稿"
    unforced = check_outputs([tmp_path / "c.txt"])
    assert unforced.part([tmp_path / "c.txt"], force=True).force is False
    with pytest.raises(ValueError, match="not among the checked targets"):
        plan.part([tmp_path / "其他.txt"])


def test_a_streamed_output_appears_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "大文件.zip"
    plan = check_outputs([target])
    with pytest.raises(RuntimeError), open_output(plan, target) as stream:
        stream.write(b"half")
        assert not target.exists()
        raise RuntimeError("the producer failed")
    assert sorted(os.listdir(tmp_path)) == []
    with open_output(plan, target) as stream:
        for _ in range(3):
            stream.write(b"x" * 1000)
    assert target.read_bytes() == b"x" * 3000 and sorted(os.listdir(tmp_path)) == ["大文件.zip"]


def test_while_the_folder_is_locked_a_dead_writers_temp_goes_at_once(tmp_path: Path) -> None:
    name = f".speechgen.{output_module._HOST_TAG}.{_dead_pid()}.abcd_123.a.docx.part"
    (tmp_path / name).write_bytes(b"half a document")
    assert remove_stale_temps(tmp_path) == []  # within the grace: its writer might be in another container
    with folder_lock(tmp_path):
        assert (tmp_path / LOCK_NAME).exists()
        assert remove_stale_temps(tmp_path, exclusive=True) == [tmp_path / name]
    assert sorted(os.listdir(tmp_path)) == []


def test_a_live_writers_temp_stays_even_under_the_lock(tmp_path: Path) -> None:
    name = f".speechgen.{output_module._HOST_TAG}.{os.getpid()}.abcd_123.a.docx.part"
    (tmp_path / name).write_bytes(b"being written")
    old = time.time() - 3600
    os.utime(tmp_path / name, (old, old))
    assert remove_stale_temps(tmp_path, exclusive=True) == []


@pytest.mark.skipif(os.name != "posix", reason="flock is POSIX")
def test_a_second_batch_into_a_locked_folder_is_refused(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; "
         "from speechgen.batch.lock import folder_lock\n"
         "with folder_lock(Path(sys.argv[1])):\n    print('locked', flush=True); time.sleep(60)", str(tmp_path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(InputError, match="另一个 speechgen batch"), folder_lock(tmp_path):
            pass
    finally:
        holder.kill()
        holder.wait()
    with folder_lock(tmp_path):  # the kernel released it with the process
        pass
