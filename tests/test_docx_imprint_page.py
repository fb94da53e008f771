"""The 版记 under an attachment table (issue 16): when the page where the table ends has no room
for it, the .docx starts the 版记 on the next page, so LibreOffice does not carry the table (and
leave the attachment title alone); when there is room, the 版记 stays on the table's page."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from speechgen import api
from speechgen import document as d
from speechgen.writers.docx import geometry, render_docx
from speechgen.writers.docx.page_fill import imprint_fits, imprint_height, page_fill

NOTICE = Path(__file__).resolve().parent.parent / "examples" / "notice.md"
IMPRINT = d.Imprint("市委办公室，市人大常委会办公室，市政府办公室，市政协办公室。", "示例市重点项目建设领导小组办公室",
                    "2024年6月12日")
HEADER = ("序号", "县（市、区）", "项目名称", "年度计划投资（万元）", "1—5月完成投资（万元）", "完成率（%）")


def _rows(count: int) -> tuple[tuple[str, ...], ...]:
    row = ("东城区", "东城区智能装备产业园（一期）", "32000", "15236", "47.6")
    return tuple((str(i), *row) for i in range(1, count + 1))


def _notice(rows: int) -> d.Document:
    return d.Document("notice", (
        d.Title("关于开展专项督查的通知"), d.Paragraph((d.Run("正文。"),)),
        d.AttachmentHeading("附件", "2024年6月重点项目专项督查项目清单"), d.Table(HEADER, _rows(rows)), IMPRINT))


def _imprint_breaks_page(data: bytes) -> bool:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    before_float = xml[:xml.index("<w:tblpPr")]
    anchor = before_float[before_float.rindex("<w:p>"):]  # the paragraph the floating 版记 follows
    return "<w:pageBreakBefore/>" in anchor


def test_a_full_attachment_page_sends_the_imprint_to_the_next_page() -> None:
    assert _imprint_breaks_page(render_docx(api.parse_markup_file(NOTICE)))
    assert _imprint_breaks_page(render_docx(_notice(10)))  # rows to within 2 lines of the foot
    assert _imprint_breaks_page(render_docx(_notice(24)))  # the same on the table's second page


def test_an_imprint_that_fits_stays_under_its_table() -> None:
    assert not _imprint_breaks_page(render_docx(_notice(3)))
    assert not _imprint_breaks_page(render_docx(_notice(14)))  # the table's second page has room


def test_the_page_fill_counts_rows_and_repeats_the_header_on_each_page() -> None:
    page = geometry.PORTRAIT
    heading = d.AttachmentHeading("附件", "2024年6月重点项目专项督查项目清单")
    short, long = (page_fill([heading, d.Table(HEADER, _rows(n))], page) for n in (3, 40))
    assert short is not None and long is not None and 0 < short < page.text_height and 0 < long < page.text_height
    one_more = page_fill([heading, d.Table(HEADER, _rows(4))], page)
    assert one_more is not None and one_more > short  # every row adds its height
    assert page_fill([d.Paragraph((d.Run("正文。"),))], page) is None  # body text is not measured
    assert imprint_fits([d.Paragraph((d.Run("正文。"),))], IMPRINT, page)
    assert 2 * geometry.pt(28.95) <= imprint_height(IMPRINT, page) <= 3 * geometry.pt(28.95) + 1
