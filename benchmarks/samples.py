"""Sample Documents for benchmarks and visual checks, built in Python from invented sentences.

The text is fictional and written for this project: a city, its projects and figures are made up.
"""

from __future__ import annotations

import random

from speechgen.document import (
    Addressee,
    AttachmentHeading,
    AttachmentNote,
    Block,
    Document,
    Heading,
    Imprint,
    Paragraph,
    RedHeader,
    Run,
    Salutation,
    Signature,
    Subtitle,
    Table,
    Title,
)

SENTENCES = (
    "今年以来，全市上下围绕年度目标任务，紧盯项目建设不放松，各项工作总体进展平稳。",
    "截至4月底，纳入调度的128个重点项目累计完成投资215.6亿元，占年度计划的38.2%。",
    "新开工项目42个，较去年同期增加7个，续建项目复工率达到100%。",
    "从分领域情况看，产业类项目推进较快，基础设施类项目进度与时序基本同步。",
    "但也要清醒看到，部分项目前期手续办理偏慢，要素保障还存在短板。",
    "个别单位对项目调度重视不够，信息报送不及时、不准确的问题仍然存在。",
    "各责任单位要对照年度计划，逐项目梳理节点任务，倒排工期、挂图作战。",
    "对土地、资金、能耗等要素制约，要建立清单，明确责任人和完成时限。",
    "包保领导要经常深入项目一线，面对面协调解决实际困难，做到问题不过夜。",
    "要把安全生产摆在突出位置，严格落实施工现场各项防护措施，坚决守住安全底线。",
    "发展改革部门要加强统筹调度，每月通报进展情况，对滞后项目实行挂牌督办。",
    "自然资源、生态环境等部门要开辟审批绿色通道，压缩办理时限，提高服务效率。",
    "金融机构要加大信贷投放力度，积极对接项目融资需求，降低企业融资成本。",
    "要坚持以项目论英雄、以实绩论英雄，把项目建设成效作为检验干部作风的重要标尺。",
    "对工作不力、进度严重滞后的单位，要约谈主要负责同志，并在全市范围内通报。",
    "同时，要注重储备一批带动性强、质量效益好的接续项目，确保发展后劲。",
)
LEADS = ("抓好前期工作。", "强化要素保障。", "压实工作责任。", "优化服务环境。", "严格督查考核。")
ORDINALS = "一二三四五六七八九十"
SUBHEADS = ("坚持问题导向，集中攻坚破难", "坚持精准调度，加快建设进度", "坚持服务先行，优化发展环境")
HEADS = ("认清形势，切实增强抓项目促发展的紧迫感", "突出重点，全力推动项目建设提速增效",
         "压实责任，凝聚狠抓落实的强大合力")


def body_paragraph(rng: random.Random, sentences: int, lead: str | None = None) -> Paragraph:
    """Return a paragraph of invented sentences, optionally opening with a bold lead sentence."""
    text = "".join(rng.choice(SENTENCES) for _ in range(sentences))
    runs = ((Run(lead, bold=True),) if lead else ()) + (Run(text),)
    return Paragraph(runs)


def speech_document(target_chars: int = 6000, seed: int = 7) -> Document:
    """Return a speech of about target_chars characters in three parts (≈ 11 pages at 6,000)."""
    rng = random.Random(seed)
    blocks: list[Block] = [
        Title("在全市重点项目建设推进会上的讲话"),
        Subtitle("市人民政府副市长　王明远"),
        Subtitle("（2026年5月8日）"),
        Salutation("同志们："),
        body_paragraph(rng, 3),
    ]
    quota = max(1, (target_chars - 1000) // (len(HEADS) * len(SUBHEADS)))
    for number, head in enumerate(HEADS):
        blocks.append(Heading(1, ORDINALS[number] + "、", head))
        for sub_number, sub in enumerate(SUBHEADS):
            blocks.append(Heading(2, f"（{ORDINALS[sub_number]}）", sub))
            written = 0
            for lead_number in range(len(ORDINALS)):
                if written >= quota:
                    break
                lead = ORDINALS[lead_number] + "是" + LEADS[lead_number % len(LEADS)]
                para = body_paragraph(rng, rng.randint(2, 4), lead)
                blocks.append(para)
                written += len(para.text)
    blocks.append(body_paragraph(rng, 3))
    blocks.append(Paragraph((Run("同志们，任务艰巨，责任重大。让我们以更加饱满的热情、更加务实的作风，"
                                 "确保全年目标任务圆满完成！"),)))
    return Document("speech", tuple(blocks), "在全市重点项目建设推进会上的讲话")


def notice_document(seed: int = 3, rows: int = 40) -> Document:
    """Return a 通知 with every block kind: red header, headings of all levels, a table of ``rows``
    projects, attachment note, signature, an attachment page and the 版记."""
    rng = random.Random(seed)
    rows = tuple(
        (str(i), f"示范项目{i:02d}号", f"{rng.randint(1, 90) * 1000 + rng.randint(0, 999)}",
         f"{rng.randint(10, 99)}.{rng.randint(0, 9)}%", rng.choice(("正常推进", "滞后", "已完工")))
        for i in range(1, rows + 1)
    )
    blocks: list[Block] = [
        RedHeader("青川市人民政府办公室文件", "青政办发〔2026〕17号"),
        Title("青川市人民政府办公室\n关于开展重点项目建设专项督查的通知"),
        Addressee("各县（市、区）人民政府，市直有关部门："),
        body_paragraph(rng, 3),
        Paragraph((Run("为加快推进全市重点项目建设，经市政府同意，决定开展专项督查。现将有关事项通知如下："),)),
        Heading(1, "一、", "督查时间"),
        body_paragraph(rng, 2),
        Heading(1, "二、", "督查内容"),
        Heading(2, "（一）", "项目进度情况"),
        body_paragraph(rng, 4, "一是核查投资完成情况。"),
        body_paragraph(rng, 3, "二是核查形象进度。"),
        Heading(3, "1.", "前期手续办理"),
        body_paragraph(rng, 3),
        Heading(4, "（1）", "用地审批"),
        body_paragraph(rng, 5),
        Heading(2, "（二）", "要素保障情况"),
        *(body_paragraph(rng, 4) for _ in range(5)),
        Table(("序号", "项目名称", "计划投资（万元）", "完成率", "状态"), rows,
              ("center", "left", "right", "right", "center"), "重点项目推进情况表"),
        Heading(1, "三、", "工作要求"),
        body_paragraph(rng, 4),
        Paragraph((Run("特此通知。"),)),
        AttachmentNote(("重点项目专项督查清单", "督查工作联系人名单")),
        Signature("青川市人民政府办公室", "2026年5月8日"),
        AttachmentHeading("附件1", "重点项目专项督查清单"),
        body_paragraph(rng, 4),
        AttachmentHeading("附件2", "督查工作联系人名单"),
        body_paragraph(rng, 2),
        Imprint("市委办公室，市人大常委会办公室，市政协办公室。", "青川市人民政府办公室", "2026年5月8日"),
    ]
    return Document("notice", tuple(blocks), "关于开展重点项目建设专项督查的通知")
