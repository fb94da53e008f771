"""Sample Documents for the .docx tests, built in Python (not Markdown), and helpers to read the parts."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from speechgen import document as d
from speechgen.writers.docx import DocxOptions, render_docx

_FILLER = (
    "今年以来，全市上下围绕年度目标任务，坚持项目为王、实干为先，压紧压实各级责任，"
    "重点项目建设总体保持平稳有序推进态势，完成投资128.6亿元，占年度计划的52.3%，"
    "较时序进度快2.3个百分点。“三个一批”活动扎实开展，新开工项目45个——其中亿元以上项目31个……"
)


def para(text: str, lead: str | None = None) -> d.Paragraph:
    """Return a body paragraph, optionally opening with a bold lead sentence."""
    runs = ((d.Run(lead, bold=True),) if lead else ()) + (d.Run(text),)
    return d.Paragraph(runs)


def notice() -> d.Document:
    """Return a 督查通知 with every 公文 element: 版头, 附件说明, 署名, 附件 table and 版记."""
    table = d.Table(
        header=("序号", "项目名称", "责任单位", "计划投资（万元）", "完成率"),
        rows=(
            ("1", "城东污水处理厂二期工程", "市住建局", "12,500.00", "45.2%"),
            ("2", "高新区智能制造产业园标准厂房及配套基础设施建设项目", "高新区管委会", "86,000", "61.0%"),
            ("3", "G205国道改线工程", "市交通运输局", "230,000", "38.7%"),
        ),
    )
    blocks: tuple[d.Block, ...] = (
        d.RedHeader("青山市人民政府办公室文件", "青政办发〔2026〕7号"),
        d.Title("关于开展全市重点项目建设\n专项督查的通知"),
        d.Addressee("各县（市、区）人民政府，市政府各部门："),
        para("为加快推进全市重点项目建设，经市政府同意，决定开展专项督查。现将有关事项通知如下："),
        d.Heading(1, "一、", "督查时间"),
        para("2026年5月10日至5月20日。"),
        d.Heading(2, "（一）", "督查对象"),
        para("全市2026年度重点项目，共计120个。", "一是全面覆盖。"),
        d.Heading(3, "1.", "自查阶段"),
        d.Heading(4, "（1）", "形成报告"),
        para(_FILLER),
        d.AttachmentNote(("全市重点项目督查清单", "督查工作联系人名单及联系方式汇总表（请于5月8日前报送）")),
        d.Signature("青山市人民政府办公室", "2026年5月8日"),
        d.AttachmentHeading("附件1", "全市重点项目督查清单"),
        table,
        d.Imprint(cc="市委办公室，市人大常委会办公室，市政协办公室。", printer="青山市人民政府办公室",
                  print_date="2026年5月8日"),
    )
    return d.Document(kind="notice", blocks=blocks, title="关于开展全市重点项目建设专项督查的通知")


def speech(paragraphs: int = 30) -> d.Document:
    """Return a 讲话稿 of several pages: title, byline, 称谓, headings and body paragraphs."""
    blocks: list[d.Block] = [
        d.Title("在全市重点项目建设推进会上的讲话"),
        d.Subtitle("市长　李明"),
        d.Subtitle("（2026年5月8日）"),
        d.Salutation("同志们："),
    ]
    markers = ("一、", "二、", "三、")
    for i in range(paragraphs):
        if i % 10 == 0:
            blocks.append(d.Heading(1, markers[(i // 10) % 3], "认清形势，坚定信心"))
        blocks.append(para(_FILLER * (1 + i % 2), "一是抓进度。" if i % 3 == 0 else None))
    return d.Document(kind="speech", blocks=tuple(blocks), title="在全市重点项目建设推进会上的讲话")


def minimal() -> d.Document:
    """Return a two-paragraph document: one title, one body paragraph."""
    return d.Document(kind="generic", blocks=(d.Title("标题"), para("正文第一段。")), title="标题")


SAMPLES = {"notice": notice, "speech": speech, "minimal": minimal}

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}


def q(name: str) -> str:
    """Return the Clark name of a w: element or attribute: q("pgSz") → "{…main}pgSz"."""
    return f"{{{W_NS}}}{name}"


def parts(data: bytes) -> dict[str, bytes]:
    """Return every part of a .docx by its zip name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def part_xml(data: bytes, name: str) -> etree._Element:
    """Return one part of a .docx parsed with lxml ("word/document.xml")."""
    return etree.fromstring(parts(data)[name])


def style_element(styles: etree._Element, style_id: str) -> etree._Element:
    """Return the w:style with that id from a parsed styles.xml."""
    found = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, style_id
    return found


def paragraphs_with_style(document: etree._Element, style_id: str) -> list[etree._Element]:
    """Return the body paragraphs whose w:pStyle is style_id."""
    return document.xpath(f".//w:p[w:pPr/w:pStyle/@w:val='{style_id}']", namespaces=NS)


def text_of(element: etree._Element) -> str:
    """Return the text of every w:t under element."""
    return "".join(element.itertext(q("t")))


def render(doc: d.Document, **options: object) -> bytes:
    """Return the .docx bytes of doc with the given DocxOptions fields."""
    return render_docx(doc, DocxOptions(**options))  # type: ignore[arg-type]


def body_of(*blocks: d.Block) -> list[etree._Element]:
    """Return the children of w:body (paragraphs and tables) without the sectPr."""
    document = part_xml(render_docx(d.Document("generic", blocks)), "word/document.xml")
    return [child for child in document.find("w:body", NS) if child.tag != q("sectPr")]


def style_of(paragraph: etree._Element) -> str | None:
    found = paragraph.find("w:pPr/w:pStyle", NS)
    return found.get(q("val")) if found is not None else None
