"""Every threshold a judgement rests on, written once: the tone ladder of the gap to 时序进度 and
the shares that make a situation worth saying (docs/compose.md lists them)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

# The tone ladder: the whole ledger's gap to 时序进度 in 百分点 (from the rounded rates, as
# printed). Read top down; the first bound the gap reaches names its tone.
Tone = Literal["well_ahead", "ahead", "level", "slightly_behind", "behind", "seriously_behind", "severely_behind"]
WELL_AHEAD_POINTS = Decimal(5)  # well_ahead: gap ≥ +5
# ahead: 0 < gap < +5; level: gap = 0.0 (与时序进度持平)
SLIGHTLY_BEHIND_POINTS = Decimal(-3)  # slightly_behind: −3 < gap < 0
SERIOUSLY_BEHIND_POINTS = Decimal(-10)  # behind: −10 < gap ≤ −3; seriously_behind: −20 < gap ≤ −10
SEVERELY_BEHIND_POINTS = Decimal(-20)  # severely_behind: gap ≤ −20
TONE_WORDS: dict[Tone, str] = {
    "well_ahead": "大幅领先", "ahead": "领先", "level": "持平", "slightly_behind": "略慢",
    "behind": "滞后", "seriously_behind": "明显滞后", "severely_behind": "严重滞后",
}

# Units (县区): one more than this many 百分点 behind gets a named instruction with a deadline.
UNIT_FAR_BEHIND_POINTS = Decimal(-10)  # gap < −10
UNEVEN_SPREAD_POINTS = Decimal(20)  # uneven: best − worst unit ≥ 20 百分点
# A unit's 开工率 worth singling out: below this, and this many points below the whole's.
LOW_START_RATE = Decimal(50)
LOW_START_MARGIN = Decimal(20)

# Shares of projects, in percent.
MANY_NOT_STARTED_PERCENT = Decimal(30)  # many_not_started: ≥ 30 % not started
FEW_NOT_STARTED_PERCENT = Decimal(10)  # few_not_started: < 10 % not started (but some)
LAGGARDS_MANY_PERCENT = Decimal(30)  # laggards_many: ≥ 30 % of projects are laggards
LAGGARDS_MAJORITY_PERCENT = Decimal(50)  # laggards_majority: more than half
SHARE_MIN_PROJECTS = 4  # a share of laggards is spoken of from this many projects up

# The time of year, by the cut-off month (as_of).
EARLY_YEAR_LAST_MONTH = 4  # early_year: 1–4; mid_year: 5–8; late_year: 9–12
MID_YEAR_LAST_MONTH = 8
BUILDING_SEASON = (3, 9)  # cut-off months of the 施工黄金期 (spring to early autumn)
FIRST_QUARTER_LAST_MONTH = 3  # q1: 1–3 (开工, 开门红, 集中开工)
HALF_PUSH_MONTHS = (4, 5)  # half_push: 双过半 by 6月底 still to win (as_of 4月底, 5月底, or a day in 6月)
HALF_YEAR_MONTH = 6  # at 6月底: half_done or half_missed (完成率 ≥ 50 %)
FLOOD_SEASON = (5, 8)  # cut-off months after which the coming weeks are 汛期 (防汛)
HOT_SEASON = (5, 8)  # … and hot (高温, 防暑)
SEVERAL_MONTHS_LAST_MONTH = 10  # up to 10月底 two months or more are left: 按月, 每月, 逐月 may be said
OLD_PROBLEM_MONTHS = 3  # a problem is 老问题 on a project not started this many months past its planned start
YEAR_END_FIRST_MONTH = 9  # year_end: as_of 9月底–11月底, what remains per month
HALF = Decimal(50)


def tone_of(gap: Decimal) -> Tone:
    """Return the tone of a gap in 百分点 (see the ladder above)."""
    if gap >= WELL_AHEAD_POINTS:
        return "well_ahead"
    if gap > 0:
        return "ahead"
    if gap == 0:
        return "level"
    if gap > SLIGHTLY_BEHIND_POINTS:
        return "slightly_behind"
    if gap > SERIOUSLY_BEHIND_POINTS:
        return "behind"
    if gap > SEVERELY_BEHIND_POINTS:
        return "seriously_behind"
    return "severely_behind"


def share(part: int, whole: int) -> Decimal:
    """Return part ÷ whole in percent (0 for an empty whole), unrounded: shares are compared, not printed."""
    return Decimal(part) * 100 / whole if whole else Decimal(0)
