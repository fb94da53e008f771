"""The outline of each real speech in ../shared/corpus, as a careful reader states it.

The files are read at run time only (skipped when ../shared is absent); the expectations hold
markers, point counts and a few characters of each heading, never the speeches' sentences.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from shared_corpus import CORPUS, MISSING
from speechgen.api import outline
from speechgen.cli import main

pytestmark = pytest.mark.skipif(CORPUS is None, reason=MISSING)

# file prefix → (title starts with, salutation, [(marker, heading starts with, points)], closing starts with)
EXPECTED = {
    # Title line, 同志们：, an opening whose "一是…二是…三是" is not the body; parts 一、二、三 on their
    # own lines; second level 第一，… and "首先，第二，第三，第四" (4) and "首先，…第五，" (5).
    "000": ("全市重点项目督查", True,
            [("一、", "深化认识", 3), ("二、", "整合资源", 4), ("三、", "强化领导", 5)], None),
    # No title or salutation; "第一," with a half-width comma on its own line; 一是/二是/三是
    # paragraphs; mid-sentence line breaks; web debris at the end; no closing.
    "001": (None, False,
            [("第一,", "必须把大项目建设作为领导干部", 3), ("第二,", "必须把大项目建设作为全局", 3),
             ("第三,", "必须把大项目建设作为衡量", 3)], None),
    # "同志们:" with a half-width colon; part 1 has "1、…4、", parts 2 and 3 run-in 一是…四是;
    # "总之，…" closes.
    "002": (None, True,
            [("第一,", "横下一条心", 4), ("第二,", "下足绣花功夫", 4), ("第三,", "强化责任担当", 4)],
            "总之,项目推进"),
    # Run-in headings (the part before the first 。); part 1 has no points, parts 2 and 3 have
    # 一要/二要/三要; "我就讲这些，谢谢大家" closes.
    "003": ("在全市重点项目调度会上的讲话", False,
            [("一、", "保持清醒认识", 0), ("二、", "坚持实干快干", 3), ("三、", "压紧压实责任", 3)],
            "我就讲这些"),
    # Traditional characters with pinyin readings, web debris (時間, 導語) and the title twice;
    # 一是 leads with 首先/其次 below them; the last paragraph is an appeal ending in "！".
    "004": ("项目建设年工作会领导发言稿", False,
            [("一、", "强化认识抓项目", 3), ("二、", "强化举措抓项目", 3), ("三、", "强化保障抓项目", 3)],
            "年,我们的项目建设工作"),
}


def _file(prefix: str) -> Path:
    assert CORPUS is not None
    matches = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    assert matches, f"corpus file {prefix}_*.txt is missing"
    return matches[0]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_outline_of_corpus_speech(prefix: str) -> None:
    title, salutation, parts, closing = EXPECTED[prefix]
    result = outline(_file(prefix)).to_json()
    assert set(result) == {"title", "salutation", "parts", "closing", "announced", "notes"}
    if title is None:
        assert result["title"] is None
    else:
        assert result["title"] is not None and result["title"].startswith(title)
    assert result["salutation"] is salutation
    got = [(p["marker"], p["heading"], p["points"]) for p in result["parts"]]
    assert len(got) == len(parts), got
    for (marker, heading, points), (want_marker, want_heading, want_points) in zip(got, parts, strict=True):
        assert marker == want_marker
        assert heading.startswith(want_heading), heading
        assert not heading.endswith("。")
        assert points == want_points, (marker, heading)
    if closing is None:
        assert result["closing"] is None
    else:
        assert result["closing"] is not None and result["closing"].startswith(closing)


def test_outline_cli_json_on_corpus() -> None:
    result = CliRunner().invoke(main, ["outline", "--json", str(_file("003"))], catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert list(data) == ["title", "salutation", "parts", "closing", "announced", "notes"]
    assert [list(p) for p in data["parts"]] == [["marker", "heading", "points"]] * 3


def test_outline_cli_tree_on_corpus() -> None:
    result = CliRunner().invoke(main, ["outline", str(_file("000"))], catch_exceptions=False)
    assert result.exit_code == 0
    assert "正文：3个部分" in result.output
    assert "一、深化认识，全力推进" in result.output
    assert "称谓：有" in result.output


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_check_finds_the_leftovers_of_each_speech(prefix: str) -> None:
    """Each real draft has something a secretary must fix before printing."""
    from speechgen.api import check

    report = check(_file(prefix))
    assert report.exit_code == 1
    rules = {f.rule for f in report.findings}
    expected = {
        "000": {"punct-halfwidth", "numbering-mixed"},
        "001": {"placeholder", "punct-halfwidth", "web-debris"},
        "002": {"placeholder", "punct-halfwidth"},
        "003": {"placeholder"},
        "004": {"web-debris", "pinyin-debris", "text-traditional", "placeholder-blank"},
    }[prefix]
    assert expected <= rules, rules
    # The structure is sound in all five: no numbering gaps, repeats or heading periods.
    assert not rules & {"numbering-gap", "numbering-repeat", "numbering-order", "heading-period"}


@pytest.mark.parametrize("gap", ["\u3000\u3000", " "])
@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_speech_copied_as_one_line_has_the_same_outline(prefix: str, gap: str) -> None:
    """A web page copied without its line breaks: the paragraphs run together on one line with
    the full-width indentation or a space between them; the outline is that of the speech."""
    from speechgen.check import read_bytes
    from speechgen.check.outline import outline_source
    from speechgen.check.read.source import decode_text

    path = _file(prefix)
    whole = outline(path).to_json()
    lines = [line.strip(" \u3000\t") for line in decode_text(path.read_bytes(), path.name).splitlines()]
    one_line = gap.join(line for line in lines if line)
    got = outline_source(read_bytes(one_line.encode("utf-8"), "稿.txt", "txt")).to_json()
    assert got["parts"] == whole["parts"]
    assert got["closing"] == whole["closing"]
