"""The Finding record (one problem in a draft) and the Report `speechgen check` prints."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One problem: which rule, how serious, where (paragraph and a short quote), what and how
    to fix, in Chinese. ``paragraph`` is the 1-based paragraph number (None: the whole file, as
    for page layout); ``line`` the source line of .txt/.md input."""

    rule: str
    severity: Severity
    paragraph: int | None
    quote: str
    message: str
    fix: str
    line: int | None = None

    def location(self) -> str:
        """Return "第12段（第30行）" or "全文"."""
        if self.paragraph is None:
            return "全文"
        where = f"第{self.paragraph}段"
        return f"{where}（第{self.line}行）" if self.line is not None else where


def excerpt(text: str, start: int, end: int, context: int = 6) -> str:
    """Return the text from start to end with a few characters either side, "…" where cut."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


@dataclass(frozen=True)
class Report:
    """Every finding of one draft, ordered by position then severity, and the rules that were
    switched off (``ignored``), which the report names so that a clean result is not misread."""

    source: str
    findings: tuple[Finding, ...]
    ignored: tuple[str, ...] = ()

    @classmethod
    def build(cls, source: str, findings: list[Finding], ignored: tuple[str, ...] = ()) -> Report:
        """Return a report with the findings sorted (whole-file findings last)."""
        ordered = sorted(findings, key=lambda f: (
            f.paragraph is None, f.paragraph or 0, _ORDER[f.severity], f.rule))
        return cls(source, tuple(ordered), tuple(ignored))

    @property
    def exit_code(self) -> int:
        """Return 1 when there is an error or a warning, else 0 (提示 alone passes)."""
        return int(any(f.severity != "info" for f in self.findings))

    def counts(self) -> Counter[str]:
        return Counter(f.severity for f in self.findings)

    def to_json(self) -> dict:
        """Return the report as a JSON-ready dict."""
        return {
            "file": self.source,
            "ok": self.exit_code == 0,
            "counts": {k: self.counts().get(k, 0) for k in ("error", "warning", "info")},
            "findings": [asdict(f) for f in self.findings],
            "ignored": list(self.ignored),
        }

    def render(self) -> str:
        """Return the report as Chinese text, one finding per block."""
        skipped = [f"未检查的规则：{'、'.join(self.ignored)}。"] if self.ignored else []
        if not self.findings:
            return "\n".join([f"{self.source}：未发现问题。", *skipped])
        lines: list[str] = []
        for finding in self.findings:
            lines.append(f"{finding.location()} [{SEVERITY_ZH[finding.severity]}] {finding.rule}："
                         f"{finding.message}")
            if finding.quote:
                lines.append(f"    原文：{finding.quote}")
            lines.append(f"    修改：{finding.fix}")
        counts = self.counts()
        summary = "，".join(f"{SEVERITY_ZH[k]}{counts[k]}处" for k in ("error", "warning", "info")
                           if counts.get(k))
        lines.append(f"{self.source}：共发现{len(self.findings)}处问题（{summary}）。")
        return "\n".join([*lines, *skipped])
