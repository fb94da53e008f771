"""Web debris inside a paragraph (issue 16): a source or editor line a page appended after the
last sentence is found, named and the fix says what to delete; a 资金来源 is left alone."""

from __future__ import annotations

import pytest

from speechgen.check import check_source, read_bytes


def _debris(paragraph: str) -> list[tuple[str, str]]:
    text = f"同志们：\n\n一、抓开工\n\n{paragraph}\n\n二、抓投资\n\n要抓实。"
    report = check_source(read_bytes(text.encode("utf-8"), "稿.txt", "txt"))
    assert not [f for f in report.findings if f.rule.startswith("paragraph-")], report.render()
    return [(f.message, f.fix) for f in report.findings if f.rule == "web-debris"]


@pytest.mark.parametrize(("paragraph", "tail"), [
    ("项目建设要抓紧，不能等……来源：人民网", "来源：人民网"),
    ("项目建设要抓紧。（责任编辑：王小明）", "（责任编辑：王小明）"),
    ("项目建设要抓紧。 来源：新华社", "来源：新华社"),
    ("项目建设要抓紧。文章来源：www.example.gov.cn/a/123.html", "文章来源：www.example.gov.cn/a/123.html"),
])
def test_debris_at_the_end_of_a_paragraph_is_found(paragraph: str, tail: str) -> None:
    assert _debris(paragraph) == [(f"段落末尾夹着网页附带的文字“{tail}”，不属于正文", f"删去“{tail}”")]


@pytest.mark.parametrize("paragraph", [
    "项目资金来源：财政拨款和社会资本。",
    "要明确资金来源：财政资金、专项债券和社会资本。",
    "一、会议时间：2026年6月12日上午8:30。",
])
def test_ordinary_colons_are_not_debris(paragraph: str) -> None:
    assert _debris(paragraph) == []
