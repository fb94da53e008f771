"""The LibreOffice engine: our .docx converted by soffice; clear errors when soffice is missing or hangs."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from pdf_samples import every_block_document
from speechgen import style as s
from speechgen.errors import SpeechgenError
from speechgen.writers import libreoffice
from speechgen.writers.pdf import PdfOptions, render_pdf


def test_missing_soffice_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    with pytest.raises(SpeechgenError) as err:
        libreoffice.convert_docx_to_pdf(b"PK")
    assert "libreoffice-writer-nogui" in str(err.value) and "未找到 LibreOffice" in str(err.value)


def test_hanging_soffice_is_killed_after_the_timeout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: str(fake))
    with pytest.raises(SpeechgenError, match="超时"):
        libreoffice.convert_docx_to_pdf(b"PK", timeout_s=0.5)


def test_failing_soffice_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: str(fake))
    with pytest.raises(SpeechgenError, match="could not be loaded"):
        libreoffice.convert_docx_to_pdf(b"PK")


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig not installed")
def test_tofu_is_refused_before_soffice_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from speechgen.document import Document, Paragraph, Run
    from speechgen.errors import FontError
    from speechgen.writers import fonts

    if not fonts.installed_faces().get("Noto Serif CJK SC"):
        pytest.skip("fonts-noto-cjk not installed")
    monkeypatch.setattr(libreoffice, "convert_docx_to_pdf", lambda *a, **k: pytest.fail("converted"))
    with pytest.raises(FontError, match="U\\+E000"):
        render_pdf(Document("generic", (Paragraph((Run("私用\ue000字"),)),)), PdfOptions(engine="libreoffice"))


def test_fonts_conf_adds_the_gongwen_aliases_to_the_system_config() -> None:
    conf = libreoffice.fonts_conf()
    assert libreoffice.ALIAS_FILE.is_file()
    assert f"<include>{libreoffice.ALIAS_FILE}</include>" in conf
    assert "/fonts.conf</include>" in conf


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_engine_makes_an_a4_pdf_with_page_numbers() -> None:
    import pdfplumber
    data = render_pdf(every_block_document(), PdfOptions(engine="libreoffice"))
    with pdfplumber.open(io.BytesIO(data)) as doc:
        assert len(doc.pages) > 1
        assert doc.pages[0].width == pytest.approx(595.3, abs=0.5)
        assert s.page_number_text(1) in doc.pages[0].extract_text()
        assert "青政办发〔2026〕17号" in doc.pages[0].extract_text().replace(" ", "")
