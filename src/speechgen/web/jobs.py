"""The work the page asks for, as functions of plain values that run in worker processes: draft,
render, page images, check. Each returns its value or a Failure (errors cross processes as values)."""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, replace
from typing import Any

from speechgen import api
from speechgen.errors import InputError, MarkupError, Problem, SpeechgenError, TemplateError

_ERRORS: dict[str, type[InputError]] = {"InputError": InputError, "TemplateError": TemplateError,
                                        "MarkupError": MarkupError}
_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one rasterisation at a time per process


@dataclass(frozen=True)
class Failure:
    """A SpeechgenError as a value: its class name, its problems (InputError) or its messages."""

    error: str
    problems: tuple[Problem, ...]
    messages: tuple[str, ...]

    def exception(self) -> SpeechgenError:
        """Return the error again, as the class it was raised as where that is an InputError."""
        if self.error in _ERRORS:
            return _ERRORS[self.error](list(self.problems))
        return SpeechgenError("\n".join(self.messages))


@dataclass(frozen=True)
class DraftOut:
    """A drafted document: its dialect text, title, HTML preview, layout options and warnings."""

    text: str
    title: str
    html: bytes
    options: Any
    warnings: tuple[Problem, ...]


@dataclass(frozen=True)
class RenderOut:
    """Rendered files by suffix, page images (PNG) when asked, and the draft's warnings."""

    files: dict[str, bytes]
    pages: tuple[bytes, ...]
    warnings: tuple[Problem, ...]


def guarded(function: Any, *args: Any) -> Any:
    """Run a job; a SpeechgenError comes back as a Failure (its problems survive pickling)."""
    try:
        return function(*args)
    except InputError as error:
        return Failure(type(error).__name__ if type(error).__name__ in _ERRORS else "InputError",
                       tuple(error.problems), tuple(error.messages()))
    except SpeechgenError as error:
        return Failure(type(error).__name__, (), tuple(error.messages()))


def draft_job(request: api.GenerateRequest) -> DraftOut:
    """Draft the document and its HTML preview (the fast part; PDF pages come separately)."""
    result = api.generate_from_bytes(replace(request, formats=(".html",)))
    options = api.render_options(result.facts.meeting.layout)
    return DraftOut(result.text, title_of(result.text), result.files[".html"], options, result.warnings)


def render_job(text: str, name: str, formats: tuple[str, ...], options: Any, dpi: int = 0,
               docx_template: api.InputFile | None = None, generate: api.GenerateRequest | None = None) -> RenderOut:
    """Render dialect text in each format; with ``dpi``, also the PDF's pages as PNG images. With a
    Word template, a draft not edited since it was drafted is drafted again by ``generate`` (the
    template's ledger fields need the ledger); edited text is filled in as render does."""
    if dpi and ".pdf" not in formats:
        formats = (*formats, ".pdf")
    if docx_template is not None and generate is not None:
        made = api.generate_from_bytes(replace(generate, formats=formats, docx_template=docx_template))
        files, warnings = made.files, made.warnings
    else:
        source = api.InputFile.from_text(name, text)
        result = api.render_from_bytes(api.RenderRequest(source, formats, options=options, docx_template=docx_template))
        files, warnings = result.files, result.warnings
    pages = page_images(files[".pdf"], dpi) if dpi else ()
    return RenderOut(files, pages, warnings)


def word_template_job(template: api.InputFile) -> dict[str, Any]:
    """Return what template-check finds in a Word template, as the CLI prints it."""
    report = api.template_check_from_bytes(api.TemplateCheckRequest(template)).report
    return {"usable": not report.errors, "text": report.render(), "fields": sorted(report.fields)}


def check_job(text: str, name: str, ledger: api.InputFile | None, meeting: api.InputFile | None,
              previous: tuple[api.InputFile, ...] = ()) -> dict:
    """Return the check report of a draft (figures traced to the ledger when both files are given,
    the 较上月 ones to the previous ledgers)."""
    request = api.CheckRequest(api.InputFile.from_text(name, text), ledger, meeting, previous=previous)
    return api.check_from_bytes(request).report.to_json()


def page_images(pdf: bytes, dpi: int) -> tuple[bytes, ...]:
    """Return every page of a PDF as a PNG at ``dpi`` (PDFium: ≈ 70 ms a page)."""
    import pypdfium2

    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            images = []
            for page in document:
                buffer = io.BytesIO()
                page.render(scale=dpi / 72).to_pil().save(buffer, "PNG", compress_level=1)
                images.append(buffer.getvalue())
            return tuple(images)
        finally:
            document.close()


def title_of(text: str) -> str:
    """Return the draft's title (its front matter's title:, else its first # heading) for file names."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("title:"):
            return stripped.removeprefix("title:").strip().strip("\"'")
        if stripped.startswith("# "):
            return stripped[2:].strip()
    return ""


def warm_up() -> None:
    """Import and cache what the first render needs (fonts, styles, templates), in a worker."""
    ledger, meeting = api.example_inputs()
    out = draft_job(api.GenerateRequest("speech", ledger, meeting))
    render_job(out.text, "warm.md", (".docx",), out.options, dpi=12)
