"""One function per use case; the CLI and the web app call only these."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from speechgen import facts
from speechgen.facts import DEFAULT_LAG_THRESHOLD, Facts, GroupBy, GroupFacts
from speechgen.model import Dossier


def load_dossier(data: Path, meeting: Path) -> Dossier:
    """Return the Dossier of a 项目台账 file and a meeting file (raises InputError, all problems at once)."""
    from speechgen.sources import read_dossier

    return read_dossier(Path(data), Path(meeting))


def compute_facts(data: Path, meeting: Path, *, lag_threshold: Decimal = DEFAULT_LAG_THRESHOLD) -> Facts:
    """Return the Facts (every figure: 时序进度, rates, ranks, 滞后项目, 问题分类) of a 项目台账
    and a meeting file; ``lag_threshold`` in 百分点. Raises InputError on bad input."""
    return facts.compute_facts(load_dossier(data, meeting), lag_threshold=lag_threshold)


def group_facts(source: Facts | Dossier, by: GroupBy) -> tuple[GroupFacts, ...]:
    """Return the ranked figures per 县区/责任单位/包保领导/建设性质/产业类别 (see facts.group_facts)."""
    return facts.group_facts(source, by)


def facts_to_json(computed: Facts, by: GroupBy | None = None) -> str:
    """Return the Facts as JSON text, schema speechgen-facts/1 (see speechgen.facts.jsonout)."""
    return facts.facts_to_json(computed, by)
