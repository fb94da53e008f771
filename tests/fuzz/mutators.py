"""Mutations of an input file: byte-level, text-aware (numbers, control characters, nesting,
references, tags, long cells, repeated lines) and .xlsx-aware (cell values, far cells, merged
ranges, dimensions, shared strings, parts removed), drawn from a ``Choices``.

``Choices`` is random.Random in `make fuzz` (fast, 100,000+ inputs) and hypothesis' data in
`make test` (derandomized, shrinkable): the same mutations either way.
"""

from __future__ import annotations

import copy
import functools
import io
import random
import re
import zipfile
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")
MAX_INPUT_BYTES = 8_000_000  # above the YAML/JSON and dialect limits, within the .csv one
HUGE_NUMBERS = ("9" * 25, "1" * 400, "7" * 5000, "9" * 10_000, "8" * 120_000, "1e999", "-1e400", "1E+13",
                "10000000000001", "0.0000001", "0." + "0" * 30 + "1", "123456789012345678901234.5", "NaN",
                ".inf", "-0", "1_000", "0x1F", "1:30:00", "1:" * 3000 + "1", "99999999999999999999999999.99")
CONTROLS = ("\x1b[2J", "\x1b]0;被改了\x07", "\x00", "\x07", "\x08", "\x7f", "\x85", "\x9b", "\u202e", "\u2066",
            "\u200b", "\x0b", "\x0c", "\r", "\t", "\ufeff", "\ufffe", "\x1c")
ODD_TEXT = ("(" * 30, "合计", "全市合计", "一、东城区（8个）", "（共12个项目）", "约3亿", "#DIV/0!", "—", "2026年3月",
            "2026-02-30", "1" * 400, "９９９", "2026.1", "长" * 40_000, "x" * 33_000, "'", '"', ",", "\n", ":",
            "- ", "*a", "&a x", "!!bool maybe", "!!float x", "!!timestamp 2026-13-45", "!!int 1x", "!!binary ?",
            "!!python/object:os.system", "[" * 60, "{" * 60, "<<: *a", "---", "...", "? ", "%YAML 1.1", "|", ">",
            "[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]", "示项办〔2026〕0号", "0", "在建中", "前期（谋划）")
YAML_BLOCKS = (
    "\nlol0: &l0 [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]\n" + "".join(
        f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9)),
    "\nself: &s [*s]\n", "\ndeep: " + "[" * 3000 + "]" * 3000 + "\n", "\n" + "- " * 500 + "x\n",
    "\n---\nsecond: document\n", "\n? [a, b]\n: c\n", "\n<<: {region: 别处}\n",
)
BAD_BYTES = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\xc3\x28", b"\xed\xa0\x80", b"\x80", b"\xb0",
             b"\xff", b"\r", b"\x1a", b"\xef\xbb\xbf\xff\xfe")
FAR_REFS = ("XFD1048576", "A1048577", "XFE1", "A0", "AAAA1", "A99999999999", "IW2", "A50001", "$A$1", "1A")
RANGES = ("A1:XFD1048576", "B4:B1048576", "A1:XFD2000000", "A0:B2", "A:A", "1:1", "garbage", "A1:ZZZZ9",
          "C3:A1", "A1")


class Choices(Protocol):
    """Where the mutations' choices come from."""

    def below(self, count: int) -> int:
        """Return an integer in [0, count)."""


