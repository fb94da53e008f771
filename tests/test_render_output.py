"""atomic_write: complete or untouched, never partial; no overwrite without force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from speechgen.errors import InputError, OutputExistsError
from speechgen.writers import atomic_write


def test_writes_bytes_and_text_and_creates_parents(tmp_path: Path) -> None:
    target = tmp_path / "新建文件夹" / "子目录" / "讲话稿.txt"
    atomic_write(target, "同志们：\n", force=False)
    assert target.read_bytes() == "同志们：\n".encode()
    atomic_write(tmp_path / "a.bin", b"\x00\x01", force=False)
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bin", "新建文件夹"]


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "通知.txt"
    target.write_text("原来的内容", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="--force"):
        atomic_write(target, "新内容", force=False)
    assert target.read_text(encoding="utf-8") == "原来的内容"
    assert [p.name for p in tmp_path.iterdir()] == ["通知.txt"]


def test_force_replaces(tmp_path: Path) -> None:
    target = tmp_path / "通知.txt"
    target.write_text("原来的内容", encoding="utf-8")
    atomic_write(target, "新内容", force=True)
    assert target.read_text(encoding="utf-8") == "新内容"
    assert [p.name for p in tmp_path.iterdir()] == ["通知.txt"]


def test_file_mode_is_ordinary(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    atomic_write(target, "x", force=False)
    assert target.stat().st_mode & 0o644 == 0o644  # not mkstemp's 0600


def test_failed_rename_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "通知.txt"
    target.write_text("原来的内容", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("磁盘已满")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="磁盘已满"):
        atomic_write(target, "新内容" * 1000, force=True)
    assert target.read_text(encoding="utf-8") == "原来的内容"
    assert [p.name for p in tmp_path.iterdir()] == ["通知.txt"]


def test_failed_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError("写入失败")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="写入失败"):
        atomic_write(tmp_path / "a.txt", "x", force=False)
    assert list(tmp_path.iterdir()) == []


def test_target_appearing_meanwhile_is_not_clobbered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without force the final step is a no-clobber link: a file created after the existence
    check (another process) survives."""
    target = tmp_path / "a.txt"
    real_link = os.link

    def racing_link(src: str, dst: str) -> None:
        Path(dst).write_text("别人的文件", encoding="utf-8")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(OutputExistsError):
        atomic_write(target, "x", force=False)
    assert target.read_text(encoding="utf-8") == "别人的文件"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_directory_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="文件夹"):
        atomic_write(tmp_path, "x", force=True)
