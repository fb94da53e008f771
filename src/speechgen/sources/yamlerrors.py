"""PyYAML's problems in Chinese, with the line where the user should look.

PyYAML reports where it noticed a problem (``problem_mark``) and, for an unclosed bracket or
quote, where the construct began (``context_mark``) — the line the mistake is usually on. Its
English never reaches a user: each known problem has its Chinese here (one table for ledgers,
meeting files, front matter and snippet files), and an unknown one reads "这里的写法无法解析".
"""

from __future__ import annotations

import re

import yaml

_CHINESE = re.compile(r"[\u4e00-\u9fff]")
# (pattern on PyYAML's problem, pattern on its context or None, Chinese, report the context's line)
_TABLE: tuple[tuple[str, str | None, str, bool], ...] = (
    (r"found character '\\t' that cannot start any token", None,
     "用了 Tab（制表符）缩进，YAML 的缩进只能用空格", False),
    (r"found character '(.)' that cannot start any token", None,
     "值不能以“{0}”开头，请把整个值用英文引号括起来", False),
    (r"mapping values are not allowed", None,
     "这一行多了一个“: ”，值里含有冒号时请给整个值加上引号", False),
    (r"could not find expected ':'", None, "这一行缺少“: ”（应写成“键: 值”，冒号后空一格）", True),
    (r"expected ',' or '\]'", r"flow sequence", "“[”开头的列表没有用“]”结束，或列表项之间缺少逗号", True),
    (r"expected ',' or '\}'", r"flow mapping", "“{”开头的内容没有用“}”结束，或各项之间缺少逗号", True),
    (r"found unexpected end of stream", r"quoted scalar", "引号没有配对：这一行开始的引号到文件末尾也没有结束", True),
    (r"found unexpected end of stream", None, "文件在一项内容写完之前就结束了（括号或引号没有配对）", True),
    (r"found unknown escape character", None, "双引号里的“\\”后面跟了不认识的字符；请改用单引号，或写成“\\\\”", False),
    (r"did not find expected key", None, "缩进没有对齐，或这一行缺少“键: ”", False),
    (r"did not find expected '-' indicator", None, "列表项应以“- ”开头，且与上一项对齐", False),
    (r"did not find expected node content", None, "这里缺少内容（“- ”或“: ”后面是空的）", False),
    (r"expected <block end>, but found", None, "缩进没有对齐：这一行与上面同一级的项目缩进不同", False),
    (r"sequence entries are not allowed here", None,
     "这里不能出现“- ”：列表的项要另起一行，文字以“-”开头时请加引号", False),
    (r"expected the node content", None, "缺少值，或多了一个“-”“:”之类的符号", False),
    (r"found another document|expected '<document start>'", None, "文件里有几份内容（用“---”分开）；只能有一份", False),
    (r"found undefined alias", None, "“*”开头的值会被当作引用；请把整个值用英文引号括起来", False),
    (r"found undefined tag handle|could not determine a constructor", None,
     "“!”开头的值会被当作标记；请把整个值用英文引号括起来", False),
    (r"found duplicate anchor|found undefined anchor", None,
     "“&”开头的值会被当作锚点；请把整个值用英文引号括起来", False),
    (r"found unhashable key", None, "键不能是列表或“{…}”", False),
    (r"expected a single document", None, "文件里有几份内容（用“---”分开）；只能有一份", False),
    (r"while scanning an alias|expected alphabetic or numeric character", None,
     "“*”或“&”开头的值会被当作引用；请把整个值用英文引号括起来", False),
)


def translate(problem: str | None, context: str | None = None) -> tuple[str, bool]:
    """Return (the Chinese of a PyYAML problem, whether its context's line is the one to name);
    a problem our loader wrote in Chinese already is kept."""
    if problem and _CHINESE.search(problem):
        return problem, False
    for pattern, context_pattern, chinese, at_context in _TABLE:
        found = re.search(pattern, problem or "")
        if found and (context_pattern is None or re.search(context_pattern, context or "")):
            return chinese.format(*found.groups()), at_context
    return "这里的写法无法解析", False


def yaml_problem(error: yaml.MarkedYAMLError) -> tuple[str, int | None]:
    """Return (what is wrong in Chinese, 1-based line) of a PyYAML error."""
    what, at_context = translate(error.problem, error.context)
    mark = (error.context_mark if at_context else None) or error.problem_mark or error.context_mark
    return what, mark.line + 1 if mark else None
