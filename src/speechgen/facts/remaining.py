"""What is left of the year's plan at the cut-off: the amount, the months left and the amount per
month, and what 任务过半 (half the annual plan by 6月底, 双过半) still needs."""

from __future__ import annotations

from decimal import Decimal

from speechgen.facts.schedule import MONTHS_IN_YEAR, is_month_end
from speechgen.facts.types import GroupFacts, Remaining, Schedule


def compute_remaining(overall: GroupFacts, schedule: Schedule) -> Remaining:
    """Return what is left of ``overall``'s annual plan at the schedule's cut-off."""
    amount = max(overall.annual_plan - overall.completed, Decimal(0))
    months_left = MONTHS_IN_YEAR - schedule.as_of.month if is_month_end(schedule.as_of) else 0
    per_month = amount / months_left if months_left > 0 else None
    half = overall.annual_plan / 2
    return Remaining(amount=amount, months_left=months_left, per_month=per_month, half_plan=half,
                     to_half=max(half - overall.completed, Decimal(0)))
