"""Every number in the generated example documents traces back to the facts or the meeting file.

The numbers are extracted with their unit (%, 个百分点, 亿元/万元, dates, plain counts) from the
dialect text and from the .docx text, and each must equal a figure computed by speechgen.facts
and formatted by speechgen.zh, or a value of the meeting file (文号, 电话, 日期, 督查组数).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import pytest

from speechgen import api, zh
from speechgen.compose.observe.situation import deadline_of
from speechgen.facts import Facts, GroupFacts
from speechgen.facts.laggards import project_rate
from speechgen.paths import resource_dir
from speechgen.rounding import percent, wan_to_yi

EXAMPLES = resource_dir("examples")
LEDGER, MEETING = EXAMPLES / "ledger.xlsx", EXAMPLES / "meeting.yaml"
NUMBER = re.compile(r"\d+(?:\.\d+)?")
KINDS = ("speech", "bulletin", "notice")



def _plain(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _money(wan: Decimal) -> set[str]:
    yi = wan_to_yi(wan)
    return {_plain(yi), f"{yi:.2f}", zh.format_wan(wan, unit=False)}


def _group(group: GroupFacts) -> tuple[set[str], set[str], set[str], set[str]]:
    counts = {group.projects, group.started, group.not_started, group.laggards, *(n for _, n in group.stage_counts)}
    if group.rank is not None:
        counts.add(group.rank)
    rates = {r for r in (group.start_rate, group.completion_rate) if r is not None}
    gaps = {abs(group.gap_points)} if group.gap_points is not None else set()
    money = set().union(*(_money(w) for w in (group.total, group.annual_plan, group.completed)))
    return {str(n) for n in counts}, {f"{r:.1f}" for r in rates}, {f"{g:.1f}" for g in gaps}, money


def _dates(days: Iterable[dt.date | None]) -> set[str]:
    return {str(part) for day in days if day for part in (day.year, day.month, day.day)}


def allowed(facts: Facts) -> dict[str, set[str]]:
    """Return the formatted numbers the facts and the meeting file allow, by unit."""
    counts, rates, gaps, money = set(), {f"{facts.schedule.progress:.1f}"}, set(), set()
    # a bulletin's breakdowns by 产业类别 and 建设性质 (issue 11), and each group's shares of laggards
    # and of projects not started ("滞后15个、占44.1%", "未开工项目占项目总数的18.0%")
    breakdowns = (*api.group_facts(facts, "category"), *api.group_facts(facts, "nature"))
    for group in (facts.overall, *facts.by_district, *breakdowns):
        c, r, g, m = _group(group)
        counts |= c
        rates |= r
        gaps |= g
        money |= m
        rates |= {f"{share:.1f}" for n in (group.laggards, group.not_started)
                  if (share := percent(n, group.projects)) is not None}
    for lag in facts.laggards:
        if lag.gap_points is not None:
            gaps.add(f"{abs(lag.gap_points):.1f}")
    for project in facts.projects:
        rate = project_rate(project)
        if rate is not None:
            rates.add(f"{rate:.1f}")
        money |= _money(project.annual_plan) | _money(project.completed) | _money(project.total)
    lag_kinds = [lag.reasons for lag in facts.laggards]
    counts |= {str(len(facts.laggards)), str(len(facts.by_district)), _plain(facts.lag_threshold_points)}
    for reason in ("not_started_overdue", "behind_schedule"):
        counts.add(str(sum(reason in r for r in lag_kinds)))
    counts |= {str(len(facts.laggards) - k) for k in range(len(facts.laggards) + 1)}  # "此外…等N个项目"
    counts |= {str(p.count) for p in facts.problems}
    counts.add(str(len({name for p in facts.problems for name in p.projects})))
    gaps.add(_plain(facts.lag_threshold_points))
    left = facts.remaining  # what the year's plan still needs: in all, per month, to half
    if left is not None:
        money |= _money(left.amount) | _money(left.to_half)
        if left.per_month is not None:
            money |= _money(left.per_month)
    m = facts.meeting
    inspection = m.inspection
    deadline, _ = deadline_of(m)  # the date named instructions are due
    dates = _dates([m.date, m.as_of, m.print_date, deadline, *(p.planned_start for p in facts.projects)])
    if inspection:
        dates |= _dates([inspection.start, inspection.end, inspection.report_by])
    dates.add("1")  # the period "1—5月" starts in January
    meeting_file = set(NUMBER.findall(" ".join(filter(None, [
        m.doc_number, *m.doc_numbers.values(), m.contact.phone if m.contact else None,
        m.contact.email if m.contact else None,
        str(inspection.group_count) if inspection and inspection.groups else None]))))
    # numbers the ledger itself writes in its text cells (存在问题 "220千伏变电站", project names)
    ledger_text = set(NUMBER.findall(" ".join(
        " ".join(filter(None, (p.name, p.owner, p.leader, p.problem, p.progress))) for p in facts.projects)))
    general = counts | dates | meeting_file | money | ledger_text
    return {"%": rates, "个百分点": gaps, "亿元": money, "万元": money, "date": dates, "general": general}


def untraced(text: str, figures: dict[str, set[str]]) -> list[str]:
    """Return each number of the text that matches nothing, with its context."""
    bad = []
    for line in text.splitlines():
        cells = line.strip("|").split("|") if line.startswith("|") else [line]
        if line.startswith("| 序号") or re.match(r"^\|\s*-", line):
            continue
        if line.startswith("|") and cells and cells[0].strip().isdigit():
            cells = cells[1:]  # the 序号 column numbers rows, it is no figure
        for cell in cells:
            if re.fullmatch(r"\s*[+-]\d+\.\d\s*", cell):  # a 与时序进度比（百分点） column: a signed gap
                if cell.strip()[1:] not in figures["个百分点"]:
                    bad.append(f"{cell.strip()}：表中与时序进度比")
                continue
            cell = re.sub(r"^(?:附件：)?\d+\.(?=\d{4}年|\D)", "", cell)  # 附件说明 "附件：1.2026年…", "2.滞后项目清单"
            for match in NUMBER.finditer(cell):
                after = cell[match.end(): match.end() + 4]
                unit = next((u for u in ("%", "个百分点", "亿元", "万元") if after.startswith(u)), None)
                if unit is None and after[:1] in ("年", "月", "日"):
                    unit = "date"
                pool = figures[unit or "general"]
                if match.group() not in pool:
                    bad.append(f"{match.group()}{unit or ''}：…{cell[max(0, match.start() - 15): match.end() + 10]}…")
    return bad


@pytest.fixture(scope="module")
def facts() -> Facts:
    return api.compute_facts(LEDGER, MEETING)


@pytest.fixture(scope="module")
def figures(facts: Facts) -> dict[str, set[str]]:
    return allowed(facts)


CASES = [("speech", frame, seed) for frame in ("cognition", "review", "three_x") for seed in (1, 2)]
CASES += [(kind, None, seed) for kind in ("bulletin", "notice") for seed in (1, 2)]


@pytest.mark.parametrize(("kind", "frame", "seed"), CASES)
def test_every_number_of_the_dialect_text_is_traced(facts, figures, kind: str, frame: str | None, seed: int) -> None:
    text = api.draft(kind, facts, frame=frame, seed=seed)  # type: ignore[arg-type]
    assert untraced(text, figures) == []


def test_the_tracer_catches_an_invented_number(facts, figures) -> None:
    text = api.draft("speech", facts, seed=1)
    found = untraced(text.replace("同志们：", "同志们：全市共有777个项目，完成率达99.9%。", 1), figures)
    assert [item.split("：")[0] for item in found] == ["777", "99.9%"]
    assert "全市共有777个项目" in found[0]


def test_every_number_of_the_docx_text_is_traced(tmp_path: Path, facts, figures) -> None:
    import docx

    for kind in KINDS:
        out = tmp_path / f"{kind}.docx"
        api.generate(kind, LEDGER, MEETING, [out])  # type: ignore[arg-type]
        document = docx.Document(str(out))
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            lines += ["|" + "|".join(cell.text for cell in row.cells) + "|" for row in table.rows]
        text = "\n".join(lines)
        assert NUMBER.search(text), kind
        assert untraced(text, figures) == [], kind


def test_rates_used_by_the_tracer_follow_the_rounding_rules(facts) -> None:
    overall = facts.overall
    assert overall.completion_rate == percent(overall.completed, overall.annual_plan)
