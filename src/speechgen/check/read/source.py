"""Any draft (.txt in UTF-8/GBK/GB18030, .docx, dialect .md) → numbered paragraphs.

The outline and every check rule read the same sequence of paragraphs, so "第12段" means the
same paragraph in both. Plain text has no paragraph marks of its own: blank lines separate
paragraphs and a line that a web page or an editor broke in mid-sentence is joined again. In
every format a page copied as one paragraph is split into its paragraphs (``runon``).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from speechgen.check.model import Format, Para, Source
from speechgen.check.read.blocks import document_paragraphs
from speechgen.check.read.docx_reader import read_docx_paragraphs
from speechgen.check.read.runon import split_run_on_paragraphs
from speechgen.errors import InputError, Problem
from speechgen.inputs import InputFile

SUFFIXES: dict[str, Format] = {".txt": "txt", ".text": "txt", ".docx": "docx", ".md": "md",
                               ".markdown": "md"}


def read_source(path: str | Path) -> Source:
    """Return the draft at path as numbered paragraphs; InputError if it cannot be used."""
    from speechgen.sources import read_input

    return read_draft(read_input(Path(path)))


def read_draft(file: InputFile) -> Source:
    """Return the draft in ``file`` (format from its name's extension) as numbered paragraphs,
    reading nothing from disk; InputError if it cannot be used."""
    fmt = SUFFIXES.get(file.suffix)
    if fmt is None:
        suffix = PurePosixPath(file.name).suffix
        raise InputError(Problem(f"不支持的文件类型“{suffix or '无扩展名'}”", file=file.name,
                                 hint="请提供 .txt、.docx 或 .md 文件（.doc 请先在 Word/WPS 中另存为 .docx）"))
    return read_bytes(file.data, file.name, fmt)


def read_bytes(data: bytes, name: str, fmt: Format) -> Source:
    """Return the draft in data (named name, of format fmt) as numbered paragraphs."""
    kind: str | None = None
    if fmt == "docx":
        paras = split_run_on_paragraphs(read_docx_paragraphs(data, name), renumber=False)
    elif fmt == "md":
        paras, kind = _markup_paragraphs(decode_text(data, name), name)
        paras = split_run_on_paragraphs(paras, renumber=True)
    else:
        paras = split_run_on_paragraphs(split_paragraphs(decode_text(data, name)), renumber=True)
    if not any(p.text.strip() for p in paras):
        raise InputError(Problem("文件里没有文字", file=name, hint="请确认选对了文件"))
    return Source(name, fmt, tuple(paras), kind, data)


def decode_text(data: bytes, name: str) -> str:
    """Return the text of a plain-text draft (sources/textfile.py's decoder), line ends as "\n"."""
    from speechgen.sources.textfile import decode_text as decode

    text = decode(data, name, "稿件", "请在记事本或 WPS 中“另存为”UTF-8 编码的文本；Word 文件请保存为 .docx")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# A line ends a paragraph when it ends a sentence, a heading's quote, or a colon.
_TERMINAL = tuple("。！？!?：:；;”’」』…)）")
_SOFT_END = tuple("，,、（(“‘—")
_SENTENCE = re.compile(r"[。！？!?]")
_SPACES = " \t\u3000\u00a0"
_ASCII_STOP = re.compile(r"[\u4e00-\u9fff”’）)]\.$")  # "……谋发展." typed in an English input mode


def split_paragraphs(text: str) -> list[Para]:
    """Return plain text as paragraphs: blank lines separate, broken lines are joined again."""
    chunks: list[tuple[int, str]] = []  # (first line number, text)
    joinable = False
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip(_SPACES)
        if not line:
            joinable = False
            continue
        if joinable and chunks and "\t" not in line:
            first, previous = chunks[-1]
            chunks[-1] = (first, previous + line)
        else:
            chunks.append((number, line))
        joinable = "\t" not in line and _is_broken(chunks[-1][1])  # a tab: a table row, whole
    return [Para(i, chunk, line=first) for i, (first, chunk) in enumerate(chunks, 1)]


def _is_broken(line: str) -> bool:
    """Return True when a line stops in mid-sentence (so the next line continues it)."""
    if line.endswith(_TERMINAL) or _ASCII_STOP.search(line):
        return False
    if line.endswith(_SOFT_END):
        return True
    # A long line holding whole sentences but stopping in the middle of one; a heading on its
    # own line has no sentence end inside it, so it is never joined to the text below.
    return len(line) >= 40 and bool(_SENTENCE.search(line))


def _markup_paragraphs(text: str, name: str) -> tuple[list[Para], str]:
    """Return the dialect's Document as paragraphs with their roles, and the document kind."""
    from speechgen.markup import parse_markup

    document = parse_markup(text, source=name)
    return document_paragraphs(document), document.kind
