"""Titles turned between words, in even lines (GB/T 9704 7.3.1), the same in the .docx and the HTML."""

from __future__ import annotations

import pytest

from docx_samples import NS, body_of, para, q, style_of
from speechgen import document as d
from speechgen import style
from speechgen.writers.docx import geometry
from speechgen.writers.html import render_block
from speechgen.writers.titles import title_lines, title_width_chars

WIDTH = title_width_chars()

TITLES = [  # title → the lines it is set in on the portrait 版心
    ("关于开展全市重点项目建设专项督查的通知", ("关于开展全市重点项目建设专项督查的通知",)),
    ("2026年1—5月各县区重点项目建设推进情况统计表", ("2026年1—5月各县区", "重点项目建设推进情况统计表")),
    ("关于2024年1—5月全市重点项目建设进展情况的通报", ("关于2024年1—5月全市", "重点项目建设进展情况的通报")),
    ("在全市重点项目建设推进暨招商引资工作调度会上的讲话", ("在全市重点项目建设推进", "暨招商引资工作调度会上的讲话")),
    ("示例市重点项目建设领导小组办公室关于进一步加快重点项目前期工作的通知",
     ("示例市重点项目建设领导小组办公室", "关于进一步加快重点项目前期工作的通知")),
]


def test_a_portrait_title_line_holds_twenty_2hao_characters() -> None:
    assert int(WIDTH) == 20  # 156 mm / 22 pt
    assert title_width_chars(geometry.LANDSCAPE) == pytest.approx(225 / 156 * WIDTH, rel=1e-3)


@pytest.mark.parametrize(("title", "lines"), TITLES)
def test_titles_turn_between_words(title: str, lines: tuple[str, ...]) -> None:
    assert title_lines(title, WIDTH) == lines
    assert all(style.text_width_chars(line) <= WIDTH for line in lines)


def test_dates_figures_and_function_words_stay_with_their_neighbours() -> None:
    lines = title_lines("关于2024年1—5月全市重点项目建设进展情况的通报", 12)
    assert all(not line.endswith("关于") and not line.startswith("的") for line in lines)
    assert any("2024年1—5月" in line for line in lines)  # a date is never torn
    book = title_lines("关于印发《示例市重点项目管理办法（试行）》的通知", 8)
    assert all(not line.startswith(("）", "》", "，")) and not line.endswith(("《", "（")) for line in book)


def test_the_authors_line_breaks_are_kept() -> None:
    broken = ("关于开展全市重点项目", "建设专项督查的通知")
    assert title_lines("\n".join(broken), WIDTH) == broken


def _docx_title_lines(paragraph) -> list[str]:  # type: ignore[no-untyped-def]
    lines, current = [], ""
    for node in paragraph.iter(q("t"), q("br")):
        if node.tag == q("br"):
            lines.append(current)
            current = ""
        else:
            current += node.text or ""
    return [*lines, current]


def test_both_writers_break_title_and_attachment_title_alike() -> None:
    title, attachment = TITLES[1][0], TITLES[4][0]
    children = body_of(d.Title(title), para("正文。"), d.AttachmentHeading("附件", attachment), para("内容。"))
    docx_title = next(c for c in children if style_of(c) == "Title")
    docx_attachment = next(c for c in children if style_of(c) == "AttachmentTitle")
    assert _docx_title_lines(docx_title) == list(title_lines(title, WIDTH))
    assert _docx_title_lines(docx_attachment) == list(title_lines(attachment, WIDTH))
    html_title = render_block(d.Title(title))
    assert html_title.count("<br/>") == 1 and "<span>2026年1—5月各县区</span><br/>" in html_title
    html_attachment = render_block(d.AttachmentHeading("附件", attachment))
    assert "<span>示例市重点项目建设领导小组办公室</span><br/><span>关于" in html_attachment
    assert docx_title.find("w:pPr/w:pStyle", NS) is not None


def test_a_landscape_attachment_title_uses_the_wider_line() -> None:
    title = "2026年1—5月各县区重点项目建设推进情况统计表"
    assert "<br/>" not in render_block(d.AttachmentHeading("附件", title), landscape=True)


def test_the_title_module_imports_on_its_own() -> None:
    """compose's title_lines filter imports writers/titles.py first: no import cycle through docx/."""
    import subprocess
    import sys

    code = "import speechgen.writers.titles as t; print(int(t.title_width_chars()))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "20", done.stderr
