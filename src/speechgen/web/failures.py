"""The page's own error (status, Chinese title and message, the problems behind it) and how every
error becomes an answer: JSON for /api/ requests, a Chinese page otherwise, never a traceback."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from speechgen.errors import InputError, MarkupError, Problem, SpeechgenError, TemplateError
from speechgen.web.views import problem_view, problems_by_row


class WebError(Exception):
    """A request the page cannot answer as asked: ``status`` for HTTP, the rest in Chinese."""

    def __init__(self, status: int, title: str, message: str = "", problems: tuple[Problem, ...] = ()):
        super().__init__(message or title)
        self.status, self.title, self.message, self.problems = status, title, message, problems


def from_speechgen(error: SpeechgenError) -> WebError:
    """Return the answer to an error of the API: 422 with every problem of the input."""
    if isinstance(error, TemplateError):
        title = "模板有误"
    elif isinstance(error, MarkupError):
        title = "稿件格式有误"
    elif isinstance(error, InputError):
        title = "输入的文件有误"
    else:
        title = "无法完成"
    problems = tuple(error.problems) if isinstance(error, InputError) else ()
    message = "" if problems else "；".join(error.messages())
    return WebError(422, title, message, problems)


def error_body(error: WebError) -> dict[str, Any]:
    """Return the JSON answer: ok false, the title, the message and each problem (grouped by row too)."""
    problems = list(error.problems)
    return {"ok": False, "error": {
        "status": error.status, "title": error.title, "message": error.message,
        "problems": [problem_view(p) for p in problems], "rows": problems_by_row(problems)}}


def error_json(error: WebError) -> tuple[int, bytes]:
    return error.status, json.dumps(error_body(error), ensure_ascii=False).encode("utf-8")


def error_page(error: WebError) -> tuple[int, bytes]:
    """Return a small self-contained Chinese page for an error outside the API."""
    items = "".join(f"<li>{escape(problem_view(p)['text'])}</li>" for p in error.problems)
    body = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(error.title)}</title>'
            '<link rel="stylesheet" href="/static/app.css"></head><body class="error-page"><main>'
            f"<h1>{escape(error.title)}</h1><p>{escape(error.message)}</p>"
            f"{f'<ul>{items}</ul>' if items else ''}"
            '<p><a href="/">返回首页</a></p></main></body></html>')
    return error.status, body.encode("utf-8")


def wants_json(path: str) -> bool:
    return path.startswith("/api/")


NOT_FOUND = WebError(404, "找不到这个页面或文件", "地址有误，或文件已随会话结束而删除；请回到首页重新上传。")
INTERNAL = WebError(500, "内部错误", "speechgen 在处理这个请求时出了错，这是程序的缺陷，不是您的操作问题。"
                                     "请把操作步骤和所用文件提供给维护者；重新上传后可再试。")
