"""Drafts read into numbered paragraphs: plain text, .docx (styles, Word's list numbering) and the
dialect .md (its blocks)."""

from speechgen.check.read.source import (
    SUFFIXES,
    decode_text,
    read_bytes,
    read_draft,
    read_source,
    split_paragraphs,
)

__all__ = ["SUFFIXES", "decode_text", "read_bytes", "read_draft", "read_source", "split_paragraphs"]
