"""The engine of `speechgen batch`: the same bytes whatever --jobs is, worker processes isolate a
failing group too, and a run killed with SIGKILL mid-batch leaves no partial file — the next run
cleans its temp files and finishes the batch."""

from __future__ import annotations

import os
import selectors
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from batch_samples import batch, files, manifest_rows, project_row, write_ledger, write_meeting
from test_batch_cli import FAILING_TEMPLATE

SHEETS = [project_row(f"第{n}号项目", district=("青河县", "东城区", "高新区")[n % 3]) for n in range(1, 10)]


def test_the_same_bytes_whatever_jobs_is(tmp_path: Path) -> None:
    write_ledger(tmp_path, SHEETS)
    for jobs, out in (("1", "one"), ("2", "two")):
        result = batch(tmp_path, "notice", "project", "--format", "docx,md", "--jobs", jobs, "--zip",
                       tmp_path / f"{out}.zip", out=out)
        assert result.exit_code == 0, result.output
    one, two = tmp_path / "one", tmp_path / "two"
    assert files(one) == files(two) and len(files(one)) == 2 * len(SHEETS) + 1
    assert [(one / name).read_bytes() == (two / name).read_bytes() for name in files(one)] == [True] * len(files(one))
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_a_failing_group_fails_alone_in_a_worker_process(tmp_path: Path) -> None:
    template = tmp_path / "模板.md.j2"
    template.write_text(FAILING_TEMPLATE, encoding="utf-8")
    result = batch(tmp_path, "notice", "district", "--template", template, "--format", "md", "--jobs", "2")
    assert result.exit_code == 1, result.output
    assert [r["状态"] for r in manifest_rows(tmp_path / "out")] == ["ok", "failed", "ok"]


_STOPPED_AT_THE_THIRD = """
import os, sys, tempfile, time
real_mkstemp = tempfile.mkstemp
def mkstemp(*args, **kwargs):
    handle, name = real_mkstemp(*args, **kwargs)
    if "003_" in name:  # the third document's temp file exists, its bytes not yet written
        print("third document being written", flush=True)
        time.sleep(600)
    return handle, name
tempfile.mkstemp = mkstemp
from speechgen.cli import main
main(sys.argv[1:])
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killed_mid_batch_leaves_no_partial_file_and_the_next_run_finishes(tmp_path: Path) -> None:
    ledger, meeting = write_ledger(tmp_path, SHEETS), write_meeting(tmp_path)
    out = tmp_path / "out"
    args = ["batch", "notice", "-d", ledger, "-m", meeting, "--per", "project", "-o", out, "--jobs", "1"]
    child = subprocess.Popen([sys.executable, "-c", _STOPPED_AT_THE_THIRD, *map(str, args)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout=120)  # a guard against hanging, not a timing assertion
    line = child.stdout.readline() if ready else ""
    child.kill()
    child.wait()
    assert line.strip() == "third document being written"

    temps = [name for name in files(out) if name.startswith(".speechgen.") and name.endswith(".part")]
    assert len(temps) == 1 and "003_" in temps[0]
    documents = [name for name in files(out) if name.endswith(".docx")]
    assert documents == ["001_第1号项目_督查通知.docx", "002_第2号项目_督查通知.docx"]
    for name in documents:  # complete, not cut short
        with zipfile.ZipFile(out / name) as document:
            assert document.testzip() is None
    listed = [row["文件"] for row in manifest_rows(out)]
    assert set(listed) <= set(documents)  # the manifest never lists what is not there

    # at once: the batch's folder lock says no run of ours is writing there, so the dead run's temp
    # file goes without the grace a temp file of an unknown writer gets
    run_again = "import sys; from speechgen.cli import main; main(sys.argv[1:])"
    result = subprocess.run([sys.executable, "-c", run_again, *map(str, args), "--resume"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    names = files(out)
    assert not [name for name in names if name.startswith(".speechgen")]  # temp files and the lock: gone
    assert len([name for name in names if name.endswith(".docx")]) == len(SHEETS)
    assert [row["状态"] for row in manifest_rows(out)] == ["ok"] * len(SHEETS)
    assert os.path.getsize(out / "003_第3号项目_督查通知.docx") > 0


@pytest.mark.slow
def test_the_merged_pdf_starts_each_document_on_an_odd_page_with_its_own_numbers(tmp_path: Path) -> None:
    from pypdf import PdfReader

    merged = tmp_path / "合订本.pdf"
    result = batch(tmp_path, "bulletin", "district", "--format", "pdf", "--merged", merged)
    assert result.exit_code == 0, result.output
    rows = manifest_rows(tmp_path / "out")
    pages = [int(row["页数"]) for row in rows]
    reader = PdfReader(str(merged))
    starts = [sum(count + count % 2 for count in pages[:index]) for index in range(len(pages))]
    assert len(reader.pages) == starts[-1] + pages[-1]
    assert all(start % 2 == 0 for start in starts)  # page indices 0, 2, 4 …: odd page numbers 1, 3, 5 …
    labels = reader.page_labels
    assert [labels[start] for start in starts] == ["1"] * len(pages)
    for start, row in zip(starts, rows, strict=True):
        first = reader.pages[start].extract_text()
        assert "— 1 —" in first and row["名称"] in first, (row["名称"], first[:80])
    for start, count in zip(starts[:-1], pages[:-1], strict=True):
        if count % 2:  # the back of a document's last page is left blank
            assert reader.pages[start + count].extract_text().strip() == ""


@pytest.mark.slow
def test_libreoffice_numbers_each_document_of_the_merged_docx_from_one(tmp_path: Path) -> None:
    import io
    import shutil

    from pypdf import PdfReader

    from speechgen.writers.libreoffice import convert_docx_files

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    merged = tmp_path / "合订本.docx"
    assert batch(tmp_path, "notice", "district", "--merged", merged).exit_code == 0
    reader = PdfReader(io.BytesIO(convert_docx_files([merged.read_bytes()])[0]))
    footers = [page.extract_text().strip().splitlines()[-1] for page in reader.pages]
    firsts = [index for index, text in enumerate(footers) if text == "— 1 —"]
    assert len(firsts) == 3, footers  # three notices, each numbered from 1
    for index in firsts:
        assert "督查的通知" in reader.pages[index].extract_text().replace("\n", "")
