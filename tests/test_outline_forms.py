"""Outline recognition on made-up drafts: every marker form, headings alone or run-in, openings
with enumerations, traditional characters, web debris, encodings and the three input formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechgen.check import read_bytes
from speechgen.check.outline import outline_source
from speechgen.cli import main


def _outline(text: str, encoding: str = "utf-8") -> dict:
    return outline_source(read_bytes(text.encode(encoding), "稿.txt", "txt")).to_json()


def _parts(text: str) -> list[tuple[str, str, int]]:
    return [(p["marker"], p["heading"], p["points"]) for p in _outline(text)["parts"]]


def _speech(markers: list[str], sub: list[str], *, alone: bool = True) -> str:
    """Return a three-part speech with the given level-1 markers and level-2 markers."""
    lines = ["在全县项目推进会上的讲话", "同志们：", "今天开会，研究项目推进工作。下面，我讲三点意见。"]
    for marker, topic in zip(markers, ("统一思想", "聚焦重点", "压实责任"), strict=True):
        lines.append(f"{marker}{topic}，扎实推进" + ("" if alone else "。这一部分讲的是道理。"))
        for item in sub:
            lines.append(f"{item}要把工作做细。具体措施要跟上。")
    lines.append("同志们，让我们一起努力！")
    return "\n".join(lines)


@pytest.mark.parametrize(("top", "second"), [
    (["一、", "二、", "三、"], ["（一）", "（二）"]),
    (["一、", "二、", "三、"], ["(一)", "(二)"]),
    (["第一，", "第二，", "第三，"], ["一是", "二是"]),
    (["第一,", "第二,", "第三,"], ["1、", "2、"]),
    (["一、", "二、", "三、"], ["1.", "2."]),
    (["（一）", "（二）", "（三）"], ["1.", "2."]),
    (["一、", "二、", "三、"], ["首先，", "其次，"]),
    (["1.", "2.", "3."], ["（1）", "（2）"]),
])
def test_marker_forms(top: list[str], second: list[str]) -> None:
    result = _outline(_speech(top, second))
    assert result["title"] == "在全县项目推进会上的讲话"
    assert result["salutation"] is True
    assert [(p["marker"], p["points"]) for p in result["parts"]] == [(m, len(second)) for m in top]
    assert result["parts"][0]["heading"] == "统一思想，扎实推进"
    assert result["closing"] == "同志们，让我们一起努力"


def test_run_in_heading_is_the_first_sentence() -> None:
    parts = _parts(_speech(["一、", "二、", "三、"], [], alone=False))
    assert parts == [("一、", "统一思想，扎实推进", 0), ("二、", "聚焦重点，扎实推进", 0),
                     ("三、", "压实责任，扎实推进", 0)]


def test_run_in_points_inside_paragraphs() -> None:
    text = "\n".join([
        "一、抓进度。要抓紧。一是倒排工期。二是加密调度；三是强化督查。",
        "二、抓保障。一要保用地。二要保资金。",
        "三、抓作风。",
    ])
    assert _parts(text) == [("一、", "抓进度", 3), ("二、", "抓保障", 2), ("三、", "抓作风", 0)]


def test_opening_enumeration_is_not_the_body() -> None:
    text = "\n".join([
        "同志们：",
        "这次观摩收获很大：一是看到了进展。二是看到了差距。三是看到了信心。",
        "下面讲两个方面：",
        "一、提高认识",
        "第一，要认清形势。形势逼人。",
        "第二，要找准差距。",
        "二、狠抓落实",
        "首先，要压实责任。",
        "其次，要强化督查。",
        "最后，要严格考核。",
    ])
    result = _outline(text)
    assert result["title"] is None
    assert [(p["marker"], p["points"]) for p in result["parts"]] == [("一、", 2), ("二、", 3)]
    assert result["closing"] is None


def test_numbers_and_dates_at_paragraph_start_are_not_markers() -> None:
    text = "\n".join([
        "一、总体情况",
        "1.5亿元的投资已经到位。2024年项目较多。",
        "二、下步打算",
        "10%的项目尚未开工。",
    ])
    assert _parts(text) == [("一、", "总体情况", 0), ("二、", "下步打算", 0)]


def test_traditional_characters_and_pinyin_readings() -> None:
    text = "\n".join([
        "項目建設(shè)推進會講話",
        "一、強化認識抓項目",
        "一是把項目建設作為一號工程。二是把項目推進作為第一責任。",
        "二、強化保障抓項目",
        "一是強化機制保障。",
    ])
    result = _outline(text)
    assert result["title"] == "项目建设推进会讲话"
    assert [(p["heading"], p["points"]) for p in result["parts"]] == [("强化认识抓项目", 2), ("强化保障抓项目", 1)]


def test_web_debris_is_ignored() -> None:
    text = "\n".join([
        "项目工作会讲话",
        "時間:2022-02-02 10:41:00",
        "導語:本文来源于网友上传,不代表本站观点,欢迎参考。",
        "项目工作会讲话",
        "一、认识",
        "二、措施",
        "因篇幅问题不能全部显示，请点此查看更多更全内容",
    ])
    result = _outline(text)
    assert result["title"] == "项目工作会讲话"
    assert [p["marker"] for p in result["parts"]] == ["一、", "二、"]
    assert result["closing"] is None


def test_gbk_text_and_broken_lines() -> None:
    text = ("第一，抓项目\n今天的工作重点是项目建设，大家都很清楚。我们要把项目抓在手上，一刻也不能\n"
            "放松。\n第二，抓落实\n一是早开工。二是快建设。\n")
    result = _outline(text, "gbk")
    assert [(p["marker"], p["heading"], p["points"]) for p in result["parts"]] == [
        ("第一，", "抓项目", 0), ("第二，", "抓落实", 2)]


def test_mixed_marker_at_one_level_still_counts_the_part() -> None:
    text = "一、认识\n内容。\n第二，措施\n内容。\n三、保障\n内容。"
    assert [p[0] for p in _parts(text)] == ["一、", "第二，", "三、"]


def test_docx_and_markdown_inputs(tmp_path: Path) -> None:
    from speechgen.api import render_markup

    dialect = ("---\nkind: speech\ntitle: 在项目调度会上的讲话\n---\n\n同志们：\n\n今天开会。\n\n"
               "## 认清形势\n\n**一是看进度。**进度偏慢。**二是看投资。**投资不足。\n\n"
               "## 突出重点\n\n### 抓开工\n\n内容。\n\n### 抓投产\n\n内容。\n\n### 抓储备\n\n内容。\n\n"
               "同志们，让我们共同努力！\n")
    md = tmp_path / "稿.md"
    md.write_text(dialect, encoding="utf-8")
    docx = tmp_path / "稿.docx"
    docx.write_bytes(render_markup(dialect, ".docx"))
    for path in (md, docx):
        result = CliRunner().invoke(main, ["outline", "--json", str(path)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        data = json.loads(result.output)
        assert data["title"] == "在项目调度会上的讲话"
        assert data["salutation"] is True
        assert [(p["marker"], p["heading"], p["points"]) for p in data["parts"]] == [
            ("第一，", "认清形势", 2), ("第二，", "突出重点", 3)]
        assert data["closing"] == "同志们，让我们共同努力"


@pytest.mark.parametrize(("name", "content", "words"), [
    ("稿.doc", b"x", "不支持的文件类型"),
    ("稿.docx", b"not a zip", "不是有效的 .docx"),
    ("稿.txt", b"\xff\x00\x00\x01" * 10, "稿件不是文本文件"),
    ("稿.txt", b"  \n\n", "没有文字"),
    ("稿.txt", bytes([0x81, 0x20]) * 8, "无法识别稿件的文字编码"),
])
def test_unusable_input_exits_2(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    for command in ("outline", "check"):
        result = CliRunner().invoke(main, [command, str(path)])
        assert result.exit_code == 2, result.output
        assert words in result.stderr
        assert "Traceback" not in result.output


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["outline", str(tmp_path / "无.txt")])
    assert result.exit_code == 2
    assert "文件不存在" in result.stderr


def test_word_automatic_numbering_is_read(tmp_path: Path) -> None:
    """Headings numbered by a Word list have no "一、" in their text; the reader writes it out."""
    import docx
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {ns} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
        "</w:lvl></w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def add(text: str, level: int | None = None) -> None:
        paragraph = document.add_paragraph(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    document.add_paragraph("关于项目情况的通报", style="Title")
    for text, level in (("总体情况", 0), ("正文。", None), ("存在问题", 0), ("开工慢", 1), ("正文。", None),
                        ("投资少", 1), ("正文。", None), ("下步工作", 0), ("正文。", None)):
        add(text, level)
    path = tmp_path / "通报.docx"
    document.save(str(path))
    result = CliRunner().invoke(main, ["outline", "--json", str(path)], catch_exceptions=False)
    data = json.loads(result.output)
    assert data["title"] == "关于项目情况的通报"
    assert [(p["marker"], p["heading"], p["points"]) for p in data["parts"]] == [
        ("一、", "总体情况", 0), ("二、", "存在问题", 2), ("三、", "下步工作", 0)]


def test_one_long_first_sentence_does_not_undo_the_parts() -> None:
    long = "要" + "把项目建设的各项要求落实到每一个环节每一个岗位每一个人" * 3
    text = f"一、认识\n内容。\n二、{long}。内容。\n三、保障\n内容。"
    assert [p[0] for p in _parts(text)] == ["一、", "二、", "三、"]


def test_paragraphs_of_points_alone_are_not_parts_when_sentences_are_long() -> None:
    long = "这是一个很长的句子，" * 10
    text = f"今天开会。\n一是{long}。\n二是{long}。"
    assert _parts(text) == []


def test_title_turned_over_two_lines() -> None:
    text = "\n".join(["关于2026年1—5月全市", "重点项目推进情况的通报", "各县（区）人民政府：",
                      "一、基本情况", "内容。", "二、存在问题", "内容。"])
    result = _outline(text)
    assert result["title"] == "关于2026年1—5月全市重点项目推进情况的通报"
    assert [p["marker"] for p in result["parts"]] == ["一、", "二、"]