class RandomChoices:
    """Choices from a seeded random.Random (make fuzz)."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def below(self, count: int) -> int:
        return self.random.randrange(count) if count > 1 else 0


def pick(choices: Choices, options: Sequence[T]) -> T:
    return options[choices.below(len(options))]


# Bytes -------------------------------------------------------------------------------------------

def mutate_bytes(data: bytes, choices: Choices) -> bytes:
    """Return data with one byte-level change (flip, set, insert, delete, duplicate, truncate)."""
    out = bytearray(data)
    where = choices.below(len(out) + 1)
    kind = choices.below(7)
    if kind == 0 and out:
        out[min(where, len(out) - 1)] ^= 1 << choices.below(8)
    elif kind == 1 and out:
        out[min(where, len(out) - 1)] = choices.below(256)
    elif kind == 2:
        out[where:where] = pick(choices, BAD_BYTES)
    elif kind == 3:
        del out[where:where + 1 + choices.below(64)]
    elif kind == 4:
        span = bytes(out[where:where + 1 + choices.below(256)])
        out[where:where] = span * (1 + choices.below(8))
    elif kind == 5:
        del out[where:]
    else:
        out[where:where] = bytes(choices.below(256) for _ in range(1 + choices.below(16)))
    return bytes(out)


# Text --------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"-?[0-9][0-9,.:-]*|[\u4e00-\u9fff]+|[A-Za-z_]+|〔[^〕]*〕")


def interesting(choices: Choices) -> str:
    """Return a hostile value: a huge or odd number, control characters, or odd text."""
    family = pick(choices, (HUGE_NUMBERS, CONTROLS, ODD_TEXT, ODD_TEXT))
    value = pick(choices, family)
    if family is CONTROLS and choices.below(2):
        value = f"甲{value}项目"
    return value


def mutate_text(text: str, choices: Choices, *, yaml_like: bool = False) -> str:
    """Return text with one structure-aware change."""
    kind = choices.below(9 if yaml_like else 7)
    tokens = list(_TOKEN.finditer(text))
    if kind <= 1 and tokens:  # replace a number, a word or a key
        token = pick(choices, tokens)
        return text[:token.start()] + interesting(choices) + text[token.end():]
    lines = text.split("\n")
    index = choices.below(len(lines))
    if kind == 2:
        where = choices.below(len(text) + 1)
        return text[:where] + interesting(choices) + text[where:]
    if kind == 3:  # repeat a line: many rows, long documents (up to MAX_INPUT_BYTES: attacks.py goes beyond)
        room = max(0, MAX_INPUT_BYTES - len(text)) // (len(lines[index]) + 1)
        lines[index:index] = [lines[index]] * min(pick(choices, (2, 10, 100, 3000)), room)
    elif kind == 4:
        del lines[index]
    elif kind == 5:
        lines[index] = interesting(choices)
    elif kind == 6:  # nest a value
        depth = pick(choices, (5, 25, 100, 2000))
        lines[index] = lines[index] + " " + "[" * depth + "1" + "]" * depth
    elif kind == 7:
        lines.insert(index, pick(choices, YAML_BLOCKS))
    else:
        lines[index] = re.sub(r":\s+(\S)", lambda m: ": " + pick(choices, ("!!bool ", "!!float ", "!!timestamp ",
                                                                          "&x ", "*x ", "!!str ", "!x ")) + m[1],
                              lines[index], count=1)
    return "\n".join(lines)


def text_mutator(encoding: str, *, yaml_like: bool = False) -> Callable[[bytes, Choices], bytes]:
    """Return a mutator of a text file in ``encoding``: mostly text-aware, sometimes bytes."""

    def mutate(data: bytes, choices: Choices) -> bytes:
        for _ in range(1 + choices.below(3)):
            if choices.below(5) == 0:
                data = mutate_bytes(data, choices)
                continue
            text = data.decode(encoding, errors="surrogateescape")
            text = mutate_text(text, choices, yaml_like=yaml_like)
            data = text.encode(encoding, errors="surrogateescape") if encoding != "gb18030" else \
                text.encode(encoding, errors="replace")
        return data[:MAX_INPUT_BYTES]

    return mutate


# .xlsx -------------------------------------------------------------------------------------------

def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _escaped_controls(text: str) -> str:
    """Return text with control characters written as OOXML escapes (_x001B_), as Excel stores them."""
    return re.sub(r"[\x00-\x1f]", lambda m: f"_x{ord(m[0]):04X}_", text)


def mutate_sheet_xml(xml: str, choices: Choices) -> str:
    """Return a worksheet or shared-strings XML with one cell-level change."""
    kind = choices.below(8)
    if kind == 0:
        return _replace_one(xml, r"(?<=<v>)[^<]*(?=</v>)", pick(choices, HUGE_NUMBERS), choices)
    if kind == 1:
        return _replace_one(xml, r'(?<= r=")[A-Z]*[0-9]+(?=")', pick(choices, FAR_REFS), choices)
    if kind == 2:
        value = _xml_escape(_escaped_controls(interesting(choices)))
        return _replace_one(xml, r"(?<=<t>)[^<]*(?=</t>)|(?<=<t xml:space=\"preserve\">)[^<]*(?=</t>)", value,
                            choices)
    if kind == 3:
        return _replace_one(xml, r'(?<=ref=")[^"]*(?=")', pick(choices, RANGES), choices)
    if kind == 4:
        merges = f'<mergeCells count="1"><mergeCell ref="{pick(choices, RANGES)}"/></mergeCells>'
        return xml.replace("</sheetData>", "</sheetData>" + merges, 1)
    if kind == 5:
        return _replace_one(xml, r'(?<= t=")[a-zA-Z]*(?=")', pick(choices, ("n", "b", "e", "str", "d", "inlineStr",
                                                                               "s", "x")), choices)
    if kind == 6:
        far = f'<c r="{pick(choices, FAR_REFS)}" t="inlineStr"><is><t>{_xml_escape(interesting(choices))}</t></is></c>'
        return xml.replace("</row>", far + "</row>", 1)
    rows = re.findall(r"<row [^>]*>.*?</row>", xml)
    if not rows:
        return xml
    copied = pick(choices, rows)
    times = min(pick(choices, (2, 50, 2000)), MAX_INPUT_BYTES // (len(copied) + 1))
    return xml.replace("</sheetData>", copied * times + "</sheetData>", 1)


def _replace_one(text: str, pattern: str, value: str, choices: Choices) -> str:
    found = list(re.finditer(pattern, text))
    if not found:
        return text
    match = pick(choices, found)
    return text[:match.start()] + value + text[match.end():]


def mutate_xlsx(data: bytes, choices: Choices) -> bytes:
    """Return an .xlsx with one to three changes to its parts (sometimes to its bytes)."""
    if choices.below(10) == 0:
        return mutate_bytes(data, choices)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    for _ in range(1 + choices.below(3)):
        _mutate_part(parts, choices)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in parts.items():
            archive.writestr(name, part)
    return out.getvalue()


def _mutate_part(parts: dict[str, bytes], choices: Choices) -> None:
    names = sorted(parts)
    sheets = [name for name in names if name.startswith("xl/worksheets/") or name.endswith("sharedStrings.xml")]
    name = pick(choices, sheets) if sheets and choices.below(3) else pick(choices, names)
    kind = choices.below(10)
    if kind == 0:
        del parts[name]
    elif kind == 1:
        parts[name] = mutate_bytes(parts[name], choices)
    elif kind == 2:
        text = parts[name].decode("utf-8", errors="surrogateescape")
        parts[name] = mutate_text(text, choices).encode("utf-8", errors="surrogateescape")
    else:
        text = parts[name].decode("utf-8", errors="surrogateescape")
        parts[name] = mutate_sheet_xml(text, choices).encode("utf-8", errors="surrogateescape")


# YAML / JSON documents, mutated as data and written back --------------------------------------

_RAW = "@@RAW{}@@"  # placeholder for a literal written into the text as is (a 10,000-digit number, a tag)


def data_mutator(dump: Callable[[object], str], loads: Callable[[str], object]) -> Callable[[bytes, Choices], bytes]:
    """Return a mutator that changes a YAML/JSON document's values and shape, then writes it back;
    one time in four it falls back to the text mutations."""
    text_mutate = text_mutator("utf-8", yaml_like=True)

    def mutate(data: bytes, choices: Choices) -> bytes:
        if choices.below(4) == 0:
            return text_mutate(data, choices)
        document = copy.deepcopy(_loaded(loads, data))
        raws: list[str] = []
        for _ in range(1 + choices.below(3)):
            document = _mutate_value(document, choices, raws)
        try:
            text = dump(document)
        except RecursionError:  # nested past what the dumper can write: mutate the text instead
            return text_mutate(data, choices)
        for index, raw in enumerate(raws):
            times = max(1, MAX_INPUT_BYTES // len(raw))  # a long literal in 3,000 copied items: only so many
            for placeholder in (f'"{_RAW.format(index)}"', f"'{_RAW.format(index)}'", _RAW.format(index)):
                text = text.replace(placeholder, raw, times)
        return text.encode("utf-8", errors="surrogatepass")[:MAX_INPUT_BYTES]

    return mutate


@functools.cache
def _loaded(loads: Callable[[str], object], data: bytes) -> object:
    """Return a seed document loaded once (the mutators change a deep copy)."""
    return loads(data.decode("utf-8"))


def _mutate_value(document: object, choices: Choices, raws: list[str]) -> object:
    slots = _slots(document)
    if not slots:
        return _new_value(choices, raws)
    container, key = pick(choices, slots)
    value = container[key]
    kind = choices.below(6)
    if kind == 0 and isinstance(value, list) and value:
        item = value[choices.below(len(value))]
        room = 3_000_000 - len(repr(document))  # keep the document near the readers' size limit, not far beyond
        times = max(1, min(pick(choices, (2, 100, 3000)), room // len(repr(item))))
        value.extend(copy.deepcopy(item) for _ in range(times))  # copies: a shared one would grow with each
    elif kind == 1 and isinstance(container, dict):
        container[interesting(choices)[:200]] = container.pop(key)
    elif kind == 2 and isinstance(container, dict):
        del container[key]
    elif kind == 3:
        depth = pick(choices, (3, 21, 60))  # deeper ones come from the text mutations: dumpers recurse too
        for _ in range(depth):
            value = [value]
        container[key] = value
    else:
        container[key] = _new_value(choices, raws)
    return document


def _new_value(choices: Choices, raws: list[str]) -> object:
    family = choices.below(4)
    if family == 0:
        raws.append(pick(choices, HUGE_NUMBERS))
        return _RAW.format(len(raws) - 1)
    if family == 1:
        raws.append(pick(choices, ("!!bool maybe", "!!float x", "!!timestamp 2026-13-45", "!!int 1x", "*nowhere",
                                   "!!binary ?", "[" * 40 + "]" * 40, "{}", "[]", "null", "true", "~")))
        return _RAW.format(len(raws) - 1)
    if family == 2:
        return pick(choices, ({"unit": "亿元"}, [1, 2], {"name": None}, None, True, 0, -5, 3.5, ""))
    return interesting(choices)


def _slots(document: object) -> list[tuple[object, object]]:
    """Return (container, key) of every value in the document, breadth first, at most 2,000."""
    slots: list[tuple[object, object]] = []
    queue = [document]
    while queue and len(slots) < 2000:
        current = queue.pop(0)
        keys = list(current) if isinstance(current, dict) else range(len(current)) if isinstance(current, list) else []
        for key in keys:
            slots.append((current, key))
            queue.append(current[key])
    return slots
