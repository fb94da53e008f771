"""`speechgen batch` through click's CliRunner: files, manifest, bad input, no overwrite, failure
isolation, --resume, --shard, names from hostile data, the zip and the merged .docx."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from batch_samples import ROWS, batch, files, manifest_rows, project_row, write_ledger, write_meeting

NOTICES = ["001_青河县_督查通知.docx", "002_东城区_督查通知.docx", "003_高新区_督查通知.docx"]


def _bad_input(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


def test_one_notice_per_district_with_its_manifest(tmp_path: Path) -> None:
    result = batch(tmp_path, "notice", "district", "--number-from", "7")
    assert result.exit_code == 0, result.output
    assert files(tmp_path / "out") == [*NOTICES, "manifest.csv"]
    rows = manifest_rows(tmp_path / "out")
    assert [(r["序号"], r["名称"], r["发文字号"], r["主送"], r["状态"]) for r in rows] == [
        ("001", "青河县", "示项办〔2026〕7号", "青河县人民政府", "ok"),
        ("002", "东城区", "示项办〔2026〕8号", "东城区人民政府", "ok"),
        ("003", "高新区", "示项办〔2026〕9号", "高新区管委会", "ok")]
    assert [r["文件"] for r in rows] == NOTICES
    assert all(re.fullmatch(r"[0-9a-f]{64}", r["sha256"]) for r in rows)
    assert "完成：生成 3 份。" in result.stdout and "清单：" in result.stdout
    assert "已完成 3/3 份" in result.stderr  # plain progress when not on a terminal


def test_the_documents_carry_their_groups_figures(tmp_path: Path) -> None:
    assert batch(tmp_path, "bulletin", "district", "--format", "md").exit_code == 0
    qinghe = (tmp_path / "out" / "001_青河县_通报.md").read_text(encoding="utf-8")
    assert "全县纳入调度的重点项目共2个" in qinghe and "年度计划的5.0%" in qinghe
    assert "落后时序进度36.7个百分点" in qinghe and 'issuer: "青河县重点项目建设领导小组办公室"' in qinghe
    dongcheng = (tmp_path / "out" / "002_东城区_通报.md").read_text(encoding="utf-8")
    assert "年度计划的60.0%" in dongcheng and "全区" in dongcheng and "青河县" not in dongcheng


def test_bad_input_writes_nothing(tmp_path: Path) -> None:
    ledger = write_ledger(tmp_path, [(*ROWS[0][:6], "五百", *ROWS[0][7:])])
    result = batch(tmp_path, "notice", "district", ledger=ledger)
    _bad_input(result, "台账.csv", "第2行", "完成投资")
    assert not (tmp_path / "out").exists()
    result = batch(tmp_path, "sheet", "district", ledger=write_ledger(tmp_path))
    _bad_input(result, "督办单一个项目一张", "--per project")
    result = batch(tmp_path, "notice", "district", "--name", "{序号}_{项目}")
    _bad_input(result, "没有“{项目}”")
    result = batch(tmp_path, "notice", "district", "--shard", "3/2")
    _bad_input(result, "--shard")
    result = batch(tmp_path, "notice", "district", "--merged", tmp_path / "合订本.pdf")
    _bad_input(result, "--format 里没有 pdf")
    broken = tmp_path / "坏模板.md.j2"
    broken.write_text("---\ntitle: {{ scope }\n---\n", encoding="utf-8")
    _bad_input(batch(tmp_path, "notice", "district", "--template", broken), "坏模板.md.j2")
    (tmp_path / "片段").mkdir()
    (tmp_path / "片段" / "speed.yaml").write_text("role: speed\npassages: [", encoding="utf-8")
    _bad_input(batch(tmp_path, "notice", "district", "--snippets", tmp_path / "片段"), "speed.yaml")
    assert not (tmp_path / "out").exists()


def test_nothing_is_overwritten_without_force(tmp_path: Path) -> None:
    assert batch(tmp_path, "notice", "district").exit_code == 0
    first = (tmp_path / "out" / NOTICES[0]).read_bytes()
    (tmp_path / "out" / NOTICES[1]).write_bytes(b"secretary's edits")
    result = batch(tmp_path, "notice", "district")
    _bad_input(result, "输出文件已存在", NOTICES[0], "--force", "--resume")
    assert (tmp_path / "out" / NOTICES[1]).read_bytes() == b"secretary's edits"
    result = batch(tmp_path, "notice", "district", "--force")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / NOTICES[0]).read_bytes() == first
    assert (tmp_path / "out" / NOTICES[1]).read_bytes() != b"secretary's edits"


FAILING_TEMPLATE = """\
---
kind: notice
title: 关于{{ scope }}重点项目的通知
---

