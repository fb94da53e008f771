"""The Report that collects every Problem found while reading one input file."""

from __future__ import annotations

from dataclasses import dataclass, field

from speechgen.errors import InputError, Problem, Severity


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
        """Return the problems that are only warnings."""
        return [p for p in self.problems if p.severity == "warning"]

    def raise_errors(self) -> None:
        """Raise InputError with every error so far, if there is any."""
        if self.errors:
            raise InputError(self.errors)
