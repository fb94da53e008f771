"""Chinese numerals: 0 → 零, 10 → 十, 15 → 十五, 110 → 一百一十, 10010 → 一万零一十."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
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
