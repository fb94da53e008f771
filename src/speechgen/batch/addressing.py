"""Who each document of a batch is addressed to (主送), and the meeting as that document sees it.

Two kinds of per-group document:

- a document *to* the group — a 督查通知, 督办通知 or 督办单 to one 县区, 责任单位 or 包保领导, and a
  通报 or 讲话稿 about one 责任单位 or 包保领导: issued by the meeting's 发文机关, 主送 the group.
  meeting.yaml's ``addressees`` names the 主送 of a group; otherwise 青河县 → 青河县人民政府,
  高新区 → 高新区管委会 (a development zone has a 管委会, not a 人民政府), a 责任单位 as written,
  a 包保领导 "王建国（副市长）" → 王建国副市长办公室, a project → its 责任单位.
- a 县区's own 通报 or 讲话稿 (``--per district``): the county speaks to its own 乡镇 and 部门, so
  the meeting is re-levelled — region 青河县, level 县 (全县), the 发文机关 and 主送 of a county —
  and nothing of the city's (讲话人, 汇报单位, 抄送, 联系人) is carried over.
"""

from __future__ import annotations

import re

from speechgen.batch.groups import Group
from speechgen.model import Level, Meeting

# Names of development zones, which are run by a 管委会 (management committee), not a 人民政府.
ZONE_WORDS = ("高新区", "开发区", "经开区", "新区", "园区", "示范区", "试验区", "保税区", "合作区", "管理区")
COUNTY_KINDS = ("speech", "bulletin")  # per district, these are the county's own documents
_NAME_WITH_TITLE = re.compile(r"^\s*([^（(]+?)\s*[（(]([^）)]+)[）)]\s*$")
# The 主送 of a county's own document, by what the county is (Meeting.addressee_or_default covers 县 and 区).
_COUNTY_CITY_ADDRESSEE = "各乡（镇）人民政府、街道办事处，市直有关单位"
_ZONE_ADDRESSEE = "各有关部门，各有关单位"


def is_zone(name: str) -> bool:
    """Return True for a development zone's name (高新区, 经开区, 临港新区 …)."""
    return any(word in name for word in ZONE_WORDS)


def default_addressee(group: Group) -> str:
    """Return the usual 主送 of a document to the group (see the module docstring)."""
    if group.per == "project" and group.project is not None:
        return group.project.owner
    if group.per == "district":
        return f"{group.key}管委会" if is_zone(group.key) else f"{group.key}人民政府"
    if group.per == "leader":
        match = _NAME_WITH_TITLE.match(group.key)
        return f"{match.group(1)}{match.group(2)}办公室" if match else f"{group.key}同志"
    return group.key


def addressee_for(meeting: Meeting, group: Group) -> str:
    """Return the group's 主送: meeting.yaml's ``addressees`` entry for it, else the usual one."""
    return meeting.addressees.get(group.key) or default_addressee(group)


def is_county_document(group: Group, kind: str) -> bool:
    """Return True when the document is the 县区's own (its 通报 or 讲话稿, ``--per district``)."""
    return group.per == "district" and kind in COUNTY_KINDS


def document_meeting(meeting: Meeting, group: Group, kind: str) -> Meeting:
    """Return the meeting as the group's document sees it: 主送 the group, or — a county's own
    document — the county's meeting. The 发文字号 is never the meeting file's one (a batch numbers
    its documents with --number-from, or leaves them unnumbered)."""
    if is_county_document(group, kind):
        return county_meeting(meeting, group.key)
    return meeting.model_copy(update={"doc_number": None, "doc_numbers": {},
                                      "addressee": addressee_for(meeting, group)})


def county_level(name: str) -> Level:
    """Return the level a 县区 speaks at: 县 (…县, …旗), 市 (a county-level city), else 区."""
    if name.endswith(("县", "旗")):
        return "县"
    if name.endswith("市"):
        return "市"
    return "区"


def county_meeting(meeting: Meeting, county: str) -> Meeting:
    """Return the meeting of a county's own document (see the module docstring)."""
    level = county_level(county)
    addressee = None
    if is_zone(county):
        addressee = _ZONE_ADDRESSEE
    elif level == "市":
        addressee = _COUNTY_CITY_ADDRESSEE
    return meeting.model_copy(update={
        "region": county,
        "level": level,
        "meeting": _county_meeting_name(meeting, county, level),
        "speaker": None,
        "reporters": (),
        "issuer": None,
        "doc_number": None, "doc_numbers": {}, "authorized_by": None,
        "addressee": addressee,
        "cc": None,
        "printer": f"{county}重点项目建设领导小组办公室" if meeting.printer else None,
        "contact": None,
        "addressees": {},
    })


def _county_meeting_name(meeting: Meeting, county: str, level: Level) -> str:
    """Return 全县重点项目调度会 for 全市重点项目调度会, 青河县… for 示例市…; other names as they are."""
    name = meeting.meeting
    if name.startswith(meeting.scope):
        return f"全{level}{name[len(meeting.scope):]}"
    if name.startswith(meeting.region):
        return county + name[len(meeting.region):]
    return name
