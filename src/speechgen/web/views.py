"""What the page shows of the API's results, as plain values for the page templates: the figures
(from the facts JSON, so that every number is the facts layer's own), problems by row, findings."""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from typing import Any

from speechgen import api
from speechgen.errors import Problem
from speechgen.web.chart import completion_chart

DASH = "—"


def percent(value: Decimal | None) -> str:
    """Return a rate the facts layer rounded ("36.9%"), or "—" when it does not exist."""
    return DASH if value is None else f"{value}%"


def points(value: Decimal | None) -> str:
    """Return a gap in 百分点 with its sign ("+12.1", "-4.8", "0.0"), or "—"."""
    if value is None:
        return DASH
    return "0.0" if value == 0 else f"{value:+}"


def yi(value: Decimal) -> str:
    """Return 亿元 as the facts layer rounded it, with two decimals shown ("26.00")."""
    return f"{value:.2f}"


def problem_view(problem: Problem) -> dict[str, Any]:
    """Return a Problem for the page and for JSON: its parts and the line the CLI prints."""
    prefix = "" if problem.severity == "warning" else "错误："
    return {"text": prefix + problem.format(), "message": problem.message, "hint": problem.hint,
            "file": problem.file, "sheet": problem.sheet, "row": problem.row, "column": problem.column,
            "location": problem.location(), "severity": problem.severity}


def problems_by_row(problems: list[Problem] | tuple[Problem, ...]) -> list[dict[str, Any]]:
    """Return the problems grouped by file, sheet and row (rows in order; whole-file ones first)."""
    groups: dict[tuple[str, str, int], list[Problem]] = defaultdict(list)
    for problem in problems:
        groups[(problem.file or "", problem.sheet or "", problem.row or 0)].append(problem)
    return [{"file": file, "sheet": sheet, "row": row or None, "problems": [problem_view(p) for p in found]}
            for (file, sheet, row), found in sorted(groups.items())]


def facts_view(result: api.FactsResult) -> dict[str, Any]:
    """Return every table of the facts section: overview, 县区 ranking with its chart, laggards,
    problem types, and the ledger's rows with each row's warnings beside it."""
    data = json.loads(api.facts_to_json(result.facts), parse_float=Decimal)
    overall, schedule = data["overall"], data["schedule"]
    by_row = defaultdict(list)
    earlier = []  # a previous ledger's warnings: its rows are not this ledger's
    for warning in result.warnings:
        beside = warning.file in (None, result.dossier.source) or not result.previous
        (by_row[warning.row] if beside else earlier).append(problem_view(warning))
    rows_known = {project.row for project in result.dossier.projects}
    return {
        "meeting": data["meeting"],
        "schedule": schedule,
        "progress": percent(schedule["progress"]),
        "overview": _overview(data),
        "districts": [_group(group) for group in data["by_district"]],
        "chart": completion_chart(
            [(group["key"], group["completion_rate"]) for group in data["by_district"]], schedule["progress"]),
        "laggards": [_laggard(laggard) for laggard in data["laggards"]],
        "problems": data["problems"],
        "projects": [_project(project, by_row.get(project.row, [])) for project in result.dossier.projects],
        "other_warnings": [w for row, found in by_row.items() if row not in rows_known for w in found] + earlier,
        "warning_count": len(result.warnings),
        "overall": {"completion_rate": percent(overall["completion_rate"]), "gap": points(overall["gap_points"])},
        "changes": _changes(data["changes"]) if "changes" in data else None,
    }


