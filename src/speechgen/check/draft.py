"""A draft as the rules see it: the paragraphs read from the file and their structure."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from speechgen.check.findings import Finding, Severity
from speechgen.check.model import Para, Source
from speechgen.check.structure.analysis import Structure, analyse


@dataclass(frozen=True)
class Draft:
    """The source and its structure; rules read both."""

    source: Source
    structure: Structure

    @classmethod
    def of(cls, source: Source) -> Draft:
        return cls(source, analyse(source.paragraphs))

    def text_paragraphs(self) -> Iterator[tuple[int, str]]:
        """Yield (index, analysis text) for every paragraph with text, debris included.

        The analysis text is simplified and free of "(shè)" readings, so one stray reading or a
        traditional original does not drown the report (they get one finding each instead).
        """
        for index, text in enumerate(self.structure.texts):
            if text.strip():
                yield index, text

    def para(self, index: int) -> Para:
        return self.source.paragraphs[index]

    def finding(self, rule: str, severity: Severity, index: int | None, quote: str,
                message: str, fix: str) -> Finding:
        """Return a Finding located at paragraph index (0-based; None for the whole file)."""
        if index is None:
            return Finding(rule, severity, None, quote, message, fix)
        para = self.source.paragraphs[index]
        return Finding(rule, severity, para.number, quote, message, fix, para.line)
