"""The units of a ledger's 县区 column by kind — 县/市/区, 乡镇/街道, 开发区/高新区/经开区/园区 —
and the collective nouns documents call them by ("各县区和高新区", "各县（区）和高新区")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from speechgen.zh.enums import join_zh

UnitKind = Literal["zone", "town", "county", "other"]
# A zone is tried first: 高新区 and 经济开发区 end in 区 but are no 县级区.
ZONE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("高新技术产业开发区", "高新区"), ("经济技术开发区", "经开区"), ("经济开发区", "经开区"), ("高新区", "高新区"),
    ("经开区", "经开区"), ("开发区", "开发区"), ("工业园区", "园区"), ("产业园区", "园区"), ("园区", "园区"),
)
TOWN_ENDINGS: tuple[tuple[str, str], ...] = (("街道办事处", "街道"), ("街道", "街道"), ("镇", "镇"), ("乡", "乡"),
                                              ("苏木", "乡"))
COUNTY_ENDINGS: tuple[tuple[str, str], ...] = (("县", "县"), ("旗", "县"), ("市", "市"), ("区", "区"))


def unit_kind(name: str) -> tuple[UnitKind, str]:
    """Return the kind of a unit and its word: ("zone", "高新区"), ("town", "镇"), ("county", "县")."""
    text = name.strip()
    for kind, endings in (("zone", ZONE_ENDINGS), ("town", TOWN_ENDINGS), ("county", COUNTY_ENDINGS)):
        for ending, word in endings:
            if text.endswith(ending):
                return kind, word  # type: ignore[return-value]
    return "other", ""


def _county_noun(words: set[str], written: bool) -> str:
    if words == {"县"}:
        return "县"
    if words == {"区"}:
        return "区"
    if not written:
        return "县区" if "市" not in words else "县市区"
    inner = [w for w in ("市", "区") if w in words]
    head = "县" if "县" in words else inner.pop(0)
    return head + (f"（{'、'.join(inner)}）" if inner else "")


def _town_noun(words: set[str], written: bool) -> str:
    towns = "乡镇" if {"乡", "镇"} <= words else ("镇" if "镇" in words else ("乡" if "乡" in words else ""))
    if "街道" not in words:
        return towns
    if not towns:
        return "街道"
    return f"{towns}（街道）" if written else f"{towns}街道"


def _zone_noun(words: set[str]) -> str:
    return words.pop() if len(words) == 1 else "开发区"


def kind_nouns(names: Sequence[str], *, written: bool = False) -> list[str]:
    """Return the nouns of the kinds present, county first: ["县区", "高新区"] for 东城区, 南山县, 高新区
    (spoken); ["县（区）", "高新区"] written. Units of no known kind add "有关单位"."""
    by_kind: dict[str, set[str]] = {}
    for name in names:
        kind, word = unit_kind(name)
        by_kind.setdefault(kind, set()).add(word)
    nouns = []
    if "county" in by_kind:
        nouns.append(_county_noun(by_kind["county"], written))
    if "town" in by_kind:
        nouns.append(_town_noun(by_kind["town"], written))
    if "zone" in by_kind:
        nouns.append(_zone_noun(set(by_kind["zone"])))
    if "other" in by_kind:
        nouns.append("有关单位")
    return nouns


def collective(names: Sequence[str], *, written: bool = False) -> str:
    """Return how a document addresses all the units: "各县区和高新区", "各乡镇和开发区",
    "各县（市、区）和开发区" (written); two units or fewer are named ("城关镇和青山经开区")."""
    if len(names) <= 2:
        return join_zh(list(names))
    return "各" + join_zh(kind_nouns(names, written=written))


def count_phrase(members: Sequence[str], all_names: Sequence[str], *, written: bool = False) -> str:
    """Return the subject of a sentence about some units: "4个县区" when they are of one kind,
    their names when few or mixed ("高新区和东城区"), "5个地方" when many of several kinds."""
    nouns = kind_nouns(members, written=written)
    if len(members) <= 3 or (len(nouns) > 1 and len(members) <= 4):
        return join_zh(list(members))
    if len(nouns) == 1 and nouns[0] != "有关单位":
        return f"{len(members)}个{nouns[0]}"
    return f"{len(members)}个{'单位' if written else '地方'}"


def unit_noun(all_names: Sequence[str], *, written: bool = False) -> str:
    """Return one noun for the units in general: "县区", "乡镇", "县区和高新区" (for "各…之间")."""
    return join_zh(kind_nouns(all_names, written=written))


def district_label(names: Sequence[str]) -> str:
    """Return what a table calls the ledger's 县区 column: "乡镇（街道）" for a 县-level ledger whose
    units are towns (and zones), "县区" otherwise."""
    kinds = {unit_kind(name)[0] for name in names}
    return "乡镇（街道）" if "town" in kinds and "county" not in kinds else "县区"


def addressee_line(names: Sequence[str], level: str) -> str:
    """Return the usual 主送 of a bulletin or notice to the units of a ledger, without the colon:
    a city's counties and, when some units are development zones, their 管委会 ("各县（市、区）
    人民政府、开发区管委会，市直有关单位"); a county's 乡镇 and 街道 ("各乡（镇）人民政府、街道办事处，
    县直有关单位"), a 区's 街道 first."""
    kinds = {unit_kind(name)[0] for name in names}
    zone_words = sorted({unit_kind(name)[1] for name in names if unit_kind(name)[0] == "zone"})
    zones = ("、" + ("、".join(zone_words) if len(zone_words) == 1 else "开发区") + "管委会") if "zone" in kinds else ""
    if level == "市":
        return f"各县（市、区）人民政府{zones}，市直有关单位"
    if level == "区":
        return f"各街道办事处、乡（镇）人民政府{zones}，区直有关单位"
    return f"各乡（镇）人民政府、街道办事处{zones}，县直有关单位"
