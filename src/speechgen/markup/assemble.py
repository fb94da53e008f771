"""Meta + body blocks → Document, in the order of docs/dialect.md:

版头 → title → subtitles → 主送机关 → body → 附件说明 → 署名/成文日期 → attachments → 版记.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from speechgen.document import (
    Addressee,
    AttachmentHeading,
    AttachmentNote,
    Block,
    Document,
    FormTitle,
    Imprint,
    PageBreak,
    Paragraph,
    RedHeader,
    Salutation,
    Signature,
    Subtitle,
    Table,
    Title,
)
from speechgen.errors import Problem
from speechgen.markup.headings import number_headings
from speechgen.markup.kind import settle_kind
from speechgen.markup.meta import Meta

# 称谓: a short line of address ending in a colon, no sentence inside ("同志们：", "各位领导、同志们：").
_SALUTATION = re.compile(r"^[^。；;，,！!？?]{1,30}[：:]$")


@dataclass(frozen=True)
class Attachment:
    """One ``# 附件…`` section: its heading as written and its blocks."""

    heading: AttachmentHeading
    blocks: list[Block]


def assemble(meta: Meta, blocks: list[Block], source: str, problems: list[Problem]) -> Document:
    """Return the Document; problems found on the way are appended to problems."""
    title, blocks = _take_title(meta, blocks, source, problems)
    meta = settle_kind(meta, title.text if title else "", source, problems)
    body, attachments = _split_attachments(blocks)
    style = meta.numbering_style
    body = _salutation(meta, number_headings(body, style, source, problems))
    if meta.kind == "sheet":  # a 督办单's tables are its form
        body = [replace(block, form=True) if isinstance(block, Table) else block for block in body]
    for attachment in attachments:
        attachment.blocks[:] = number_headings(attachment.blocks, style, source, problems)
    parts: list[Block] = [
        *_header(meta, title, source, problems),
        *body,
        *_attachment_note(meta, attachments, source, problems),
        *_signature(meta, source, problems),
        *_attachment_pages(meta, attachments),
        *_imprint(meta),
    ]
    return Document(meta.kind, tuple(parts), title.text if title else "")


def _take_title(
    meta: Meta, blocks: list[Block], source: str, problems: list[Problem]
) -> tuple[Title | None, list[Block]]:
    """Return the title (front matter, else a leading ``#``) and the blocks without it."""
    title = Title(meta.title, source_line=meta.line("title")) if meta.title else None
    rest: list[Block] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Title):
            rest.append(block)
        elif title is None and index == 0:
            title = block
        elif meta.title and _same_title(block.text, meta.title):
            problems.append(
                Problem(
                    f"# 标题“{block.text}”与开头信息的标题（title）相同，只排一次",
                    file=source,
                    row=block.source_line,
                    hint="可删去这一行或开头信息的 title",
                    severity="warning",
                )
            )
        else:
            why = "与开头信息的标题（title）不同" if meta.title else "文件只能有一个标题，且须在正文最前面"
            problems.append(
                Problem(
                    f"多余的 # 标题“{block.text}”：{why}",
                    file=source,
                    row=block.source_line,
                    hint=("两个标题只留一个；" if meta.title else "") + "一级层次标题请用 ##；附件请写成“# 附件1 标题”",
                )
            )
    if title is None:
        problems.append(
            Problem("没有标题", file=source, row=1, hint="请在开头信息写“title: 标题”，或在正文第一行写“# 标题”")
        )
    return title, rest


def _same_title(written: str, front: str) -> bool:
    """Return True when two titles read the same (line breaks and spaces aside)."""
    def bare(text: str) -> str:
        return "".join(text.split())

    return bare(written) == bare(front)


def _split_attachments(blocks: list[Block]) -> tuple[list[Block], list[Attachment]]:
    """Return the body and the attachments; a page break just before ``# 附件`` is implied."""
    body: list[Block] = []
    attachments: list[Attachment] = []
    for block in blocks:
        target = attachments[-1].blocks if attachments else body
        if isinstance(block, AttachmentHeading):
            if target and isinstance(target[-1], PageBreak):
                target.pop()
            attachments.append(Attachment(block, []))
        else:
            target.append(block)
    return body, attachments


def _salutation(meta: Meta, body: list[Block]) -> list[Block]:
    """Return body with a speech's leading "同志们：" paragraph as the Salutation."""
    first = body[0] if body else None
    if meta.kind != "speech" or not isinstance(first, Paragraph) or any(run.bold for run in first.runs):
        return body
    if not _SALUTATION.match(first.text):
        return body
    text = first.text[:-1] + "："
    return [Salutation(text, source_line=first.source_line), *body[1:]]


