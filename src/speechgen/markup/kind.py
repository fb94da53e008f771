"""Which kind a draft is when ``kind`` is not written, and which given fields its kind leaves out.

A notice written without ``kind:`` would otherwise be laid out as a generic document, losing its
版头, 发文字号 and 署名 without a word. The kind is inferred from the title's 文种 (the word it
ends with) when the official fields are there; otherwise the author is asked to write it. A field
the chosen kind does not print is a warning naming it, never silently dropped.
"""

from __future__ import annotations

from dataclasses import replace

from speechgen.document import Kind
from speechgen.errors import Problem
from speechgen.markup.meta import KINDS, Meta

# The 文种 a title ends with → the kind laid out for it (GB/T 9704 leaves the rest to `generic`).
TITLE_KINDS: dict[str, Kind] = {"通知": "notice", "通报": "bulletin", "督办单": "sheet"}
_OFFICIAL_KEYS = {"issuer": "发文机关（issuer）", "doc_number": "发文字号（doc_number）"}
_KIND_LIST = "、".join(f"kind: {key}（{name}）" for key, name in KINDS.items())


def settle_kind(meta: Meta, title: str, source: str, problems: list[Problem]) -> Meta:
    """Return meta with its kind settled; the inference, a missing kind the official fields need,
    and the given fields that will not be printed are appended to problems."""
    official = [name for key, name in _OFFICIAL_KEYS.items() if getattr(meta, key)]
    if meta.line("kind") is None and official:
        inferred = title_kind(title)
        if inferred is None:
            problems.append(Problem(
                f"写了{'和'.join(official)}，但没有写文种（kind），无法确定版头、发文字号和署名怎样排",
                file=source, row=_first_line(meta),
                hint=f"请在开头信息写文种：{_KIND_LIST}；其他公文写“kind: generic”并加“red_header: true”",
            ))
            return meta
        meta = replace(meta, kind=inferred)
        problems.append(Problem(
            f"没有写文种（kind），按标题排成{KINDS[inferred]}（kind: {inferred}）",
            file=source, row=_first_line(meta), severity="warning",
            hint=f"如不是{KINDS[inferred]}，请在开头信息写明 kind",
        ))
    problems.extend(_unprinted(meta, source))
    return meta


def title_kind(title: str) -> Kind | None:
    """Return the kind a title's last word names ("关于……的通知" → notice), or None."""
    bare = "".join(title.split()).rstrip("。")
    return next((kind for word, kind in TITLE_KINDS.items() if bare.endswith(word)), None)


def _unprinted(meta: Meta, source: str) -> list[Problem]:
    """Return a warning per given field the document will not show, with how to show it."""
    red = meta.red_header if meta.red_header is not None else meta.kind in ("bulletin", "notice")
    signs_with_issuer = meta.kind in ("bulletin", "notice") and not meta.signature
    missing: list[tuple[str, str]] = []
    form_hint = "督办单是一张表：督办单位、日期和责任单位写在表格里"
    if meta.kind == "sheet":  # a form: its 编号 stands under its title; no 主送 of its own
        if meta.addressee:
            missing.append(("addressee", form_hint))
        if meta.issuer and not red and not meta.signature:
            missing.append(("issuer", form_hint))
    elif meta.doc_number and not (red and meta.issuer):
        fix = "请写 issuer（发文机关）" if red else "请写“red_header: true”"
        missing.append(("doc_number", f"发文字号只排在版头里，{fix}"))
    if meta.kind != "sheet" and meta.issuer and not red and not signs_with_issuer:
        missing.append(("issuer", "发文机关不排版头也不署名：要版头请写“red_header: true”，要署名请写 signature"))
    return [
        Problem(f"开头信息“{key}”不会出现在{KINDS[meta.kind]}里", file=source, row=meta.line(key),
                hint=hint, severity="warning")
        for key, hint in missing
    ]


def _first_line(meta: Meta) -> int | None:
    """Return the line of the first official field given (where the reader looks)."""
    lines = [line for key in _OFFICIAL_KEYS if (line := meta.line(key)) is not None]
    return min(lines) if lines else None
