"""`speechgen reference-docx`: an empty .docx carrying every 公文 style."""

from __future__ import annotations

from pathlib import Path

import docx
from click.testing import CliRunner

from docx_samples import NS, part_xml, q
from speechgen import style
from speechgen.cli import main


def test_writes_a_reference_with_every_style(tmp_path: Path) -> None:
    target = tmp_path / "公文样式.docx"
    result = CliRunner().invoke(main, ["reference-docx", "-o", str(target)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "已生成" in result.output
    data = target.read_bytes()
    styles = part_xml(data, "word/styles.xml")
    names = {e.find("w:name", NS).get(q("val")) for e in styles.iterfind("w:style", NS)}
    assert {s.name for s in style.PARAGRAPH_STYLES} <= names
    assert "".join(p.text for p in docx.Document(str(target)).paragraphs) == ""


def test_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "ref.docx"
    target.write_bytes(b"keep me")
    result = CliRunner().invoke(main, ["reference-docx", "-o", str(target)])
    assert result.exit_code == 2
    assert "已存在" in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.output
    assert target.read_bytes() == b"keep me"
    forced = CliRunner().invoke(main, ["reference-docx", "-o", str(target), "--force"])
    assert forced.exit_code == 0 and target.read_bytes()[:2] == b"PK"


def test_only_docx_targets(tmp_path: Path) -> None:
    target = tmp_path / "ref.pdf"
    result = CliRunner().invoke(main, ["reference-docx", "-o", str(target)])
    assert result.exit_code == 2
    assert ".docx" in result.stderr and "Traceback" not in result.output
    assert not target.exists()


def test_output_is_required() -> None:
    result = CliRunner().invoke(main, ["reference-docx"])
    assert result.exit_code == 2
    assert "缺少选项" in result.stderr
