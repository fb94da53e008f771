"""A passage's wording: one text with inline alternatives "[说法一|说法二|]" (an empty one leaves
the phrase out), or a list of sentences where a sentence may be a list of wordings. The seed
realizes one wording per draw; the loader checks every wording."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    """Alternative wordings at one place; each option is a sequence of segments."""

    options: tuple[tuple[str | Choice, ...], ...]


class WordingError(ValueError):
    """A wording that does not parse (unbalanced brackets, a lone "|"); the message is Chinese."""


_TAGS = {"{{": "}}", "{%": "%}", "{#": "#}"}


def _tag_end(text: str, start: int) -> int:
    """Return the index after the Jinja tag starting at ``start``."""
    close = _TAGS[text[start:start + 2]]
    end = text.find(close, start + 2)
    if end < 0:
        raise WordingError(f"“{text[start:start + 12]}…”没有结束的“{close}”")
    return end + len(close)


def _parse(text: str, index: int, depth: int) -> tuple[list[list[str | Choice]], int]:
    """Parse options from ``index`` until the closing "]" (depth > 0) or the end; return the
    options (one at depth 0) and the index after the group."""
    options: list[list[str | Choice]] = [[]]
    literal: list[str] = []

    def flush() -> None:
        if literal:
            options[-1].append("".join(literal))
            literal.clear()

    while index < len(text):
        two, char = text[index:index + 2], text[index]
        if two in _TAGS:
            end = _tag_end(text, index)
            literal.append(text[index:end])
            index = end
        elif char == "[":
            flush()
            inner, index = _parse(text, index + 1, depth + 1)
            if len(inner) < 2:
                raise WordingError("“[…]”中应有两种以上说法，用“|”隔开（空着的一种表示省去）")
            options[-1].append(Choice(tuple(tuple(o) for o in inner)))
        elif char == "]":
            if depth == 0:
                raise WordingError("多出一个“]”")
            flush()
            return options, index + 1
        elif char == "|":
            if depth == 0:
                raise WordingError("“|”只能用在“[…]”里，隔开几种说法")
            flush()
            options.append([])
            index += 1
        else:
            literal.append(char)
            index += 1
    if depth > 0:
        raise WordingError("“[”没有配对的“]”")
    flush()
    return options, index


def parse_wording(text: str) -> tuple[str | Choice, ...]:
    """Return the segments of a wording; WordingError when it does not parse."""
    options, _ = _parse(text, 0, 0)
    return tuple(options[0])


def from_sentences(items: Sequence[str | Sequence[str]]) -> str:
    """Return a list of sentences (a sentence may be a list of wordings) as one inline text."""
    parts = []
    for item in items:
        if isinstance(item, str):
            parts.append(item)
        else:
            parts.append("[" + "|".join(item) + "]")
    return "".join(parts)


def clean(segments: Sequence[str | Choice], refused: Sequence[str]) -> bool:
    """Return True when some wording of the segments says none of the ``refused`` words."""
    for segment in segments:
        if isinstance(segment, Choice):
            if not any(clean(option, refused) for option in segment.options):
                return False
        elif any(word in segment for word in refused):
            return False
    return True


def realize(segments: Sequence[str | Choice], rng: random.Random, refused: Sequence[str] = ()) -> str:
    """Return one wording: each choice drawn with ``rng``, among the options that can avoid the
    ``refused`` words (claims.refused_words) when one can; the draws are the same as without
    them, so a ledger that refuses nothing keeps its text."""
    out = []
    for segment in segments:
        if isinstance(segment, Choice):
            index = rng.randrange(len(segment.options))
            option = segment.options[index]
            if refused and not clean(option, refused):
                fine = [o for o in segment.options if clean(o, refused)]
                option = fine[index % len(fine)] if fine else option
            out.append(realize(option, rng, refused))
        else:
            out.append(segment)
    return "".join(out)


def _first(segments: Sequence[str | Choice]) -> str:
    return "".join(_first(s.options[0]) if isinstance(s, Choice) else s for s in segments)


def every_wording(segments: Sequence[str | Choice]) -> list[str]:
    """Return wordings that together use every option at least once (for checking them all):
    for each choice and each of its options, the wording with that option and the first
    option everywhere else."""
    found = [_first(segments)]
    for index, segment in enumerate(segments):
        if not isinstance(segment, Choice):
            continue
        before, after = _first(segments[:index]), _first(segments[index + 1:])
        for option in segment.options:
            found += [before + inner + after for inner in every_wording(option)]
    return list(dict.fromkeys(found))


def count_wordings(segments: Sequence[str | Choice]) -> int:
    """Return how many different wordings the segments allow."""
    total = 1
    for segment in segments:
        if isinstance(segment, Choice):
            total *= sum(count_wordings(o) for o in segment.options)
    return total


_ENDS = ("。", "！", "？")
_OPENS = re.compile(r"{%-?\s*(if|for)\b")
_CLOSES = re.compile(r"{%-?\s*end(if|for)\b")


def _ends_sentence(segment: str | Choice) -> bool:
    if isinstance(segment, Choice):
        return all(w.rstrip().endswith(_ENDS) for option in segment.options for w in every_wording(option))
    return segment.rstrip().endswith(_ENDS)


def _open_blocks(segments: Sequence[str | Choice]) -> int:
    text = "".join(w for s in segments for w in ([s] if isinstance(s, str) else every_wording((s,))[:1]))
    return len(_OPENS.findall(text)) - len(_CLOSES.findall(text))


# what a cut keeps however far it must go: the deadline of an instruction, the department a
# measure names
KEPT = ("deadline.", "focus.department")


def _mentions(segment: str | Choice, names: Sequence[str]) -> bool:
    text = segment if isinstance(segment, str) else "".join(every_wording((segment,)))
    return any(name in text for name in names)


def shortened(segments: Sequence[str | Choice], most: int, kept: Sequence[str] = KEPT) -> tuple[str | Choice, ...]:
    """Return the first ``most`` places of a wording or fewer, cut where every wording ends a
    sentence and no {% if %} or {% for %} is left open — the core of a passage, for a short
    speech. The cut goes on past every place naming one of ``kept`` (the deadline, the
    department); the whole wording when there is no such cut."""
    needed = max((i + 1 for i, s in enumerate(segments) if _mentions(s, kept)), default=0)
    ends = [end for end in range(2, len(segments) + 1)
            if _ends_sentence(segments[end - 1]) and _open_blocks(segments[:end]) == 0 and end >= needed]
    within = [end for end in ends if end <= most]
    if within:
        return tuple(segments[:max(within)])
    return tuple(segments[:ends[0]]) if ends else tuple(segments)
