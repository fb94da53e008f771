"""Front matter entries → Meta: each key checked and normalised by its own reader (a rule table)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from speechgen.document import Kind
from speechgen.errors import Problem
from speechgen.markup.frontmatter import Entry
from speechgen.sources.text import quote
from speechgen.zh import format_date
from speechgen.zh.docnumber import parse_doc_number
from speechgen.zh.numerals import half_width_digits, parse_chinese_digits, parse_small_numeral

Numbering = Literal["standard", "speech"]
KINDS: dict[str, str] = {"speech": "讲话稿", "bulletin": "通报", "notice": "通知", "sheet": "督办单",
                         "generic": "一般文稿"}
NUMBERINGS: dict[str, str] = {"standard": "一、（一）1.（1）", "speech": "一级标题用“第一，”"}


@dataclass(frozen=True)
class Meta:
    """The front matter, checked: text final (dates formatted, 发文字号 normalised)."""

    kind: Kind = "generic"
    title: str | None = None
    subtitle: tuple[str, ...] = ()
    issuer: str | None = None
    doc_number: str | None = None
    red_header: bool | None = None
    addressee: str | None = None
    signature: str | None = None
    date: str | None = None
    sealed: bool = False
    attachments: tuple[str, ...] | None = None
    cc: str | None = None
    printer: str | None = None
    print_date: str | None = None
    numbering: Numbering | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    def line(self, key: str) -> int | None:
        """Return the source line of key, or None when the key was not given."""
        return self.lines.get(key)

    @property
    def numbering_style(self) -> Numbering:
        """Return the heading numbering in force: the key, else by kind."""
        return self.numbering or ("speech" if self.kind == "speech" else "standard")


class BadValue(Exception):
    """A front-matter value that cannot be used; carries the message and the fix."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


def read_text(value: Any) -> str:
    """Return a one-line text value, stripped."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadValue("应是一段文字", "请直接写文字，如“title: 关于开展重点项目督查的通知”")
    return str(value).strip()


def read_lines(value: Any) -> tuple[str, ...]:
    """Return one line or a YAML list of lines."""
    items = value if isinstance(value, list) else [value]
    return tuple(line for item in items if (line := read_text(item)))


def read_title(value: Any) -> str:
    """Return the title; a list or a multi-line block keeps the author's line breaks as "\\n"."""
    if isinstance(value, str):
        return "\n".join(part.strip() for part in value.strip().split("\n") if part.strip())
    return "\n".join(read_lines(value))


def read_flag(value: Any) -> bool:
    """Return a yes/no value."""
    if isinstance(value, bool):
        return value
    raise BadValue("应是 true 或 false", "如“red_header: false”")


def choice(allowed: dict[str, str]) -> Callable[[Any], str]:
    """Return a reader accepting only the keys of allowed (shown with their meaning on error)."""

    def read(value: Any) -> str:
        if isinstance(value, str) and value.strip() in allowed:
            return value.strip()
        listed = "、".join(f"{key}（{meaning}）" for key, meaning in allowed.items())
        raise BadValue(f"“{quote(value)}”不是可选的值", f"可选：{listed}")

    return read


def read_addressee(value: Any) -> str:
    """Return 主送机关 ending with the full-width colon; a list is joined with "、"."""
    text = "、".join(read_lines(value)).rstrip(":：")
    return f"{text}：" if text else ""


def read_cc(value: Any) -> str:
    """Return 抄送机关 separated by "，" and ending with "。" (GB/T 9704 7.4.2)."""
    text = "，".join(read_lines(value)).rstrip("。.,，;；")
    return f"{text}。" if text else ""


_ARABIC_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_CN_SMALL = "[一二三四五六七八九十]{1,3}"
_CHINESE_DATE = re.compile(rf"^([〇○零一二三四五六七八九]{{4}})年({_CN_SMALL})月({_CN_SMALL})日$")
def read_date(value: Any) -> str:
    """Return the date as 2024年6月5日 from 2024-06-05, 2024年06月05日, 二〇二四年六月五日, 2024/6/5."""
    text = half_width_digits(read_text(value)).replace(" ", "")
    if match := _ARABIC_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _CHINESE_DATE.match(text):
        year = parse_chinese_digits(match.group(1)) or 0
        month, day = (parse_small_numeral(part) or 0 for part in match.groups()[1:])
    else:
        raise BadValue(f"“{quote(text)}”不是日期", "请写成“2024-06-05”或“2024年6月5日”")
    try:
        return format_date(dt.date(year, month, day))
    except ValueError:
        raise BadValue(f"“{quote(text)}”不是有效的日期", "请核对年、月、日") from None


def read_doc_number(value: Any) -> str:
    """Return 发文字号 as 示项办〔2024〕12号: brackets made 〔〕 (U+3014/5), no 第, no zero padding."""
    text = read_text(value)
    parsed = parse_doc_number(text)
    if parsed is None or not parsed.has_hao:
        raise BadValue(
            f"发文字号“{quote(half_width_digits(text))}”格式不对",
            "应写成“机关代字〔年份〕序号号”，如“示项办〔2024〕12号”（年份用六角括号〔〕，序号不编虚位）",
        )
    return str(parsed)


READERS: dict[str, Callable[[Any], Any]] = {
    "kind": choice(KINDS),
    "title": read_title,
    "subtitle": read_lines,
    "issuer": read_text,
    "doc_number": read_doc_number,
    "red_header": read_flag,
    "addressee": read_addressee,
    "signature": read_text,
    "date": read_date,
    "sealed": read_flag,
    "attachments": read_lines,
    "cc": read_cc,
    "printer": read_text,
    "print_date": read_date,
    "numbering": choice(NUMBERINGS),
}


def read_meta(entries: tuple[Entry, ...], source: str) -> tuple[Meta, list[Problem]]:
    """Return the checked Meta and a problem for every unknown key or bad value."""
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    for entry in entries:
        reader = READERS.get(entry.key)
        if reader is None:
            problems.append(
                Problem(
                    f"开头信息里没有“{quote(entry.key)}”这一项",
                    file=source,
                    row=entry.line,
                    hint=f"可用的项：{'、'.join(READERS)}",
                )
            )
            continue
        if entry.value is None or entry.value == "" or entry.value == []:
            continue  # "cc:" left empty means not given
        try:
            values[entry.key] = reader(entry.value)
        except BadValue as bad:
            problems.append(
                Problem(f"开头信息“{entry.key}”：{bad.message}", file=source, row=entry.line, hint=bad.hint)
            )
            continue
        lines[entry.key] = entry.line
    return replace(Meta(), **values, lines=lines), problems
