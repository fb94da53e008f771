"""Units of the dialect reader: value normalisers, marker stripping, decoding, whole examples."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from shared_corpus import CORPUS, MISSING
from speechgen.document import (
    Addressee,
    AttachmentHeading,
    AttachmentNote,
    Heading,
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
from speechgen.errors import InputError, MarkupError
from speechgen.markup import decode_markup, parse_markup
from speechgen.markup.headings import strip_marker
from speechgen.markup.meta import BadValue, read_date, read_doc_number

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2024-06-05", "2024年6月5日"),
        ("2024-6-5", "2024年6月5日"),
        ("2024/6/5", "2024年6月5日"),
        ("2024.06.05", "2024年6月5日"),
        ("2024年06月05日", "2024年6月5日"),
        ("２０２４年６月５日", "2024年6月5日"),
        ("二〇二四年六月五日", "2024年6月5日"),
        ("二〇二四年十二月三十一日", "2024年12月31日"),
        ("二〇二四年十月十日", "2024年10月10日"),
    ],
)
def test_dates_are_normalised(given: str, expected: str) -> None:
    assert read_date(given) == expected


@pytest.mark.parametrize(
    "bad", ["2024-02-30", "2024-13-01", "6月5日", "二〇二四年六月", "二〇二四年十一十月五日", "明天", 20240605]
)
def test_bad_dates_are_refused(bad: object) -> None:
    with pytest.raises(BadValue):
        read_date(bad)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("示项办〔2024〕12号", "示项办〔2024〕12号"),
        ("示项办[2024]12号", "示项办〔2024〕12号"),
        ("示项办(2024)12号", "示项办〔2024〕12号"),
        ("示项办（2024）012号", "示项办〔2024〕12号"),
        ("示项办【2024】第3号", "示项办〔2024〕3号"),
        ("示政办发〔２０２４〕１号", "示政办发〔2024〕1号"),
    ],
)
def test_doc_numbers_are_normalised(given: str, expected: str) -> None:
    assert read_doc_number(given) == expected


@pytest.mark.parametrize("bad", ["示项办2024年12号", "〔2024〕12号", "示项办〔24〕12号", "示项办〔2024〕0号"])
def test_bad_doc_numbers_are_refused(bad: str) -> None:
    with pytest.raises(BadValue, match="发文字号"):
        read_doc_number(bad)


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("一、督查内容", "督查内容"),
        ("（二）加快进度", "加快进度"),
        ("(二) 加快进度", "加快进度"),
        ("第三，强化保障", "强化保障"),
        ("第三,强化保障", "强化保障"),
        ("十二、其他", "其他"),
        ("1.项目", "项目"),
        ("1、项目", "项目"),
        ("（1）项目", "项目"),
        ("第一季度项目进展", "第一季度项目进展"),
        ("1.5亿元资金到位", "1.5亿元资金到位"),
        ("一是加快进度", "一是加快进度"),
        ("2024年工作安排", "2024年工作安排"),
    ],
)
def test_typed_markers_are_stripped(typed: str, text: str) -> None:
    assert strip_marker(typed) == text


def test_problems_name_the_file_and_line() -> None:
    with pytest.raises(MarkupError) as caught:
        parse_markup("# 标题\n\n正文。\n\n- 列表\n", source="通知.md")
    (problem,) = caught.value.problems
    assert (problem.file, problem.row) == ("通知.md", 5)
    assert caught.value.messages()[0].startswith("通知.md › 第5行：不支持列表")
    assert caught.value.exit_code == 2


def test_crlf_and_bom_parse_like_lf() -> None:
    text = "---\ntitle: 标题\n---\n\n各地要\n抓紧推进。\n"
    assert parse_markup("\ufeff" + text.replace("\n", "\r\n")) == parse_markup(text)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_hand_written_files_decode(encoding: str) -> None:
    text = "# 关于开展重点项目督查的通知\n\n特此通知。\n"
    assert decode_markup(text.encode(encoding), "稿件.md") == text


@pytest.mark.parametrize("data", [b"PK\x03\x04\x14\x00\x06\x00binary", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_binary_files_are_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="不是文本文件"):
        decode_markup(data, "稿件.docx")


def test_speech_example_structure() -> None:
    doc = parse_markup((EXAMPLES / "speech.md").read_text(encoding="utf-8"), "speech.md")
    kinds = [type(block) for block in doc.blocks[:4]]
    assert (doc.kind, kinds) == ("speech", [Title, Subtitle, Subtitle, Salutation])
    parts = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [h.marker for h in parts] == ["第一，", "第二，", "第三，"]
    leads: list[list[str]] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            leads.append([])
        elif isinstance(block, Paragraph) and leads and block.runs[0].bold:
            leads[-1].append(block.runs[0].text[:2])
    assert all(3 <= len(part) <= 4 for part in leads)
    assert all(part == ["一是", "二是", "三是", "四是"][: len(part)] for part in leads)
    assert not any(isinstance(b, Signature | RedHeader) for b in doc.blocks)


def test_notice_example_order() -> None:
    doc = parse_markup((EXAMPLES / "notice.md").read_text(encoding="utf-8"), "notice.md")
    order = [type(b) for b in doc.blocks if not isinstance(b, Heading | Paragraph)]
    assert order == [
        RedHeader,
        Title,
        Addressee,
        AttachmentNote,
        Signature,
        PageBreak,
        AttachmentHeading,
        Table,
        Imprint,
    ]
    assert [h.full_text for h in doc.blocks if isinstance(h, Heading) and h.level == 1] == [
        "一、督查内容",
        "二、督查方式和时间安排",
        "三、工作要求",
    ]
    body = doc.text()
    assert "特此通知。" in body and "联系电话" in body
    assert "X" not in body.replace("XX", "") and "XX" not in body


def _decimal(cell: str) -> Decimal:
    return Decimal(cell)


def test_notice_example_table_adds_up() -> None:
    doc = parse_markup((EXAMPLES / "notice.md").read_text(encoding="utf-8"))
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    *projects, total = table.rows
    assert total[0] == "合计" and [row[0] for row in projects] == [str(i) for i in range(1, len(projects) + 1)]
    for plan, done, rate in [(_decimal(r[3]), _decimal(r[4]), r[5]) for r in (*projects, total)]:
        assert str((done / plan * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)) == rate
    assert sum(_decimal(r[3]) for r in projects) == _decimal(total[3])
    assert sum(_decimal(r[4]) for r in projects) == _decimal(total[4])
    # the body says 4 groups of 3 people, 3 projects in each of 4 counties, 12 in all
    assert len(projects) == 12 and len({r[1] for r in projects}) == 4


def test_speech_example_figures_agree() -> None:
    text = (EXAMPLES / "speech.md").read_text(encoding="utf-8")
    done, plan, rate = Decimal("118.5"), Decimal("300"), Decimal("39.5")
    assert (done / plan * 100).quantize(Decimal("0.1"), ROUND_HALF_UP) == rate
    schedule = (Decimal(5) / 12 * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    assert f"时序进度{schedule}%落后{schedule - rate}个百分点" in text
    assert "计划新开工项目45个，目前已开工31个，开工率68.9%，还有14个" in text
    assert "46.3%，高于时序进度4.6个百分点" in text and "28.4%，落后时序进度13.3个百分点" in text
    assert f"达到{plan / 2:.0f}亿元" in text and f"还要完成{plan / 2 - done}亿元" in text


@pytest.mark.skipif(CORPUS is None, reason=MISSING)
@pytest.mark.parametrize("name", ["speech.md", "notice.md"])
def test_examples_do_not_copy_the_corpus(name: str) -> None:
    corpus = "".join(path.read_text(encoding="utf-8", errors="replace") for path in CORPUS.glob("*.txt"))
    corpus = re.sub(r"\s", "", corpus)
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    clauses = [c for c in re.split(r"[，。；：！？\n]", text) if len(c) >= 10 and not c.startswith(("#", "|", "-"))]
    copied = [c for c in clauses if c in corpus]
    assert copied == []
