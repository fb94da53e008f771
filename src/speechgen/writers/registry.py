"""The output formats by file suffix; each writer is imported only when its format is asked for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from speechgen.document import Document
from speechgen.errors import InputError, Problem
from speechgen.writers.options import ENGINES, Engine, RenderOptions

__all__ = ["ENGINES", "FORMATS", "Engine", "Format", "RenderOptions", "format_for_path", "format_of",
           "render_bytes", "supported_suffixes"]


def _docx(doc: Document, options: RenderOptions) -> bytes:
    from speechgen.writers.docx import DocxOptions, render_docx

    return render_docx(doc, DocxOptions.of(options))


def _pdf(doc: Document, options: RenderOptions) -> bytes:
    from speechgen.writers.pdf import PdfOptions, render_pdf

    return render_pdf(doc, PdfOptions.of(options))


def _html(doc: Document, options: RenderOptions) -> bytes:
    from speechgen.writers.html import HtmlOptions, render_html

    return render_html(doc, HtmlOptions.of(options)).encode("utf-8")


def _txt(doc: Document, options: RenderOptions) -> bytes:
    from speechgen.writers.text import render_text

    return render_text(doc).encode("utf-8")  # plain text has no layout to choose


def _md(doc: Document, options: RenderOptions) -> bytes:
    from speechgen.writers.markdown import render_markdown

    return render_markdown(doc).encode("utf-8")  # the dialect carries content, not layout


@dataclass(frozen=True)
class Format:
    """One output format: its suffix, its name for users, and its writer."""

    suffix: str
    label: str
    render: Callable[[Document, RenderOptions], bytes]


FORMATS: dict[str, Format] = {
    format.suffix: format
    for format in (
        Format(".docx", "Word 文档", _docx),
        Format(".pdf", "PDF", _pdf),
        Format(".html", "网页", _html),
        Format(".txt", "纯文本", _txt),
        Format(".md", "公文 Markdown", _md),
    )
}


def supported_suffixes() -> str:
    """Return ".docx（Word 文档）、.pdf（PDF）…" for messages and help."""
    return "、".join(f"{f.suffix}（{f.label}）" for f in FORMATS.values())


def format_of(fmt: str) -> Format:
    """Return the format named by a suffix: ".docx", "docx" or "DOCX".

    Raises InputError naming the supported suffixes.
    """
    suffix = "." + fmt.strip().lstrip(".").lower()
    found = FORMATS.get(suffix)
    if found is None:
        raise InputError(Problem(f"不支持输出为“{fmt}”格式", hint=f"可用的格式：{supported_suffixes()}"))
    return found


def format_for_path(path: Path) -> Format:
    """Return the format of an output file from its extension ("讲话稿.docx" → .docx).

    Raises InputError naming the file and the supported extensions.
    """
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        what = f"扩展名“{path.suffix}”不支持" if path.suffix else "没有扩展名，无法确定输出格式"
        raise InputError(Problem(what, file=str(path), hint=f"输出文件的扩展名须是 {supported_suffixes()}"))
    return found


def render_bytes(doc: Document, fmt: str, options: RenderOptions | None = None) -> bytes:
    """Return the document rendered in the format named by fmt (a suffix such as ".docx")."""
    return format_of(fmt).render(doc, options or RenderOptions())
