"""`speechgen render` and api.render: outputs, refusals, errors, atomicity."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from speechgen import api
from speechgen.cli import main
from speechgen.errors import InputError
from speechgen.markup import parse_markup
from speechgen.writers import FORMATS, Format

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTICE = (EXAMPLES / "notice.md").read_text(encoding="utf-8")
SPEECH = (EXAMPLES / "speech.md").read_text(encoding="utf-8")


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["render", *map(str, args)])


def _source(tmp_path: Path, text: str = NOTICE, name: str = "通知.md", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _assert_refused(result: Result, *phrases: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for phrase in phrases:
        assert phrase in result.stderr


def test_renders_text_and_markdown(tmp_path: Path) -> None:
    source = _source(tmp_path)
    txt, md = tmp_path / "out" / "通知.txt", tmp_path / "通知-副本.md"
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(txt), "-o", str(md)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"已生成：{txt}（新建了文件夹 {txt.parent}）", f"已生成：{md}"]
    text = txt.read_text(encoding="utf-8")
    assert "关于开展全市重点项目建设专项督查的通知" in text and "\u3000\u3000一、督查内容" in text
    assert "抄送：市委办公室，市人大常委会办公室，市政府办公室，市政协办公室。" in text
    assert parse_markup(md.read_text(encoding="utf-8")) == parse_markup(NOTICE)


def test_existing_output_refuses_everything(tmp_path: Path) -> None:
    source = _source(tmp_path)
    existing, fresh = tmp_path / "a.txt", tmp_path / "b.md"
    existing.write_text("原稿", encoding="utf-8")
    result = _run(source, "-o", fresh, "-o", existing)
    _assert_refused(result, "已存在", str(existing), "--force")
    assert not fresh.exists()  # checked before anything is written
    assert existing.read_text(encoding="utf-8") == "原稿"


def test_force_overwrites(tmp_path: Path) -> None:
    source = _source(tmp_path)
    existing = tmp_path / "a.txt"
    existing.write_text("原稿", encoding="utf-8")
    result = _run(source, "-o", existing, "--force")
    assert result.exit_code == 0, result.output
    assert "特此通知。" in existing.read_text(encoding="utf-8")


def test_markup_errors_exit_2_with_every_problem(tmp_path: Path) -> None:
    source = _source(tmp_path, "# 标题\n\n- 列表\n\n#### 跳级\n\n*斜体*\n")
    out = tmp_path / "a.txt"
    result = _run(source, "-o", out)
    _assert_refused(result, "通知.md › 第3行：不支持列表", "第5行", "跳过了层次", "第7行：不支持斜体")
    assert not out.exists()


def test_missing_input(tmp_path: Path) -> None:
    out = tmp_path / "a.txt"
    result = _run(tmp_path / "没有这个文件.md", "-o", out)
    _assert_refused(result, "文件不存在", "没有这个文件.md")
    assert not out.exists()


def test_gbk_file_is_read(tmp_path: Path) -> None:
    source = _source(tmp_path, SPEECH, encoding="gbk")
    out = tmp_path / "讲话.txt"
    assert _run(source, "-o", out).exit_code == 0
    assert "同志们：" in out.read_text(encoding="utf-8")


def test_binary_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "讲话.docx"
    source.write_bytes(b"PK\x03\x04\x00\x00\x00binary\x00")
    _assert_refused(_run(source, "-o", tmp_path / "a.txt"), "不是文本文件")


@pytest.mark.parametrize("bad", ["讲话.doc", "讲话"])
def test_unsupported_suffix_writes_nothing(tmp_path: Path, bad: str) -> None:
    source = _source(tmp_path)
    good = tmp_path / "a.txt"
    result = _run(source, "-o", good, "-o", tmp_path / bad)
    _assert_refused(result, ".docx（Word 文档）", ".pdf（PDF）", ".txt（纯文本）")
    assert not good.exists()


def test_same_output_twice_and_output_over_input(tmp_path: Path) -> None:
    source = _source(tmp_path)
    _assert_refused(_run(source, "-o", tmp_path / "a.txt", "-o", tmp_path / "a.txt"), "两次")
    _assert_refused(_run(source, "-o", source, "--force"), "输出文件就是输入文件")
    assert source.read_text(encoding="utf-8") == NOTICE


def test_no_output_and_bad_engine(tmp_path: Path) -> None:
    source = _source(tmp_path)
    _assert_refused(_run(source), "没有指定输出文件")
    _assert_refused(_run(source, "-o", tmp_path / "a.pdf", "--engine", "word"), "--engine")


def test_failing_writer_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """All formats are rendered in memory before the first file is written."""

    def broken(doc: object, options: object) -> bytes:
        raise RuntimeError("writer bug")

    monkeypatch.setitem(FORMATS, ".txt", Format(".txt", "纯文本", broken))
    source = _source(tmp_path)
    result = _run(source, "-o", tmp_path / "a.md", "-o", tmp_path / "b.txt")
    assert result.exit_code == 1 and "内部错误" in result.stderr and "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["通知.md"]


def test_docx_and_html(tmp_path: Path) -> None:
    source = _source(tmp_path)
    docx, html = tmp_path / "通知.docx", tmp_path / "通知.html"
    result = _run(source, "-o", docx, "-o", html)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(docx) as package:
        body = package.read("word/document.xml").decode("utf-8")
    for text in ("关于开展全市重点项目建设专项督查的通知", "示项办〔2024〕15号", "督查内容", "北湖大道西延工程"):
        assert text in body
    page = html.read_text(encoding="utf-8")
    assert "关于开展全市重点项目建设专项督查的通知" in page and "北湖大道西延工程" in page


@pytest.mark.slow
def test_pdf(tmp_path: Path) -> None:
    source = _source(tmp_path, SPEECH, name="讲话.md")
    pdf = tmp_path / "讲话.pdf"
    result = _run(source, "-o", pdf)
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF")


def test_api_render_and_render_markup(tmp_path: Path) -> None:
    source = _source(tmp_path)
    written = api.render(source, [tmp_path / "a.txt"], force=False)
    assert written.paths == (tmp_path / "a.txt",) and written.created_folders == ()
    assert api.render_markup(NOTICE, "txt") == (tmp_path / "a.txt").read_bytes()
    assert api.render_markup(NOTICE, ".md").decode("utf-8").startswith("---\nkind: notice\n")
    with pytest.raises(InputError, match="可用的格式"):
        api.render_markup(NOTICE, "rtf")
