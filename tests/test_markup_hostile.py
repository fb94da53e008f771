"""Hostile dialect files: odd characters, nesting, references and tags in the front matter, bad
bytes after a BOM — each a MarkupError/InputError in Chinese naming the line, never a crash."""

from __future__ import annotations

import pytest

from speechgen.errors import InputError, MarkupError
from speechgen.markup import decode_markup, parse_markup


def front_matter_problems(lines: str) -> list[str]:
    with pytest.raises(MarkupError) as excinfo:
        parse_markup(f"---\nkind: speech\n{lines}\n---\n# 标题\n\n正文。\n", "稿件.md")
    return excinfo.value.messages()


@pytest.mark.parametrize("character", ["\x0c", "\x80", "\x9f", "\ufffe", "\x00", "\x1b"])
def test_a_character_yaml_refuses_names_its_line(character: str) -> None:
    [message] = front_matter_problems(f"issuer: 示例{character}办公室")
    shown = ascii(character)[1:-1]
    assert message.startswith(f"稿件.md › 第3行：开头信息含有不能使用的控制字符（{shown}）；这类字符看不见")


def test_deep_nesting_in_the_front_matter() -> None:
    [message] = front_matter_problems("subtitle: " + "[" * 5000 + "]" * 5000)
    assert message.startswith("稿件.md › 第3行：开头信息嵌套超过20层；")


def test_a_reference_to_itself_in_the_front_matter() -> None:
    [message] = front_matter_problems("subtitle: &a [*a]")
    assert message.startswith("稿件.md › 第3行：开头信息“*”引用了包含它自己的内容")


@pytest.mark.parametrize(("line", "says"), [("sealed: !!bool maybe", "值“maybe”不符合它的标记“!!bool”"),
                                            ("date: !!timestamp 2024-13-45", "不符合它的标记“!!timestamp”"),
                                            ("signature: !!float x", "值“x”不符合它的标记“!!float”")])
def test_a_wrongly_tagged_value(line: str, says: str) -> None:
    [message] = front_matter_problems(line)
    assert message.startswith(f"稿件.md › 第3行：开头信息“{line.split(':')[0]}”的值无法识别（") and says in message


def test_long_integers_are_text_and_quoted_short() -> None:
    [message] = front_matter_problems("date: " + "1" * 400)
    assert "开头信息“date”：“1111111111111111111111111111111111111111…（共400个字符）”不是日期" in message
    assert len(message) < 200
    with pytest.raises(MarkupError) as excinfo:  # a 5,000-digit "integer" is a title's text, no ValueError
        parse_markup("---\ntitle: " + "1" * 5000 + "\nsubtitle: " + "1:" * 3000 + "1\nkind: 不存在\n---\n正文。\n")
    [message] = excinfo.value.messages()
    assert message.startswith("稿件.md › 第4行：开头信息“kind”：“不存在”不是可选的值")


def test_a_key_that_is_a_list() -> None:
    [message] = front_matter_problems("? [a, b]\n: 1")
    assert message.startswith("稿件.md › 第3行：开头信息里没有“（不是文字的键）”这一项")


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf\xff\xfe\x80abc", b"\xff\xfe\x00\xd8", b"\xfe\xff\xd8"])
def test_a_bom_followed_by_bytes_of_another_encoding(data: bytes) -> None:
    with pytest.raises(InputError) as excinfo:
        decode_markup(data, "稿件.md")
    [message] = excinfo.value.messages()
    assert message.startswith("稿件.md：稿件开头标明是 UTF-") and "后面的内容却不是；请提供 .md 文本文件" in message


def test_a_dialect_file_over_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("speechgen.markup.decode.MAX_MARKUP_BYTES", 1000)
    with pytest.raises(InputError) as excinfo:
        decode_markup("正文。".encode() * 200, "稿件.md")
    assert excinfo.value.messages()[0].startswith("稿件.md：文件太大（超过")


def test_a_paragraph_of_unclosed_brackets_is_text_and_a_link_is_still_refused() -> None:
    """markdown-it rescanned the paragraph for every unclosed "[" (seconds per few thousand)."""
    document = parse_markup("# 标题\n\n" + "正文[" * 50_000 + "\n", "稿件.md")
    assert document.blocks[-1].runs[0].text.startswith("正文[正文[")
    with pytest.raises(MarkupError) as excinfo:
        parse_markup("# 标题\n\n" + "[" * 50_000 + "见[这里](http://example.com)\n", "稿件.md")
    assert [m.split("；")[0] for m in excinfo.value.messages()] == ["稿件.md › 第3行：不支持链接"]
