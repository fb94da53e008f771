"""Praise of a unit the ledger shows behind (praise-behind, with --data): "走在前列""希望继续
保持""提出表扬" said of a 县区 whose 完成率 is below 时序进度, or of a project on the laggard list —
the failure that makes a draft untrustworthy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from speechgen.check.draft import Draft
from speechgen.check.findings import Finding, excerpt
from speechgen.facts import UNFILLED, Facts, group_facts
from speechgen.zh import compare_phrase, format_percent

_PRAISE = re.compile(r"走在(?:了)?(?:全[市县区省])?(?:前列|前面|前头)|名列前茅|位居前列|排在前列|表现突出|"
                     r"成效(?:明显|显著)|值得(?:肯定|表扬|学习)|(?:提出|予以|给予|通报)?表扬|"
                     r"(?:希望|要)?继续保持|可圈可点|进度较快|进展较快|势头(?:良好|强劲)|领跑")
# Words before the praise that make it a wish or a denial, not praise: "力争走在前列", "没有走在前列".
_NOT_PRAISE = re.compile(r"(?:没有|没|未|不|尚未|还未|离|力争|争取|努力|争当|确保|必须|要)$")
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")
_CLAUSE = re.compile(r"[，,：:]")
_BARE_SUBJECT = 4  # "希望", "也要", "我们希望": no subject of its own


@dataclass(frozen=True)
class Behind:
    """A unit (or project) the ledger shows behind, and how it is behind, in words."""

    name: str
    standing: str  # "完成率30.2%，落后时序进度11.5个百分点"


def check_praise(draft: Draft) -> Iterator[Finding]:
    """Yield a praise-behind finding for every unit or project praised while the ledger shows it
    behind (nothing without --data)."""
    if draft.facts is None:
        return
    behind = _behind(draft.facts)
    if not behind:
        return
    # Every unit and project name: praise is about the ones named nearest it, ahead or behind.
    every = ({group.key for group in draft.facts.by_district} | {p.name for p in draft.facts.projects}
             | {p.owner for p in draft.facts.projects} | set(behind))
    names = re.compile("|".join(re.escape(name) for name in sorted(every, key=len, reverse=True)))
    debris = set(draft.structure.debris)
    for index in draft.structure.content():
        if index in debris:
            continue
        text = draft.structure.texts[index]
        sentences = [(m.start(), m.group()) for m in _SENTENCE.finditer(text)]
        for number, (start, sentence) in enumerate(sentences):
            for praise in _PRAISE.finditer(sentence):
                if _NOT_PRAISE.search(sentence[: praise.start()]):
                    continue
                # "继续保持" reaches back to the sentence before only when it has no subject of its
                # own ("希望继续保持", not "快于时序进度的地方，要继续保持")
                own = _CLAUSE.sub("", sentence[: praise.start()]).strip()
                reach = number and praise.group().endswith("继续保持") and len(own) <= _BARE_SUBJECT
                earlier = sentences[number - 1][1] if reach else ""
                praised = _praised(sentence, praise, names) or _praised(earlier, None, names)
                for name in (name for name in praised if name in behind):
                    at = start + praise.start()
                    quote = excerpt(text, at, at + len(praise.group()), 10)
                    yield draft.finding("praise-behind", "error", index, quote,
                                        f"称赞了{name}（“{praise.group()}”），但台账中{name}{behind[name].standing}",
                                        f"删去对{name}的称赞，或改为指出差距、提出要求")


def _behind(facts: Facts) -> dict[str, Behind]:
    """Return what the ledger shows behind 时序进度, by name: the whole (全市), the 县区, the
    责任单位 of two projects or more, and the projects on the laggard list."""
    groups = [facts.overall, *facts.by_district]
    if facts.group_by is None:
        groups += [g for g in group_facts(facts, "owner") if g.key != UNFILLED and g.projects > 1]
    out = {group.key: Behind(group.key, _standing(group.completion_rate, group.gap_points))
           for group in groups if group.gap_points is not None and group.gap_points < 0}
    for laggard in facts.laggards:
        if laggard.gap_points is not None and laggard.gap_points < 0:
            standing = _standing(laggard.completion_rate, laggard.gap_points)
        else:
            standing = "已过计划开工时间仍未开工"
        out.setdefault(laggard.project.name, Behind(laggard.project.name, standing))
    return out


def _standing(rate: Decimal | None, gap: Decimal) -> str:
    return f"完成率{format_percent(rate)}，{compare_phrase(gap)}"


def _praised(sentence: str, praise: re.Match[str] | None, names: re.Pattern[str]) -> list[str]:
    """Return the names the praise is about: those of the nearest clause before it that names
    any (else those after it in the sentence); with no praise match, every name of sentence."""
    if praise is None:
        return list(dict.fromkeys(m.group() for m in names.finditer(sentence)))
    before = sentence[: praise.start()]
    for clause in reversed(_CLAUSE.split(before)):
        found = [m.group() for m in names.finditer(clause)]
        if found:
            return list(dict.fromkeys(found))
    return list(dict.fromkeys(m.group() for m in names.finditer(sentence, praise.end())))
