"""Document → .docx bytes: the public functions of the .docx writer.

The package is generated, not copied from a reference .docx: styles, settings, fonts table,
footers, [Content_Types] and relationships are built from ``speechgen.style`` once per process
and options (functools.cache), and only document.xml and core.xml are built per document.
"""

from __future__ import annotations

from pathlib import Path

from speechgen import document as d
from speechgen.writers.docx import body, package, table_layout
from speechgen.writers.docx.options import DocxOptions

_DEFAULT = DocxOptions()


def render_docx(doc: d.Document, options: DocxOptions = _DEFAULT) -> bytes:
    """Return the .docx file of ``doc`` as bytes, laid out to GB/T 9704-2012."""
    # 1. orientation: attachments with tables too wide for portrait pages turn landscape (clause 8)
    landscape = table_layout.landscape_blocks(doc.blocks)
    # 2. fixed parts (styles, settings, fonts, footers, rels): built once, cached by options
    package.fixed_parts(options, bool(landscape))
    # 3. body: blocks → paragraphs and tables in sections, closed by the section properties
    document_xml = body.document_xml(doc, options, landscape)
    # 4. document properties: the title, and dates from SOURCE_DATE_EPOCH when set
    core_xml = package.core_xml(doc.title or _first_title(doc), options.timestamp)
    # 5. assemble the zip with fixed entry order and timestamps
    return package.assemble(options, document_xml, core_xml, bool(landscape))


def write_docx(doc: d.Document, target: Path, options: DocxOptions = _DEFAULT, *, force: bool = False) -> None:
    """Write ``doc`` as .docx to ``target`` atomically; an existing file needs ``force``."""
    from speechgen.writers.output import atomic_write

    atomic_write(target, render_docx(doc, options), force=force)


def reference_docx(options: DocxOptions = _DEFAULT) -> bytes:
    """Return an empty .docx that carries every named style: a reference for users' own files."""
    return render_docx(d.Document(kind="generic", blocks=(), title="speechgen 公文样式参考"), options)


def _first_title(doc: d.Document) -> str:
    return next((block.text.replace("\n", "") for block in doc.blocks if isinstance(block, d.Title)), "")
