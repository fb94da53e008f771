"""LibreOffice conversion of many .docx files: files per call, a timeout per call, restart on a hang.

A stand-in soffice (a small script) converts, hangs or fails on cue, so these run without LibreOffice.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from speechgen.errors import SpeechgenError
from speechgen.writers import libreoffice

FAKE = """#!{python}
import pathlib, sys, time
args = sys.argv[1:]
outdir = pathlib.Path(args[args.index("--outdir") + 1])
files = [pathlib.Path(a) for a in args[args.index("--outdir") + 2:]]
log = pathlib.Path({log!r})
log.write_text(log.read_text() + " ".join(f.stem for f in files) + "\\n" if log.exists() else
               " ".join(f.stem for f in files) + "\\n")
for source in files:
    data = source.read_bytes()
    if data == b"HANG" or (data == b"HANG-ONCE" and not (outdir / "hung").exists()):
        (outdir / "hung").write_text("x")
        time.sleep(60)
    if data == b"FAIL":
        continue
    (outdir / (source.stem + ".pdf")).write_bytes(b"%PDF-1.4 " + data + b" %%EOF")
"""


@pytest.fixture
def fake_soffice(tmp_path: Path) -> tuple[str, Path]:
    log = tmp_path / "calls.log"
    script = tmp_path / "soffice"
    script.write_text(FAKE.format(python=sys.executable, log=str(log)))
    script.chmod(0o755)
    return str(script), log


def test_many_files_in_calls_of_a_few(fake_soffice: tuple[str, Path]) -> None:
    soffice, log = fake_soffice
    documents = [f"doc{i}".encode() for i in range(5)]
    pdfs = libreoffice.convert_docx_files(documents, soffice=soffice, per_call=2, timeout_s=20)
    assert pdfs == [b"%PDF-1.4 " + d + b" %%EOF" for d in documents]
    assert log.read_text().splitlines() == ["00001 00002", "00003 00004", "00005"]


def test_a_hang_is_killed_and_libreoffice_restarted_on_the_rest(fake_soffice: tuple[str, Path]) -> None:
    soffice, log = fake_soffice
    documents = [b"a", b"b", b"HANG-ONCE", b"d"]
    pdfs = libreoffice.convert_docx_files(documents, soffice=soffice, timeout_s=2)
    assert [pdf.split()[1] for pdf in pdfs] == [b"a", b"b", b"HANG-ONCE", b"d"]
    assert log.read_text().splitlines() == ["00001 00002 00003 00004", "00003 00004"]


def test_a_file_it_hangs_on_twice_is_named(fake_soffice: tuple[str, Path]) -> None:
    soffice, _ = fake_soffice
    with pytest.raises(SpeechgenError, match=r"转换第2个文件 PDF 超时.*重新启动后仍然如此"):
        libreoffice.convert_docx_files([b"a", b"HANG", b"c"], soffice=soffice, timeout_s=1)


def test_a_file_it_cannot_convert_is_named(fake_soffice: tuple[str, Path]) -> None:
    soffice, _ = fake_soffice
    with pytest.raises(SpeechgenError, match="转换第3个文件 PDF 失败"):
        libreoffice.convert_docx_files([b"a", b"b", b"FAIL"], soffice=soffice)


def test_missing_libreoffice_is_a_chinese_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    with pytest.raises(SpeechgenError, match=r"未找到 LibreOffice（soffice）.*apt-get install libreoffice"):
        libreoffice.convert_docx_files([b"x"])
