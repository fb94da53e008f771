"""The layout of a .docx against speechgen.style: pages (size, margins, grid, page numbers) and
paragraphs (fonts, sizes, line pitch)."""

from speechgen.check.layout.paragraphs import check_layout

__all__ = ["check_layout"]
