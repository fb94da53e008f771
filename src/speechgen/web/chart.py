"""The bar chart of 完成率 by 县区 against the 时序进度 line, drawn on the server as SVG text."""

from __future__ import annotations

import math
from decimal import Decimal
from html import escape

BAR, GAP, LEFT, TOP, PLOT_HEIGHT, BOTTOM = 44, 26, 48, 28, 220, 56
AHEAD, BEHIND, LINE = "#2f6f9f", "#c8553d", "#b00020"


def completion_chart(rates: list[tuple[str, Decimal | None]], progress: Decimal) -> str:
    """Return an <svg> with one bar per group (its 完成率, in the order given), a dashed line at
    时序进度, each bar's figure above it; a group without an annual plan gets "无计划" instead of a bar.
    Bars at or above the line are blue, those below it red."""
    known = [rate for _, rate in rates if rate is not None]
    top = max(50, math.ceil(max([float(progress), *map(float, known)]) / 10) * 10 + 10)
    width = LEFT + len(rates) * (BAR + GAP) + GAP
    height = TOP + PLOT_HEIGHT + BOTTOM

    def y(value: float) -> float:
        return TOP + PLOT_HEIGHT * (1 - value / top)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-labelledby="chart-title">',
             '<title id="chart-title">各县区投资完成率与时序进度</title>']
    for tick in range(0, top + 1, 10 if top <= 100 else 20):
        parts.append(f'<line x1="{LEFT}" x2="{width - GAP / 2}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
                     'stroke="#e2e2e2" stroke-width="1"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="11" '
                     f'fill="#555">{tick}%</text>')
    for index, (name, rate) in enumerate(rates):
        x = LEFT + GAP + index * (BAR + GAP)
        centre = x + BAR / 2
        if rate is None:
            parts.append(f'<text x="{centre}" y="{y(0) - 6:.1f}" text-anchor="middle" font-size="11" '
                         'fill="#777">无计划</text>')
        else:
            colour = AHEAD if rate >= progress else BEHIND
            parts.append(f'<rect class="bar" x="{x}" y="{y(float(rate)):.1f}" width="{BAR}" '
                         f'height="{y(0) - y(float(rate)):.1f}" fill="{colour}">'
                         f'<title>{escape(name)}：{rate}%</title></rect>')
            parts.append(f'<text x="{centre}" y="{y(float(rate)) - 5:.1f}" text-anchor="middle" font-size="12" '
                         f'fill="#222">{rate}%</text>')
        parts.append(f'<text x="{centre}" y="{y(0) + 18:.1f}" text-anchor="middle" font-size="12" '
                     f'fill="#222">{escape(name)}</text>')
    line_y = y(float(progress))
    parts.append(f'<line class="progress" x1="{LEFT}" x2="{width - GAP / 2}" y1="{line_y:.1f}" y2="{line_y:.1f}" '
                 f'stroke="{LINE}" stroke-width="2" stroke-dasharray="6 4"/>')
    parts.append(f'<text x="{width - GAP / 2}" y="{line_y - 6:.1f}" text-anchor="end" font-size="12" '
                 f'fill="{LINE}">时序进度 {progress}%</text>')
    parts.append(f'<line x1="{LEFT}" x2="{width - GAP / 2}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#333"/>')
    legend_y = height - 12
    parts.append(f'<rect x="{LEFT}" y="{legend_y - 10}" width="12" height="12" fill="{AHEAD}"/>'
                 f'<text x="{LEFT + 16}" y="{legend_y}" font-size="12" fill="#333">快于或持平时序进度</text>'
                 f'<rect x="{LEFT + 150}" y="{legend_y - 10}" width="12" height="12" fill="{BEHIND}"/>'
                 f'<text x="{LEFT + 166}" y="{legend_y}" font-size="12" fill="#333">慢于时序进度</text>')
    parts.append("</svg>")
    return "\n".join(parts)
