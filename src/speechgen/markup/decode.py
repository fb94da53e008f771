"""Bytes of a hand-written dialect file → text: UTF-8 (with or without BOM), UTF-16, GB18030/GBK."""

from __future__ import annotations

import codecs

from speechgen.errors import InputError, Problem
from speechgen.sources.limits import MAX_MARKUP_BYTES

_CONTROL = {chr(code) for code in range(32)} - {"\t", "\n", "\r", "\f"}


def decode_markup(data: bytes, source: str) -> str:
    """Return the text of a dialect file; secretaries' Notepad files are often GBK, some UTF-16.

    Raises InputError when no encoding gives text (a .docx or a picture given by mistake), or
    when the file is longer than MAX_MARKUP_BYTES.
    """
    if len(data) > MAX_MARKUP_BYTES:
        raise InputError(Problem(f"文件太大（超过{MAX_MARKUP_BYTES // 1_000_000} MB）", file=source,
                                 hint="一份公文不会有这么长；请确认选对了文件，或把它分成几份"))
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding, errors="strict"), source)
            except UnicodeDecodeError:  # a BOM, then bytes that are not that encoding
                raise _not_text(source) from None
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _checked(text, source)
    raise _not_text(source)


def _checked(text: str, source: str) -> str:
    if any(ch in _CONTROL for ch in text):
        raise _not_text(source)
    return text


def _not_text(source: str) -> InputError:
    return InputError(
        Problem(
            "不是文本文件，或编码无法识别",
            file=source,
            hint="请提供 .md 文本文件（UTF-8 或 GBK 编码）；Word 文档请先另存为“纯文本”，编码选 UTF-8",
        )
    )
