"""A leader named bare in a speech (leader-untitled, with --data): a name from the ledger's 包保领导
column with no title before or after it ("吴敏" where a speaker says "吴敏同志", "赵文清" for
"赵文清副市长"). A bulletin or notice may print the names as the ledger has them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from speechgen.check.draft import Draft
from speechgen.check.findings import Finding, excerpt
from speechgen.zh.people import SPOKEN_ROLES, split_person, spoken_person

_AFTER = ("同志", "（", "(", *SPOKEN_ROLES)
_SPEECH_SALUTATION = re.compile(r"同志们|各位|朋友们|代表们")


def check_people(draft: Draft) -> Iterator[Finding]:
    """Yield a leader-untitled finding for each bare mention of a 包保领导 in a speech."""
    if draft.facts is None or not _is_speech(draft):
        return
    leaders: dict[str, str] = {}  # name → the ledger's value ("赵文清（副市长）")
    titles: dict[str, str] = {}
    for project in draft.facts.projects:
        name, title = split_person(project.leader)
        if len(name) >= 2:
            leaders.setdefault(name, project.leader or name)
            titles.setdefault(name, title) if title else None
    if not leaders:
        return
    pattern = re.compile("|".join(re.escape(name) for name in sorted(leaders, key=len, reverse=True)))
    debris = set(draft.structure.debris)
    for index in draft.structure.content():
        if index in debris:
            continue
        text = draft.structure.texts[index]
        for match in pattern.finditer(text):
            name = match.group()
            if _titled(text, match, titles.get(name, "")):
                continue
            spoken = spoken_person(leaders[name])
            yield draft.finding("leader-untitled", "error", index, excerpt(text, match.start(), match.end()),
                                f"讲话稿中直呼领导姓名“{name}”，没有职务或“同志”",
                                f"讲话中称“{spoken}”")


def _titled(text: str, match: re.Match[str], title: str) -> bool:
    """Return True when a title (or 同志) stands right after the name, or a title right before
    it ("副市长赵文清", "市委常委、常务副市长陈立华")."""
    if text.startswith(_AFTER, match.end()) or (bool(title) and text.startswith(title, match.end())):
        return True
    before = text[: match.start()]
    return before.endswith(SPOKEN_ROLES) or (bool(title) and before.endswith(title))


def _is_speech(draft: Draft) -> bool:
    """Return True for a speech: the dialect says so, or a plain draft opens with a salutation."""
    if draft.source.kind is not None:
        return draft.source.kind == "speech"
    salutation = draft.structure.salutation
    return salutation is not None and bool(_SPEECH_SALUTATION.search(draft.structure.texts[salutation]))
