"""The optional PDF engine: LibreOffice (soffice --headless) converts a .docx — our own, as
LibreOffice and WPS users see it (close to Word, but page breaks may differ: docs/pdf-preview.md),
or one filled from a user's Word template (which our HTML preview cannot know) — many files per
soffice call, a timeout per call, restarted when it hangs.

Each conversion runs in a temporary directory with a private LibreOffice profile (one per process,
reused: a fresh profile costs seconds) and a generated fonts.conf that adds speechgen's 公文 font
aliases to the system configuration, so 仿宋_GB2312 and friends map to installed free faces even
where the alias file is not installed system-wide; a unit's own font names (方正仿宋_GBK, say)
fall back to the default font of their role when the face is not installed.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from speechgen import style
from speechgen.document import Document
from speechgen.errors import SpeechgenError

if TYPE_CHECKING:
    from speechgen.writers.docx import DocxOptions

ALIAS_FILE = Path(__file__).resolve().parents[1] / "data" / "fontconfig" / "65-speechgen-gongwen.conf"
SYSTEM_FONTS_CONF = "/etc/fonts/fonts.conf"
INSTALL_HINT = "sudo apt-get install libreoffice-writer-nogui"
BATCH_FILES = 20  # .docx files one soffice call converts
FALLBACK = "，或改用默认引擎 weasyprint"
_lock = threading.Lock()  # one soffice per profile at a time


def render_pdf_libreoffice(doc: Document, options: DocxOptions | None = None, *, timeout_s: float = 120.0) -> bytes:
    """Return the PDF LibreOffice makes from the document's .docx, written with ``options``."""
    from speechgen.writers.docx import DocxOptions, render_docx

    options = options or DocxOptions()
    return convert_docx_to_pdf(render_docx(doc, options), timeout_s=timeout_s, fonts=options.fonts)


def find_soffice(purpose: str = "无法用 LibreOffice 引擎生成 PDF", fallback: str = FALLBACK) -> str:
    """Return the soffice executable, or raise a Chinese error saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise SpeechgenError(f"未找到 LibreOffice（soffice），{purpose}；请安装：{INSTALL_HINT}{fallback}。")
    return found


def convert_docx_to_pdf(docx: bytes, *, timeout_s: float = 120.0,
                        fonts: style.FontSet = style.DEFAULT_FONTS) -> bytes:
    """Return the PDF of a .docx converted by soffice; raise SpeechgenError on failure or timeout.

    ``fonts`` are the unit's font names the .docx asks for, given fallbacks in fonts.conf.
    """
    return convert_docx_files([docx], timeout_s=timeout_s, fonts=fonts)[0]


def convert_docx_files(documents: Sequence[bytes], *, timeout_s: float = 120.0,
                       fonts: style.FontSet = style.DEFAULT_FONTS, per_call: int = BATCH_FILES,
                       soffice: str | None = None, fallback: str = FALLBACK) -> list[bytes]:
    """Return the PDF of each .docx, in order. One soffice process converts up to ``per_call``
    files (starting LibreOffice costs more than converting a page); each call has ``timeout_s``.
    A call that hangs is killed with its process group and LibreOffice is started again on the
    files it had not converted; when it hangs twice on the same file without converting any,
    that file is named in the error. Raises SpeechgenError (Chinese) when soffice is missing or
    a file cannot be converted; ``fallback`` ends those messages (the other engine to try), and a
    caller with another purpose finds ``soffice`` itself to say why it is needed."""
    soffice = soffice or find_soffice()
    workdir = _workdir()
    env = dict(os.environ, FONTCONFIG_FILE=str(_fonts_conf_file(fonts)))
    converted: dict[int, bytes] = {}
    with _lock, tempfile.TemporaryDirectory(prefix="convert-", dir=workdir) as tmp:
        sources = [Path(tmp) / f"{index + 1:05d}.docx" for index in range(len(documents))]
        for source, data in zip(sources, documents, strict=True):
            source.write_bytes(data)
        pending = list(range(len(documents)))
        stuck_on: int | None = None
        while pending:
            chunk = pending[:max(1, per_call)]
            cmd = [soffice, f"-env:UserInstallation={(workdir / 'profile').as_uri()}", "--headless",
                   "--norestore", "--nologo", "--nolockcheck", "--nodefault",
                   "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, *(str(sources[i]) for i in chunk)]
            returncode, stderr = _run(cmd, env, timeout_s)
            for index in chunk:
                target = sources[index].with_suffix(".pdf")
                if target.exists():
                    data = target.read_bytes()
                    target.unlink()
                    if data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"):  # not cut off by a kill
                        converted[index] = data
            pending = [index for index in pending if index not in converted]
            if returncode is None:  # hung: killed; start again on what is left
                if pending and stuck_on == pending[0] and not set(chunk) & set(converted):
                    raise _hung(pending[0], len(documents), timeout_s, fallback)
                stuck_on = pending[0] if pending else None
                continue
            failed = [index for index in chunk if index not in converted]
            if failed:
                raise _failed(failed, len(documents), returncode, stderr, fallback)
    return [converted[index] for index in range(len(documents))]


def _which(index: int, total: int) -> str:
    return "" if total == 1 else f"第{index + 1}个文件"


def _hung(index: int, total: int, timeout_s: float, fallback: str) -> SpeechgenError:
    return SpeechgenError(f"LibreOffice 转换{_which(index, total)} PDF 超时（超过 {timeout_s:g} 秒，"
                          f"重新启动后仍然如此），已终止；请稍后重试{fallback}。")


def _failed(failed: list[int], total: int, returncode: int, stderr: str, fallback: str) -> SpeechgenError:
    detail = stderr.strip().splitlines()[-1] if stderr.strip() else f"退出码 {returncode}"
    which = "、".join(_which(index, total) for index in failed[:5]) if total > 1 else ""
    return SpeechgenError(f"LibreOffice 转换{which} PDF 失败（{detail}）；"
                          f"请确认 LibreOffice 可以正常运行（{INSTALL_HINT}）{fallback}。")


def _run(cmd: list[str], env: dict[str, str], timeout_s: float) -> tuple[int | None, str]:
    """Run soffice in its own process group; return (exit status, stderr), the status None when
    it ran past ``timeout_s`` and was killed whole."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        _, stderr = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None, ""
    return proc.returncode, stderr


