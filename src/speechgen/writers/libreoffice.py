"""The optional PDF engine: LibreOffice (soffice --headless) converts our own .docx, for exact fidelity.

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
_lock = threading.Lock()  # one soffice per profile at a time


def render_pdf_libreoffice(doc: Document, options: DocxOptions | None = None, *, timeout_s: float = 120.0) -> bytes:
    """Return the PDF LibreOffice makes from the document's .docx, written with ``options``."""
    from speechgen.writers.docx import DocxOptions, render_docx

    options = options or DocxOptions()
    return convert_docx_to_pdf(render_docx(doc, options), timeout_s=timeout_s, fonts=options.fonts)


def find_soffice() -> str:
    """Return the soffice executable, or raise a Chinese error saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise SpeechgenError(f"未找到 LibreOffice（soffice），无法用 LibreOffice 引擎生成 PDF；"
                             f"请安装：{INSTALL_HINT}，或改用默认引擎 weasyprint。")
    return found


def convert_docx_to_pdf(docx: bytes, *, timeout_s: float = 120.0,
                        fonts: style.FontSet = style.DEFAULT_FONTS) -> bytes:
    """Return the PDF of a .docx converted by soffice; raise SpeechgenError on failure or timeout.

    ``fonts`` are the unit's font names the .docx asks for, given fallbacks in fonts.conf.
    """
    soffice = find_soffice()
    workdir = _workdir()
    env = dict(os.environ, FONTCONFIG_FILE=str(_fonts_conf_file(fonts)))
    with _lock, tempfile.TemporaryDirectory(prefix="convert-", dir=workdir) as tmp:
        source = Path(tmp) / "document.docx"
        source.write_bytes(docx)
        cmd = [soffice, f"-env:UserInstallation={(workdir / 'profile').as_uri()}", "--headless",
               "--norestore", "--nologo", "--nolockcheck", "--nodefault",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, str(source)]
        returncode, stderr = _run(cmd, env, timeout_s)
        target = source.with_suffix(".pdf")
        if returncode != 0 or not target.exists():
            detail = stderr.strip().splitlines()[-1] if stderr.strip() else f"退出码 {returncode}"
            raise SpeechgenError(f"LibreOffice 转换 PDF 失败（{detail}）；"
                                 f"请确认 LibreOffice 可以正常运行（{INSTALL_HINT}），或改用默认引擎 weasyprint。")
        return target.read_bytes()


def _run(cmd: list[str], env: dict[str, str], timeout_s: float) -> tuple[int, str]:
    """Run soffice in its own process group, killed whole on timeout."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        _, stderr = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise SpeechgenError(f"LibreOffice 转换 PDF 超时（超过 {timeout_s:g} 秒），已终止；"
                             "请稍后重试，或改用默认引擎 weasyprint。") from None
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
