"""sources stage: the only reader of user files — 项目台账 and 会议信息 → Dossier, from a path or from bytes."""

from speechgen.sources.dossier import parse_dossier, read_dossier, read_dossier_files
from speechgen.sources.files import read_input
from speechgen.sources.ledger import Ledger, parse_ledger, read_ledger
from speechgen.sources.meeting import parse_meeting, read_meeting
from speechgen.sources.previous import parse_previous

__all__ = ["Ledger", "parse_dossier", "parse_ledger", "parse_meeting",
           "parse_previous", "read_dossier", "read_dossier_files",
           "read_input", "read_ledger", "read_meeting"]
