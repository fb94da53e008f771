"""Option values written in English or Chinese: one vocabulary of the groupings (--by, --per)."""

from __future__ import annotations

import click

from speechgen.facts import GROUP_LABELS

# Each grouping by its id, its label (县区, 责任单位, 包保领导, 建设性质, 产业类别) and a short name.
_SHORT = {"district": ("县", "乡镇", "乡镇（街道）"), "owner": ("单位",), "leader": ("领导",),
          "nature": ("性质",), "category": ("类别", "产业")}
GROUP_NAMES: dict[str, str] = {
    name: by for by, label in GROUP_LABELS.items() for name in (by, label, *_SHORT.get(by, ()))
}


class NameChoice(click.ParamType):
    """One of a few values, English or Chinese (``names`` maps every accepted name to its id)."""

    def __init__(self, names: dict[str, str], label: str, shown: str):
        self.names, self.name, self.shown = names, label, shown

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
        found = self.names.get(str(value).strip().lower())
        if found is None:
            self.fail(f"“{value}”不是可选的值；可选 {self.shown}", param, ctx)
        return found
