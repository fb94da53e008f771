"""Observations: every statement a draft may make, computed from the Facts as values with a
polarity and a salience (docs/compose.md); passages need them, the plan orders them."""

from speechgen.compose.observe.gather import observe
from speechgen.compose.observe.projects import rest_of
from speechgen.compose.observe.schema import DOCUMENT_NAMES, NAMES, RECORDS, NameSpec, RecordSpec, guaranteed
from speechgen.compose.observe.types import NO_LOCAL, Local, Observation, Observations

__all__ = [
    "DOCUMENT_NAMES", "NAMES", "NO_LOCAL", "RECORDS", "Local", "NameSpec", "Observation", "Observations",
    "RecordSpec", "guaranteed", "observe", "rest_of",
]
