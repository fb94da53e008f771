"""The page's own error (status, Chinese title and message, the problems behind it) and how every
error becomes an answer: JSON for /api/ requests, a Chinese page otherwise, never a traceback."""

from __future__ import annotations

import errno
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


def from_exception(error: BaseException) -> WebError:
    """Return the answer to an exception that is not ours nor the API's: a file a session held that
    is gone (404), a full disk or too little memory (507), input nested too deep to handle (422),
    a browser that left mid-upload (400); anything else is a defect of the program (500) — always
    in Chinese, never with the exception's text."""
    from starlette.requests import ClientDisconnect

    if isinstance(error, FileNotFoundError) or (isinstance(error, RuntimeError) and "does not exist" in str(error)):
        return GONE  # a session's file removed under a request (the session ended, or it held too many)
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return WebError(507, "磁盘空间不足", "本机存放临时文件的磁盘已满；请清理磁盘，或点“结束并清除本次文件”后再试。")
    if isinstance(error, MemoryError):
        return WebError(507, "内存不足", "本机内存不够完成这次处理；请关闭其他程序，"
                                       "或减少台账的行数、稿件的篇幅后再试。")
    if isinstance(error, RecursionError):
        return WebError(422, "文件的结构嵌套过深", "上传的文件层层嵌套，超出了能处理的深度；请检查文件是否正确。")
    if isinstance(error, ClientDisconnect):
        return WebError(400, "上传中断", "浏览器在上传完成前断开了连接；请重新上传。")
    if isinstance(error, OSError):
        return WebError(500, "无法读写临时文件", "speechgen 读写本机临时文件夹时出错；请确认磁盘正常、临时文件夹可写，"
                                             "然后重新上传再试。")
    return INTERNAL


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


def wants_json(path: str, accept: str = "") -> bool:
    """Return True for the page's script calling the API (JSON); False for a page, and for an API
    address the browser itself opens — a download link, the preview's frame — which asks for HTML
    and gets the Chinese page, not JSON shown as text."""
    return path.startswith("/api/") and "text/html" not in accept.lower()


GONE = WebError(404, "文件已删除", "这份文件已随会话结束而删除（闲置过久、点了“结束并清除”，或本会话的文件太多、"
                                  "较早的已清理）；请重新上传或重新生成。")
NOT_FOUND = WebError(404, "找不到这个页面或文件", "地址有误，或文件已随会话结束而删除；请回到首页重新上传。")
INTERNAL = WebError(500, "内部错误", "speechgen 在处理这个请求时出了错，这是程序的缺陷，不是您的操作问题。"
                                     "请把操作步骤和所用文件提供给维护者；重新上传后可再试。")
