"""The plan of a batch: grouping for every --per, --only, 主送, numbering, shards, a county's own
meeting — against the figures of the sample ledger (tests/batch_samples.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from batch_samples import ROWS, project_row, write_ledger, write_meeting
from speechgen.batch.addressing import county_meeting, default_addressee
from speechgen.batch.groups import groups_of, shard_range, skip_reason
from speechgen.batch.plan import PlanChoices, plan_batch
from speechgen.errors import InputError
from speechgen.model import Dossier
from speechgen.sources import read_dossier


def _dossier(tmp_path: Path, rows=ROWS, extra: str = "") -> Dossier:
    return read_dossier(write_ledger(tmp_path, rows), write_meeting(tmp_path, extra))


def _plan(dossier: Dossier, kind: str = "supervision", per: str = "district", only: str = "all", **options):
    labels = {"supervision": "督办通知", "notice": "督查通知", "bulletin": "通报", "sheet": "督办单"}
    return plan_batch(dossier, PlanChoices(kind, labels[kind], per, only, (".docx",), **options))  # type: ignore[arg-type]


def test_groups_for_every_per_in_ledger_order(tmp_path: Path) -> None:
    dossier = _dossier(tmp_path)
    assert [g.key for g in groups_of(dossier, "district")] == ["青河县", "东城区", "高新区"]
    assert [g.key for g in groups_of(dossier, "owner")] == [row[2] for row in ROWS]
    assert [g.key for g in groups_of(dossier, "leader")] == ["刘振宇（副市长）", "王建国（副市长）"]
    projects = groups_of(dossier, "project")
    assert [g.key for g in projects] == [row[1] for row in ROWS]
    assert all(g.project is not None and g.facts.projects == (g.project,) for g in projects)


def test_group_figures_are_the_groups_own_and_ranked_among_siblings(tmp_path: Path) -> None:
    qinghe, dongcheng, gaoxin = groups_of(_dossier(tmp_path), "district")
    assert qinghe.facts.overall.completed == Decimal(500) and qinghe.facts.overall.annual_plan == Decimal(10000)
    overall = qinghe.facts.overall
    assert overall.completion_rate == Decimal("5.0") and overall.gap_points == Decimal("-36.7")
    assert [lag.project.name for lag in qinghe.facts.laggards] == ["青河县污水处理厂扩建", "青河县农产品冷链物流园"]
    assert (dongcheng.facts.group.rank, gaoxin.facts.group.rank, qinghe.facts.group.rank) == (1, 2, 3)
    assert len(qinghe.facts.siblings) == 3


def test_only_keeps_what_has_something_to_supervise(tmp_path: Path) -> None:
    districts = groups_of(_dossier(tmp_path), "district")
    assert [skip_reason(g, "lagging") is None for g in districts] == [True, False, False]
    assert "不慢于时序进度" in skip_reason(districts[1], "lagging")  # type: ignore[operator]
    assert [skip_reason(g, "overdue") is None for g in districts] == [True, False, False]
    assert all(skip_reason(g, "all") is None for g in districts)
    projects = groups_of(_dossier(tmp_path), "project")
    assert [skip_reason(g, "lagging") is None for g in projects] == [True, True, False, False, False]
    assert [skip_reason(g, "overdue") is None for g in projects] == [False, True, False, False, False]
    assert skip_reason(projects[2], "lagging") == "不是滞后或逾期未开工项目，无需督办"


def test_a_unit_behind_schedule_without_laggards_is_kept(tmp_path: Path) -> None:
    # 35.0%: 6.7 百分点 behind 时序进度, no project more than 10 behind
    rows = [project_row("甲项目", "南山县", plan="10000", done="3500")]
    (group,) = groups_of(_dossier(tmp_path, rows), "district")
    assert group.facts.laggards == () and skip_reason(group, "lagging") is None


def test_addressees_by_default_and_from_the_meeting_file(tmp_path: Path) -> None:
    dossier = _dossier(tmp_path, extra="addressees:\n  东城区: 东城区人民政府办公室\n")
    districts = {g.key: g for g in groups_of(dossier, "district")}
    assert default_addressee(districts["青河县"]) == "青河县人民政府"
    assert default_addressee(districts["高新区"]) == "高新区管委会"
    plan = _plan(dossier)
    assert [d.addressee for d in plan.documents] == ["青河县人民政府", "东城区人民政府办公室", "高新区管委会"]
    assert [d.facts.meeting.addressee for d in plan.documents] == [d.addressee for d in plan.documents]
    owners = groups_of(dossier, "owner")
    assert default_addressee(owners[0]) == "青河县发展改革局"
    leaders = groups_of(dossier, "leader")
    assert default_addressee(leaders[0]) == "刘振宇副市长办公室"
    assert default_addressee(groups_of(dossier, "project")[2]) == "东城区城投公司"


def test_numbering_from_the_meeting_code_skips_nothing_it_keeps(tmp_path: Path) -> None:
    plan = _plan(_dossier(tmp_path), kind="sheet", per="project", only="lagging", number_from=13)
    assert [(d.number, d.doc_number) for d in plan.documents] == [(1, "示项办〔2026〕13号"), (2, "示项办〔2026〕14号")]
    assert [s.group.key for s in plan.skipped] == [row[1] for row in ROWS[2:]]
    assert [d.stem for d in plan.documents] == ["001_青河县农产品冷链物流园_督办单", "002_青河县污水处理厂扩建_督办单"]


def test_without_number_from_no_document_carries_the_meeting_files_number(tmp_path: Path) -> None:
    plan = _plan(_dossier(tmp_path), kind="notice")
    assert all(d.doc_number is None and d.facts.meeting.doc_number is None for d in plan.documents)


def test_number_from_needs_the_code_of_the_meeting_file(tmp_path: Path) -> None:
    write_meeting(tmp_path)
    text = (tmp_path / "meeting.yaml").read_text(encoding="utf-8").replace("doc_number: 示项办〔2026〕1号\n", "")
    (tmp_path / "meeting.yaml").write_text(text, encoding="utf-8")
    dossier = read_dossier(write_ledger(tmp_path), tmp_path / "meeting.yaml")
    with pytest.raises(InputError, match="机关代字") as caught:
        _plan(dossier, number_from=1)
    assert "doc_number" in caught.value.problems[0].hint  # type: ignore[operator]


def test_shards_are_disjoint_slices_covering_everything_with_the_same_numbers(tmp_path: Path) -> None:
    for total in (0, 1, 5, 7, 100):
        for count in (1, 2, 3, 8):
            slices = [shard_range(total, (index, count)) for index in range(1, count + 1)]
            assert [i for part in slices for i in part] == list(range(total))
            assert max(map(len, slices)) - min(map(len, slices)) <= 1
    dossier = _dossier(tmp_path)
    whole = _plan(dossier, kind="notice", per="project", number_from=5)
    halves = [_plan(dossier, kind="notice", per="project", number_from=5, shard=(i, 2)) for i in (1, 2)]
    assert [d.doc_number for half in halves for d in half.chosen()] == [d.doc_number for d in whole.documents]


def test_a_countys_own_bulletin_speaks_as_the_county(tmp_path: Path) -> None:
    dossier = _dossier(tmp_path, extra="speaker: 市长 李明\nreporters:\n  - 青河县\n")
    qinghe = _plan(dossier, kind="bulletin").documents[0]
    meeting = qinghe.facts.meeting
    assert (meeting.region, meeting.level, meeting.scope) == ("青河县", "县", "全县")
    assert meeting.issuer_or_default == "青河县重点项目建设领导小组办公室"
    assert meeting.addressee_or_default == "各乡（镇）人民政府、街道办事处，县直有关单位"
    assert (meeting.speaker, meeting.reporters, meeting.contact, meeting.cc) == (None, (), None, None)
    assert meeting.meeting == "全县重点项目调度会"
    assert qinghe.facts.overall.key == "全县" and qinghe.facts.overall.completed == Decimal(500)
    assert qinghe.facts.group is not None and qinghe.facts.group.rank == 3  # still known: its place in the city
    gaoxin = county_meeting(dossier.meeting, "高新区")
    assert gaoxin.level == "区" and gaoxin.addressee_or_default == "各有关部门，各有关单位"
    assert county_meeting(dossier.meeting, "临江市").addressee_or_default.endswith("市直有关单位")


def test_a_notice_to_a_county_stays_the_citys(tmp_path: Path) -> None:
    qinghe = _plan(_dossier(tmp_path), kind="notice").documents[0]
    assert qinghe.facts.meeting.region == "示例市" and qinghe.facts.meeting.addressee == "青河县人民政府"


def test_fingerprints_change_with_what_the_document_is_made_from(tmp_path: Path) -> None:
    first = _plan(_dossier(tmp_path), kind="notice")
    changed = list(ROWS)
    changed[4] = (*ROWS[4][:6], "4600", *ROWS[4][7:])  # 高新区's completed investment
    second = _plan(_dossier(tmp_path, changed), kind="notice")
    same = [a.fingerprint == b.fingerprint for a, b in zip(first.documents, second.documents, strict=True)]
    # a district's document is made from its rank among all districts (siblings), which holds 高新区's rate
    assert same == [False, False, False]
    owners = [_plan(_dossier(tmp_path, rows), kind="sheet", per="project") for rows in (ROWS, changed)]
    assert [a.fingerprint == b.fingerprint for a, b in zip(owners[0].documents, owners[1].documents, strict=True)] \
        == [True, True, True, True, False]
