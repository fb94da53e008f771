"""speechgen batch: one document per 县区 / 责任单位 / 包保领导 / project — planned, made in a local
process pool, each written atomically, listed in a manifest as the run goes, zipped or merged."""

from speechgen.batch.groups import ONLY_LABELS, PER_LABELS, Only, Per, parse_shard
from speechgen.batch.naming import DEFAULT_PATTERN, NAME_FIELDS
from speechgen.batch.request import BatchRequest, BatchSummary, Progress
from speechgen.batch.run import run_batch

__all__ = [
    "DEFAULT_PATTERN",
    "NAME_FIELDS",
    "ONLY_LABELS",
    "PER_LABELS",
    "BatchRequest",
    "BatchSummary",
    "Only",
    "Per",
    "Progress",
    "parse_shard",
    "run_batch",
]
