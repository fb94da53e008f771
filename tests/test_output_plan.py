"""check_outputs + write_outputs: every output checked first, all staged, then all renamed; stale temps."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from speechgen.errors import InputError, OutputExistsError
from speechgen.writers import check_outputs, write_outputs
from speechgen.writers import output as output_module
from speechgen.writers.output import remove_stale_temps

HOST = output_module._HOST_TAG


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def _dead_pid() -> int:
    """Return the pid of a process that has exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_all_problems_of_all_outputs_at_once(tmp_path: Path) -> None:
    (tmp_path / "已有.txt").write_text("原稿", encoding="utf-8")
    outputs = [tmp_path / "a\nb.txt", tmp_path / ("长" * 90 + ".txt"), tmp_path / "已有.txt", tmp_path]
    with pytest.raises(InputError) as caught:
        check_outputs(outputs)
    messages = caught.value.messages()
    assert len(messages) == 4, messages
    assert "换行或控制字符（\\n）" in messages[0] and "a\\nb.txt" in messages[0]
    assert "太长（274 字节，最多 255 字节）" in messages[1] and "…" in messages[1]
    assert "文件夹" in messages[2]
    assert "已存在" in messages[3] and "--force" in messages[3]


@pytest.mark.parametrize("name", ["a\rb.txt", "a\tb.txt", "a\x1b]0;标题\x07.txt", "\u202etxt.exe", "a\u2028b.txt",
                                  "a\x7fb.txt", "a\x85b.txt", os.fsdecode(b"a\xff.txt")])
def test_control_characters_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError, match="控制字符") as caught:
        check_outputs([tmp_path / name], force=True)
    assert not any(ord(char) < 0x20 for char in str(caught.value))  # shown escaped, never raw
    assert _names(tmp_path) == []


