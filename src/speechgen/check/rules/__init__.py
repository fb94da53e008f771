"""The text rules: one module per rule family (placeholders, numbering, punctuation, dates)."""

from speechgen.check.rules.dates import check_dates
from speechgen.check.rules.numbering import check_numbering
from speechgen.check.rules.placeholders import check_charset, check_placeholders
from speechgen.check.rules.punctuation import check_punctuation

__all__ = ["check_charset", "check_dates", "check_numbering", "check_placeholders", "check_punctuation"]
