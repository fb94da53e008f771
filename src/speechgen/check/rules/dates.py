"""Dates: GB/T 9704 7.3.5.4 writes 成文日期 in Arabic numerals, full year, no zero padding
("2026年6月5日"); a date that does not exist is an error anywhere."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from speechgen.check.draft import Draft
from speechgen.check.findings import Finding, excerpt
from speechgen.zh import format_date
from speechgen.zh.numerals import parse_chinese_digits, parse_small_numeral

_ARABIC = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_DIGITS = "〇零一二三四五六七八九"
_CHINESE = re.compile(rf"([{_DIGITS}○]{{4}})年([一二三四五六七八九十]{{1,3}})月(?:([一二三四五六七八九十]{{1,3}})日)?")
_DATE_ONLY = re.compile(rf"^[（(]?\s*[\d{_DIGITS}○]{{4}}\s*年[\d一二三四五六七八九十\s]{{1,4}}月"
                        rf"[\d一二三四五六七八九十\s]{{1,4}}日\s*[)）]?$")


def check_dates(draft: Draft) -> Iterator[Finding]:
    """Yield zero-padding, Chinese-numeral and impossible-date findings."""
    signature_dates = _signature_dates(draft)
    debris = set(draft.structure.debris)
    for index, text in draft.text_paragraphs():
        if index in debris:
            continue
        for match in _ARABIC.finditer(text):
            yield from _arabic(draft, index, text, match)
        for match in _CHINESE.finditer(text):
            yield from _chinese(draft, index, text, match, index in signature_dates)


def _signature_dates(draft: Draft) -> set[int]:
    """Return the paragraphs that are the 成文日期: styled so, or a date alone on a line after
    the body (not the "（2024年6月5日）" under a speech's title)."""
    paras = draft.source.paragraphs
    dates = {i for i, p in enumerate(paras) if p.role == "date"}
    if dates or draft.source.format != "txt":
        return dates
    start = draft.structure.body_start or 0
    return {i for i, p in enumerate(paras) if i > start and _DATE_ONLY.match(p.text.strip())
            and not p.text.strip().startswith(("（", "("))}


def _arabic(draft: Draft, index: int, text: str, match: re.Match[str]) -> Iterator[Finding]:
    year, month, day = match.group(1), match.group(2), match.group(3)
    quote = excerpt(text, match.start(), match.end(), 2)
    try:
        value = dt.date(int(year), int(month), int(day) if day else 1)
    except ValueError:
        yield draft.finding("date-invalid", "error", index, quote,
                            f"“{match.group(0)}”不是有效日期", "请核对年月日")
        return
    if month.startswith("0") or (day or "").startswith("0") or " " in match.group(0):
        right = format_date(value) if day else f"{value.year}年{value.month}月"
        yield draft.finding("date-padding", "error", index, quote,
                            f"日期“{match.group(0)}”的月、日不应补零或加空格",
                            f"改为“{right}”（GB/T 9704：年份写全，月、日不编虚位）")


def _chinese(draft: Draft, index: int, text: str, match: re.Match[str],
             signature: bool) -> Iterator[Finding]:
    """A date in Chinese numerals: an error in a 成文日期, a warning in running text, nothing in
    a speech's byline ("（二〇二六年六月五日）", which the genre allows)."""
    para = draft.source.paragraphs[index]
    if para.role == "subtitle" or index in draft.structure.title_lines:
        return
    before = text[: match.start()].rstrip()
    if not signature and (before.endswith(("（", "(")) or index in draft.structure.skipped):
        return
    year = parse_chinese_digits(match.group(1))
    month = parse_small_numeral(match.group(2))
    day = parse_small_numeral(match.group(3)) if match.group(3) else None
    right = f"{year}年{month}月" + (f"{day}日" if day else "")
    quote = excerpt(text, match.start(), match.end(), 2)
    if signature:
        yield draft.finding("date-chinese-numerals", "error", index, quote,
                            f"成文日期“{match.group(0)}”用了汉字数字",
                            f"改为“{right}”（GB/T 9704 7.3.5.4：成文日期用阿拉伯数字）")
    else:
        yield draft.finding("date-chinese-numerals", "warning", index, quote,
                            f"日期“{match.group(0)}”用了汉字数字",
                            f"正文中的日期一般用阿拉伯数字：改为“{right}”")
