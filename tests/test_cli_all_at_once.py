"""Bad command lines as a new user types them: every problem at once, folders named as folders (issue 16)."""

from pathlib import Path

from click.testing import CliRunner

from speechgen.cli import main
from speechgen.paths import resource_dir

EXAMPLES = resource_dir("examples")


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_an_existing_output_and_a_bad_frame_are_both_reported(tmp_path: Path) -> None:
    existing = tmp_path / "讲话稿.docx"
    existing.write_bytes(b"mine")
    result = _run("generate", "speech", "-d", str(EXAMPLES / "ledger.xlsx"), "-m", str(EXAMPLES / "meeting.yaml"),
                  "-o", str(existing), "--frame", "foo")
    assert result.exit_code == 2
    assert "输出文件已存在" in result.output and "没有名为“foo”的讲话框架" in result.output
    assert existing.read_bytes() == b"mine"


def test_a_bad_frame_alone_is_refused_before_any_work(tmp_path: Path) -> None:
    output = tmp_path / "讲话稿.md"
    result = _run("generate", "speech", "-d", str(EXAMPLES / "ledger.xlsx"), "-m", str(EXAMPLES / "meeting.yaml"),
                  "-o", str(output), "--frame", "foo")
    assert result.exit_code == 2 and "没有名为“foo”的讲话框架" in result.output and not output.exists()


def test_an_existing_output_alone_keeps_its_message(tmp_path: Path) -> None:
    existing = tmp_path / "讲话稿.md"
    existing.write_text("mine", encoding="utf-8")
    result = _run("generate", "speech", "-d", str(EXAMPLES / "ledger.xlsx"), "-m", str(EXAMPLES / "meeting.yaml"),
                  "-o", str(existing))
    assert result.exit_code == 2 and "输出文件已存在" in result.output and "框架" not in result.output


def test_a_folder_given_as_the_ledger_is_called_a_folder(tmp_path: Path) -> None:
    result = _run("facts", "-d", str(tmp_path), "-m", str(EXAMPLES))
    assert result.exit_code == 2
    assert "不支持的文件类型" not in result.output and "无扩展名" not in result.output
    assert f"{tmp_path}：这是一个文件夹，不是台账文件" in result.output
    assert f"{EXAMPLES}：这是一个文件夹，不是会议信息文件" in result.output  # both at once


def test_meeting_doc_number_and_the_option_read_alike(tmp_path: Path) -> None:
    """县项办[2026]05号 is refused with the same correction from meeting.yaml and from --doc-number."""
    meeting = tmp_path / "meeting.yaml"
    text = (EXAMPLES / "meeting.yaml").read_text(encoding="utf-8")
    meeting.write_text(text.replace("示项办〔2026〕12号", "县项办[2026]05号"), encoding="utf-8")
    ledger = str(EXAMPLES / "ledger.xlsx")
    from_file = _run("generate", "notice", "-d", ledger, "-m", str(meeting), "-o", str(tmp_path / "a.md"))
    from_option = _run("generate", "notice", "-d", ledger, "-m", str(EXAMPLES / "meeting.yaml"),
                       "-o", str(tmp_path / "b.md"), "--doc-number", "县项办[2026]05号")
    fix = "应写成“县项办〔2026〕5号”"
    assert from_file.exit_code == from_option.exit_code == 2
    assert fix in from_file.output and fix in from_option.output
