"""The seeded chooser: one passage per request among those whose conditions hold, never twice."""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import jinja2

from speechgen.compose.context import FIGURE_KEYS
from speechgen.compose.env import RENDER_ERRORS, SnippetRenderError, compile_text, translate_jinja_message
from speechgen.compose.flags import SEASON_FLAGS
from speechgen.compose.library import KIND_LABELS, Passage, SnippetLibrary
from speechgen.compose.sandbox import TemplateSandbox, render_guarded
from speechgen.errors import Problem, TemplateError

# Once a figure (e.g. the gap to 时序进度) or the list of lagging projects has been printed, passages
# that would print it again are avoided while others remain.
FIGURE_BUDGET = 1
SPECIFIC_WEIGHT = 2  # a passage written for the facts at hand is twice as likely as a generic one


@dataclass(frozen=True)
class Picked:
    """A rendered passage and the context names its text used."""

    id: str
    text: str
    names: frozenset[str]


def stable_seed(*parts: object) -> int:
    """Return a 64-bit integer from the parts' text via sha256 — the same on every run and
    Python version (str hash() is salted per process)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


class Chooser:
    """Picks and renders passages for one document.

    Each role (and each ``vary`` key) has its own ``random.Random`` seeded from (seed, document
    kind, group key, role), so adding a passage to one role does not reshuffle the others.
    """

    def __init__(
        self,
        library: SnippetLibrary,
        env: TemplateSandbox,
        context: dict[str, Any],
        flags: frozenset[str],
        *,
        kind: str,
        seed: int,
        group_key: str = "",
    ):
        self.library = library
        self.env = env
        self.context = context
        self.flags = flags
        self.kind = kind
        self.seed = seed
        self.group_key = group_key
        self.used: set[str] = set()
        self.mentions: Counter[str] = Counter()
        self._rngs: dict[str, random.Random] = {}

    def rng(self, key: str) -> random.Random:
        """Return the random stream of one role or key."""
        if key not in self._rngs:
            self._rngs[key] = random.Random(stable_seed(self.seed, self.kind, self.group_key, key))
        return self._rngs[key]

    def candidates(self, role: str) -> list[Passage]:
        """Return the unused passages of a role that apply to this document."""
        return [p for p in self.library.matching(role, self.kind, self.flags) if p.id not in self.used]

    def has(self, role: str) -> bool:
        """Return True when pick(role) would find a passage."""
        return bool(self.candidates(role))

    def mention(self, *names: str) -> str:
        """Record that the template printed these context figures; return "" (for templates)."""
        self.mentions.update({FIGURE_KEYS[n] for n in names if n in FIGURE_KEYS})
        return ""

    @staticmethod
    def topics(passage: Passage) -> set[str]:
        """Return what the passage repeats if used twice: its figures, and its season (a remark
        on the time of year, such as the summer building season, is made once)."""
        found = {FIGURE_KEYS[n] for n in passage.names if n in FIGURE_KEYS}
        return found | {"season" for flag in passage.when if flag in SEASON_FLAGS}

    def repeats(self, passage: Passage) -> int:
        """Return how many of the passage's topics have been said FIGURE_BUDGET times already."""
        return sum(self.mentions[topic] >= FIGURE_BUDGET for topic in self.topics(passage))

    def choose(self, role: str, avoid: Sequence[str] = ()) -> Passage:
        """Return a passage of ``role`` (marked used); TemplateError when none applies.

        Among the applicable passages, those without the ``avoid`` phrases (words the document
        has just said, such as "刚才") and repeating the fewest figures already printed
        (FIGURE_BUDGET) are kept; one of them is drawn, weighted towards specific passages.
        """
        found = self.candidates(role)
        if not found:
            raise self.no_passage(role)
        found = [p for p in found if not any(phrase in p.text for phrase in avoid)] or found
        least = min(self.repeats(p) for p in found)
        pool = [p for p in found if self.repeats(p) == least]
        passage = self.weighted(role, pool)
        self.used.add(passage.id)
        self.mentions.update(self.topics(passage))
        return passage

    def no_passage(self, role: str) -> TemplateError:
        flags = "、".join(sorted(self.flags)) or "（无）"
        total = len(self.library.for_role(role))
        if total == 0:
            message = f"片段库中没有角色“{role}”"
            hint = "请检查模板中 pick() 的角色名，或用 --snippets 提供该角色的 YAML 文件"
        else:
            kind = KIND_LABELS.get(self.kind, self.kind)
            message = (f"角色“{role}”的 {total} 个段落中没有适用于本文稿的（文稿类型：{kind}；"
                       f"当前条件：{flags}；已用过的不再重复）")
            hint = "请为该角色补充条件更宽的段落（去掉 when/unless 即在任何情况下适用）"
        return TemplateError(Problem(message=message, hint=hint))

    def render(self, passage: Passage, text: str | None = None) -> str:
        """Return the passage's text rendered with the context."""
        try:
            return render_guarded(compile_text(self.env, passage.text if text is None else text), self.context)
        except (*RENDER_ERRORS, jinja2.TemplateError) as error:
            line = f"第{passage.line}行" if passage.line else ""
            raise SnippetRenderError(
                f"片段 {passage.id}（{passage.file}{line}）出错：{translate_jinja_message(str(error))}"
            ) from None

    def weighted(self, role: str, pool: Sequence[Passage]) -> Passage:
        """Return one passage, those written for the situation (with ``when`` flags) weighted
        SPECIFIC_WEIGHT times a passage that fits any situation."""
        weights = [SPECIFIC_WEIGHT if p.when else 1 for p in pool]
        point = self.rng(role).randrange(sum(weights))
        for passage, weight in zip(pool, weights, strict=True):
            if point < weight:
                return passage
            point -= weight
        raise AssertionError("unreachable")

    def pick(self, role: str, avoid: Sequence[str] = ()) -> str:
        """Return the rendered text of one passage of ``role`` (preferring one without the
        ``avoid`` phrases)."""
        return self.render(self.choose(role, avoid))

    def pick_passage(self, role: str) -> Picked:
        """Return one passage of ``role`` rendered, with the context names it used (so a template
        can leave out what the passage already says)."""
        passage = self.choose(role)
        return Picked(passage.id, self.render(passage), passage.names)

    def pick_point(self, role: str) -> tuple[str, str]:
        """Return (lead, text) of one passage of a sub-point role."""
        passage = self.choose(role)
        if passage.lead is None:
            raise TemplateError(Problem(message=f"角色“{role}”的段落 {passage.id} 没有 lead，不能用作分点"))
        return passage.lead, self.render(passage)

    def pick_first(self, roles: Sequence[str], shuffle: bool = False) -> tuple[str, str, str] | None:
        """Return (role, lead, text) from the first of ``roles`` that has a passage, tried in the
        order given or, with ``shuffle``, in seeded order; None when none has."""
        order = list(roles)
        if shuffle:
            self.rng("slot:" + "|".join(order)).shuffle(order)
        for role in order:
            if self.has(role):
                return (role, *self.pick_point(role))
        return None

    def vary(self, key: str, *options: str) -> str:
        """Return one of ``options``, chosen by the seed for ``key`` (template wording variants)."""
        if not options:
            raise TemplateError(Problem(message=f"vary(“{key}”) 没有给出可选的说法"))
        return options[self.rng("vary:" + key).randrange(len(options))]
