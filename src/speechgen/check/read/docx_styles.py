"""Effective run and paragraph properties of a .docx: direct formatting → character style →
paragraph style chain (basedOn) → document defaults, as Word resolves them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
T = TypeVar("T")


def q(tag: str) -> str:
    """Return the Clark name of a w: tag or attribute."""
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Font:
    """An East Asian font as a run resolves it: a name, or a theme slot (never wanted)."""

    name: str | None
    theme: str | None = None


class StyleSheet:
    """The styles part, with lookups along the basedOn chain."""

    def __init__(self, styles_root) -> None:
        self._styles: dict[str, object] = {}
        self._default_rpr = self._default_ppr = None
        self.default_paragraph: str | None = None
        if styles_root is None:
            return
        for element in styles_root.iter(q("style")):
            style_id = element.get(q("styleId"))
            if style_id:
                self._styles[style_id] = element
                if element.get(q("default")) in ("1", "true") and element.get(q("type")) == "paragraph":
                    self.default_paragraph = style_id
        defaults = styles_root.find(q("docDefaults"))
        if defaults is not None:
            self._default_rpr = defaults.find(f"{q('rPrDefault')}/{q('rPr')}")
            self._default_ppr = defaults.find(f"{q('pPrDefault')}/{q('pPr')}")

    def chain(self, style_id: str | None) -> list:
        """Return the style and the styles it is based on, nearest first (at most 12)."""
        out = []
        while style_id and style_id in self._styles and len(out) < 12:
            element = self._styles[style_id]
            out.append(element)
            based = element.find(q("basedOn"))
            style_id = based.get(q("val")) if based is not None else None
        return out

    def run_props(self, run, paragraph_style: str | None) -> list:
        """Return the rPr elements that decide a run's formatting, strongest first."""
        rprs = []
        rpr = run.find(q("rPr")) if run is not None else None
        if rpr is not None:
            rprs.append(rpr)
            rstyle = rpr.find(q("rStyle"))
            if rstyle is not None:
                rprs.extend(s.find(q("rPr")) for s in self.chain(rstyle.get(q("val"))))
        rprs.extend(s.find(q("rPr")) for s in self.chain(paragraph_style or self.default_paragraph))
        rprs.append(self._default_rpr)
        return [r for r in rprs if r is not None]

    def paragraph_props(self, paragraph, paragraph_style: str | None) -> list:
        """Return the pPr elements that decide a paragraph's formatting, strongest first."""
        pprs = [paragraph.find(q("pPr"))]
        pprs.extend(s.find(q("pPr")) for s in self.chain(paragraph_style or self.default_paragraph))
        pprs.append(self._default_ppr)
        return [p for p in pprs if p is not None]


# Names a font goes by in Word, WPS and the 方正 sets: the same face for a printed 公文.
_ALIASES: tuple[frozenset[str], ...] = (
    frozenset({"仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "方正仿宋_GBK", "方正仿宋简体"}),
    frozenset({"黑体", "SimHei", "方正黑体_GBK", "方正黑体简体"}),
    frozenset({"楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "方正楷体_GBK", "方正楷体简体"}),
    frozenset({"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "小标宋"}),
    frozenset({"宋体", "SimSun"}),
)
def same_font(actual: str, expected: str) -> bool:
    """Return True when two font names are one face (仿宋 and 仿宋_GB2312 print alike)."""
    return actual == expected or any(actual in group and expected in group for group in _ALIASES)


def first(props: list, getter: Callable[[object], T | None]) -> T | None:
    """Return the first value a getter finds along a property chain."""
    for prop in props:
        value = getter(prop)
        if value is not None:
            return value
    return None


def east_asia_font(rpr) -> Font | None:
    fonts = rpr.find(q("rFonts"))
    if fonts is None:
        return None
    if fonts.get(q("eastAsiaTheme")):
        return Font(None, fonts.get(q("eastAsiaTheme")))
    name = fonts.get(q("eastAsia"))
    return Font(name) if name else None


def size_half_points(rpr) -> int | None:
    size = rpr.find(q("sz"))
    value = size.get(q("val")) if size is not None else None
    return int(value) if value and value.isdigit() else None


def line_spacing(ppr) -> tuple[int, str] | None:
    """Return (line, lineRule) of a pPr that sets the line spacing; lineRule defaults to auto."""
    spacing = ppr.find(q("spacing"))
    if spacing is None or spacing.get(q("line")) is None:
        return None
    try:
        return int(spacing.get(q("line"))), spacing.get(q("lineRule")) or "auto"
    except ValueError:
        return None


def snap_to_grid(ppr) -> bool | None:
    snap = ppr.find(q("snapToGrid"))
    if snap is None:
        return None
    return snap.get(q("val"), "1") not in ("0", "false", "off")


def paragraph_style_id(paragraph) -> str | None:
    ppr = paragraph.find(q("pPr"))
    style = ppr.find(q("pStyle")) if ppr is not None else None
    return style.get(q("val")) if style is not None else None


def justification(props: list) -> str | None:
    return first(props, lambda p: (p.find(q("jc")).get(q("val")) if p.find(q("jc")) is not None else None))


def run_text(run) -> str:
    """Return the text of a run (w:t and tabs)."""
    return "".join(t.text or "" for t in run.iter(q("t")))
