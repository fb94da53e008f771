"""The format registry: suffixes, messages, lazy imports, dispatch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from speechgen.document import Document, Paragraph, Run, Title
from speechgen.errors import InputError
from speechgen.writers import FORMATS, format_for_path, format_of, render_bytes, supported_suffixes
from speechgen.writers.markdown import render_markdown
from speechgen.writers.text import render_text

DOC = Document("generic", (Title("标题"), Paragraph((Run("正文。"),))), "标题")


def test_the_five_formats() -> None:
    assert list(FORMATS) == [".docx", ".pdf", ".html", ".txt", ".md"]
    assert (
        supported_suffixes() == ".docx（Word 文档）、.pdf（PDF）、.html（网页）、.txt（纯文本）、.md（公文 Markdown）"
    )


@pytest.mark.parametrize("name", ["docx", ".docx", "DOCX", " .Docx "])
def test_format_names(name: str) -> None:
    assert format_of(name).suffix == ".docx"


def test_format_for_path_and_messages() -> None:
    assert format_for_path(Path("讲话稿.PDF")).suffix == ".pdf"
    with pytest.raises(InputError) as caught:
        format_for_path(Path("讲话稿.doc"))
    assert caught.value.messages() == [f"讲话稿.doc：扩展名“.doc”不支持；输出文件的扩展名须是 {supported_suffixes()}。"]
    with pytest.raises(InputError, match="没有扩展名"):
        format_for_path(Path("讲话稿"))


def test_render_bytes_dispatches() -> None:
    assert render_bytes(DOC, ".txt") == render_text(DOC).encode("utf-8")
    assert render_bytes(DOC, "md") == render_markdown(DOC).encode("utf-8")
    assert render_bytes(DOC, "docx").startswith(b"PK")
    assert "正文。" in render_bytes(DOC, "html").decode("utf-8")


def test_writers_import_lazily() -> None:
    """Importing the registry (and the CLI) loads neither WeasyPrint nor the .docx writer."""
    code = (
        "import sys, speechgen.writers, speechgen.cli; "
        "print(sorted(m for m in ('weasyprint', 'docx', 'speechgen.writers.docx', 'speechgen.writers.pdf') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