def test_existing_only_is_output_exists(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("原稿", encoding="utf-8")
    (tmp_path / "b.txt").write_text("原稿", encoding="utf-8")
    with pytest.raises(OutputExistsError, match=r"a\.txt、.*b\.txt"):
        check_outputs([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert check_outputs([tmp_path / "a.txt"], force=True).targets == (tmp_path / "a.txt",)


def test_inputs_twice_and_special_files(tmp_path: Path) -> None:
    source = tmp_path / "稿.md"
    source.write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        check_outputs([tmp_path / "a.txt", tmp_path / "." / "a.txt", source], inputs=[source], force=True)
    twice, over_input = caught.value.messages()
    assert twice.startswith(f"同一个输出文件指定了两次：{tmp_path / 'a.txt'}")
    assert over_input.startswith(f"{source}：输出文件就是输入文件")
    os.mkfifo(tmp_path / "管道")
    with pytest.raises(InputError, match="设备或特殊文件"):
        check_outputs([tmp_path / "管道"], force=True)
    with pytest.raises(InputError, match="没有指定输出文件"):
        check_outputs([])


def test_a_file_in_the_way_and_a_too_long_path(tmp_path: Path) -> None:
    (tmp_path / "挡路.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"“.*挡路\.txt”是一个文件，不是文件夹"):
        check_outputs([tmp_path / "挡路.txt" / "子目录" / "a.docx"])
    deep = tmp_path.joinpath(*["层" * 60] * 25) / "a.txt"  # 25 levels of 180 bytes
    with pytest.raises(InputError, match="输出路径太长"):
        check_outputs([deep])
    assert not (tmp_path / ("层" * 60)).exists()


def test_folder_without_write_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "只读"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):  # root (as CI runs) may write anywhere: answer as for any other user
        real_access = os.access
        monkeypatch.setattr("speechgen.writers.output_paths.os.access",
                            lambda path, mode: Path(path) != locked and real_access(path, mode))
    with pytest.raises(InputError, match="没有权限写入文件夹"):
        check_outputs([tmp_path / "a.txt", locked / "b.txt"])


def test_writes_all_and_reports_created_folders(tmp_path: Path) -> None:
    first, second = tmp_path / "新目录" / "子目录" / "a.txt", tmp_path / "b.bin"
    written = write_outputs(check_outputs([first, second]), [(first, "同志们："), (second, b"\x00")])
    assert written.paths == (first, second)
    assert written.created_folders == (tmp_path / "新目录", tmp_path / "新目录" / "子目录")
    assert first.read_text(encoding="utf-8") == "同志们：" and second.read_bytes() == b"\x00"
    assert _names(tmp_path) == ["b.bin", "新目录"] and _names(first.parent) == ["a.txt"]


def test_second_output_unwritable_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The failure comes while staging the second file: the first is staged, never renamed."""
    real_mkstemp = tempfile.mkstemp

    def mkstemp(**kwargs: object) -> tuple[int, str]:
        if str(kwargs["suffix"]).startswith(".b.txt"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_mkstemp(**kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    first, second = tmp_path / "a.txt", tmp_path / "新目录" / "b.txt"
    with pytest.raises(InputError, match="无法写入输出文件：没有权限") as caught:
        write_outputs(check_outputs([first, second]), [(first, "x"), (second, "y")])
    assert isinstance(caught.value.__cause__, PermissionError)
    assert _names(tmp_path) == []  # no a.txt, no temp file, the folder made for b.txt removed


@pytest.mark.parametrize("code, phrase", [(errno.ENOSPC, "磁盘空间不足"), (errno.EROFS, "只读"),
                                          (errno.ENAMETOOLONG, "太长"),
                                          (errno.ENOENT, "不能新建文件"), (errno.EINVAL, "不接受这个文件名")])
def test_os_errors_a_user_can_fix_are_input_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   code: int, phrase: str) -> None:
    def failing_write(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", failing_write)
    with pytest.raises(InputError, match=phrase):
        write_outputs(check_outputs([tmp_path / "a.txt"]), [(tmp_path / "a.txt", "x")])
    assert _names(tmp_path) == []


def test_failure_while_producing_contents_leaves_nothing(tmp_path: Path) -> None:
    first, second = tmp_path / "甲" / "a.txt", tmp_path / "b.txt"

    def contents() -> Iterator[tuple[Path, bytes]]:
        yield first, b"x"
        assert _names(first.parent)[0].startswith(".speechgen.")  # staged, not yet in place
        raise RuntimeError("渲染出错")

    with pytest.raises(RuntimeError, match="渲染出错"):
        write_outputs(check_outputs([first, second]), contents())
    assert _names(tmp_path) == []


def test_target_appearing_before_the_renames_takes_back_the_first(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"

    def contents() -> Iterator[tuple[Path, bytes]]:
        yield first, b"ours"
        yield second, b"ours"
        second.write_text("别人的文件", encoding="utf-8")  # another process, after the check

    with pytest.raises(OutputExistsError):
        write_outputs(check_outputs([first, second]), contents())
    assert _names(tmp_path) == ["b.txt"] and second.read_text(encoding="utf-8") == "别人的文件"


def test_contents_must_match_the_plan(tmp_path: Path) -> None:
    plan = check_outputs([tmp_path / "a.txt", tmp_path / "b.txt"])
    with pytest.raises(ValueError, match="no content"):
        write_outputs(plan, [(tmp_path / "a.txt", b"x")])
    with pytest.raises(ValueError, match="not an output of the plan"):
        write_outputs(plan, [(tmp_path / "c.txt", b"x")])
    assert _names(tmp_path) == []


def test_a_name_near_the_limit_still_gets_a_temp_name(tmp_path: Path) -> None:
    target = tmp_path / ("稿" * 83 + ".txt")  # 253 bytes: the temp name cuts it to fit
    write_outputs(check_outputs([target]), [(target, b"x")])
    assert _names(tmp_path) == [target.name]


def _temp(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_bytes(b"partial")
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


def test_only_our_stale_temp_files_are_removed(tmp_path: Path) -> None:
    dead, alive = _dead_pid(), os.getpid()
    stale = [_temp(tmp_path, f".speechgen.{HOST}.{dead}.abcd_123.讲话稿.docx.part", 120),
             _temp(tmp_path, f".speechgen.{HOST}.{alive}.abcd_123.a.txt.part", 25 * 3600),
             _temp(tmp_path, f".speechgen.0badc0de.{dead}.abcd_123.a.txt.part", 25 * 3600)]
    kept = [_temp(tmp_path, f".speechgen.{HOST}.{dead}.abcd_124.a.txt.part", 5),       # within the grace
            _temp(tmp_path, f".speechgen.{HOST}.{alive}.abcd_123.b.txt.part", 3600),    # writer still running
            _temp(tmp_path, f".speechgen.0badc0de.{dead}.abcd_123.b.txt.part", 3600),  # another machine's
            _temp(tmp_path, ".讲话稿.docx.abcd1234.part", 25 * 3600),                    # not our pattern
            _temp(tmp_path, "草稿.part", 25 * 3600),
            _temp(tmp_path, f"speechgen.{HOST}.{dead}.abcd_123.a.txt.part", 25 * 3600)]
    folder_like_ours = tmp_path / f".speechgen.{HOST}.{dead}.abcd_125.x.part"
    folder_like_ours.mkdir()
    (tmp_path / f".speechgen.{HOST}.{dead}.abcd_126.y.part").symlink_to(kept[3])
    assert sorted(remove_stale_temps(tmp_path)) == sorted(stale)
    assert all(path.exists() for path in kept) and folder_like_ours.is_dir()


def test_next_write_into_the_folder_cleans_stale_temps(tmp_path: Path) -> None:
    stale = _temp(tmp_path, f".speechgen.{HOST}.{_dead_pid()}.abcd_123.a.txt.part", 120)
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    other = _temp(elsewhere, stale.name, 120)
    write_outputs(check_outputs([tmp_path / "a.txt"]), [(tmp_path / "a.txt", b"x")])
    assert _names(tmp_path) == ["a.txt", "别处"] and other.exists()  # only the folders written into
