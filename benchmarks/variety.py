"""Variety and length of generated drafts over seeds (issue 10's measures; a report, not timing).

For one ledger and meeting file, drafts every kind (speeches in every frame) for seeds 1–10 and
reports, with figures masked (every number → #): the largest share of sentences two seeds have
in common, the share of distinct sentences among all, whether the data paragraphs differ
between seeds, the length in characters and the points per part. Headings, tables and front
matter are left out; sentences are split at 。！？；.

Usage: .venv/bin/python benchmarks/variety.py [--data 台账.xlsx --meeting meeting.yaml] [--seeds 10]
       [--length normal]   (default: the example ledger)
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"\d+(?:\.\d+)?")
SENTENCE_END = re.compile(r"[。！？；]")
LEAD = re.compile(r"^\*\*([一二三四五六七八九十]+)是")
# speeches: at most this share in common between two seeds, at least this share distinct;
# bulletins and notices: at most these shares in common
LIMITS = {"speech": (0.35, 0.60), "bulletin": (0.50, 0.0), "notice": (0.60, 0.0)}
SPEECH_CHARS = (2500, 4500)


def body(text: str) -> str:
    """Return the text after the front matter."""
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def prose(text: str) -> list[str]:
    """Return the prose paragraphs of the body: no headings, tables or attachments."""
    main = body(text).split("\n# 附件", 1)[0]
    return [line for line in main.split("\n") if line.strip() and not line.startswith(("#", "|"))]


def masked_sentences(text: str) -> list[str]:
    """Return every sentence of the prose with its figures masked, in order (repeats kept)."""
    return [NUMBER.sub("#", s).strip("* ") for line in prose(text) for s in SENTENCE_END.split(line)
            if s.strip("* ")]


def chars(text: str) -> int:
    """Return the length of the body in characters (no spaces, Markdown marks or headings'
    markers; headings count, as a reader reads them)."""
    return len(re.sub(r"[\s#*|]", "", body(text).split("\n# 附件", 1)[0]))


def points_per_part(text: str) -> list[int]:
    """Return the number of 一是/二是… points under each ## part."""
    counts: list[int] = []
    for line in body(text).split("\n"):
        if line.startswith("## "):
            counts.append(0)
        elif counts and LEAD.match(line):
            counts[-1] += 1
    return counts


def data_paragraphs(text: str) -> list[str]:
    """Return the paragraphs that carry figures (the statements, and points that state them),
    unmasked, each without its lead."""
    return [re.sub(r"^\*\*.*?\*\*", "", line) for line in prose(text) if NUMBER.search(line)]


@dataclass(frozen=True)
class Variety:
    """What varies between the seeds' drafts of one kind (and frame)."""

    label: str
    most_shared: float  # the largest share of one draft's sentences another draft also has
    distinct: float  # distinct sentences ÷ all sentences
    same_data: int  # pairs of seeds whose data paragraphs are identical
    chars: tuple[int, int]
    points: tuple[tuple[int, ...], ...]


def measure(label: str, texts: Sequence[str]) -> Variety:
    """Return the variety of the drafts ``texts`` (one per seed)."""
    sets = [set(masked_sentences(t)) for t in texts]
    shared = max((len(a & b) / min(len(a), len(b)) for a, b in itertools.combinations(sets, 2)), default=0.0)
    every = [s for t in texts for s in masked_sentences(t)]
    data = [tuple(data_paragraphs(t)) for t in texts]
    same = sum(a == b for a, b in itertools.combinations(data, 2))
    lengths = [chars(t) for t in texts]
    return Variety(label, shared, len(set(every)) / max(len(every), 1), same, (min(lengths), max(lengths)),
                   tuple(tuple(points_per_part(t)) for t in texts))


def drafts(facts: object, kind: str, frame: str | None, seeds: Iterable[int], length: str = "normal") -> list[str]:
    """Return the drafts of one kind (and frame) for each seed."""
    from speechgen.compose import compose

    return [compose(kind, facts, frame=frame, seed=seed, length=length) for seed in seeds]  # type: ignore[arg-type]


def report(facts: object, seeds: int = 10, length: str = "normal") -> list[Variety]:
    """Return the variety of every kind and frame over seeds 1…``seeds``."""
    from speechgen.compose import FRAMES

    found = [measure(f"speech/{frame}", drafts(facts, "speech", frame, range(1, seeds + 1), length))
             for frame in FRAMES]
    found += [measure(kind, drafts(facts, kind, None, range(1, seeds + 1))) for kind in ("bulletin", "notice")]
    return found


def table(rows: Sequence[Variety]) -> str:
    """Return the report as a Markdown table."""
    lines = ["| 文稿 | 两稿共有句子（最多） | 不同句子占比 | 数据段相同的种子对 | 字数 | 各部分要点数 |",
             "| --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        shapes = sorted({"/".join(map(str, p)) for p in row.points if p}) or ["—"]
        lines.append(f"| {row.label} | {row.most_shared:.0%} | {row.distinct:.0%} | {row.same_data} | "
                     f"{row.chars[0]}–{row.chars[1]} | {'、'.join(shapes)} |")
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description="讲话稿、通报、通知各种子之间的差异和篇幅")
    parser.add_argument("--data", type=Path, default=ROOT / "examples" / "ledger.xlsx")
    parser.add_argument("--meeting", type=Path, default=ROOT / "examples" / "meeting.yaml")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--length", default="normal", choices=("short", "normal", "long"))
    args = parser.parse_args(argv)
    from speechgen import api

    facts = api.compute_facts(args.data, args.meeting)
    print(table(report(facts, args.seeds, args.length)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
