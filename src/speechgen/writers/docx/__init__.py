"""The .docx writer: Document → GB/T 9704-2012 .docx (see writer.py; the grid in geometry.py)."""

from speechgen.writers.docx.merge import merge_docx
from speechgen.writers.docx.options import DocxOptions
from speechgen.writers.docx.styles import styles_xml
from speechgen.writers.docx.writer import reference_docx, render_body_xml, render_docx, write_docx

__all__ = ["DocxOptions", "merge_docx", "reference_docx", "render_body_xml", "render_docx", "styles_xml",
           "write_docx"]
