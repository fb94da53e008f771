"""A draft as the rules see it: the paragraphs read from the file, their structure, and what the
draft is checked against (the ledger's Facts, the unit's fonts)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from speechgen.check.findings import Finding, Severity
from speechgen.check.model import Para, Source
from speechgen.check.structure.analysis import Structure, analyse
from speechgen.facts import Facts
from speechgen.style import DEFAULT_FONTS, FontSet


@dataclass(frozen=True)
class Draft:
    """The source and its structure, which every rule reads; the Facts its figures are traced to
    (None: figures are not checked) and the fonts a .docx is held to."""

    source: Source
    structure: Structure
    facts: Facts | None = None
    fonts: FontSet = DEFAULT_FONTS

    @classmethod
    def of(cls, source: Source, *, facts: Facts | None = None, fonts: FontSet = DEFAULT_FONTS) -> Draft:
        return cls(source, analyse(source.paragraphs), facts, fonts)

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
