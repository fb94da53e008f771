"""The settings part (word/settings.xml) and the font table (word/fontTable.xml)."""

from __future__ import annotations

import functools

from speechgen.writers.docx import geometry
from speechgen.writers.docx.options import DocxOptions
from speechgen.writers.docx.xml import NS_DECL, XML_DECL, text


@functools.cache
def settings_xml(options: DocxOptions) -> bytes:
    """Return the bytes of word/settings.xml (children in the schema's order)."""
    tab = geometry.char_twips(2, grid=options.char_grid)
    odd_even = "<w:evenAndOddHeaders/>" if options.page_numbers == "odd_even" else ""
    # doNotCompress: full-width punctuation keeps a whole grid cell, so 28 characters stay 28.
    body = (
        '<w:zoom w:percent="100"/>'
        f'<w:defaultTabStop w:val="{tab}"/>'
        f"{odd_even}"
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        "<w:compat>"
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
        "</w:compat>"
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
    )
    return f"{XML_DECL}<w:settings {NS_DECL}>{body}</w:settings>".encode()


@functools.cache
def font_table_xml(options: DocxOptions) -> bytes:
    """Return the bytes of word/fontTable.xml naming every font the styles use.

    A ``_GB2312`` name carries its Windows successor as ``w:altName`` (仿宋_GB2312 → 仿宋), so
    Word on a machine without the old GB2312 fonts substitutes the right face, not 宋体.
    """
    fonts = options.fonts
    names = dict.fromkeys((fonts.body, fonts.title, fonts.hei, fonts.kai, fonts.song))
    entries = [_font_entry(name, east_asian=True) for name in names]
    entries.append(_font_entry(fonts.latin, east_asian=False))
    return f"{XML_DECL}<w:fonts {NS_DECL}>{''.join(entries)}</w:fonts>".encode()


def _font_entry(name: str, *, east_asian: bool) -> str:
    alt = name.removesuffix("_GB2312")
    alt_name = f'<w:altName w:val="{text(alt)}"/>' if alt != name else ""
    charset, family = ("86", "modern") if east_asian else ("00", "roman")
    return (f'<w:font w:name="{text(name)}">{alt_name}<w:charset w:val="{charset}"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>')
