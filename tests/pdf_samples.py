"""Documents for the HTML and PDF writer tests: every block kind, built in Python (invented text)."""

from __future__ import annotations

from speechgen.document import (
    Addressee,
    AttachmentHeading,
    AttachmentNote,
    Block,
    Document,
    Heading,
    Imprint,
    PageBreak,
    Paragraph,
    RedHeader,
    Run,
    Salutation,
    Signature,
    Subtitle,
    Table,
    Title,
)

SENTENCE = "各责任单位要对照年度计划逐项目梳理节点任务，倒排工期，挂图作战，确保按期完成。"


def body(sentences: int, lead: str | None = None) -> Paragraph:
    """Return a paragraph of repeated invented text, optionally with a bold lead sentence."""
    runs = ((Run(lead, bold=True),) if lead else ()) + (Run(SENTENCE * sentences),)
    return Paragraph(runs)


def every_block_document() -> Document:
    """Return a notice holding every block kind once or more, long enough for several pages."""
    rows = tuple((str(i), f"示范项目{i}号", f"{i * 1234}", f"{i % 9 + 90}.5%") for i in range(1, 46))
    blocks: list[Block] = [
        RedHeader("青川市人民政府办公室文件", "青政办发〔2026〕17号"),
        Title("关于开展重点项目\n建设专项督查的通知"),
        Subtitle("（2026年5月8日）"),
        Salutation("同志们："),
        Addressee("各县（市、区）人民政府，市直有关部门："),
        body(3),
        Heading(1, "一、", "总体情况"),
        Heading(2, "（一）", "进度"),
        Heading(3, "1.", "投资"),
        Heading(4, "（1）", "用地"),
        body(4, "一是抓好前期工作。"),
        *(body(5) for _ in range(6)),
        Table(("序号", "项目名称", "投资（万元）", "完成率"), rows, ("center", "left", "right", "right"),
              "重点项目推进情况表"),
        body(2),
        AttachmentNote(("督查清单", "联系人名单")),
        Signature("青川市人民政府办公室", "2026年5月8日"),
        PageBreak(),
        AttachmentHeading("附件1", "督查清单"),
        body(2),
        Imprint("市委办公室，市人大常委会办公室。", "青川市人民政府办公室", "2026年5月8日"),
    ]
    return Document("notice", tuple(blocks), "关于开展重点项目建设专项督查的通知")


def plain_document(paragraphs: int = 12) -> Document:
    """Return body text only: full pages of 22 lines to measure the grid on."""
    return Document("generic", tuple(body(6) for _ in range(paragraphs)), "正文")
