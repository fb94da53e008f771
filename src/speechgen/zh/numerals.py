"""Chinese numerals: 0 → 零, 10 → 十, 15 → 十五, 110 → 一百一十, 10010 → 一万零一十."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")  # the one table: ０１２ → 012


def half_width_digits(text: str) -> str:
    """Return ``text`` with full-width digits (０–９, as typed with a Chinese input method) as 0–9."""
    return text.translate(FULL_WIDTH_DIGITS)

_SMALL_UNITS = ("", "十", "百", "千")
_BIG_UNITS = ("", "万", "亿", "万亿")


def _below_10000(n: int) -> str:
    """Return 1…9999 in Chinese with inner zeros as a single 零 and no trailing 零."""
    digits = [int(d) for d in f"{n:04d}"]
    out: list[str] = []
    pending_zero = False
    for position, digit in enumerate(digits):
        unit = _SMALL_UNITS[3 - position]
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(DIGITS[digit] + unit)
    return "".join(out)


def to_chinese_numeral(n: int) -> str:
    """Return n (0 ≤ n < 10¹⁶) in Chinese numerals; 10–19 read 十…, never 一十…."""
    if n < 0:
        raise ValueError("negative numbers have no Chinese numeral form here")
    if n == 0:
        return "零"
    groups: list[int] = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    if len(groups) > len(_BIG_UNITS):
        raise ValueError("number too large")
    out = ""
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or group < 1000):
            out += "零"
        out += _below_10000(group) + _BIG_UNITS[index]
        need_zero = False
    if out.startswith("一十"):
        out = out[1:]
    return out


def to_chinese_ordinal(n: int) -> str:
    """Return 第一, 第二 … 第十一."""
    return "第" + to_chinese_numeral(n)


def to_chinese_digits(n: int) -> str:
    """Return digit-by-digit numerals as in traditional dates: 2024 → 二〇二四."""
    return "".join("〇" if d == "0" else DIGITS[int(d)] for d in str(n))


_DIGIT_VALUES = {ch: i for i, ch in enumerate(DIGITS)} | {"〇": 0, "○": 0}


def parse_small_numeral(text: str) -> int | None:
    """Return 1–99 written 一 … 九十九 (十, 十五, 二十, 三十一); None for anything else."""
    if not text or any(ch not in "一二三四五六七八九十" for ch in text):
        return None
    if "十" not in text:
        return _DIGIT_VALUES[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    return (_DIGIT_VALUES[tens] if tens else 1) * 10 + (_DIGIT_VALUES[units] if units else 0)


def parse_chinese_digits(text: str) -> int | None:
    """Return digit-by-digit numerals as a number: 二〇二六 → 2026 (〇, ○ and 零 are 0)."""
    if not text or any(ch not in _DIGIT_VALUES for ch in text):
        return None
    return int("".join(str(_DIGIT_VALUES[ch]) for ch in text))