{% if scope == "东城区" %}{{ facts.no_such_figure }}{% endif %}{{ scope }}纳入调度的项目共{{ n_projects }}个。
"""


def test_one_group_that_cannot_be_made_fails_alone(tmp_path: Path) -> None:
    template = tmp_path / "模板.md.j2"
    template.write_text(FAILING_TEMPLATE, encoding="utf-8")
    result = batch(tmp_path, "notice", "district", "--template", template, "--format", "md")
    assert result.exit_code == 1, result.output
    assert files(tmp_path / "out") == ["001_青河县_督查通知.md", "003_高新区_督查通知.md", "manifest.csv"]
    rows = manifest_rows(tmp_path / "out")
    assert [r["状态"] for r in rows] == ["ok", "failed", "ok"]
    assert "no_such_figure" in rows[1]["原因"] and "模板" in rows[1]["原因"] and rows[1]["sha256"] == ""
    assert "失败 1 份" in result.stdout and "1 份未能生成" in result.stderr and "Traceback" not in result.output


def test_resume_makes_only_what_is_missing_or_changed(tmp_path: Path) -> None:
    assert batch(tmp_path, "notice", "project", "--format", "md").exit_code == 0
    out = tmp_path / "out"
    made = {name: (out / name).stat().st_mtime_ns for name in files(out) if name.endswith(".md")}
    (out / "002_青河县污水处理厂扩建_督查通知.md").unlink()
    result = batch(tmp_path, "notice", "project", "--format", "md", "--resume")
    assert result.exit_code == 0, result.output
    assert "生成 1 份，沿用上次已生成的 4 份" in result.stdout
    changed = list(ROWS)
    changed[3] = (*ROWS[3][:6], "2500", *ROWS[3][7:])  # one project's completed investment
    write_ledger(tmp_path, changed)
    result = batch(tmp_path, "notice", "project", "--format", "md", "--resume")
    assert "生成 1 份，沿用上次已生成的 4 份" in result.stdout, result.output
    now = {name: (out / name).stat().st_mtime_ns for name in made}
    assert [name for name in made if now[name] != made[name]] == ["002_青河县污水处理厂扩建_督查通知.md",
                                                                  "004_东城区老旧小区改造_督查通知.md"]
    assert [r["状态"] for r in manifest_rows(out)] == ["ok"] * 5


def test_resume_keeps_a_file_the_manifest_did_not_list_yet_when_it_is_the_same(tmp_path: Path) -> None:
    assert batch(tmp_path, "notice", "district", "--format", "md").exit_code == 0
    out = tmp_path / "out"
    (out / "manifest.csv").unlink()  # as if killed between writing the files and listing them
    assert batch(tmp_path, "notice", "district", "--format", "md", "--resume").exit_code == 0
    (out / "manifest.csv").unlink()
    (out / "002_东城区_督查通知.md").write_text("别人的文件", encoding="utf-8")
    result = batch(tmp_path, "notice", "district", "--format", "md", "--resume")
    assert result.exit_code == 1
    assert (out / "002_东城区_督查通知.md").read_text(encoding="utf-8") == "别人的文件"
    assert "内容不同" in manifest_rows(out)[1]["原因"]


def test_shards_split_the_run_and_keep_the_numbers(tmp_path: Path) -> None:
    for shard in ("1/2", "2/2"):
        result = batch(tmp_path, "notice", "project", "--number-from", "3", "--shard", shard, "--format", "md")
        assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    first, second = manifest_rows(out, "manifest-1-of-2.csv"), manifest_rows(out, "manifest-2-of-2.csv")
    assert [r["序号"] for r in first] == ["001", "002"] and [r["序号"] for r in second] == ["003", "004", "005"]
    assert [r["发文字号"] for r in first + second] == [f"示项办〔2026〕{n}号" for n in range(3, 8)]
    assert len([name for name in files(out) if name.endswith(".md")]) == 5


def test_names_from_hostile_data_stay_in_the_folder_and_differ(tmp_path: Path) -> None:
    # the ledger refuses two projects of one name; these differ, but their file names would not
    names = ["../../etc/passwd", "A/B", "A:B", "A_B", "CON", "项" * 300, "..", ".hidden", "Abc", "ABC"]
    write_ledger(tmp_path, [project_row(name) for name in names])
    result = batch(tmp_path, "notice", "project", "--name", "{项目}", "--format", "md")
    assert result.exit_code == 0, result.output
    made = [name for name in files(tmp_path / "out") if name.endswith(".md")]
    assert len(made) == len(names) and len(set(made)) == len(names)
    assert {"_._etc_passwd.md", "A_B.md", "A_B（2）.md", "A_B（3）.md", "_CON.md", "未命名.md", "hidden.md",
            "Abc.md", "ABC（2）.md"} <= set(made)
    assert all(len(name) <= 90 for name in made)
    assert not (tmp_path / "etc").exists() and sorted(p.name for p in tmp_path.iterdir()) == [
        "meeting.yaml", "out", "台账.csv"]


def test_the_zip_holds_every_file_and_the_manifest_with_utf8_names(tmp_path: Path) -> None:
    result = batch(tmp_path, "notice", "district", "--zip")
    assert result.exit_code == 0, result.output
    archive = tmp_path / "out.zip"
    with zipfile.ZipFile(archive) as opened:
        entries = opened.infolist()
        assert [e.filename for e in entries] == [*NOTICES, "manifest.csv"]
        assert all(e.flag_bits & 0x800 for e in entries if not e.filename.isascii())
        assert all(e.date_time == (2026, 6, 5, 0, 0, 0) for e in entries)
        assert opened.read("manifest.csv") == (tmp_path / "out" / "manifest.csv").read_bytes()
        assert opened.testzip() is None
    first = archive.read_bytes()
    assert batch(tmp_path, "notice", "district", "--zip", tmp_path / "again.zip", "--force").exit_code == 0
    assert (tmp_path / "again.zip").read_bytes() == first


def test_the_merged_docx_starts_each_document_on_an_odd_page_numbered_from_one(tmp_path: Path) -> None:
    result = batch(tmp_path, "notice", "district", "--merged", tmp_path / "合订本.docx")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "合订本.docx") as merged:
        body = merged.read("word/document.xml").decode("utf-8")
        single = zipfile.ZipFile(io.BytesIO((tmp_path / "out" / NOTICES[0]).read_bytes()))
        assert set(single.namelist()) <= set(merged.namelist())
    sections = re.findall(r"<w:sectPr>.*?</w:sectPr>", body)
    starts = [s for s in sections if '<w:pgNumType w:start="1"/>' in s]
    assert len(starts) == 3  # each document numbers its pages from 1
    assert ['w:val="oddPage"' in s for s in starts] == [False, True, True]
    for name in ("青河县", "东城区", "高新区"):
        assert f"关于开展{name}" in body.replace("</w:t></w:r><w:r><w:t>", "")


def test_kind_names_in_chinese(tmp_path: Path) -> None:
    for kind, label in (("督查通知", "督查通知"), ("通报", "通报"), ("讲话稿", "讲话稿")):
        result = batch(tmp_path, kind, "县区", "--format", "md", out=label)
        assert result.exit_code == 0, result.output
        assert files(tmp_path / label)[0] == f"001_青河县_{label}.md"
    _bad_input(batch(tmp_path, "请示", "district"), "不是可生成的文稿类型", "督办单")


def test_meeting_file_addressees_and_feedback_date(tmp_path: Path) -> None:
    write_meeting(tmp_path, "addressees:\n  青河县: 青河县人民政府办公室\n")
    assert batch(tmp_path, "notice", "district", "--format", "md").exit_code == 0
    assert 'addressee: "青河县人民政府办公室"' in (tmp_path / "out" / "001_青河县_督查通知.md").read_text("utf-8")
    write_meeting(tmp_path, "addressees: 青河县\n")
    _bad_input(batch(tmp_path, "notice", "district", out="again"), "addressees", "对照表")


def test_progress_is_a_bar_on_a_terminal_and_lines_in_a_log() -> None:
    from speechgen.batch import Progress
    from speechgen.cli.progress import progress_reporter

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, log = Terminal(), io.StringIO()
    for stream in (terminal, log):
        with progress_reporter(stream) as report:
            for done in range(1, 251):
                report(Progress(done, 250, done // 100, f"{done:03d}"))
    assert "生成中" in terminal.getvalue() and "250/250" in terminal.getvalue()
    assert log.getvalue().splitlines() == ["已完成 100/250 份，失败 1 份", "已完成 200/250 份，失败 2 份",
                                           "已完成 250/250 份，失败 2 份"]


def test_each_docx_fills_the_offices_word_template(tmp_path: Path) -> None:
    from speechgen.paths import resource_dir

    template = resource_dir("templates") / "docx" / "红头模板.docx"
    result = batch(tmp_path, "notice", "district", "--docx-template", template, "--number-from", "5")
    assert result.exit_code == 0, result.output
    for name, number in zip(NOTICES, ("5", "6", "7"), strict=True):
        with zipfile.ZipFile(tmp_path / "out" / name) as filled:
            text = re.sub(r"<[^>]+>", "", filled.read("word/document.xml").decode("utf-8"))
        assert f"示项办〔2026〕{number}号" in text and name.split("_")[1] in text
    broken = tmp_path / "坏模板.docx"
    broken.write_bytes(b"not a zip")
    _bad_input(batch(tmp_path, "notice", "district", "--docx-template", broken, out="again"), "坏模板.docx")
    assert not (tmp_path / "again").exists()


def test_supervision_kinds_default_to_what_has_something_to_supervise(tmp_path: Path) -> None:
    result = batch(tmp_path, "督办单", "project", "--format", "md", "--number-from", "1")
    assert result.exit_code == 0, result.output
    assert "生成 2 份，跳过 3 组" in result.stdout and "跳过 3 组：不是滞后或逾期未开工项目，无需督办" in result.stdout
    rows = manifest_rows(tmp_path / "out")
    assert [(r["序号"], r["状态"]) for r in rows] == [("001", "ok"), ("002", "ok"), ("", "skipped"),
                                                    ("", "skipped"), ("", "skipped")]
    assert [r["文稿类型"] for r in rows] == ["督办单"] * 5 and rows[2]["原因"] == "不是滞后或逾期未开工项目，无需督办"
    result = batch(tmp_path, "督办通知", "district", "--format", "md", out="notices")
    assert files(tmp_path / "notices") == ["001_青河县_督办通知.md", "manifest.csv"]
    assert "跳过 2 组：完成率不慢于时序进度，且没有滞后或逾期未开工的项目，无需督办" in result.stdout
    result = batch(tmp_path, "督办通知", "district", "--format", "md", "--only", "all", out="all")
    assert len(files(tmp_path / "all")) == 4


def test_generate_takes_the_new_kinds_by_their_chinese_names(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from speechgen.cli import main

    ledger, meeting = write_ledger(tmp_path), write_meeting(tmp_path)
    args = ["generate", "督办通知", "-d", str(ledger), "-m", str(meeting), "-o", str(tmp_path / "督办.md")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "督办通知" in (tmp_path / "督办.md").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["generate", "督办单", "-d", str(ledger), "-m", str(meeting),
                                       "-o", str(tmp_path / "单.docx")])
    _bad_input(result, "督办单一个项目一张", "batch sheet --per project")
    assert not (tmp_path / "单.docx").exists()
