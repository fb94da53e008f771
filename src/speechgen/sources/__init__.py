"""sources stage: the only reader of user files — 项目台账 and 会议信息 → Dossier."""

from speechgen.sources.dossier import read_dossier
from speechgen.sources.ledger import Ledger, read_ledger
from speechgen.sources.meeting import read_meeting

__all__ = ["Ledger", "read_dossier", "read_ledger", "read_meeting"]
