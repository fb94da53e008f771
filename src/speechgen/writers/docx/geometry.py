"""Page geometry of the .docx in twips, derived from the millimetres and points of ``style.py``.

How the grid is derived (the numbers live in ``speechgen.style``; this module only converts):

* 版心 (type area) = 210 × 297 mm minus margins 28/26 mm (left/right) and 37/35 mm (top/bottom)
  = 156 × 225 mm. In twips (1 mm = 1440/25.4 twips) that is 8844 × 12756.
* Lines: 22 lines must fill 225 mm = 637.8 pt = 12756 twips, i.e. 579.8 twips a line. Word
  stores the grid pitch as an integer, so ``style.LINE_PITCH_TWIPS`` = 579 (28.95 pt); the body
  uses the same value as an *exact* line spacing, so 22 lines use 12738 twips and leave 0.9 pt.
* Characters: 28 × 16 pt = 448 pt is wider than the 442.2 pt 版心, so only 27 full-width
  characters would fit; 28 need a pitch of at most 442.2/28 = 15.79 pt (``style.CHAR_PITCH_PT``),
  i.e. ``style.LETTER_SPACING_PT`` = −0.207 pt of character spacing.
  Word's own tool for this, ``w:docGrid w:type="linesAndChars" w:charSpace="-848"``, is not used:
  LibreOffice (7.4 measured here) lays each 3号 character over two grid cells when charSpace is
  negative (14 characters a line), and newer versions ignore a negative charSpace (27 a line).
  Instead the 3号 styles on the grid carry a character spacing (``w:spacing`` in ``w:rPr``),
  which Word, WPS and LibreOffice all apply. Word stores it in whole twips: −4 (−0.20 pt) gives
  28 × 15.80 = 442.4 pt, which overflows by 0.2 pt, so it is −5 (−0.25 pt): 28 × 15.75 = 441 pt
  fits and 29 do not; justification spreads the remaining 1.2 pt. The section keeps
  ``w:docGrid w:type="lines" w:linePitch="579"`` for the 22 lines.
* Twips lengths that count characters (indents, hanging labels) use the 15.75 pt advance for
  3号 text on the grid, so a hanging indent of "附件：" is exactly as wide as those characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from speechgen import style

TWIPS_PER_MM = 1440 / 25.4


def mm(value_mm: float) -> int:
    """Return a length in millimetres as whole twips."""
    return round(value_mm * TWIPS_PER_MM)


def pt(value_pt: float) -> int:
    """Return a length in points as whole twips."""
    return round(value_pt * style.TWIPS_PER_PT)


def half_points(value_pt: float) -> int:
    """Return a font size in points as OOXML half-points (``w:sz``)."""
    return round(value_pt * 2)


def eighth_points(value_pt: float) -> int:
    """Return a border width in points as OOXML eighths of a point (``w:sz`` of a border)."""
    return round(value_pt * 8)


PAGE_WIDTH = mm(style.PAGE_WIDTH_MM)  # 11906
PAGE_HEIGHT = mm(style.PAGE_HEIGHT_MM)  # 16838
MARGIN_TOP = mm(style.MARGIN_TOP_MM)  # 2098
MARGIN_BOTTOM = mm(style.MARGIN_BOTTOM_MM)  # 1984
MARGIN_RIGHT = mm(style.MARGIN_RIGHT_MM)  # 1474
TEXT_WIDTH = mm(style.TEXT_WIDTH_MM)  # 8844: 版心 width, what table grids sum to
# The left margin takes the rounding so that the 版心 is exactly 156 mm wide (1588, not 1587).
MARGIN_LEFT = PAGE_WIDTH - MARGIN_RIGHT - TEXT_WIDTH
FOOTER_DISTANCE = mm(style.FOOTER_DISTANCE_MM)
LINE_PITCH = style.LINE_PITCH_TWIPS  # 579

# Character spacing of 3号 text on the grid, whole twips (see the module docstring): −5, and the
# 15.75 pt it leaves a character — both defined once, in style.py.
CHAR_SPACING_TWIPS = style.DOCX_CHAR_SPACING_TWIPS


def char_twips(chars: float, size_pt: float = style.BODY_SIZE_PT, *, grid: bool = True) -> int:
    """Return the twips of ``chars`` characters of a ``size_pt`` font.

    On the grid a 3号 character advances 15.75 pt (16 pt less the character spacing); other
    sizes and paragraphs off the grid advance by the font size itself.
    """
    on_grid = grid and size_pt == style.BODY_SIZE_PT
    per_char = style.DOCX_CHAR_PITCH_PT if on_grid else size_pt
    return round(chars * per_char * style.TWIPS_PER_PT)


@dataclass(frozen=True)
class Page:
    """The geometry of one kind of section, in twips: paper, margins and the 版心 they leave."""

    width: int
    height: int
    top: int
    right: int
    bottom: int
    left: int
    landscape: bool = False

    @property
    def text_width(self) -> int:
        """Return the 版心 width in twips (what table grids and the 版记 rules span)."""
        return self.width - self.left - self.right

    @property
    def text_height(self) -> int:
        """Return the 版心 height in twips."""
        return self.height - self.top - self.bottom


PORTRAIT = Page(PAGE_WIDTH, PAGE_HEIGHT, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT)
# Clause 8: the portrait page turned a quarter (style.LANDSCAPE_MARGIN_*_MM name the same margins):
# its left margin becomes the top, its bottom the left, so the turned 版心 is the same twips.
LANDSCAPE = Page(width=PAGE_HEIGHT, height=PAGE_WIDTH, top=MARGIN_LEFT, right=MARGIN_TOP,
                 bottom=MARGIN_RIGHT, left=MARGIN_BOTTOM, landscape=True)
