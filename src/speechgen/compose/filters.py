"""Jinja filters: every number and date a template prints goes through speechgen.zh here."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from speechgen import zh
from speechgen.zh import change as zh_change
from speechgen.zh.dates import format_date_range

# Characters that start Markdown inline syntax; user text (project names, units) is escaped so a
# name such as "A*B路" cannot turn into emphasis or a table column.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_escape(text: object) -> str:
    """Return text with Markdown inline syntax characters backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def yaml_str(value: object) -> str:
    """Return a YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps("" if value is None else str(value), ensure_ascii=False)


MAX_FIGURE_DIGITS = 16  # a figure's integer digits: 10¹⁶ 万元 is beyond any ledger (readers cap at 10¹²)


def _dec(value: Any) -> Decimal:
    """Return the value as a Decimal; ValueError (Chinese) for text that is no number and for
    numbers too large to be a figure (a template must not make "1e999999999" print)."""
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip()[:100])
    except ArithmeticError:
        raise ValueError(f"“{str(value)[:20]}”不是数字") from None
    if not number.is_finite() or number.adjusted() >= MAX_FIGURE_DIGITS:
        shown = str(value) if len(str(value)) <= 20 else f"{number:.3e}"
        raise ValueError(f"数字“{shown}”过大，不是台账中的数字")
    return number


def _int(value: Any) -> int:
    """Return the value as an int of at most MAX_FIGURE_DIGITS digits (ValueError otherwise)."""
    number = _dec(value)
    if number != number.to_integral_value():
        raise ValueError(f"“{str(value)[:20]}”不是整数")
    return int(number)


def yi(wan: Any, fixed: bool = False, unit: bool = True) -> str:
    """万元 → "19.06亿元" (``fixed`` keeps two decimals for tables, ``unit=False`` drops 亿元)."""
    return zh.format_yi(_dec(wan), fixed=fixed, unit=unit)


def wan(value: Any, fixed: bool = False, unit: bool = True) -> str:
    """万元 → "3560万元"."""
    return zh.format_wan(_dec(value), fixed=fixed, unit=unit)


def amount(value: Any, unit: str = "auto") -> str:
    """万元 → 亿元 from 1亿元 up, 万元 below."""
    return zh.format_amount(_dec(value), unit)  # type: ignore[arg-type]


def pct(rate: Any) -> str:
    """Percent → "35.3%" ("—" when None)."""
    return zh.format_percent(None if rate is None else _dec(rate))


def points(diff: Any) -> str:
    """百分点 difference → "6.4个百分点" (unsigned)."""
    return zh.format_points(_dec(diff))


def signed_points(diff: Any) -> str:
    """百分点 difference → "+3.2" / "-6.4" / "0.0" for table columns ("—" when None)."""
    if diff is None:
        return "—"
    text = zh.format_points(_dec(diff)).removesuffix("个百分点")
    value = _dec(diff)
    return text if text == "0.0" else ("+" if value > 0 else "-") + text


def rank_arrow(move: Any) -> str:
    """A rank move in places → "↑2" / "↓1" / "—" (持平 or none) for table columns."""
    return zh_change.rank_arrow(None if move is None else _int(move))


def vs_schedule(diff: Any, reference: str = "时序进度") -> str:
    """百分点 difference → "落后时序进度6.4个百分点" / "高出…" / "与时序进度持平"."""
    return zh.compare_phrase(_dec(diff), reference)


def num(value: Any) -> str:
    """Decimal → plain digits without trailing zeros: Decimal("10") → "10", "2.50" → "2.5"."""
    text = f"{_dec(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def cn(n: int) -> str:
    """12 → "十二"."""
    return zh.to_chinese_numeral(_int(n))


def cn_count(n: int) -> str:
    """2 → "两", 12 → "十二": a count before a measure word (两类问题, 三个项目)."""
    return "两" if _int(n) == 2 else zh.to_chinese_numeral(_int(n))


def ordinal(n: int) -> str:
    """3 → "第三"."""
    return zh.to_chinese_ordinal(_int(n))


def lead(n: int) -> str:
    """2 → "二是"."""
    return zh.ordinal_lead(_int(n))


def date(day: dt.date) -> str:
    """→ "2026年6月5日"."""
    return zh.format_date(day)


def month_day(day: dt.date) -> str:
    """→ "6月5日"."""
    return f"{day.month}月{day.day}日"


def month(day: dt.date) -> str:
    """→ "3月"."""
    return f"{day.month}月"


def month_end(day: dt.date) -> str:
    """→ "5月底" (or "5月20日" when not a month end)."""
    return zh.format_month_end(day)


def period(day: dt.date) -> str:
    """→ "1—5月"."""
    return zh.format_period(day)


def date_range(start: dt.date, end: dt.date) -> str:
    """→ "6月11日至14日"."""
    return format_date_range(start, end)


def join(items: Iterable[Any], conj: str = "和", sep: str = "、") -> str:
    """["甲", "乙", "丙"] → "甲、乙和丙"."""
    return zh.join_zh([str(item) for item in items], conj, sep)


_NAME_WITH_TITLE = re.compile(r"^\s*([^（(]+?)\s*[（(]([^）)]+)[）)]\s*$")


def person(value: Any) -> str:
    """"赵文清（副市长）" → "副市长赵文清", so it can sit inside parentheses without nesting them."""
    text = str(value).strip()
    match = _NAME_WITH_TITLE.match(text)
    return md_escape(match.group(2) + match.group(1) if match else text)


def title_lines(text: str, *_phrases: str) -> str:
    """Return a long title with "\\n" where it turns, as the writers turn it (writers/titles.py, the
    one place that breaks titles: between words, lines even — GB/T 9704 7.3.1), so that the
    Markdown, the text and the .docx show the same lines. Phrases once given as break hints
    (``title_lines("重点项目")``) are accepted and no longer needed."""
    from speechgen.writers import titles

    return titles.broken_title(str(text), titles.title_width_chars())


def name_only(value: Any) -> str:
    """"赵文清（副市长）" → "赵文清", for narrow table columns."""
    text = str(value or "").strip()
    match = _NAME_WITH_TITLE.match(text)
    return match.group(1) if match else text


def cell(value: Any) -> str:
    """A table cell: Markdown-escaped, "—" when empty."""
    text = "" if value is None else str(value).strip()
    return md_escape(text) if text else "—"


FILTERS: dict[str, Callable[..., str]] = {
    "yi": yi,
    "wan": wan,
    "amount": amount,
    "pct": pct,
    "points": points,
    "signed_points": signed_points,
    "rank_arrow": rank_arrow,
    "vs_schedule": vs_schedule,
    "num": num,
    "cn": cn,
    "cn_count": cn_count,
    "ordinal": ordinal,
    "lead": lead,
    "date": date,
    "month_day": month_day,
    "month": month,
    "month_end": month_end,
    "period": period,
    "date_range": date_range,
    "join": join,
    "md": md_escape,
    "person": person,
    "name_only": name_only,
    "title_lines": title_lines,
    "cell": cell,
    "yaml": yaml_str,
}
