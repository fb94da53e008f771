"""`speechgen generate`, `templates`, `frames`, `snippets` through click's CliRunner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from speechgen import api
from speechgen.cli import main
from speechgen.paths import resource_dir

EXAMPLES = resource_dir("examples")
LEDGER, MEETING = EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml"


def run(*args: str | Path):
    return CliRunner().invoke(main, [str(a) for a in args])


def generate(kind: str, *outputs: Path, extra: tuple[str | Path, ...] = ()):
    args: list[str | Path] = ["generate", kind, "--data", LEDGER, "--meeting", MEETING]
    for output in outputs:
        args += ["-o", output]
    return run(*args, *extra)


def assert_bad_input(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


@pytest.mark.parametrize("kind", ["speech", "bulletin", "notice", "讲话稿", "通报", "通知"])
def test_generate_writes_markdown_docx_and_text(tmp_path: Path, kind: str) -> None:
    md, docx_file, txt = tmp_path / "稿.md", tmp_path / "稿.docx", tmp_path / "稿.txt"
    result = generate(kind, md, docx_file, txt)
    assert result.exit_code == 0, result.output
    assert "已生成" in result.stdout
    assert "警告" in result.stderr  # the example ledger has one row to check, reported in Chinese
    assert docx_file.read_bytes()[:2] == b"PK" and txt.read_text(encoding="utf-8").strip()
    expected = {"讲话稿": "speech", "通报": "bulletin", "通知": "notice"}.get(kind, kind)
    assert md.read_text(encoding="utf-8") == api.draft(expected, api.compute_facts(LEDGER, MEETING))  # type: ignore[arg-type]


def test_frame_and_seed_change_the_speech(tmp_path: Path) -> None:
    one, two, three = tmp_path / "1.md", tmp_path / "2.md", tmp_path / "3.md"
    assert generate("speech", one).exit_code == 0
    assert generate("speech", two, extra=("--seed", "2")).exit_code == 0
    assert generate("speech", three, extra=("--frame", "three_x")).exit_code == 0
    texts = [p.read_text(encoding="utf-8") for p in (one, two, three)]
    assert len(set(texts)) == 3 and "三种现象" in texts[2]


@pytest.mark.slow
def test_generate_pdf(tmp_path: Path) -> None:
    out = tmp_path / "通报.pdf"
    result = generate("bulletin", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")


def test_generated_docx_passes_the_layout_checks(tmp_path: Path) -> None:
    for kind in ("speech", "bulletin", "notice"):
        out = tmp_path / f"{kind}.docx"
        assert generate(kind, out).exit_code == 0
        report = api.check(out)
        layout = [f for f in report.findings if f.rule.startswith("layout")]
        assert layout == [], (kind, [f.message for f in layout])


def test_existing_output_is_kept_without_force(tmp_path: Path) -> None:
    out = tmp_path / "讲话稿.md"
    out.write_text("原稿", encoding="utf-8")
    assert_bad_input(generate("speech", out), "已存在", "--force")
    assert out.read_text(encoding="utf-8") == "原稿"
    assert generate("speech", out, extra=("--force",)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("---")


def test_one_bad_output_writes_nothing(tmp_path: Path) -> None:
    good, bad = tmp_path / "a.docx", tmp_path / "a.doc"
    assert_bad_input(generate("speech", good, bad), "扩展名")
    assert not good.exists()


def test_missing_ledger(tmp_path: Path) -> None:
    out = tmp_path / "a.md"
    result = run("generate", "speech", "--data", tmp_path / "无.xlsx", "--meeting", MEETING, "-o", out)
    assert_bad_input(result, "错误")
    assert not out.exists()


def test_unknown_kind_and_frame(tmp_path: Path) -> None:
    out = tmp_path / "a.md"
    assert_bad_input(generate("report", out), "文稿类型")
    assert_bad_input(generate("speech", out, extra=("--frame", "five_x")), "five_x", "cognition")
    assert not out.exists()


def test_template_error_names_template_and_line(tmp_path: Path) -> None:
    template = tmp_path / "我的模板.md.j2"
    template.write_text("---\nkind: speech\n---\n\n{{ n_projects }}个\n{{ n_projectz }}\n", encoding="utf-8")
    out = tmp_path / "a.docx"
    result = generate("speech", out, extra=("--template", template))
    assert_bad_input(result, "我的模板.md.j2", "第6行", "n_projectz")
    assert not out.exists()
    template.write_text("{{ ''.__class__.__mro__ }}\n", encoding="utf-8")
    assert_bad_input(generate("speech", out, extra=("--template", template)), "安全限制", "第1行")


def test_user_snippets_folder_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "片段"
    folder.mkdir()
    (folder / "speed.yaml").write_text(
        "role: speed\npassages:\n  - id: speed-x1\n    lead: 抢进度\n    text: 完成100个项目。\n", encoding="utf-8")
    out = tmp_path / "a.md"
    assert_bad_input(generate("speech", out, extra=("--snippets", folder)), "speed-x1", "数字", "第3行")
    assert not out.exists()
    assert_bad_input(run("snippets", "--snippets", folder), "speed-x1")


def test_listing_commands() -> None:
    templates = run("templates")
    assert templates.exit_code == 0 and "speech" in templates.output and "督查通知" in templates.output
    frames = run("frames")
    assert frames.exit_code == 0
    for name in ("cognition", "review", "three_x", "认识—措施—保障", "成绩—问题—要求", "防止三种现象"):
        assert name in frames.output
    snippets = run("snippets")
    assert snippets.exit_code == 0 and "frame_three_x_keys" in snippets.output and "共" in snippets.output
    speed = run("snippets", "--role", "speed")
    assert speed.exit_code == 0 and "speed-01" in speed.output and "closing" not in speed.output
    assert_bad_input(run("snippets", "--role", "nothing"), "nothing")
