"""Reading one cell: amounts (to 万元, Decimal) and dates, with a Chinese reason when it fails.

Decisions (also in docs): "—", "-", "/" and a blank cell mean *empty*; an amount written with
its column's own unit ("1200万元" in a 万元 column) is accepted, one with another unit ("2亿元"
in a 万元 column) or an approximate one ("约3亿") is refused rather than guessed; a month-only
date ("2026年3月") is the first day of that month; "3月" with no year needs the meeting's year.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation

from speechgen.sources.limits import MAX_AMOUNT_WAN, MAX_FRACTION_DIGITS, MAX_NUMBER_DIGITS
from speechgen.sources.text import normalise, quote

UNIT_FACTORS: dict[str, Decimal] = {"亿元": Decimal(10000), "万元": Decimal(1), "元": Decimal("0.0001")}
AMOUNT_HINT = "请只填数字，单位写在表头（如“计划投资（万元）”）"
DATE_HINT = "请写成“2026年3月15日”“2026-03-15”或“2026年3月”"
_TOO_BIG = f"超出了可以读取的范围（金额最多{MAX_AMOUNT_WAN:,.0f}万元，即1亿亿元）"
_CHECK_HINT = "请核对这一格的数字和单位是否填错"

EMPTY_MARKS = frozenset({"", "-", "--", "—", "——", "/", "\\", "无", "暂无"})
_APPROXIMATE = re.compile(r"^(约|大约|近|超|逾|不足|不到|将近)|(左右|以上|以下|多|余)$")
_NUMBER = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_UNIT_SUFFIX = re.compile(r"(亿元|万元|元|亿|万)$")
_FULL_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{4})(\d{2})(\d{2})")
_EXCEL_ERRORS = frozenset({"#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"})
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class CellError(ValueError):
    """A cell that cannot be read; carries the Chinese message and the fix."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


