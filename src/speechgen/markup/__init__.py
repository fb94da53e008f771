"""The 公文 Markdown dialect → Document (docs/dialect.md)."""

from speechgen.markup.decode import decode_markup
from speechgen.markup.parser import Parsed, parse_markup, read_markup

__all__ = ["Parsed", "decode_markup", "parse_markup", "read_markup"]
