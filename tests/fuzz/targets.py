"""What the fuzzer feeds and how an input's outcome is judged.

A target reads one mutated file the way the CLI does and, when that succeeds, carries it on
(facts, a drafted document, the dialect parsed back and rendered to text/.docx/.html) so that
what a reader lets through is exercised too. Every input must end in success or in a
SpeechgenError of exit status 2 whose messages are Chinese and hold no raw control character.
"""

from __future__ import annotations

import functools
import json
import re
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from mutators import Choices, data_mutator, mutate_xlsx, text_mutator
from seeds import seeds

from speechgen import api
from speechgen.errors import SpeechgenError
from speechgen.markup import decode_markup, parse_markup

_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_KINDS = ("speech", "bulletin", "notice")
DOWNSTREAM_EVERY = 3
VARIANTS = DOWNSTREAM_EVERY * len(_KINDS) * 3  # × document kinds × render formats


@dataclass(frozen=True)
class Target:
    """One kind of input: its file name, seeds, mutator and what reading it means."""

    name: str
    filename: str
    mutate: Callable[[bytes, Choices], bytes]
    run: Callable[[Path, int], None]

    def seeds(self) -> tuple[bytes, ...]:
        return seeds()[self.name]


def _ledger(path: Path, variant: int) -> None:
    _document(api.compute_facts(path, companion("meeting.json")), variant)


def _meeting(path: Path, variant: int) -> None:
    _document(api.compute_facts(companion("台账.csv"), path), variant)


@functools.cache
def companion(name: str) -> Path:
    """Return the unmutated file read with a mutated one: the example meeting (as JSON, quick to
    read) beside a ledger, a small version of the example ledger beside a meeting file."""
    folder = Path(tempfile.mkdtemp(prefix="speechgen-fuzz-"))
    source = seeds()["meeting-json" if name.endswith(".json") else "csv"]
    (folder / name).write_bytes(source[0] if name.endswith(".json") else source[1])
    return folder / name


def _document(facts, variant: int) -> None:
    """Draft one document from what was read and render it — for one input in DOWNSTREAM_EVERY
    (the readers are the target; this checks that what they let through can be used)."""
    if variant % DOWNSTREAM_EVERY:
        return
    text = api.draft(_KINDS[variant // DOWNSTREAM_EVERY % len(_KINDS)], facts)
    _render(parse_markup(text, "稿件.md"), variant // DOWNSTREAM_EVERY)


def _dialect(path: Path, variant: int) -> None:
    _render(parse_markup(decode_markup(path.read_bytes(), path.name), path.name), variant)


def _render(document, variant: int) -> None:
    from speechgen.writers import RenderOptions, format_of

    format_of((".txt", ".docx", ".html")[variant % 3]).render(document, RenderOptions())


def _yaml_dump(document: object) -> str:
    return yaml.dump(document, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                     sort_keys=False, width=10**6)


def _json_dump(document: object) -> str:
    # Indented (lines to locate problems by) unless big: indenting deep nesting multiplies the size.
    indent = 1 if len(repr(document)) < 200_000 else None
    return json.dumps(document, ensure_ascii=False, indent=indent, default=str)


TARGETS: dict[str, Target] = {target.name: target for target in (
    Target("xlsx", "台账.xlsx", mutate_xlsx, _ledger),
    Target("csv", "台账.csv", text_mutator("gb18030"), _ledger),
    Target("yaml-ledger", "台账.yaml", data_mutator(_yaml_dump, yaml.safe_load), _ledger),
    Target("json-ledger", "台账.json", data_mutator(_json_dump, json.loads), _ledger),
    Target("meeting", "meeting.yaml", data_mutator(_yaml_dump, yaml.safe_load), _meeting),
    Target("meeting-json", "meeting.json", data_mutator(_json_dump, json.loads), _meeting),
    Target("dialect", "稿件.md", text_mutator("utf-8", yaml_like=True), _dialect),
)}


@dataclass(frozen=True)
class Outcome:
    """How one input ended: "ok", "refused" (a clean Chinese input error) or "crash"."""

    kind: str
    detail: str = ""  # the crash's type and where it was raised, or the refusal's first words


def judge(target: Target, path: Path, variant: int) -> Outcome:
    """Run the target on path and judge how it ended."""
    try:
        target.run(path, variant)
    except SpeechgenError as error:
        messages = error.messages()
        bad = [m for m in messages if not _CHINESE.search(m) or _RAW_CONTROL.search(m)]
        if error.exit_code != 2 or not messages or bad:
            return Outcome("crash", f"{type(error).__name__} exit {error.exit_code}: {(bad or messages or [''])[0]!r}")
        return Outcome("refused", messages[0].split("：", 1)[-1][:24])
    except (Exception, MemoryError) as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        return Outcome("crash", f"{type(error).__name__} at {where}: {str(error)[:120]}")
    return Outcome("ok")
