"""Installed font faces for the PDF preview: resolve each font stack, and refuse to draw tofu.

A stack (style.PREVIEW_FONT_STACKS) lists the Word name first and free stand-ins after it. The
preview must use the face that will really be drawn, so a stack is resolved against the faces
fontconfig lists (one ``fc-list`` call per process), never against fontconfig's best match, which
always answers something. Glyph coverage is read from each face's cmap with fontTools (cached per
file and face index).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from speechgen.errors import FontError
from speechgen.style import FONT_PACKAGES, FontRole, preview_stack

BOLD_WEIGHT = 200  # fontconfig's scale: regular 80, bold 200
_SKIP_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}  # controls and invisible formatting: nothing to draw


@dataclass(frozen=True)
class Face:
    """One installed face as fontconfig lists it (``index`` is the face number in a .ttc)."""

    family: str
    style: str
    weight: int
    file: str
    index: int
    fullname: str = ""

    @property
    def bold(self) -> bool:
        """Return True for a face that really is bold (some fonts declare Bold at weight 80)."""
        return self.weight >= 180 or "bold" in self.style.lower()


@dataclass(frozen=True)
class Slot:
    """A resolved font stack: the installed families in stack order and the face of each."""

    name: str  # the Word font name the slot stands for, e.g. 仿宋_GB2312
    faces: tuple[Face, ...]
    bold: bool = False
    stack: tuple[str, ...] = ()  # every family the preview would accept for name, installed or not

    @property
    def families(self) -> tuple[str, ...]:
        """Return the CSS family list."""
        return tuple(face.family for face in self.faces)


@dataclass(frozen=True)
class TextItem:
    """Text drawn with one slot; ``where`` is a short Chinese description of the element."""

    slot: Slot
    text: str
    where: str


@cache
def installed_faces() -> dict[str, tuple[Face, ...]]:
    """Return every installed face by family name (all of a face's family names are keys)."""
    if shutil.which("fc-list") is None:
        raise FontError("未找到 fontconfig（fc-list）；PDF 预览需要它来查找字体，"
                        "请安装：sudo apt-get install fontconfig。")
    out = subprocess.run(
        ["fc-list", "--format", "%{family}|%{style}|%{weight}|%{file}|%{index}|%{fullname}\n"],
        capture_output=True, text=True, check=False, timeout=60,
    ).stdout
    faces: dict[str, list[Face]] = {}
    for line in out.splitlines():
        parts = line.split("|")
        if len(parts) != 6:
            continue
        families, styles, weight, file, index, fullnames = parts
        fullname = re.split(r"(?<!\\),", fullnames)[0].replace("\\", "")
        face_style = re.split(r"(?<!\\),", styles)[0]
        number = re.search(r"\d+", weight)
        for family in re.split(r"(?<!\\),", families):
            family = family.replace("\\", "").strip()
            face = Face(family, face_style, int(number.group()) if number else 80, file, int(index or 0),
                        fullname)
            faces.setdefault(family, []).append(face)
    return {family: tuple(sorted(set(found), key=_face_order)) for family, found in faces.items()}


def _face_order(face: Face) -> tuple[int, str, int]:
    return (face.weight, face.file, face.index)


def best_face(family: str, bold: bool) -> Face | None:
    """Return the installed face fontconfig would pick for family at that weight, or None."""
    faces = installed_faces().get(family)
    if not faces:
        return None
    plain = [f for f in faces if "italic" not in f.style.lower() and "oblique" not in f.style.lower()]
    pool = plain or list(faces)
    wanted = [f for f in pool if f.bold] if bold else [f for f in pool if not f.bold]
    return (wanted or pool)[0]


@cache
def resolve_slot(name: str, bold: bool = False, role: FontRole | Literal["latin"] | None = None) -> Slot:
    """Return the installed part of name's preview stack; bold keeps only families with a bold face.

    A unit's font unknown to speechgen falls back to the stand-ins of its ``role``'s default font
    (style.preview_stack). WeasyPrint cannot embolden a face that has no bold weight (FandolFang
    has none), so a bold slot skips such families when a later family has a real bold face.
    """
    stack = preview_stack(name, role)
    faces = [face for family in stack if (face := best_face(family, bold)) is not None]
    if bold and any(face.bold for face in faces):
        faces = [face for face in faces if face.bold]
    if not faces:
        packages = "、".join(dict.fromkeys(FONT_PACKAGES[f] for f in stack if f in FONT_PACKAGES))
        raise FontError(
            f"没有安装“{name}”或它的任何替代字体（{'、'.join(stack)}）；"
            f"请安装字体包：sudo apt-get install {packages or 'fonts-noto-cjk'}。"
        )
    return Slot(name, tuple(faces), bold, stack)


def compact_slot(slot: Slot, text: str) -> Slot:
    """Return slot with its smallest face that draws all of text moved to the front.

    For text fixed in advance (page numbers: digits and dashes) any stand-in of the stack serves;
    every large CJK face embedded costs the PDF writer tens of milliseconds (it reads and subsets
    the whole file), so the smallest one that covers the text is preferred.
    """
    fits = [face for face in slot.faces if all(has_glyph(face, ch) for ch in text if not ch.isspace())]
    if not fits:
        return slot
    best = min(fits, key=lambda face: os.path.getsize(face.file))
    return Slot(slot.name, (best, *(face for face in slot.faces if face != best)), slot.bold, slot.stack)


@cache
def coverage(file: str, index: int) -> frozenset[int]:
    """Return the code points a face maps to a glyph (its best cmap)."""
    from fontTools.ttLib import TTFont

    try:
        with TTFont(file, fontNumber=index, lazy=True) as font:
            return frozenset(font.getBestCmap() or {})
    except Exception as exc:  # a broken font file must not end in a traceback
        raise FontError(f"无法读取字体文件 {file}（{exc}）；请重新安装该字体。") from exc


def has_glyph(face: Face, char: str) -> bool:
    """Return True when face draws char."""
    return ord(char) in coverage(face.file, face.index)


def check_glyphs(items: Iterable[TextItem], latin: Slot | None = None) -> dict[str, str]:
    """Raise FontError for the first character no face of its slot draws; nothing is rendered then.

    ASCII characters are drawn by the Latin slot (Times New Roman's stand-in) when it has them.
    Return the characters drawn by a later family than the first of their slot (char → family),
    so the caller can report the fallback.
    """
    fallbacks: dict[str, str] = {}
    seen: dict[Slot, set[str]] = {}  # each character is looked up once per slot
    latin_cmaps = [coverage(f.file, f.index) for f in latin.faces] if latin else []
    for item in items:
        done = seen.setdefault(item.slot, set())
        cmaps = [coverage(f.file, f.index) for f in item.slot.faces]
        for char in dict.fromkeys(item.text):  # in text order, so the first bad character is named
            if char in done:
                continue
            done.add(char)
            code = ord(char)
            if char.isspace() or unicodedata.category(char) in _SKIP_CATEGORIES:
                continue
            if code < 0x80 and any(code in cmap for cmap in latin_cmaps):
                continue
            found = next((i for i, cmap in enumerate(cmaps) if code in cmap), None)
            if found is None:
                raise FontError(missing_glyph_message(char, item))
            if found:
                fallbacks.setdefault(char, item.slot.faces[found].family)
    return fallbacks


def missing_glyph_message(char: str, item: TextItem) -> str:
    """Return the Chinese message for a character no installed face of its slot can draw."""
    code = f"U+{ord(char):04X}"
    families = "、".join(item.slot.families)
    where = f"（出现在{item.where}）" if item.where else ""
    if unicodedata.category(char) == "Co":
        return (f"字符“{char}”（{code}）是私用区字符，字体“{item.slot.name}”及其替代字体（{families}）"
                f"都没有它的字形{where}；请删除或改用标准汉字，否则 PDF 中会显示为空框。")
    stack = item.slot.stack or preview_stack(item.slot.name)
    missing = [f for f in stack if f in FONT_PACKAGES and f not in installed_faces()]
    if missing:
        fix = f"请安装提供它的字体包：{FONT_PACKAGES[missing[-1]]}"
    else:
        packages = dict.fromkeys(FONT_PACKAGES[f] for f in item.slot.families if f in FONT_PACKAGES)
        fix = f"已安装的字体（{'、'.join(packages) or families}）都不含此字，请安装含该字的字体"
    return (f"字符“{char}”（{code}）在字体“{item.slot.name}”及其替代字体（{families}）中都没有字形"
            f"{where}；{fix}，或改用其他写法。")
