"""The 公文 Markdown dialect → Document (docs/dialect.md)."""

from speechgen.markup.decode import decode_markup
from speechgen.markup.parser import parse_markup

__all__ = ["decode_markup", "parse_markup"]
