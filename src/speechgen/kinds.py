"""The kinds of document speechgen drafts: their names in code, what users may type for them, and
how each is called in print (file names, messages, the manifest)."""

from __future__ import annotations

from typing import Literal

DocKind = Literal["speech", "bulletin", "notice", "supervision", "sheet"]

KIND_LABELS: dict[str, str] = {
    "speech": "讲话稿",
    "bulletin": "通报",
    "notice": "督查通知",
    "supervision": "督办通知",
    "sheet": "督办单",
}

# What a user may type on the command line for each kind (English or Chinese), for generate and batch.
KIND_ALIASES: dict[str, str] = {
    "speech": "speech", "讲话": "speech", "讲话稿": "speech",
    "bulletin": "bulletin", "通报": "bulletin",
    "notice": "notice", "通知": "notice", "督查通知": "notice",
    "supervision": "supervision", "督办通知": "supervision", "督办": "supervision",
    "sheet": "sheet", "督办单": "sheet",
}


def kind_choices(kinds: tuple[str, ...] = tuple(KIND_LABELS)) -> str:
    """Return "speech（讲话稿）、bulletin（通报）…" for messages and help."""
    return "、".join(f"{kind}（{KIND_LABELS[kind]}）" for kind in kinds)
