"""The Report that collects every Problem found while reading one input file."""

from __future__ import annotations

from dataclasses import dataclass, field

from speechgen.errors import InputError, Problem, Severity
from speechgen.sources.limits import MAX_LISTED_PROBLEMS


@dataclass
class Report:
    """Problems of one file, in the order found; raised together by ``raise_errors``."""

    file: str
    sheet: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        message: str,
        *,
        row: int | None = None,
        column: str | None = None,
        hint: str | None = None,
        severity: Severity = "error",
    ) -> None:
        """Record one problem located in this report's file and sheet."""
        self.problems.append(
            Problem(message, file=self.file, sheet=self.sheet, row=row, column=column, hint=hint,
                    severity=severity)
        )

    def warn(self, message: str, *, row: int | None = None, column: str | None = None,
             hint: str | None = None) -> None:
        """Record a warning: the input is usable, but a person should look at it."""
        self.add(message, row=row, column=column, hint=hint, severity="warning")

    @property
    def errors(self) -> list[Problem]:
        """Return the problems that stop the input from being used."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Return the problems that are only warnings (the first MAX_LISTED_PROBLEMS, then a count)."""
        return self._listed([p for p in self.problems if p.severity == "warning"], "warning")

    def raise_errors(self) -> None:
        """Raise InputError with every error so far (the first MAX_LISTED_PROBLEMS, then a count)."""
        if self.errors:
            raise InputError(self._listed(self.errors, "error"))

    def _listed(self, problems: list[Problem], severity: Severity) -> list[Problem]:
        """Return problems cut to MAX_LISTED_PROBLEMS, the last line saying how many were left out:
        a file wrong on every one of 50,000 rows needs fixing at its cause, not a screen per row."""
        if len(problems) <= MAX_LISTED_PROBLEMS:
            return problems
        more = len(problems) - MAX_LISTED_PROBLEMS
        what = "问题" if severity == "error" else "警告"
        return [*problems[:MAX_LISTED_PROBLEMS],
                Problem(f"另有{more}处{what}没有列出（共{len(problems)}处）", file=self.file, sheet=self.sheet,
                        hint="请先改正上面列出的，多半是同一个原因；改好后再运行一次", severity=severity)]
