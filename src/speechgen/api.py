"""One function per use case; the CLI and the web app call only these."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from speechgen import facts
from speechgen.errors import InputError, Problem
from speechgen.facts import DEFAULT_LAG_THRESHOLD, Facts, GroupBy, GroupFacts
from speechgen.model import Dossier

if TYPE_CHECKING:
    from speechgen.check import Outline, Report


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


# ── outline and check: read an existing draft (issue 5) ─────────────────────────────────────


def outline(source: Path) -> Outline:
    """Return the outline (title, salutation, parts with their points, closing) of a .txt
    (UTF-8/GBK), .docx or dialect .md draft. Raises InputError when the file cannot be read."""
    from speechgen.check import outline_source, read_source

    return outline_source(read_source(_existing_file(Path(source))))


def check(source: Path, *, data: Path | None = None, meeting: Path | None = None) -> Report:
    """Return the findings of every check rule on a .txt, .docx or .md draft; with a ledger and
    a meeting file, also trace every figure to the Facts. Raises InputError on unusable input."""
    from speechgen.check import check_source, read_source

    if (data is None) != (meeting is None):
        raise InputError(Problem("核对数字需要同时给出 --data 台账 和 --meeting 会议信息",
                                 hint="两个都给，或都不给（不核对数字）"))
    draft = read_source(_existing_file(Path(source)))
    computed = compute_facts(data, meeting) if data is not None and meeting is not None else None
    return check_source(draft, facts=computed)


def _existing_file(path: Path) -> Path:
    if not path.is_file():
        what = "是一个文件夹，不是文件" if path.is_dir() else "文件不存在"
        raise InputError(Problem(what, file=str(path), hint="请检查路径和文件名"))
    return path
