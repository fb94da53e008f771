"""LibreOffice round trip: the .docx opens, converts to PDF, and the pages keep the GB/T 9704 grid."""

from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from docx_samples import notice, speech
from speechgen import document as d
from speechgen.writers.docx import render_docx

pytestmark = pytest.mark.slow
SOFFICE = shutil.which("soffice")
MM = 72 / 25.4


def convert(doc: d.Document, tmp_path: Path, name: str) -> Path:
    """Return the PDF LibreOffice makes of the document's .docx (a private profile per test)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / f"{name}.docx"
    source.write_bytes(render_docx(doc))
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    return tmp_path / f"{name}.pdf"


def lines(page: object) -> list[list[dict]]:
    """Return the page's characters grouped into lines by baseline, top to bottom."""
    rows: dict[float, list[dict]] = defaultdict(list)
    for char in page.chars:
        rows[round(page.height - char["matrix"][5])].append(char)
    return [sorted(rows[y], key=lambda c: c["x0"]) for y in sorted(rows)]


def test_speech_pages_hold_22_lines_of_28_characters(tmp_path: Path) -> None:
    import pdfplumber
    with pdfplumber.open(convert(speech(), tmp_path, "speech")) as pdf:
        assert len(pdf.pages) >= 3
        page = pdf.pages[1]  # a full page of body text
        body = [line for line in lines(page) if line[0]["size"] == 16]
        assert len(body) == 22
        baselines = [page.height - line[0]["matrix"][5] for line in body]
        pitch = (baselines[-1] - baselines[0]) / 21
        assert abs(pitch - 28.95) < 0.1
        # lines of hanzi only hold 28 characters (a hanging full stop may make it 29)
        hanzi_lines = [ln for ln in body if all(ord(c["text"]) > 0x2E80 for c in ln) and ln[0]["x0"] < 28.5 * MM]
        assert hanzi_lines
        assert all(28 <= len(ln) <= 29 for ln in hanzi_lines if ln[-1]["x1"] > 180 * MM)
        assert abs(body[1][0]["x0"] - 28 * MM) < 0.5 * MM  # 订口 28 mm


def test_page_numbers_right_on_odd_left_on_even(tmp_path: Path) -> None:
    import pdfplumber
    with pdfplumber.open(convert(speech(), tmp_path, "speech")) as pdf:
        for number, page in enumerate(pdf.pages[:2], 1):
            footer = lines(page)[-1]
            assert "".join(c["text"] for c in footer).replace(" ", "") == f"—{number}—"
            assert footer[0]["size"] == 14
            if number % 2:
                assert abs(footer[-1]["x1"] - (184 - 14 / MM) * MM) < 1.5 * MM  # one 四号 character in
            else:
                assert abs(footer[0]["x0"] - (28 + 14 / MM) * MM) < 1.5 * MM
            em_top = (page.height - footer[0]["matrix"][5] - 0.88 * 14) / MM
            assert 268 < em_top < 270  # 7.5: 7 mm below the 262 mm 版心 bottom


def test_notice_header_and_imprint_positions(tmp_path: Path) -> None:
    import pdfplumber
    with pdfplumber.open(convert(notice(), tmp_path, "notice")) as pdf:
        first, last = pdf.pages[0], pdf.pages[-1]
        mark = next(c for c in first.chars if c["size"] > 22)
        em_top = (first.height - mark["matrix"][5] - 0.88 * mark["size"]) / MM
        assert 70 < em_top < 74  # 7.2.4: 37 + 35 mm (the stand-in font's metrics move it ~1 mm)
        red = [r for r in first.lines + first.rects if r.get("stroking_color") == (1.0, 0.0, 0.0)]
        assert red and abs((red[0]["x1"] - red[0]["x0"]) / MM - 156) < 0.5
        rules = sorted((r["top"] for r in last.lines + last.rects if (r["x1"] - r["x0"]) / MM > 155), reverse=True)
        assert abs(rules[0] / MM - 262) < 0.5  # 7.4.1: the last rule on the 版心's bottom edge
