"""Bytes of a hand-written dialect file → text, by the one text decoder of sources/textfile.py."""

from __future__ import annotations

from speechgen.errors import InputError, Problem
from speechgen.sources.limits import MAX_MARKUP_BYTES
from speechgen.sources.textfile import decode_text

_CONTROL = {chr(code) for code in range(32)} - {"\t", "\n", "\r", "\f"}
_HINT = "请提供 .md 文本文件（UTF-8 或 GBK 编码）；Word 文档请先另存为“纯文本”，编码选 UTF-8"


def decode_markup(data: bytes, source: str) -> str:
    """Return the text of a dialect file; secretaries' Notepad files are often GBK, some UTF-16.

    Raises InputError when no encoding gives text (a .docx or a picture given by mistake), when
    the text holds control characters, or when the file is longer than MAX_MARKUP_BYTES.
    """
    if len(data) > MAX_MARKUP_BYTES:
        raise InputError(Problem(f"文件太大（超过{MAX_MARKUP_BYTES // 1_000_000} MB）", file=source,
                                 hint="一份公文不会有这么长；请确认选对了文件，或把它分成几份"))
    text = decode_text(data, source, "稿件", _HINT)
    if any(ch in _CONTROL for ch in text):
        raise InputError(Problem("稿件不是文本文件（含有控制字符）", file=source, hint=_HINT))
    return text
