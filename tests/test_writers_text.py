"""The plain-text writer, on Documents built in Python."""

from __future__ import annotations

import pytest

from speechgen.document import (
    Addressee,
    AttachmentHeading,
    AttachmentNote,
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
from speechgen.style import CHARS_PER_LINE, text_width_chars
from speechgen.writers.text import centred, render_text, signature_lines

FW = "\u3000"


def _notice() -> Document:
    return Document(
        "notice",
        (
            RedHeader("示例市重点项目办", "示项办〔2024〕12号"),
            Title("关于开展督查的通知"),
            Addressee("各县（市、区）："),
            Paragraph((Run("一是加快进度。", bold=True), Run("各地要抓紧。"))),
            Heading(1, "一、", "督查内容"),
            Table(("序号", "项目"), (("1", "甲"),), caption="表1 项目"),
            AttachmentNote(("督查方案", "项目清单")),
            Signature("示例市重点项目办", "2024年6月5日"),
            PageBreak(),
            AttachmentHeading("附件1", "督查方案"),
            Imprint("市委办公室。", "示例市重点项目办", "2024年6月5日"),
        ),
        "关于开展督查的通知",
    )


def test_notice_as_text() -> None:
    lines = render_text(_notice()).split("\n")
    assert lines[0].strip(FW + " ") == "示例市重点项目办" and lines[0].startswith(FW)
    assert lines[1].strip(FW + " ") == "示项办〔2024〕12号"
    assert lines[2] == "─" * CHARS_PER_LINE
    assert lines[3] == centred("关于开展督查的通知")
    assert lines[4:7] == ["", "各县（市、区）：", f"{FW}{FW}一是加快进度。各地要抓紧。"]
    assert lines[7] == f"{FW}{FW}一、督查内容"
    assert lines[8:11] == [centred("表1 项目"), "序号\t项目", "1\t甲"]
    assert f"{FW}{FW}附件：1.督查方案" in lines and f"{FW * 5}2.项目清单" in lines
    assert lines[-5:] == [
        "─" * CHARS_PER_LINE,
        "抄送：市委办公室。",
        "示例市重点项目办" + FW * 12 + "2024年6月5日印发",  # 8 + 12 + 8 = 28 characters
        "─" * CHARS_PER_LINE,
        "",
    ]
    assert "附件1" in lines and centred("督查方案") in lines


def test_speech_as_text() -> None:
    doc = Document(
        "speech",
        (Title("讲话"), Subtitle("（2024年6月5日）"), Salutation("同志们："), Paragraph((Run("今天开会。"),))),
        "讲话",
    )
    assert render_text(doc) == "\n".join(
        [centred("讲话"), centred("（2024年6月5日）"), "", "同志们：", f"{FW}{FW}今天开会。", ""]
    )


@pytest.mark.parametrize("sealed", [False, True])
@pytest.mark.parametrize("issuer", ["示例市政府", "示例市重点项目建设领导小组办公室", None])
def test_signature_is_placed_as_the_other_writers_place_it(issuer: str | None, sealed: bool) -> None:
    """One placement rule (style.signature_indents_chars) for .docx, HTML and text (issue 9.5):
    unsealed, the 署名 two characters from the right and the date two characters right of its first
    character; sealed, the date four from the right and the 署名 centred over it."""
    from speechgen.style import signature_indents_chars

    lines = signature_lines(Signature(issuer, "2024年6月5日", sealed))
    issuer_right, date_right = signature_indents_chars(issuer, "2024年6月5日", sealed)
    assert abs(text_width_chars(lines[-1]) - (CHARS_PER_LINE - date_right)) <= 0.5
    if issuer:
        assert abs(text_width_chars(lines[0]) - (CHARS_PER_LINE - issuer_right)) <= 0.5
    if issuer == "示例市政府" and sealed:
        assert abs(_middle(lines[0]) - _middle(lines[1])) <= 0.5
    if issuer == "示例市重点项目建设领导小组办公室" and not sealed:
        start = CHARS_PER_LINE - 2 - text_width_chars(issuer)
        assert text_width_chars(lines[1]) - text_width_chars("2024年6月5日") == start + 2


def _middle(line: str) -> float:
    text = line.lstrip(FW + " ")
    return text_width_chars(line) - text_width_chars(text) / 2
