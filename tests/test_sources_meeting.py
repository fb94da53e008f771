"""read_meeting and read_dossier: the meeting file's keys, its mistakes, and both files reported together."""

import datetime as dt
from pathlib import Path

import pytest

from speechgen import api
from speechgen.errors import InputError
from speechgen.paths import resource_dir
from speechgen.sources import read_dossier, read_meeting
from test_sources_helpers import HEADER, problems_of, row, simple_ledger, write_xlsx

MINIMAL = "region: 示例市\nmeeting: 全市重点项目调度会\ndate: 2026-06-05\nas_of: 2026-05-31\n"


def meeting_file(tmp_path: Path, text: str, name: str = "meeting.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def meeting_problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as excinfo:
        read_meeting(path)
    return problems_of(excinfo)


def test_example_meeting_has_every_key() -> None:
    meeting = read_meeting(resource_dir("examples") / "meeting.yaml")
    assert (meeting.region, meeting.level, meeting.date, meeting.as_of) == (
        "示例市", "市", dt.date(2026, 6, 5), dt.date(2026, 5, 31))
    assert meeting.doc_number == "示项办〔2026〕12号" and meeting.speaker and meeting.issuer and meeting.cc
    assert meeting.reporters and meeting.contact and meeting.contact.phone == "0000-3216688"
    assert meeting.doc_numbers == {"notice": "示项办〔2026〕13号"} and meeting.authorized_by == "经市政府同意"
    ins = meeting.inspection
    assert ins and ins.group_count == 3 and ins.start == dt.date(2026, 6, 15)
    assert [g.districts for g in ins.group_list] == ["东城区、西湖区", "南山县、北岭县", "青河县、高新区"]


def test_minimal_meeting_and_defaults(tmp_path: Path) -> None:
    meeting = read_meeting(meeting_file(tmp_path, MINIMAL))
    assert meeting.level == "市" and meeting.speaker is None and meeting.reporters == ()


def test_chinese_values_are_understood(tmp_path: Path) -> None:
    text = ("region: 青河县\nlevel: 全县\nmeeting: 全县重点项目推进会\ndate: 2026年6月5日\nas_of: 2026/5/31\n"
            "schedule_basis: 按日\nreporters:\n  - 县发展改革局\ninspection:\n  groups: 3个\n")
    meeting = read_meeting(meeting_file(tmp_path, text))
    assert (meeting.level, meeting.date, meeting.as_of, meeting.schedule_basis) == (
        "县", dt.date(2026, 6, 5), dt.date(2026, 5, 31), "day")
    assert meeting.inspection.groups == 3 and meeting.reporters == ("县发展改革局",)


def test_json_meeting(tmp_path: Path) -> None:
    text = '{"region": "示例市", "meeting": "调度会", "date": "2026-06-05", "as_of": "2026-05-31"}'
    assert read_meeting(meeting_file(tmp_path, text, "meeting.json")).region == "示例市"


def test_missing_required_keys_are_all_reported(tmp_path: Path) -> None:
    messages = meeting_problems(meeting_file(tmp_path, "region: 示例市\nspeaker: 市长 李明远\n"))
    assert len(messages) == 3
    assert messages[0] == "meeting.yaml：缺少必填项“meeting”（会议名称，如 全市重点项目调度会）；请加一行“meeting: …”。"
    assert "“date”" in messages[1] and "“as_of”" in messages[2]


def test_every_bad_value_in_one_pass(tmp_path: Path) -> None:
    text = ("region: 示例市\nmeeting:\nasof: 2026-05-31\ndate: 2026年6月\nlevel: 省\n"
            "reporters: 市发展改革委\ncontact:\n  name: 周敏\n  phone: 12345678\n  fax: 1\n")
    messages = meeting_problems(meeting_file(tmp_path, text))
    expected = [
        "meeting.yaml › 第3行：不认识的键“asof”；是不是“as_of”？",
        "meeting.yaml › 第4行 › date：“2026年6月”没有写到具体哪一天",
        "meeting.yaml › 第5行 › level：“省”不是可用的层级；level 请填 市、县 或 区",
        "meeting.yaml › 第6行 › reporters：“reporters”应是列表",
        "meeting.yaml › 第9行 › contact.phone：电话号码被读成了数字",
        "meeting.yaml › 第10行：不认识的键“contact.fax”",
        "meeting.yaml › 第2行 › meeting：必填项“meeting”是空的",
        "meeting.yaml：缺少必填项“as_of”",
    ]
    assert len(messages) == len(expected)
    for text_part, message in zip(expected, messages, strict=True):
        assert message.startswith(text_part), (text_part, message)


def test_yaml_syntax_error_has_its_line(tmp_path: Path) -> None:
    [message] = meeting_problems(meeting_file(tmp_path, "region: 示例市\nmeeting: [调度会\ndate: 2026-06-05\n"))
    assert message.startswith("meeting.yaml › 第") and "YAML 格式有误" in message


def test_full_width_colon(tmp_path: Path) -> None:
    messages = meeting_problems(meeting_file(tmp_path, "region：示例市\nmeeting: 调度会\ndate：2026-06-05\n"))
    assert messages == ["meeting.yaml › 第1行：“region”后面用了全角冒号“：”；请改为半角冒号加空格，如“region: …”。",
                        "meeting.yaml › 第3行：“date”后面用了全角冒号“：”；请改为半角冒号加空格，如“date: …”。"]


@pytest.mark.parametrize(("text", "expected"), [
    ("", "会议信息文件是空的"),
    ("- 示例市\n", "会议信息应是“键: 值”的形式"),
    (MINIMAL + "inspection:\n  start: 2026-06-20\n  end: 2026-06-15\n", "督查开始日期（2026-06-20）晚于结束日期"),
    (MINIMAL.replace("2026-06-05", "2026-02-30"), "“2026-02-30”不是有效的日期"),
])
def test_meeting_problems(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in meeting_problems(meeting_file(tmp_path, text))[0]


def test_meeting_file_type_and_existence(tmp_path: Path) -> None:
    assert "找不到会议信息文件" in meeting_problems(tmp_path / "meeting.yaml")[0]
    assert "不支持的文件类型 .txt" in meeting_problems(meeting_file(tmp_path, MINIMAL, "meeting.txt"))[0]


def test_dossier_reads_both_files(tmp_path: Path) -> None:
    dossier = read_dossier(simple_ledger(tmp_path / "台账.xlsx"), meeting_file(tmp_path, MINIMAL))
    assert dossier.source == "台账.xlsx" and len(dossier.projects) == 3
    assert dossier.meeting.region == "示例市" and dossier.warnings == ()
    assert api.load_dossier(tmp_path / "台账.xlsx", tmp_path / "meeting.yaml") == dossier


def test_dossier_reports_both_files_at_once(tmp_path: Path) -> None:
    ledger = simple_ledger(tmp_path / "台账.xlsx", [row(1, "甲项目", plan="约3亿")])
    with pytest.raises(InputError) as excinfo:
        read_dossier(ledger, meeting_file(tmp_path, "region: 示例市\n"))
    messages = problems_of(excinfo)
    assert any(m.startswith("meeting.yaml：缺少必填项“meeting”") for m in messages)
    assert any(m.startswith("台账.xlsx › 项目表 › 第2行") for m in messages)


def test_dossier_warnings_from_both_files(tmp_path: Path) -> None:
    rows = [["单位：万元　数据截至：2026年4月30日"], [*HEADER, "计划开工时间"],
            [*row(1, "甲项目", plan=100, done=150), "3月"]]
    ledger = write_xlsx(tmp_path / "台账.xlsx", rows)
    meeting = meeting_file(tmp_path, MINIMAL.replace("as_of: 2026-05-31", "as_of: 2026-06-30"))
    dossier = read_dossier(ledger, meeting)
    warnings = [w.format() for w in dossier.warnings]
    assert dossier.projects[0].planned_start == dt.date(2026, 3, 1)  # the month took the meeting's year
    assert any("数据截至日期（2026-06-30）晚于会议日期（2026-06-05）" in w for w in warnings)
    assert any("完成投资150万元超过年度计划投资100万元" in w for w in warnings)
    assert any("台账写明数据截至2026年4月30日，会议信息的 as_of 是2026年6月30日" in w for w in warnings)
    assert all(w.startswith("警告：") for w in warnings)


def test_stale_data_is_a_warning(tmp_path: Path) -> None:
    meeting = meeting_file(tmp_path, MINIMAL.replace("as_of: 2026-05-31", "as_of: 2025-12-31"))
    dossier = read_dossier(simple_ledger(tmp_path / "台账.xlsx"), meeting)
    assert "早了三个月以上" in dossier.warnings[0].format()


def test_default_addressee_follows_the_level() -> None:
    import datetime as dt

    from speechgen.model import Meeting

    def meeting(level: str) -> Meeting:
        return Meeting(region="青山", level=level, meeting="推进会", date=dt.date(2026, 6, 5),
                       as_of=dt.date(2026, 5, 31))

    assert meeting("市").addressee_or_default.endswith("市直有关单位")
    assert meeting("县").addressee_or_default.endswith("县直有关单位")
    assert meeting("区").addressee_or_default.endswith("区直有关单位")


def test_a_ledger_period_that_is_not_the_meetings_is_warned(tmp_path: Path) -> None:
    """"1-9月完成投资" with as_of in May: the two periods disagree (issue 16)."""
    header = [("1-9月完成投资（万元）" if h == "完成投资（万元）" else h) for h in HEADER]
    ledger = write_xlsx(tmp_path / "l.xlsx", [header, row(1, "甲项目")])
    meeting = tmp_path / "meeting.yaml"
    meeting.write_text("region: 示例市\nmeeting: 调度会\ndate: 2026-06-05\nas_of: 2026-05-31\n", encoding="utf-8")
    (warning,) = [w for w in read_dossier(ledger, meeting).warnings if "as_of" in (w.column or "")]
    assert "“1-9月完成投资（万元）”是截至9月的数" in warning.message and "2026年5月31日" in warning.message
    meeting.write_text("region: 示例市\nmeeting: 调度会\ndate: 2026-10-05\nas_of: 2026-09-30\n", encoding="utf-8")
    assert not [w for w in read_dossier(ledger, meeting).warnings if "截至9月" in w.message]


@pytest.mark.parametrize(("line", "key", "value"), [
    ("speaker: [张三, 李四]", "speaker", "张三、李四"),
    ("speaker: [市委副书记、市长, 李明远]", "speaker", "市委副书记、市长 李明远"),
    ("cc: [县委办公室, 县政府办公室]", "cc", "县委办公室，县政府办公室"),
])
def test_a_list_for_a_text_is_joined_as_documents_write_it(tmp_path: Path, line: str, key: str, value: str) -> None:
    """Issue 16: speaker: [a, b] printed "['a', 'b']" in the speech's subtitle."""
    path = tmp_path / "meeting.yaml"
    path.write_text(f"region: 某县\nmeeting: 调度会\ndate: 2026-06-05\nas_of: 2026-05-31\n{line}\n", encoding="utf-8")
    assert getattr(read_meeting(path), key) == value


def test_a_list_where_one_text_is_meant_is_refused_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "meeting.yaml"
    path.write_text("meeting: 调度会\nregion: [甲县, 乙县]\ndate: 2026-06-05\nas_of: 2026-05-31\n", encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read_meeting(path)
    (problem,) = excinfo.value.problems
    assert problem.row == 2 and "应是一项文字，不是列表" in problem.message and "['" not in problem.message
