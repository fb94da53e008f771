"""The figures of a text: every amount, percentage, 百分点 and project count written in a form the
ledger can back ("46.81亿元", "82.0%", "4.8个百分点", "已开工31个"), with its value, decimals and unit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Kind = Literal["amount", "percent", "points", "count", "rest"]

_NUMBER = r"(\d+(?:\.\d+)?)"
_PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("amount", re.compile(rf"{_NUMBER}\s*(亿元|万元)")),
    ("points", re.compile(rf"{_NUMBER}\s*个百分点")),
    ("percent", re.compile(rf"{_NUMBER}\s*[%％]")),
    ("count", re.compile(r"(\d+)\s*[个项](?=[^\d，。；：、,;:（）()]{0,8}?项目)")),
    ("count", re.compile(r"(?:开工|在建|竣工|投产|前期(?:阶段)?|滞后|落后|未开工)(?:的)?(?:项目)?(\d+)\s*[个项]")),
    ("count", re.compile(r"项目(?:总数|总计)?(?:共有?|合计|总数为?|有)(\d+)\s*[个项]")),
    ("count", re.compile(r"(\d+)\s*个(?=(?:投资)?(?:进度)?(?:滞后|落后)或逾期未开工的(?:重点)?项目)")),
)
# "近5亿元", "约30%", "300多万元": approximations are not traced.
_APPROX_BEFORE = ("近", "约", "逾", "接近", "将近", "大约", "不到", "超过", "达到近")
_APPROX_AFTER = ("多", "余")


@dataclass(frozen=True)
class Written:
    """A figure as the text writes it: kind, value in the printed unit, decimals, unit."""

    kind: Kind
    value: Decimal
    places: int
    unit: str
    text: str
    listed: bool = False  # a count after 等 ("甲、乙等13个项目"): a named list's size
    fixed: bool = False  # a table cell: the ledger value is shown at the printed decimals


def find_figures(text: str) -> Iterator[tuple[Written, int, int]]:
    """Yield (figure, start, end) for each figure of a kind the ledger can back; start is its
    first digit, end the end of its unit."""
    taken: set[int] = set()
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if match.start(1) in taken or _approximate(text, match):
                continue
            taken.update(range(match.start(1), match.end()))
            number = match.group(1)
            places = len(number.partition(".")[2])
            unit = match.group(2) if kind == "amount" else {"points": "个百分点", "percent": "%"}.get(kind, "个")
            listed = kind == "count" and text[: match.start()].endswith("等")
            written = Written(kind, Decimal(number), places, unit, f"{number}{unit}", listed)
            yield written, match.start(1), match.end()


def _approximate(text: str, match: re.Match[str]) -> bool:
    before = text[: match.start()]
    after = text[match.start(1) + len(match.group(1)):]
    return before.endswith(_APPROX_BEFORE) or after.startswith(_APPROX_AFTER)
