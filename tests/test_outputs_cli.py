"""Outputs from the user's side: bad -o names and places refused (exit 2), all or nothing, kill -9, new folders."""

from __future__ import annotations

import errno
import os
import selectors
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from speechgen.cli import main
from speechgen.paths import resource_dir

EXAMPLES = resource_dir("examples")
NOTICE = (EXAMPLES / "notice.md").read_text(encoding="utf-8")
LEDGER, MEETING = EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml"


def _source(tmp_path: Path) -> Path:
    source = tmp_path / "通知.md"
    source.write_text(NOTICE, encoding="utf-8")
    return source


def _command(tmp_path: Path, command: str, outputs: list[Path]) -> list[str]:
    """Return the arguments of ``command`` writing ``outputs`` (reference-docx takes one)."""
    flags = [arg for output in outputs for arg in ("-o", str(output))]
    if command == "render":
        return ["render", str(_source(tmp_path)), *flags]
    if command == "generate":
        return ["generate", "speech", "-d", str(LEDGER), "-m", str(MEETING), *flags]
    return ["reference-docx", *flags]


def _run(args: list[str]) -> Result:
    return CliRunner().invoke(main, args)


def _assert_refused(result: Result, *phrases: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "内部错误" not in result.output
    for phrase in phrases:
        assert phrase in result.stderr, (phrase, result.stderr)


def _files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize("command", ["render", "generate"])
def test_unwritable_second_output_writes_nothing(tmp_path: Path, command: str) -> None:
    (tmp_path / "挡路").write_text("一个文件，不是文件夹", encoding="utf-8")
    first, second = tmp_path / "讲话稿.txt", tmp_path / "挡路" / "讲话稿.docx"
    args = _command(tmp_path, command, [first, second])
    before = _files(tmp_path)
    _assert_refused(_run(args), "是一个文件，不是文件夹", str(second))
    assert not first.exists() and _files(tmp_path) == before


def test_second_output_failing_while_written_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder the check could not see through (a network share refusing the write) fails the
    second temp file: exit 2 in Chinese, and the first output is not written either."""
    real_mkstemp = tempfile.mkstemp

    def mkstemp(**kwargs: object) -> tuple[int, str]:
        if ".b.docx" in str(kwargs["suffix"]):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_mkstemp(**kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    result = _run(_command(tmp_path, "render", [tmp_path / "a.txt", tmp_path / "新目录" / "b.docx"]))
    _assert_refused(result, "无法写入输出文件：没有权限写入这个位置", "b.docx", "权限")
    assert _files(tmp_path) == ["通知.md"]


@pytest.mark.parametrize("command", ["render", "generate", "reference-docx"])
@pytest.mark.parametrize("name, shown", [("讲话\n稿.docx", "\\n"), ("a\tb.docx", "\\t"),
                                         ("\x1b]0;x\x07.docx", "\\x1b"), ("\u202excod.docx", "\\u202e"),
                                         ("清屏\x1b[2J.doc", "\\x1b")])  # refused before its suffix is read
def test_control_characters_in_names_are_refused(tmp_path: Path, command: str, name: str, shown: str) -> None:
    result = _run(_command(tmp_path, command, [tmp_path / name]))
    _assert_refused(result, "换行或控制字符", shown)
    assert name not in result.stderr  # the raw name never reaches the terminal
    assert _files(tmp_path) in ([], ["通知.md"])


@pytest.mark.parametrize("command", ["render", "reference-docx"])
def test_too_long_names_and_paths_are_refused(tmp_path: Path, command: str) -> None:
    _assert_refused(_run(_command(tmp_path, command, [tmp_path / ("长" * 100 + ".docx")])),
                    "太长（305 字节，最多 255 字节）", "一个汉字占 3 个字节")
    deep = tmp_path.joinpath(*["层" * 80] * 20) / "a.docx"
    _assert_refused(_run(_command(tmp_path, command, [deep])), "输出路径太长")
    assert _files(tmp_path) in ([], ["通知.md"])


def test_a_folder_as_output_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "讲话稿.docx"
    folder.mkdir()
    _assert_refused(_run(_command(tmp_path, "render", [folder, tmp_path / "a.txt"])), "输出路径是一个文件夹")
    _assert_refused(_run([*_command(tmp_path, "render", [folder, tmp_path / "a.txt"]), "--force"]), "文件夹")
    assert _files(tmp_path) == ["讲话稿.docx", "通知.md"]


@pytest.mark.parametrize("command", ["render", "generate", "reference-docx"])
def test_created_folders_are_reported(tmp_path: Path, command: str) -> None:
    target = tmp_path / "不存在的目录" / "子目录" / "a.docx"
    result = _run(_command(tmp_path, command, [target]))
    assert result.exit_code == 0, result.output
    assert f"已生成：{target}（新建了文件夹 {target.parent}）" in result.stdout.splitlines()
    again = _run([*_command(tmp_path, command, [target]), "--force"])
    assert f"已生成：{target}" in again.stdout.splitlines()  # the folder exists now: no note


# The CLI in a child process whose second fsync stops (the second output being written) after
# saying so on stdout: the parent kills it there with SIGKILL, deterministically mid-write.
_STOPPED_MID_WRITE = """
import os, sys, time
real_fsync, calls = os.fsync, []
def fsync(fd):
    calls.append(fd)
    if len(calls) == 2:
        print("second output being written", flush=True)
        time.sleep(600)
    real_fsync(fd)
os.fsync = fsync
from speechgen.cli import main
main(sys.argv[1:])
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_kill_during_the_write_leaves_no_output_and_the_next_run_cleans(tmp_path: Path) -> None:
    first, second = tmp_path / "通知.txt", tmp_path / "通知.docx"
    args = _command(tmp_path, "render", [first, second])
    child = subprocess.Popen([sys.executable, "-c", _STOPPED_MID_WRITE, *args], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout=120)  # a guard against hanging, not a timing assertion
    line = child.stdout.readline() if ready else ""
    child.kill()
    child.wait()
    assert line.strip() == "second output being written"
    assert not first.exists() and not second.exists()
    temps = [name for name in _files(tmp_path) if name.startswith(".speechgen.")]
    assert len(temps) == 2 and all(name.endswith((".通知.txt.part", ".通知.docx.part")) for name in temps)

    stamp = time.time() - 120  # past the grace a temp file of a dead writer gets
    for name in temps:
        os.utime(tmp_path / name, (stamp, stamp))
    result = _run(args)
    assert result.exit_code == 0, result.output
    assert _files(tmp_path) == ["通知.docx", "通知.md", "通知.txt"]
