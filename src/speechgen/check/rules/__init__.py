"""The text rules: one module per rule family (placeholders, numbering, punctuation, dates,
sentences cut across paragraphs; praise and people against the ledger)."""

from speechgen.check.rules.dates import check_dates
from speechgen.check.rules.numbering import check_numbering
from speechgen.check.rules.people import check_people
from speechgen.check.rules.placeholders import check_charset, check_placeholders
from speechgen.check.rules.praise import check_praise
from speechgen.check.rules.punctuation import check_punctuation
from speechgen.check.rules.sentences import check_sentences

__all__ = ["check_charset", "check_dates", "check_numbering", "check_people", "check_placeholders", "check_praise",
           "check_punctuation", "check_sentences"]
