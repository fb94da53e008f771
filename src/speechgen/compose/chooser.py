"""The seeded chooser: one passage per request among those whose needs hold, never twice, each
draw realizing one of the passage's wordings."""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import jinja2

from speechgen.compose.claims import refused_words
from speechgen.compose.context import FIGURE_KEYS
from speechgen.compose.env import RENDER_ERRORS, SnippetRenderError, compile_text, translate_jinja_message
from speechgen.compose.library import KIND_LABELS, Passage, SnippetLibrary
from speechgen.compose.observe import NO_LOCAL, RECORDS, Local, Observations
from speechgen.compose.plain import Record
from speechgen.compose.sandbox import TemplateSandbox, render_guarded
from speechgen.compose.wording import clean, every_wording, realize, shortened
from speechgen.errors import Problem, TemplateError

# Once a figure (e.g. the gap to 时序进度) or the list of lagging projects has been printed, passages
# that would print it again are avoided while others remain.
FIGURE_BUDGET = 1
SPECIFIC_WEIGHT = 2  # a passage written for the situation is twice as likely as a general one
# names that hold in nearly every ledger: a passage needing only these is a general one
GENERAL_NAMES = frozenset({"meeting", "under_construction", "progress", "has_districts", "some_not_started"})
SEASON_NAMES = frozenset({"early_year", "mid_year", "late_year", "q1", "half_push", "half_done", "half_missed",
                          "year_end", "last_month"})


@dataclass(frozen=True)
class Picked:
    """A rendered passage and the context names its text used."""

    id: str
    text: str
    names: frozenset[str]


# fields that print several figures at once (the stages: 在建37个、竣工3个、投产1个)
SEVERAL_TOPICS = {"starts.started_stages": {"n_building", "n_suspended", "n_completed", "n_operating"}}
REDRAWS = 8  # wordings tried for a passage before one that repeats a sentence is kept
_SENTENCE_END = re.compile(r"[。！？；]")
_NOT_CHINESE = re.compile(r"[^\u4e00-\u9fff]")


def _sentences(text: str) -> set[str]:
    """Return the sentences of text worth not repeating (eight Chinese characters or more),
    as their Chinese characters only."""
    found = {_NOT_CHINESE.sub("", s) for s in _SENTENCE_END.split(text)}
    return {s for s in found if len(s) >= 8}


NEAR_SHARE = 0.6  # two sentences sharing this share of their character pairs say the same thing


def _pairs(sentence: str) -> frozenset[str]:
    return frozenset(sentence[i:i + 2] for i in range(len(sentence) - 1))


def near(pairs: frozenset[str], said: Sequence[frozenset[str]]) -> bool:
    """Return True when a sentence (as its character pairs) is nearly one said: the pairs they
    share are NEAR_SHARE or more of the pairs of either ("会议议定的事项，下一次调度时要逐项对账"
    and "调度会议定的事项，下一次调度时逐项对账")."""
    return any(len(pairs & other) >= NEAR_SHARE * max(len(pairs), len(other)) for other in said)