def _changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Return the 较上月 figures (facts JSON ``changes``): the whole ledger's, and each 县区's."""
    whole, then = changes["overall"], changes["periods"][-1]
    counted = [("新增滞后", changes["new_laggards"]), ("摘帽（不再滞后）", changes["cleared"]),
               ("连续滞后", changes["continuing"]), ("新增入库", changes["added"]), ("本期调出", changes["removed"])]
    return {
        "then": then,
        "overview": [
            ("上期数据截至", f"{then['as_of']}（台账：{then['source']}，时序进度{percent(then['progress'])}）"),
            ("完成投资较上月增加", f"{_wan(whole['increase_wan'])}万元"),
            ("投资完成率", f"{percent(whole['previous_completion_rate'])} → {percent(whole['completion_rate'])}"
                          f"（{points(whole['rate_change_points'])}个百分点）"),
            ("与时序进度比", f"{points(whole['previous_gap_points'])} → {points(whole['gap_points'])}"
                            f"（{points(whole['gap_change_points'])}个百分点）"),
            ("已开工", f"{_count(whole['previous_started'])} → {whole['started']}个"),
            ("滞后项目", f"{_count(whole['previous_laggards'])} → {whole['laggards']}个"),
            *((label, f"{len(found)}个：{'、'.join(p['name'] for p in found)}") for label, found in counted if found),
        ],
        "districts": [{"key": row["key"], "rate": percent(row["completion_rate"]),
                       "previous_rate": percent(row["previous_completion_rate"]),
                       "rate_change": points(row["rate_change_points"]),
                       "worse": row["rate_change_points"] is not None and row["rate_change_points"] < 0,
                       "increase": _wan(row["increase_wan"]), "rank": DASH if row["rank"] is None else row["rank"],
                       "previous_rank": DASH if row["previous_rank"] is None else row["previous_rank"],
                       "rank_move": _move(row["rank_move"])}
                      for row in changes["groups"].get("district", [])],
    }


def _move(places: int | None) -> str:
    """Return a 名次 change: 上升2位, 下降1位, 持平, or "—" (no rank then or now)."""
    if places is None:
        return DASH
    return "持平" if places == 0 else f"{'上升' if places > 0 else '下降'}{abs(places)}位"


def _wan(value: Decimal | None) -> str:
    return DASH if value is None else f"{value}"


def _count(value: int | None) -> str:
    return DASH if value is None else str(value)


def _overview(data: dict[str, Any]) -> list[tuple[str, str]]:
    overall, schedule = data["overall"], data["schedule"]
    basis = (f"按月计：{schedule['months_elapsed']}÷12" if schedule["basis"] == "month"
             else f"按日计：{schedule['days_elapsed']}÷{schedule['days_in_year']}")
    stages = "，".join(f"{stage}{count}个" for stage, count in overall["stages"].items())
    threshold = data["lag_threshold_points"]
    return [
        ("时序进度", f"{percent(schedule['progress'])}（{basis}）"),
        ("项目总数", f"{overall['projects']}个（{stages}）"),
        ("已开工", f"{overall['started']}个，开工率{percent(overall['start_rate'])}"),
        ("总投资", f"{yi(overall['total_yi'])}亿元（{overall['total_wan']}万元）"),
        ("年度计划投资", f"{yi(overall['annual_plan_yi'])}亿元（{overall['annual_plan_wan']}万元）"),
        ("完成投资", f"{yi(overall['completed_yi'])}亿元（{overall['completed_wan']}万元）"),
        ("投资完成率", f"{percent(overall['completion_rate'])}（{api.gap_words(overall['gap_points'])}）"),
        ("滞后项目", f"{len(data['laggards'])}个（落后时序进度超过{threshold}个百分点或逾期未开工）"),
    ]


def _group(group: dict[str, Any]) -> dict[str, Any]:
    return {"rank": DASH if group["rank"] is None else group["rank"], "key": group["key"],
            "projects": group["projects"], "started": group["started"], "start_rate": percent(group["start_rate"]),
            "annual_plan": yi(group["annual_plan_yi"]), "completed": yi(group["completed_yi"]),
            "completion_rate": percent(group["completion_rate"]), "gap": points(group["gap_points"]),
            "behind": group["gap_points"] is not None and group["gap_points"] < 0, "laggards": group["laggards"]}


def _laggard(laggard: dict[str, Any]) -> dict[str, Any]:
    return {**laggard, "completion_rate": percent(laggard["completion_rate"]), "gap": points(laggard["gap_points"]),
            "reasons": "、".join(laggard["reason_labels"]), "leader": laggard["leader"] or DASH}


def _project(project: Any, warnings: list[dict[str, Any]]) -> dict[str, Any]:
    return {"row": project.row, "name": project.name, "district": project.district, "owner": project.owner,
            "status": str(project.status.value), "annual_plan": project.annual_plan, "completed": project.completed,
            "warnings": warnings}


def findings_view(report: dict[str, Any]) -> dict[str, Any]:
    """Return a check report (Report.to_json()) with Chinese severity names and locations."""
    names = {"error": "错误", "warning": "警告", "info": "提示"}
    findings = []
    for finding in report["findings"]:
        where = "全文" if finding["paragraph"] is None else f"第{finding['paragraph']}段"
        if finding.get("line"):
            where += f"（第{finding['line']}行）"
        findings.append({**finding, "where": where, "severity_zh": names[finding["severity"]]})
    return {"ok": report["ok"], "counts": report["counts"], "findings": findings}
