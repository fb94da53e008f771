"""Document → .docx bytes: the public functions of the .docx writer.

The package is generated, not copied from a reference .docx: styles, settings, fonts table,
footers, [Content_Types] and relationships are built from ``speechgen.style`` once per process
and options (functools.cache), and only document.xml and core.xml are built per document.
"""

from __future__ import annotations

from pathlib import Path

from speechgen import document as d
from speechgen.writers.docx import body, geometry, package, table_layout
from speechgen.writers.docx.footers import section_xml
from speechgen.writers.docx.options import DocxOptions
from speechgen.writers.docx.xml import HAIRLINE, pieces_xml

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


def render_body_xml(doc: d.Document, options: DocxOptions = _DEFAULT, *, new_page: bool = False,
                    sections: bool = False) -> str:
    """Return the blocks of ``doc`` as body paragraphs and tables (``w:`` prefix, our style ids),
    to be set into another document's body: a user's Word template (speechgen.wordtemplate),
    whose own sections, headers and footers stay. ``new_page`` starts the first paragraph on a new
    page (attachments, 7.3.7). ``sections`` sets tables too wide for portrait in landscape
    sections (clause 8), closed within the fragment; their ``<w:sectPr>`` are ours, for the caller
    to replace by the host document's own. Without it there are no section properties at all."""
    landscape = table_layout.landscape_blocks(doc.blocks) if sections else frozenset()
    pieces, last_section = body.render_blocks(doc.blocks, options, landscape)
    first = next((i for i, block in enumerate(doc.blocks) if not isinstance(block, d.PageBreak)), None)
    if pieces and first in landscape:  # end the host's portrait pages: the break starts a new page
        pieces = [HAIRLINE.add(section_xml(options, geometry.PORTRAIT, first=False)), *pieces]
    elif new_page and pieces:
        pieces = body._break_before(pieces)
    if pieces and 'w:orient="landscape"' in last_section:
        body._end_section(pieces, last_section)  # the host's content after it is portrait again
    return pieces_xml(pieces)


def reference_docx(options: DocxOptions = _DEFAULT) -> bytes:
    """Return an empty .docx that carries every named style: a reference for users' own files."""
    return render_docx(d.Document(kind="generic", blocks=(), title="speechgen 公文样式参考"), options)


def _first_title(doc: d.Document) -> str:
    return next((block.text.replace("\n", "") for block in doc.blocks if isinstance(block, d.Title)), "")