@cache
def _workdir() -> Path:
    """Return this process's directory holding the private profile and the generated fonts.conf."""
    workdir = Path(tempfile.mkdtemp(prefix="speechgen-soffice-"))
    atexit.register(shutil.rmtree, workdir, True)
    return workdir


_conf_lock = threading.Lock()
_conf_files: dict[style.FontSet, Path] = {}


def _fonts_conf_file(fonts: style.FontSet) -> Path:
    """Return this process's fonts.conf for a font set (the default set's is "fonts.conf")."""
    with _conf_lock:
        if fonts not in _conf_files:
            name = "fonts.conf" if fonts == style.DEFAULT_FONTS else f"fonts-{len(_conf_files)}.conf"
            path = _workdir() / name
            path.write_text(fonts_conf(fonts), encoding="utf-8")
            _conf_files[fonts] = path
        return _conf_files[fonts]


def fonts_conf(fonts: style.FontSet = style.DEFAULT_FONTS) -> str:
    """Return a fontconfig file: the system configuration plus speechgen's 公文 font aliases.

    A unit's font that the alias file does not know is accepted as its role's default font
    (``<accept>``: after the unit's own face, so an installed face is still used first); the
    default name then resolves through the alias file, which is included after.
    """
    system = os.environ.get("FONTCONFIG_FILE") or SYSTEM_FONTS_CONF
    fallbacks = "".join(
        f'  <alias binding="same"><family>{escape(name)}</family>'
        f"<accept><family>{escape(default)}</family></accept></alias>\n"
        for name, default in _unknown_fonts(fonts))
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
            "<fontconfig>\n"
            f'  <include ignore_missing="yes">{escape(system)}</include>\n'
            f"{fallbacks}"
            f"  <include>{escape(str(ALIAS_FILE))}</include>\n"
            "</fontconfig>\n")


def _unknown_fonts(fonts: style.FontSet) -> list[tuple[str, str]]:
    """Return (unit's name, default name) for each role whose font the alias file does not know."""
    pairs = ((getattr(fonts, f.name), getattr(style.DEFAULT_FONTS, f.name)) for f in fields(fonts))
    return list(dict.fromkeys((name, default) for name, default in pairs
                              if name != default and name not in style.PREVIEW_FONT_STACKS))