def stable_seed(*parts: object) -> int:
    """Return a 64-bit integer from the parts' text via sha256 — the same on every run and
    Python version (str hash() is salted per process)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def as_record(kind: str, values: Mapping[str, Any]) -> Record:
    """Return an observation record (nested tuples of mappings too) as a template Record."""
    def plain(value: Any) -> Any:
        if isinstance(value, Mapping):
            return Record(kind, {k: plain(v) for k, v in value.items()})
        if isinstance(value, tuple | list):
            return tuple(plain(v) for v in value)
        return value
    return plain(values)  # type: ignore[no-any-return]


class Chooser:
    """Picks and renders passages for one document.

    Each role (and each ``vary`` key) has its own ``random.Random`` seeded from (seed, document
    kind, group key, role), so adding a passage to one role does not reshuffle the others.
    """

    def __init__(self, library: SnippetLibrary, env: TemplateSandbox, context: dict[str, Any],
                 observations: Observations, *, kind: str, seed: int, group_key: str = ""):
        self.library = library
        self.env = env
        self.observations = observations
        self.held = observations.names
        self.refused = refused_words(self.held)  # words no held observation backs (claims.CONDITIONS)
        self.context = {**context, **{name: as_record(name, r) for name, r in observations.records.items()}}
        self.kind = kind
        self.seed = seed
        self.group_key = group_key
        self.used: set[str] = set()
        self.said: set[str] = set()  # the sentences rendered so far (Chinese characters only)
        self.said_pairs: list[frozenset[str]] = []  # … as their character pairs (near repeats)
        self.mentions: Counter[str] = Counter()
        self._rngs: dict[str, random.Random] = {}
        self.leads: list[frozenset[str]] = []  # the points' leads said so far, as character pairs
        self.printed: tuple[str, ...] = ()  # the chosen passage's fields whose figure is printed already

    def rng(self, key: str) -> random.Random:
        """Return the random stream of one role or key."""
        if key not in self._rngs:
            self._rngs[key] = random.Random(stable_seed(self.seed, self.kind, self.group_key, key))
        return self._rngs[key]

    def known(self, role: str) -> None:
        """Raise TemplateError when the library has no role of that name."""
        if not self.library.has_role(role):
            raise TemplateError(Problem(message=f"片段库中没有角色“{role}”",
                                        hint="请检查模板中的角色名，或用 --snippets 提供该角色的 YAML 文件"))

    def candidates(self, role: str, local: Local = NO_LOCAL, reuse: bool = False) -> list[Passage]:
        """Return the passages of a role that apply (unused ones; with ``reuse``, used ones too
        when every one has been used — for items described one after another)."""
        fitting = [p for p in self.library.matching(role, self.kind, self.held | local.names) if self.sayable(p)]
        fresh = [p for p in fitting if p.id not in self.used]
        return fresh or (list(fitting) if reuse else [])

    def sayable(self, passage: Passage) -> bool:
        """Return True when the passage has a wording (and lead) without the refused words."""
        if not self.refused:
            return True
        text = passage.segments or (passage.text,)
        lead = passage.lead_segments or ((passage.lead,) if passage.lead else ())
        return clean(text, self.refused) and clean(lead, self.refused)

    def has(self, role: str, local: Local = NO_LOCAL) -> bool:
        """Return True when pick(role) would find a passage; TemplateError for an unknown role."""
        self.known(role)
        return bool(self.candidates(role, local))

    def mention(self, *names: str) -> str:
        """Record that the template printed these context figures; return "" (for templates).
        A name that prints no figure is an error, not silence."""
        unknown = [n for n in names if n not in FIGURE_KEYS]
        if unknown:
            raise TemplateError(Problem(message=f"mention() 中的“{'、'.join(unknown)}”不是会打印数字的名称",
                                        hint=f"可用：{'、'.join(sorted(FIGURE_KEYS))}"))
        self.mentions.update({FIGURE_KEYS[n] for n in names})
        return ""

    def topics(self, passage: Passage) -> set[str]:
        """Return what the passage repeats if used twice: its figures (flat names and record
        fields), and its season (a remark on the time of year is made once)."""
        found = {FIGURE_KEYS[n] for n in passage.names if n in FIGURE_KEYS}
        for field in passage.fields:
            record, attr = field.split(".", 1)
            topic = RECORDS[record].fields.get(attr)
            if topic:
                found.add(topic)
            found |= SEVERAL_TOPICS.get(field, set())
        return found | ({"season"} if passage.needs & SEASON_NAMES else set())

    def redundant(self, role: str, local: Local = NO_LOCAL) -> bool:
        """Return True when every passage of ``role`` that applies would only repeat figures the
        document has printed (a statement already made in other words: 竣工 and 投产 given with
        the stages)."""
        found = self.candidates(role, local)
        return bool(found) and all(self.topics(p) and self.repeats(p) == len(self.topics(p)) for p in found)

    def said_fields(self, passage: Passage) -> tuple[str, ...]:
        """Return the passage's record fields ("focus.count") whose figure the document has
        printed FIGURE_BUDGET times: a wording without them is drawn when the passage has one
        (the problem statement said "用地，涉及8个项目"; the measure then says "用地问题最集中")."""
        out = []
        for field in passage.fields:
            record, attr = field.split(".", 1)
            topic = RECORDS[record].fields.get(attr) if record in RECORDS else None
            if topic and self.mentions[topic] >= FIGURE_BUDGET:
                out.append(field)
        return tuple(out)

    def repeats(self, passage: Passage) -> int:
        """Return how many of the passage's topics have been said FIGURE_BUDGET times already."""
        return sum(self.mentions[topic] >= FIGURE_BUDGET for topic in self.topics(passage))

    def fresh_lead(self, passage: Passage) -> bool:
        """Return True when some wording of the passage's lead is not nearly a lead said before
        ("各地进度普遍偏慢" twice, "开工率还需提高" after "开工率偏低")."""
        if passage.lead is None or not self.leads:
            return True
        wordings = every_wording(passage.lead_segments) if passage.lead_segments else [passage.lead]
        return any(not near(_pairs(_NOT_CHINESE.sub("", w)), self.leads) for w in wordings)

    def choose(self, role: str, avoid: Sequence[str] = (), local: Local = NO_LOCAL, reuse: bool = False,
               rank: Sequence[str] = (), fresh_lead: bool = False) -> Passage:
        """Return a passage of ``role`` (marked used); TemplateError when none applies.

        Among the applicable passages, those without the ``avoid`` phrases (words the document
        has just said, such as "刚才") and repeating the fewest figures already printed
        (FIGURE_BUDGET) are kept; with ``rank`` (observation names, most pressing first), those
        needing the first name any of them needs; one of them is drawn, weighted towards
        specific passages.
        """
        self.known(role)
        found = self.candidates(role, local, reuse)
        if not found:
            raise self.no_passage(role, local)
        found = [p for p in found if not any(phrase in p.text for phrase in avoid)] or found
        if fresh_lead:
            found = [p for p in found if self.fresh_lead(p)] or found
        if not reuse:
            least = min(self.repeats(p) for p in found)
            found = [p for p in found if self.repeats(p) == least]
        if rank:
            def place(p: Passage) -> int:
                return min((rank.index(n) for n in p.needs if n in rank), default=len(rank))
            first = min(place(p) for p in found)
            found = [p for p in found if place(p) == first]
        passage = self.weighted(role, found)
        self.used.add(passage.id)
        self.printed = self.said_fields(passage)
        self.mentions.update(self.topics(passage))
        return passage

    def no_passage(self, role: str, local: Local = NO_LOCAL) -> TemplateError:
        held = "、".join(sorted(self.held | local.names - {"meeting"})) or "（无）"
        kind = KIND_LABELS.get(self.kind, self.kind)
        total = len(self.library.for_role(role))
        message = (f"角色“{role}”的 {total} 个段落中没有适用于本文稿的（文稿类型：{kind}；"
                   f"成立的观察：{held}；已用过的不再重复）")
        hint = "请为该角色补充 needs 更宽的段落（needs: [meeting] 在任何情况下适用）"
        return TemplateError(Problem(message=message, hint=hint))

    def render(self, passage: Passage, local: Local = NO_LOCAL, places: int | None = None) -> str:
        """Return one wording of the passage rendered with the context (and the local records).

        A wording that would say a sentence the document has already said (another passage
        with the same advice) is drawn again, up to REDRAWS times; the one repeating the
        fewest sentences is kept. With ``places``, the wording is cut to its first sentences
        (wording.shortened).
        """
        context = self.context
        if local.records:
            context = {**context, **{name: as_record(name, r) for name, r in local.records.items()}}
        best: tuple[int, str, set[str]] | None = None
        rng = self.rng("wording:" + passage.role)
        segments = shortened(passage.segments, places) if places and passage.segments else passage.segments
        for _ in range(REDRAWS if segments else 1):
            wording = realize(segments, rng, self.refused + self.printed) if segments else passage.text
            text = self._render_text(passage, wording, context)
            sentences = _sentences(text)
            nearly = sum(near(_pairs(x), self.said_pairs) for x in sentences - self.said)
            repeated = (len(sentences & self.said) + nearly
                        + 10 * sum(word in text for word in self.refused))
            if best is None or repeated < best[0]:
                best = (repeated, text, sentences)
            if not repeated:
                break
        assert best is not None
        self.said_pairs += [_pairs(x) for x in best[2] - self.said]
        self.said |= best[2]
        return best[1]

    def _render_text(self, passage: Passage, wording: str, context: dict[str, Any]) -> str:
        try:
            return render_guarded(compile_text(self.env, wording), context)
        except (*RENDER_ERRORS, jinja2.TemplateError) as error:
            line = f"第{passage.line}行" if passage.line else ""
            raise SnippetRenderError(
                f"片段 {passage.id}（{passage.file}{line}）出错：{translate_jinja_message(str(error))}"
            ) from None

    def weighted(self, role: str, pool: Sequence[Passage]) -> Passage:
        """Return one passage, those written for the situation (needs beyond GENERAL_NAMES)
        weighted SPECIFIC_WEIGHT times a passage that fits nearly any situation."""
        weights = [SPECIFIC_WEIGHT if p.needs - GENERAL_NAMES else 1 for p in pool]
        point = self.rng(role).randrange(sum(weights))
        for passage, weight in zip(pool, weights, strict=True):
            if point < weight:
                return passage
            point -= weight
        raise AssertionError("unreachable")

    def pick(self, role: str, avoid: Sequence[str] = (), local: Local = NO_LOCAL, reuse: bool = False) -> str:
        """Return the rendered text of one passage of ``role`` (preferring one without the
        ``avoid`` phrases)."""
        return self.render(self.choose(role, avoid, local, reuse), local)

    def pick_passage(self, role: str) -> Picked:
        """Return one passage of ``role`` rendered, with the context names it used (so a template
        can leave out what the passage already says)."""
        passage = self.choose(role)
        return Picked(passage.id, self.render(passage), passage.names)

    def pick_point(self, role: str, local: Local = NO_LOCAL, places: int | None = None,
                   rank: Sequence[str] = ()) -> tuple[str, str]:
        """Return (lead, text) of one passage of a sub-point role (cut to ``places``, if given;
        ``rank`` as for choose)."""
        passage = self.choose(role, local=local, rank=rank, fresh_lead=True)
        if passage.lead is None:
            raise TemplateError(Problem(message=f"角色“{role}”的段落 {passage.id} 没有 lead，不能用作分点"))
        lead = passage.lead
        rng = self.rng("lead:" + role)
        for _ in range(REDRAWS if passage.lead_segments else 0):  # a lead not nearly one said before
            lead = realize(passage.lead_segments, rng, self.refused)
            if not near(_pairs(_NOT_CHINESE.sub("", lead)), self.leads):
                break
        self.leads.append(_pairs(_NOT_CHINESE.sub("", lead)))
        return lead, self.render(passage, local, places)

    def vary(self, key: str, *options: str) -> str:
        """Return one of ``options``, chosen by the seed for ``key`` (template wording variants),
        among those saying none of the refused words (claims.CONDITIONS) when there are such."""
        if not options:
            raise TemplateError(Problem(message=f"vary(“{key}”) 没有给出可选的说法"))
        sayable = [o for o in options if not any(word in o for word in self.refused)] or list(options)
        return sayable[self.rng("vary:" + key).randrange(len(sayable))]
