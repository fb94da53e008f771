"""Hand-written drafts through `speechgen render`: a kind left out, a title written twice (issue 16)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner, Result

from speechgen.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTICE = (EXAMPLES / "notice.md").read_text(encoding="utf-8")


def _render(tmp_path: Path, text: str, *outputs: str) -> Result:
    source = tmp_path / "通知.md"
    source.write_text(text, encoding="utf-8")
    args = ["render", str(source)]
    for name in outputs:
        args += ["-o", str(tmp_path / name)]
    return CliRunner().invoke(main, args)


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def test_a_notice_without_kind_keeps_its_red_header_number_and_signature(tmp_path: Path) -> None:
    result = _render(tmp_path, NOTICE.replace("kind: notice\n", ""), "通知.docx", "通知.txt")
    assert result.exit_code == 0, result.output
    assert "警告：通知.md › 第3行：没有写文种（kind），按标题排成通知（kind: notice）" in result.stderr
    xml = _document_xml(tmp_path / "通知.docx")
    assert 'w:val="IssuerMark"' in xml and "示项办〔2024〕15号" in xml
    text = (tmp_path / "通知.txt").read_text(encoding="utf-8")
    assert text.count("示例市重点项目建设领导小组办公室") >= 3  # 版头, 署名, 印发机关
    assert "2024年6月12日\n" in text


def test_a_draft_whose_kind_cannot_be_told_is_refused_with_the_fix(tmp_path: Path) -> None:
    text = NOTICE.replace("kind: notice\n", "").replace(
        "title: 关于开展全市重点项目建设专项督查的通知", "title: 关于加快重点项目建设的意见")
    result = _render(tmp_path, text, "意见.docx")
    assert result.exit_code == 2
    assert "没有写文种（kind）" in result.stderr and "kind: notice（通知）" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "意见.docx").exists()


def test_a_body_title_the_same_as_the_front_matter_title_is_printed_once(tmp_path: Path) -> None:
    text = NOTICE.replace("---\n\n1—5月", "---\n\n# 关于开展全市重点项目建设专项督查的通知\n\n1—5月", 1)
    result = _render(tmp_path, text, "通知.txt")
    assert result.exit_code == 0, result.output
    assert "与开头信息的标题（title）相同，只排一次" in result.stderr
    assert (tmp_path / "通知.txt").read_text(encoding="utf-8").count("关于开展全市重点项目建设专项督查的通知") == 1


def test_a_body_title_that_differs_is_refused(tmp_path: Path) -> None:
    text = NOTICE.replace("---\n\n1—5月", "---\n\n# 关于开展专项督查的通知\n\n1—5月", 1)
    result = _render(tmp_path, text, "通知.txt")
    assert result.exit_code == 2
    assert "与开头信息的标题（title）不同" in result.stderr and "两个标题只留一个" in result.stderr
    assert not (tmp_path / "通知.txt").exists()
