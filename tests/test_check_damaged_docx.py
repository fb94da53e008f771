"""Damaged .docx drafts given to check and outline: a Chinese input error (exit 2), never 内部错误.

Each kind was found by mutating a generated .docx; each is rebuilt here from a good one.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from docx_samples import notice
from speechgen.cli import main
from speechgen.writers.docx import DocxOptions, render_docx


def damaged(change: Callable[[dict[str, bytes]], None]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(render_docx(notice(), DocxOptions()))) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    change(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _bad_bytes_in_a_footer(parts: dict[str, bytes]) -> None:
    parts["word/footer1.xml"] = parts["word/footer1.xml"].replace(b"<w:p", b"<w:p\xff\xfe", 1)


def _a_relationship_to_nothing(parts: dict[str, bytes]) -> None:
    del parts["word/footer1.xml"]


def _content_types_without_the_document(parts: dict[str, bytes]) -> None:
    parts["[Content_Types].xml"] = re.sub(rb'<Override PartName="/word/document.xml"[^>]*/>', b"",
                                          parts["[Content_Types].xml"])


def _package_relationships_not_relationships(parts: dict[str, bytes]) -> None:
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"<Relationships ", b"<Other ").replace(
        b"</Relationships>", b"</Other>")


def _a_relationship_without_a_target(parts: dict[str, bytes]) -> None:
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b' Target="word/document.xml"', b"")


def _styles_cut_short(parts: dict[str, bytes]) -> None:
    parts["word/styles.xml"] = parts["word/styles.xml"][:300]


KINDS = [_bad_bytes_in_a_footer, _a_relationship_to_nothing, _content_types_without_the_document,
         _package_relationships_not_relationships, _a_relationship_without_a_target, _styles_cut_short]


@pytest.mark.parametrize("change", KINDS, ids=[kind.__name__.strip("_") for kind in KINDS])
@pytest.mark.parametrize("command", ["check", "outline"])
def test_a_damaged_docx_is_an_input_error(tmp_path: Path, command: str, change: Callable) -> None:
    path = tmp_path / "讲话稿.docx"
    path.write_bytes(damaged(change))
    result = CliRunner().invoke(main, [command, str(path)])
    assert result.exit_code == 2, result.output
    assert "错误：讲话稿.docx：无法读取 .docx，文件" in result.output and "Error" not in result.output
    assert "内部错误" not in result.output and "Traceback" not in result.output
