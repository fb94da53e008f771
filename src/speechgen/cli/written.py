"""The 已生成 lines every writing command prints, saying which folders it had to create."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click


def echo_written(paths: Sequence[Path], created_folders: Sequence[Path] = ()) -> None:
    """Print "已生成：PATH" per file; the first file in a folder made for it adds "（新建了文件夹 …）",
    so that a mistyped -o folder does not go unnoticed."""
    created = set(created_folders)
    for path in paths:
        note = ""
        if path.parent in created:
            created.discard(path.parent)
            note = f"（新建了文件夹 {path.parent}）"
        click.echo(f"已生成：{path}{note}")
