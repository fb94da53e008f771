"""`speechgen facts --previous`: the changes against the previous period as tables."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from speechgen import zh
from speechgen.facts import GROUP_LABELS, Changes, GroupBy, GroupChange, Schedule
from speechgen.zh.change import gap_trend, period_noun, periods_phrase, rank_arrow, signed_points, versus

if TYPE_CHECKING:
    from rich.table import Table


def _table(title: str, *columns: str, right: tuple[int, ...] = ()) -> Table:
    from speechgen.cli.facts_cmd import _table as table

    return table(title, *columns, right=right)


def _yi(wan: object) -> str:
    return "—" if wan is None else zh.format_yi(wan, fixed=True, unit=False)  # type: ignore[arg-type]


def change_tables(changes: Changes, by: GroupBy, schedule: Schedule) -> list[Table | str]:
    """Return the tables of ``speechgen facts --previous``: the whole, the groups, the projects."""
    noun = period_noun(changes.previous.as_of, schedule.as_of)
    out: list[Table | str] = [_overall(changes, noun, schedule.progress)]
    rows = changes.rows(by) or changes.rows("district")
    label = GROUP_LABELS[by] if changes.rows(by) else GROUP_LABELS["district"]
    out.append(_groups(rows, label, noun))
    out.append(_projects(changes, noun))
    return out


def _overall(changes: Changes, noun: str, progress: Decimal) -> Table:
    o, previous = changes.overall, changes.previous
    then = o.then
    assert then is not None  # the whole ledger always has a previous row
    periods = "、".join(zh.format_date(p.as_of) for p in changes.periods)
    table = _table(f"与{noun}比较（上期数据截至{periods}）", "项目", f"{noun}", "本期", "变化")
    table.add_row("时序进度", zh.format_percent(previous.progress), zh.format_percent(progress), "")
    table.add_row("完成投资", zh.format_yi(then.completed), zh.format_yi(o.now.completed),
                  f"本期完成{zh.format_yi(o.completed_increase or 0)}")
    table.add_row("投资完成率", zh.format_percent(then.completion_rate), zh.format_percent(o.now.completion_rate),
                  versus(o.rate_change, noun))
    table.add_row("与时序进度比", _gap(then.gap_points), _gap(o.now.gap_points),
                  gap_trend(then.gap_points, o.now.gap_points))
    table.add_row("已开工", f"{then.started}个", f"{o.now.started}个", _count_change(o.started_change))
    table.add_row("滞后项目", f"{then.laggards}个", f"{o.now.laggards}个",
                  _count_change(o.now.laggards - then.laggards))
    return table


def _gap(points: object) -> str:
    return "—" if points is None else zh.compare_phrase(points, reference="")  # type: ignore[arg-type]


def _count_change(change: int | None) -> str:
    if change is None:
        return ""
    if change == 0:
        return "持平"
    return f"{'增加' if change > 0 else '减少'}{abs(change)}个"


def _groups(rows: tuple[GroupChange, ...], label: str, noun: str) -> Table:
    table = _table(f"各{label}与{noun}比较（金额单位：亿元；变化单位：百分点）", "排名", label, "本期\n完成",
                   f"{noun}\n完成率", "完成率", "完成率\n变化", "与时序进度比\n变化", f"{noun}\n排名", "排名\n变化",
                   right=(0, 2, 3, 4, 5, 6, 7, 8))
    for row in rows:
        then = row.then
        table.add_row("—" if row.rank_now is None else str(row.rank_now), row.key, _yi(row.completed_increase),
                      zh.format_percent(None if then is None else then.completion_rate),
                      zh.format_percent(row.now.completion_rate), signed_points(row.rate_change),
                      signed_points(row.gap_change), "—" if row.rank_then is None else str(row.rank_then),
                      rank_arrow(row.rank_move) if then is not None else "新增")
    return table


def _projects(changes: Changes, noun: str) -> Table:
    table = _table("项目变化", "类别", "个数", "项目")
    lists = [
        ("新开工", [c.now.name for c in changes.newly_started]),
        ("新竣工/投产", [f"{c.now.name}（{c.now.status.value}）" for c in changes.newly_completed]),
        ("新增入库", [p.name for p in changes.added]),
        ("本期调出", [p.name for p in changes.removed]),
        ("新增滞后", [lag.project.name for lag in changes.new_laggards]),
        ("摘帽（不再滞后）", [p.name for p in changes.cleared]),
        ("连续滞后", [f"{s.laggard.project.name}（{periods_phrase(s.periods, noun)}）" for s in changes.continuing]),
        ("完成投资减少", [f"{c.now.name}（{zh.format_wan(c.then.completed)}→{zh.format_wan(c.now.completed)}）"
                       for c in changes.decreased]),
    ]
    for label, names in lists:
        table.add_row(label, str(len(names)), "、".join(names) or "—")
    return table
