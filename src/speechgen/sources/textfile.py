"""A user's text file → str, the one way every stage does it: ledgers (.csv, .yaml, .json),
meeting files, templates and the files they include, snippet files, drafts and dialect files.

Secretaries' files come from Notepad, WPS and Excel: UTF-8 with or without a BOM, GBK (read as
its superset GB18030), and UTF-16 with a BOM ("Unicode" in Notepad's 另存为). Anything else — a
.docx or a picture given by mistake, UTF-16 without its BOM — is refused with a Chinese message
naming the file, never Python's "'utf-8' codec can't decode".
"""

from __future__ import annotations

import codecs
from pathlib import Path

from speechgen.errors import InputError, Problem
from speechgen.sources.files import read_input

ENCODINGS = "UTF-8、GBK/GB18030 或带 BOM 的 UTF-16"
DEFAULT_HINT = "请在记事本或 WPS 中“另存为”UTF-8 编码的文本文件"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes, name: str, what: str = "文件", hint: str = DEFAULT_HINT, *,
                binary: bool = True) -> str:
    """Return the text of ``data`` (the file ``name``, ``what`` it is in messages): a BOM decides
    the encoding; without one, UTF-8, then GB18030. InputError naming the file when none fits
    or, with ``binary``, when the bytes are binary (a NUL byte outside UTF-16); a ledger's
    reader passes False and names the cell holding the control character instead."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:  # a BOM, then bytes that are not that encoding
                raise _refused(name, f"{what}开头标明是 {encoding.split('-sig')[0].upper()}，"
                                     "后面的内容却不是", hint) from None
    if binary and b"\x00" in data:
        raise _refused(name, f"{what}不是文本文件（含有二进制内容）", hint)
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refused(name, f"无法识别{what}的文字编码（只能读取 {ENCODINGS}）", hint)


def read_text(path: Path, what: str, max_bytes: int, hint: str = DEFAULT_HINT) -> str:
    """Return the text of the file at ``path``, read by the bounded reader (at most ``max_bytes``,
    InputError naming it when missing, a folder, unreadable or too large) and decode_text."""
    file = read_input(path, what, max_bytes=max_bytes)
    return decode_text(file.data, file.name, what, hint)


def _refused(name: str, message: str, hint: str) -> InputError:
    return InputError(Problem(message, file=name, hint=hint))