def parse_amount(value: object, unit: str = "万元") -> Decimal | None:
    """Return a money cell in 万元 (``unit`` is the column's unit), or None for an empty cell.

    Numbers are bounded (limits.py): at most MAX_NUMBER_DIGITS digits, MAX_FRACTION_DIGITS
    decimals when written as text, and MAX_AMOUNT_WAN in all, so no figure computed from them
    can outgrow Decimal's precision.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(f"“{value}”不是数字", AMOUNT_HINT)
    if isinstance(value, int | float | Decimal):
        number = _from_number(value)
    else:
        number = _from_text(str(value), unit)
        if number is None:
            return None
    if number < 0:
        raise CellError(f"“{_shown(value)}”是负数", "投资额不能为负数；请核对后填写 0 或正数")
    wan = number * UNIT_FACTORS[unit]
    if wan > MAX_AMOUNT_WAN:
        raise CellError(f"“{_shown(value)}”{_TOO_BIG}", _CHECK_HINT)
    return wan


def _from_number(value: int | float | Decimal) -> Decimal:
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError(f"“{value}”不是数字", AMOUNT_HINT)
        number = Decimal(repr(value))
        # Excel's binary floats (0.1 + 0.2 → 0.30000000000000004) are cut at 6 places.
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -MAX_FRACTION_DIGITS:
            number = number.quantize(Decimal(1).scaleb(-MAX_FRACTION_DIGITS)).normalize()
            number = number.quantize(Decimal(1)) if number == number.to_integral() else number
        return number
    number = Decimal(value)
    if not number.is_finite() or len(number.as_tuple().digits) > MAX_NUMBER_DIGITS:
        raise CellError(f"“{_shown(value)}”{_TOO_BIG}", _CHECK_HINT)
    return number


def _from_text(raw: str, unit: str) -> Decimal | None:
    text = normalise(raw).replace("−", "-")
    if text in EMPTY_MARKS:
        return None
    shown = quote(raw)
    if text in _EXCEL_ERRORS:
        raise CellError(f"“{shown}”是公式算出的错误值", "请在 Excel 中修正这一格的公式，或改填数字")
    if _APPROXIMATE.search(text):
        raise CellError(f"“{shown}”不是确切的数字", AMOUNT_HINT)
    suffix = _UNIT_SUFFIX.search(text)
    written = None
    if suffix:
        written = suffix.group(1) if suffix.group(1).endswith("元") else suffix.group(1) + "元"
        text = text[: suffix.start()]
    negative = text.startswith("(") and text.endswith(")")
    match = _NUMBER.fullmatch(text.strip("()") if negative else text)
    if not match:
        raise CellError(f"“{shown}”不是数字", AMOUNT_HINT)
    if written and written != unit:
        raise CellError(f"“{shown}”的单位是{written}，与本列的单位{unit}不一致",
                        f"请换算成{unit}后只填数字")
    digits = match.group(0).replace(",", "")
    if sum(ch.isdigit() for ch in digits) > MAX_NUMBER_DIGITS:
        raise CellError(f"“{shown}”的位数太多（最多{MAX_NUMBER_DIGITS}位）", _CHECK_HINT)
    if len(match.group(3) or ".") - 1 > MAX_FRACTION_DIGITS:
        raise CellError(f"“{shown}”的小数位数太多（最多{MAX_FRACTION_DIGITS}位）", "请四舍五入到合适的位数后再填")
    try:
        number = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid numbers
        raise CellError(f"“{shown}”不是数字", AMOUNT_HINT) from exc
    return -number if negative else number


def _shown(value: object) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, int) and value.bit_length() > 14_000:  # str() refuses beyond 4,300 digits
        return "一个很长的整数"
    return quote(value)


def parse_date(value: object, year: int | None = None) -> dt.date | None:
    """Return a date cell as a date, or None for an empty cell.

    Accepts Excel dates and serial numbers, "2026-03-15", "2026/3/15", "2026.3.15",
    "2026年3月15日", "20260315", and month-only "2026年3月" / "2026-03" / "2026.3" (the 1st;
    "3月底" the last day). "3月" and "3月15日" take ``year``; without it they are an error.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20000 <= value <= 80000 and value == int(value):  # an Excel serial day number
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        value = _shown(value)
        if re.fullmatch(r"\d{4}\.1", value):  # typed 2026.10 in a number cell, Excel keeps 2026.1
            raise CellError(f"“{value}”可能是{value[:4]}年1月，也可能是{value[:4]}年10月（数字格式会吞掉末尾的0）",
                            f"请写成“{value[:4]}年10月”这样的文字，或设成日期格式")
    text = _without_time(value)
    if text in EMPTY_MARKS:
        return None
    try:
        found = _match_date(text, year)
    except ValueError as exc:
        raise CellError(f"“{quote(value)}”不是有效的日期", DATE_HINT) from exc
    if found is None:
        if year is None and re.fullmatch(r"\d{1,2}月.*", text):
            raise CellError(f"“{quote(value)}”只有月份没有年份", "请写成“2026年3月”这样带年份的日期")
        raise CellError(f"“{quote(value)}”不是可识别的日期", DATE_HINT)
    return found


def parse_day(value: object) -> dt.date | None:
    """Return a date that must name its day ("2026-05-31", "2026年5月31日"), or None if empty.

    Used for the meeting file, where "2026年5月" would silently mean the 1st.
    """
    day = parse_date(value)
    if isinstance(value, str) and day is not None and not _FULL_DATE.fullmatch(_without_time(value)):
        raise CellError(f"“{quote(value)}”没有写到具体哪一天", "请写成“2026-05-31”或“2026年5月31日”")
    return day


def _without_time(value: object) -> str:
    """Return the normalised text without a time of day ("2026-03-15 00:00:00" from CSV exports)."""
    return re.sub(r"\d{1,2}:\d{2}(:\d{2})?$", "", normalise(value))


def _match_date(text: str, year: int | None) -> dt.date | None:
    full = _FULL_DATE.fullmatch(text)
    if full:
        return dt.date(*(int(part) for part in full.groups() if part))
    month = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})月?份?(底|末|初)?", text)
    if month:
        return _month_day(int(month.group(1)), int(month.group(2)), month.group(3))
    if year is None:
        return None
    short = re.fullmatch(r"(\d{1,2})月(\d{1,2})日", text)
    if short:
        return dt.date(year, int(short.group(1)), int(short.group(2)))
    month_only = re.fullmatch(r"(\d{1,2})月份?(底|末|初)?", text)
    if month_only:
        return _month_day(year, int(month_only.group(1)), month_only.group(2))
    return None


def _month_day(year: int, month: int, edge: str | None) -> dt.date:
    first = dt.date(year, month, 1)
    if edge in ("底", "末"):
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return first
