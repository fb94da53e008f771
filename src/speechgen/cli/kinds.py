"""The document kind as a command-line argument: English or Chinese names (讲话稿 通报 督查通知
督办通知 督办单), for `generate` and `batch` alike."""

from __future__ import annotations

import click

from speechgen.kinds import KIND_ALIASES, kind_choices


class KindType(click.ParamType):
    """speech / bulletin / notice / supervision / sheet, or 讲话稿 / 通报 / 督查通知 / 督办通知 / 督办单."""

    name = "文稿类型"

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
        kind = KIND_ALIASES.get(str(value).strip().lower())
        if kind is None:
            self.fail(f"“{value}”不是可生成的文稿类型；可选 {kind_choices()}", param, ctx)
        return kind
