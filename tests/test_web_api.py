"""Every endpoint of `speechgen serve`, through FastAPI's TestClient: the page, the figures, the
meeting form, drafts (kind, frame, seed, re-roll, edited text), check, preview, downloads, sessions."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from speechgen import api
from speechgen.cli import main
from web_client import (
    BAD_ROWS,
    GOOD_ROWS,
    HEADER,
    MEETING,
    assert_chinese_error,
    draft,
    example_ids,
    upload,
    web_client,
)


def test_the_page_is_chinese_offers_the_api_kinds_and_sets_a_private_cookie(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        page = TestClient(client.app).get("/")  # a browser's first visit
        kinds = client.get("/api/kinds").json()
        script, style = client.get("/static/app.js"), client.get("/static/app.css")
    assert page.status_code == 200 and '<html lang="zh-CN">' in page.text
    assert all(f'<option value="{kind.name}">{kind.label}</option>' in page.text for kind in api.kinds())
    assert [k["name"] for k in kinds["kinds"]] == [k.name for k in api.kinds()]
    assert [f["name"] for f in kinds["frames"]] == [f.name for f in api.frames()]
    cookie = page.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert script.status_code == style.status_code == 200
    assert "http://" not in page.text and "https://" not in page.text + script.text + style.text  # nothing from outside


def test_the_example_gives_every_table_and_the_chart(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        body = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting}).json()
    html = body["html"]
    assert body["ok"] and body["projects"] == 50 and body["progress"] == "41.7%"
    for table in ("overview-table", "district-table", "laggard-table", "problem-table", "project-table"):
        assert f'id="{table}"' in html
    facts = api.facts_from_bytes(api.FactsRequest(*api.example_inputs())).facts
    assert f"{facts.overall.completion_rate}%" in html  # the facts layer's own figure
    assert "落后时序进度4.8个百分点" in html and "-4.8 个百分点" not in html  # worded as the documents word it
    assert html.count('class="bar"') == len(facts.by_district)
    assert 'class="progress"' in html and "时序进度 41.7%" in html
    assert body["meeting"]["region"] == "示例市" and body["meeting"]["contact"]["name"] == "周敏"


def test_ledger_errors_come_by_row_exactly_as_the_cli_reports_them(tmp_path: Path) -> None:
    (tmp_path / "台账.csv").write_text(HEADER + BAD_ROWS, encoding="utf-8")
    (tmp_path / "meeting.yaml").write_text(MEETING, encoding="utf-8")
    cli = CliRunner().invoke(main, ["facts", "-d", str(tmp_path / "台账.csv"), "-m", str(tmp_path / "meeting.yaml")])
    assert cli.exit_code == 2
    (tmp_path / "web").mkdir()
    with web_client(tmp_path / "web") as client:
        ledger = upload(client, "ledger", "台账.csv", HEADER + BAD_ROWS).json()["id"]
        meeting = upload(client, "meeting", "meeting.yaml", MEETING).json()["id"]
        body = assert_chinese_error(client.post("/api/facts", json={"ledger": ledger, "meeting": meeting}), 422)
    texts = [problem["text"] for problem in body["error"]["problems"]]
    assert texts == [line for line in cli.output.splitlines() if line.startswith("错误：")]
    assert [group["row"] for group in body["error"]["rows"]] == [2, 3]
    assert 'id="problems-table"' in body["html"] and "第2行" in body["html"] and "第3行" in body["html"]


def test_ledger_warnings_stand_beside_their_row(tmp_path: Path) -> None:
    over = HEADER + "甲项目,东城区,市城投集团,1000,500,600,在建\n"  # 完成投资 over 年度计划: a warning
    with web_client(tmp_path) as client:
        ledger = upload(client, "ledger", "台账.csv", over).json()["id"]
        meeting = upload(client, "meeting", "meeting.yaml", MEETING).json()["id"]
        body = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting}).json()
    assert body["ok"] and len(body["warnings"]) == 1 and "第2行" in body["warnings"][0]
    row = body["html"].split('id="warning-table"')[1].split("</tr>")[1]
    assert "第2行" in row and "甲项目" in row and "超过年度计划投资" in row


def test_the_meeting_form_makes_a_meeting_file_and_names_every_missing_field(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        missing = client.post("/api/meeting", data={"region": "示例市", "date": "2026-06-05"})
        assert_chinese_error(missing, 422, "请填写“会议名称”", "请填写“数据截至”")
        ledger = upload(client, "ledger", "台账.csv", HEADER + GOOD_ROWS).json()["id"]
        form = {"region": "示例县", "level": "县", "meeting": "全县重点项目推进会", "date": "2026-06-05",
                "as_of": "2026-05-31", "reporters": "城关镇\n县发展改革局\n", "contact.name": "王强"}
        meeting = client.post("/api/meeting", data=form).json()
        body = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting["id"]}).json()
        bad_date = client.post("/api/meeting", data={**form, "as_of": "2026-13-40"}).json()["id"]
        refused = client.post("/api/facts", json={"ledger": ledger, "meeting": bad_date})
    assert meeting["name"] == "会议信息（表单）.json"
    assert body["meeting"]["level"] == "县" and body["meeting"]["reporters"] == ["城关镇", "县发展改革局"]
    assert "示例县全县重点项目推进会" in body["html"]
    assert_chinese_error(refused, 422, "会议信息（表单）.json")


def test_the_form_keeps_what_it_does_not_show_from_the_meeting_read_before(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        read = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting}).json()["meeting"]
        form = {key: str(value) for key, value in read.items() if isinstance(value, str)}
        edited = client.post("/api/meeting", data={**form, "base": meeting, "speaker": "市长 张明"}).json()["id"]
        again = client.post("/api/facts", json={"ledger": ledger, "meeting": edited}).json()["meeting"]
    assert again["speaker"] == "市长 张明"
    assert again["printer"] == read["printer"] and again["inspection"]["methods"] == read["inspection"]["methods"]


def test_a_draft_is_the_api_s_draft_and_the_same_seed_gives_the_same_words(tmp_path: Path) -> None:
    ledger_file, meeting_file = api.example_inputs()
    expected = api.generate_from_bytes(api.GenerateRequest("speech", ledger_file, meeting_file, formats=(),
                                                           frame="review", seed=3)).text
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        first = draft(client, ledger, meeting, frame="review", seed=3).json()
        again = draft(client, ledger, meeting, frame="review", seed=3).json()
        rolled = draft(client, ledger, meeting, frame="review", seed=4).json()
        notice = draft(client, ledger, meeting, kind="notice").json()
        preview = client.get(first["preview"])
    assert first["text"] == again["text"] == expected and first["draft"] != again["draft"]
    assert rolled["text"] != first["text"] and rolled["seed"] == 4
    assert notice["kind"] == "notice" and "督查" in notice["title"]
    assert preview.status_code == 200 and "default-src 'none'" in preview.headers["content-security-policy"]
    assert "<script" not in preview.text and first["title"] in preview.text


@pytest.mark.parametrize(("choice", "needle"), [
    ({"kind": "poem"}, "文稿类型不对"), ({"seed": -1}, "随机种子不对"), ({"seed": "1"}, "随机种子不对"),
    ({"kind": "notice", "frame": "review"}, "框架只用于讲话稿"), ({"frame": "../../etc"}, "讲话稿框架不对"),
])
def test_a_bad_choice_is_a_chinese_400(tmp_path: Path, choice: dict, needle: str) -> None:
    with web_client(tmp_path) as client:
        assert_chinese_error(draft(client, *example_ids(client), **choice), 400, needle)


def test_an_uploaded_template_runs_in_the_sandbox(tmp_path: Path) -> None:
    good = "---\nkind: speech\ntitle: 测试讲话\n---\n\n同志们：\n\n全市项目{{ facts.overall.projects }}个。\n"
    escape = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
    with web_client(tmp_path) as client:
        ledger, meeting = example_ids(client)
        mine = upload(client, "template", "我的.md.j2", good).json()["id"]
        evil = upload(client, "template", "坏的.md.j2", escape).json()["id"]
        made = draft(client, ledger, meeting, template=mine).json()
        refused = draft(client, ledger, meeting, template=evil)
    assert "全市项目50个。" in made["text"]
    body = assert_chinese_error(refused, 422, "坏的.md.j2")
    assert body["error"]["title"] == "模板有误"


def test_edited_text_is_rendered_again_and_bad_markup_names_its_line(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        first = draft(client, *example_ids(client)).json()
        text = first["text"].replace("同志们：", "同志们：\n\n这是改过的一段。", 1)
        edited = client.post(f"/api/drafts/{first['draft']}/text", json={"text": text}).json()
        preview = client.get(edited["preview"]).text
        broken = client.post(f"/api/drafts/{first['draft']}/text", json={"text": "---\nkind: [\n---\n正文\n"})
        empty = client.post(f"/api/drafts/{first['draft']}/text", json={"text": "  "})
    assert edited["ok"] and edited["draft"] != first["draft"] and "这是改过的一段。" in preview
    assert broken.json()["error"]["title"] == "稿件格式有误"
    assert any(p["row"] for p in broken.json()["error"]["problems"])
    assert_chinese_error(empty, 400, "稿件是空的")


def test_check_traces_the_figures_and_quotes_a_wrong_one(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        first = draft(client, *example_ids(client)).json()
        clean = client.post(first["check"]).json()
        wrong = first["text"].replace("开工率82.0%", "开工率92.0%", 1)
        assert wrong != first["text"]
        edited = client.post(f"/api/drafts/{first['draft']}/text", json={"text": wrong}).json()
        found = client.post(edited["check"]).json()
    assert clean["ok"] and clean["findings"] == [] and "未发现问题" in clean["html"]
    assert not found["ok"] and any("92.0%" in f["quote"] for f in found["findings"])
    assert "原文：" in found["html"] and "92.0%" in found["html"]


def test_the_docx_and_md_downloads_are_the_draft(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        first = draft(client, *example_ids(client)).json()
        word = client.get(first["downloads"]["docx"])
        markdown = client.get(first["downloads"]["md"])
        unknown = client.get(first["downloads"]["md"].replace("/md", "/exe"))
    assert word.status_code == 200 and "filename*=UTF-8''" in word.headers["content-disposition"]
    assert "%E8%AE%B2%E8%AF%9D.docx" in word.headers["content-disposition"]  # …讲话.docx
    paragraphs = [p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs]
    assert first["title"] in paragraphs and "同志们：" in paragraphs
    assert markdown.content.decode("utf-8") == first["text"]
    assert_chinese_error(unknown, 404, "可下载 .docx、.pdf 和 .md")


@pytest.mark.slow
def test_pages_come_as_png_images_with_the_count_and_the_pdf_downloads(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        first = draft(client, *example_ids(client)).json()
        pages = client.post(first["pages"]).json()
        again = client.post(first["pages"]).json()
        images = [client.get(src) for src in pages["images"]]
        beyond = client.get(pages["images"][0].replace("/1.png", f"/{pages['count'] + 1}.png"))
        pdf = client.get(pages["pdf"])
    assert pages["count"] >= 3 and again == pages and len(images) == pages["count"]
    assert all(image.content.startswith(b"\x89PNG") for image in images)
    assert {image.headers["content-type"] for image in images} == {"image/png"}
    assert_chinese_error(beyond, 404, "没有这一页")
    assert pdf.content.startswith(b"%PDF") and pdf.headers["content-type"] == "application/pdf"


def test_the_form_shows_the_contact_s_e_mail_and_a_round_trip_keeps_changes_or_clears_it(tmp_path: Path) -> None:
    from speechgen.web.meeting_form import form_values

    with web_client(tmp_path) as client:
        assert 'name="contact.email"' in client.get("/").text
        ledger, meeting = example_ids(client)
        read = client.post("/api/facts", json={"ledger": ledger, "meeting": meeting}).json()["meeting"]
        assert read["contact"]["email"] == "zdxmb@example.cn"  # examples/meeting.yaml has one
        shown = form_values(read)
        assert shown["contact.email"] == "zdxmb@example.cn"

        def round_trip(**changed: str) -> dict:
            saved = client.post("/api/meeting", data={**shown, "base": meeting, **changed}).json()["id"]
            return client.post("/api/facts", json={"ledger": ledger, "meeting": saved}).json()["meeting"]

        kept, changed = round_trip(), round_trip(**{"contact.email": "ban@example.cn"})
        cleared = round_trip(**{"contact.email": ""})
        notice = draft(client, ledger, meeting, kind="notice").json()["text"]
        orphan = client.post("/api/meeting", data={**shown, "base": meeting, "contact.name": "", "contact.phone": ""})
    assert kept["contact"] == read["contact"]
    assert changed["contact"]["email"] == "ban@example.cn" and changed["contact"]["phone"] == read["contact"]["phone"]
    assert "email" not in cleared["contact"] and cleared["contact"]["name"] == "周敏"
    assert "电子邮箱：zdxmb@example.cn" in notice
    assert_chinese_error(orphan, 422, "还要填写“联系人”")
