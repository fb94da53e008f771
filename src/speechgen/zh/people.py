"""People as documents name them: 包保领导 "赵文清（副市长）" is written 副市长赵文清 and spoken
赵文清副市长; a name without a title is spoken 吴敏同志; the speaker line "市长 李明远"."""

from __future__ import annotations

import re

_NAME_WITH_TITLE = re.compile(r"^\s*([^（(]+?)\s*[（(]([^）)]+)[）)]\s*$")
# The part of a title a speaker says after a name ("陈立华常务副市长", not "陈立华市委常委、常务副
# 市长"): the last title, cut to the longest of these endings it has; longest first.
SPOKEN_ROLES = (
    "常务副市长", "常务副县长", "常务副区长", "副秘书长", "副市长", "副县长", "副区长", "副镇长", "副乡长",
    "副书记", "副主任", "副主席", "副部长", "副局长", "秘书长", "市长", "县长", "区长", "镇长", "乡长",
    "书记", "主任", "主席", "部长", "局长", "常委",
)


def split_person(text: str | None) -> tuple[str, str]:
    """Return (name, title) of "赵文清（副市长）"; ("吴敏", "") without a title; ("", "") for none."""
    value = (text or "").strip()
    match = _NAME_WITH_TITLE.match(value)
    return (match.group(1).strip(), match.group(2).strip()) if match else (value, "")


def written_person(text: str | None) -> str:
    """Return "副市长赵文清" (title before the name, as inside brackets or a list), "吴敏" alone."""
    name, title = split_person(text)
    return title + name


def spoken_title(title: str) -> str:
    """Return what is said after a name: "市委常委、常务副市长" → 常务副市长, "市人大常委会副主任"
    → 副主任; "" for no title."""
    last = re.split(r"[、，,]", title.strip())[-1].strip() if title.strip() else ""
    return next((role for role in SPOKEN_ROLES if last.endswith(role)), last)


def spoken_person(text: str | None) -> str:
    """Return the person as a speech says it: "赵文清副市长", "吴敏同志" (no title); "" for none."""
    name, title = split_person(text)
    if not name:
        return ""
    return name + (spoken_title(title) or "同志")


def speaker_name(speaker: str | None) -> str:
    """Return the name in a speaker line: "市委副书记、市长 李明远" → 李明远, "李明（市长）" → 李明."""
    value = (speaker or "").strip()
    if not value:
        return ""
    name, title = split_person(value)
    if title:
        return name
    return re.split(r"\s+", value)[-1]
