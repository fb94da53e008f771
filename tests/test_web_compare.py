"""The page's two ledger choices the CLI has: the previous month's ledger (--previous, issue 15) —
the 较上月 figures in the facts section, drafts and batches compared — and the worksheet of a
workbook of several ledger-like sheets (--sheet, issue 16): the notice, the refusal, the names offered."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from speechgen import api
from speechgen.cli import main
from speechgen.paths import resource_dir
from test_sources_helpers import HEADER as XLSX_HEADER
from test_sources_helpers import row, write_xlsx
from web_client import GOOD_ROWS, HEADER, MEETING, assert_chinese_error, draft, example_ids, upload, web_client

EXAMPLES = resource_dir("examples")
PREVIOUS = EXAMPLES / "ledger-previous.xlsx"


def _previous(client: Any) -> str:
    answer = upload(client, "previous", PREVIOUS.name, PREVIOUS.read_bytes())
    assert answer.status_code == 200, answer.text
    return answer.json()["id"]


def test_the_previous_ledger_gives_the_较上月_tables_with_the_facts_layer_s_figures(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        previous = _previous(client)
        plain = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting}).json()
        compared = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting, "previous": previous}).json()
    ledger_file, meeting_file = api.example_inputs()
    facts = api.facts_from_bytes(api.FactsRequest(ledger_file, meeting_file,
                                                  previous=(api.InputFile(PREVIOUS.name, PREVIOUS.read_bytes()),)))
    changes = json.loads(api.facts_to_json(facts.facts))["changes"]
    assert plain["compared"] is False and 'id="change-table"' not in plain["html"]
    html = compared["html"]
    assert compared["compared"] is True and 'id="change-table"' in html and 'id="district-change-table"' in html
    assert "较上月（与2026-04-30的台账比）" in html and "ledger-previous.xlsx" in html
    assert f"{changes['overall']['increase_wan']}万元" in html  # the facts layer's own figure
    assert f"（{changes['overall']['rate_change_points']:+}个百分点）" in html
    for label in ("新增入库", "本期调出", "摘帽（不再滞后）", "连续滞后"):
        assert label in html
    assert "东城区商贸物流园" in html and "西湖区城市书房" in html
    beside_rows = html.split('id="warning-table"')[1].split("</table>")[0]
    assert "ledger-previous.xlsx" not in beside_rows  # its row 47 is not this ledger's row 47
    assert any("ledger-previous.xlsx" in warning for warning in compared["warnings"])
    districts = html.split('id="district-change-table"')[1]
    assert all(group["key"] in districts for group in changes["groups"]["district"])
    assert "上升1位" in districts and "下降1位" in districts and "持平" in districts  # 南山县 overtook 北岭县


def test_a_draft_says_较上月_only_with_the_previous_ledger(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        previous = _previous(client)
        said = draft(client, ledger, meeting, kind="bulletin", previous=previous).json()
        plain = draft(client, ledger, meeting, kind="bulletin").json()
        rerolled = draft(client, ledger, meeting, kind="bulletin", previous=previous, seed=2).json()
        checked = client.post(said["check"]).json()
        edited = client.post(f"/api/drafts/{said['draft']}/text", json={"text": said["text"]}).json()
        edited_check = client.post(edited["check"]).json()
        wrong = client.post(f"/api/drafts/{said['draft']}/text",
                            json={"text": said["text"].replace("完成投资12.2亿元", "完成投资12.8亿元")}).json()
        wrong_check = client.post(wrong["check"]).json()
    assert "较上月提高8.8个百分点" in said["text"] and "摘帽" in said["text"]
    assert "上月" not in plain["text"] and "摘帽" not in plain["text"]
    assert "较上月" in rerolled["text"]
    # 付印前检查 traces the 较上月 figures to the previous ledger, edited or not (as `check --previous`)
    assert checked["ok"] and edited_check["ok"] and checked["counts"] == edited_check["counts"]
    assert "完成投资12.2亿元" in said["text"]
    found = json.dumps(wrong_check["findings"], ensure_ascii=False)
    assert not wrong_check["ok"] and "12.8亿元" in found and "12.2亿元" in found


def test_a_previous_ledger_id_of_another_slot_or_session_is_refused(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        as_previous = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting, "previous": ledger})
        unknown = draft(client, ledger, meeting, previous="0123456789abcdef")
        bad_sheet = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting, "sheet": ["x"]})
    assert_chinese_error(as_previous, 404, "请重新上传")
    assert_chinese_error(unknown, 404, "请重新上传")
    assert_chinese_error(bad_sheet, 400, "工作表")


def test_a_previous_ledger_with_errors_is_refused_by_row(tmp_path: Path) -> None:
    bad = HEADER + "甲项目,东城区,市城投集团,一千,500,200,在建\n"
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        previous = upload(client, "previous", "上月.csv", bad).json()["id"]
        answer = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting, "previous": previous})
    body = assert_chinese_error(answer, 422, "上月.csv", "一千")
    assert "上月.csv" in body["html"]


def test_a_batch_with_the_previous_ledger_is_the_cli_s(tmp_path: Path) -> None:
    (tmp_path / "web").mkdir()
    with web_client(tmp_path / "web") as client:
        ledger, meeting = example_ids(client)
        previous = _previous(client)
        started = client.post("/api/batches", json={"ledger": ledger, "meeting": meeting, "kind": "supervision",
                                                    "per": "district", "formats": ["md"], "previous": previous})
        assert started.status_code == 200, started.text
        url = started.json()["status"]
        for _ in range(2400):
            status = client.get(url).json()
            if status["state"] == "done":
                break
        zipped = client.get(status["downloads"]["zip"]).content
    ledger_file, meeting_file = api.example_inputs()
    for file in (ledger_file, meeting_file):
        (tmp_path / file.name).write_bytes(file.data)
    made = {}
    for name, extra in (("with", ["-p", str(PREVIOUS)]), ("without", [])):
        result = CliRunner().invoke(main, ["batch", "督办通知", "--per", "district", "--format", "md", "-d",
                                           str(tmp_path / ledger_file.name), "-m", str(tmp_path / meeting_file.name),
                                           "-o", str(tmp_path / name), "--jobs", "1", *extra])
        assert result.exit_code == 0, result.output
        made[name] = {path.name: path.read_bytes() for path in (tmp_path / name).glob("*.md")}
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        web = {name: archive.read(name) for name in archive.namelist() if name.endswith(".md")}
    assert web == made["with"] and web != made["without"]


def _two_months(tmp_path: Path, names: tuple[str, str] = ("8月台账", "9月台账")) -> bytes:
    path = write_xlsx(tmp_path / "台账.xlsx", [XLSX_HEADER, row(1, "八月的项目")], sheet=names[0],
                      extra_sheets=[(names[1], [XLSX_HEADER, row(1, "九月的项目")])])
    return path.read_bytes()


def test_a_workbook_of_two_months_reads_the_latest_says_so_and_offers_the_sheets(tmp_path: Path) -> None:
    data = _two_months(tmp_path)
    with web_client(tmp_path) as client:
        ledger = upload(client, "ledger", "台账.xlsx", data).json()["id"]
        meeting = upload(client, "meeting", "meeting.yaml", MEETING).json()["id"]
        latest = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting}).json()
        chosen = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting, "sheet": "8月台账"}).json()
        made = draft(client, ledger, meeting, kind="bulletin", sheet="8月台账").json()
        missing = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting, "sheet": "10月台账"})
    assert latest["sheets"] == chosen["sheets"] == ["8月台账", "9月台账"]
    assert "九月的项目" in latest["html"] and "八月的项目" not in latest["html"]
    assert any("已读取期间最近的“9月台账”" in warning for warning in latest["warnings"])
    assert "已读取期间最近的“9月台账”" in latest["html"]
    assert "八月的项目" in chosen["html"] and "九月的项目" not in chosen["html"]
    assert not any("工作表像是台账" in warning for warning in chosen["warnings"])
    assert "八月的项目" in made["text"] and "九月的项目" not in made["text"]
    body = assert_chinese_error(missing, 422, "没有名为“10月台账”的工作表", "“8月台账”、“9月台账”")
    assert body["sheets"] == ["8月台账", "9月台账"]


def test_a_workbook_whose_sheets_say_no_month_is_refused_with_the_sheets_to_choose(tmp_path: Path) -> None:
    data = _two_months(tmp_path, ("甲", "乙"))
    with web_client(tmp_path) as client:
        ledger = upload(client, "ledger", "台账.xlsx", data).json()["id"]
        meeting = upload(client, "meeting", "meeting.yaml", MEETING).json()["id"]
        refused = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting})
        chosen = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting, "sheet": "乙"}).json()
    body = assert_chinese_error(refused, 422, "看不出该读哪一个")
    assert body["sheets"] == ["甲", "乙"] and "看不出该读哪一个" in body["html"]
    assert chosen["ok"] and "九月的项目" in chosen["html"] and chosen["sheets"] == ["甲", "乙"]


def test_a_csv_ledger_offers_no_sheets(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ledger = upload(client, "ledger", "台账.csv", HEADER + GOOD_ROWS).json()["id"]
        meeting = upload(client, "meeting", "meeting.yaml", MEETING).json()["id"]
        body = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting}).json()
    assert body["ok"] and body["sheets"] == []