def _header(meta: Meta, title: Title | None, source: str, problems: list[Problem]) -> list[Block]:
    """Return 版头, title, subtitles and 主送机关."""
    blocks: list[Block] = []
    wants_red = meta.red_header if meta.red_header is not None else meta.kind in ("bulletin", "notice")
    if wants_red and meta.issuer:
        blocks.append(RedHeader(meta.issuer, meta.doc_number, source_line=meta.line("issuer")))
    elif meta.red_header and not meta.issuer:
        problems.append(
            Problem(
                "要求版头（red_header: true）但没有发文机关",
                file=source,
                row=meta.line("red_header"),
                hint="请在开头信息写“issuer: 发文机关名称”",
            )
        )
    if title and meta.kind == "sheet":
        blocks.append(FormTitle(title.text, source_line=title.source_line, number=meta.doc_number))
    elif title:
        blocks.append(title)
    blocks.extend(Subtitle(line, source_line=meta.line("subtitle")) for line in meta.subtitle)
    if meta.addressee and meta.kind != "sheet":
        blocks.append(Addressee(meta.addressee, source_line=meta.line("addressee")))
    return blocks


def _attachment_note(meta: Meta, attachments: list[Attachment], source: str, problems: list[Problem]) -> list[Block]:
    """Return the 附件说明: front matter ``attachments``, else the attachment titles."""
    if meta.attachments is not None:
        if len(attachments) > len(meta.attachments):
            problems.append(
                Problem(
                    f"开头信息列了{len(meta.attachments)}个附件，正文却有{len(attachments)}个“# 附件”部分",
                    file=source,
                    row=meta.line("attachments"),
                    hint="请让两处的附件个数一致",
                )
            )
        return [AttachmentNote(meta.attachments, source_line=meta.line("attachments"))]
    if not attachments:
        return []
    untitled = [a.heading for a in attachments if not a.heading.title]
    for heading in untitled:
        problems.append(
            Problem(
                f"“# {heading.label}”没有附件标题，无法生成附件说明",
                file=source,
                row=heading.source_line,
                hint="请写成“# 附件1 标题”，或在开头信息用 attachments 列出附件名称",
            )
        )
    items = tuple(a.heading.title or "" for a in attachments)
    return [] if untitled else [AttachmentNote(items, source_line=attachments[0].heading.source_line)]


def _signature(meta: Meta, source: str, problems: list[Problem]) -> list[Block]:
    """Return 署名 and 成文日期: bulletins and notices sign with the issuer; speeches and 督办单 only
    when ``signature`` is given (a speech's date belongs in its subtitle, a form's in its table)."""
    official = meta.kind in ("bulletin", "notice")
    signer = meta.signature or (meta.issuer if official else None)
    if meta.kind in ("speech", "sheet") and not meta.signature:
        return []
    if signer and not meta.date:
        problems.append(
            Problem(
                "有发文机关署名但没有成文日期",
                file=source,
                row=meta.line("signature") or meta.line("issuer"),
                hint="请在开头信息写“date: 2024-06-05”",
            )
        )
        return []
    if not meta.date:
        return []
    line = meta.line("signature") or meta.line("date")
    return [Signature(signer, meta.date, sealed=meta.sealed, source_line=line)]


def _attachment_pages(meta: Meta, attachments: list[Attachment]) -> list[Block]:
    """Return each attachment on a new page, labelled 附件 (one) or 附件N (several, GB/T 7.3.4)."""
    total = len(meta.attachments) if meta.attachments is not None else len(attachments)
    blocks: list[Block] = []
    for position, attachment in enumerate(attachments, 1):
        heading = attachment.heading
        typed = heading.label.removeprefix("附件")
        label = "附件" if total <= 1 else f"附件{typed or position}"
        blocks.append(PageBreak(source_line=heading.source_line))
        blocks.append(replace(heading, label=label))
        blocks.extend(attachment.blocks)
    return blocks


def _imprint(meta: Meta) -> list[Block]:
    """Return the 版记 (抄送, 印发机关 and 印发日期) when any of them is given."""
    if not (meta.cc or meta.printer or meta.print_date):
        return []
    line = meta.line("cc") or meta.line("printer") or meta.line("print_date")
    return [Imprint(meta.cc, meta.printer, meta.print_date, source_line=line)]
