"""GB/T 9704-2012 numbers, font names and style names: the only place they are written down.

Plain numbers with the unit in the name; writers convert to twips, EMU or CSS at the edge.
Clause numbers refer to GB/T 9704-2012.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

MM_PER_PT = 25.4 / 72
TWIPS_PER_PT = 20

# ── Page and type area (5.1, 5.2.1) ─────────────────────────────────────────────────────────
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 37.0  # 天头, measured to the top of the type area
MARGIN_BOTTOM_MM = 35.0
MARGIN_LEFT_MM = 28.0  # 订口
MARGIN_RIGHT_MM = 26.0
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 版心 156 mm
TEXT_HEIGHT_MM = PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM  # 版心 225 mm
TEXT_WIDTH_PT = TEXT_WIDTH_MM / MM_PER_PT  # 442.2 pt

# ── Grid: 22 lines × 28 characters (5.2.3) ──────────────────────────────────────────────────
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
# 225 mm = 637.8 pt = 12756 twips; 12756 / 22 = 579.8. Word stores the document grid's pitch as an
# integer, so 579 twips = 28.95 pt: 22 lines fill the type area to within 0.9 pt. The body uses the
# same value as an exact line spacing so Word, LibreOffice and the CSS preview agree line for line.
LINE_PITCH_TWIPS = 579
LINE_PITCH_PT = LINE_PITCH_TWIPS / TWIPS_PER_PT  # 28.95
# 28 × 16 pt = 448 pt does not fit in 442.2 pt: only 27 characters would. A character grid of
# 156 mm / 28 = 15.79 pt per character brings back 28; Word expresses it as w:charSpace, the
# difference from the 16 pt default in 1/4096 pt; CSS as a negative letter-spacing.
CHAR_PITCH_PT = TEXT_WIDTH_PT / CHARS_PER_LINE  # 15.79
BODY_SIZE_PT = 16.0
DOC_GRID_CHAR_SPACE = round((CHAR_PITCH_PT - BODY_SIZE_PT) * 4096)  # -848
LETTER_SPACING_PT = round(CHAR_PITCH_PT - BODY_SIZE_PT, 3)  # -0.207
# The .docx can store character spacing only in whole twips: −4 (28 × 15.80 pt) overflows the
# 版心 by 0.2 pt, so it is −5, and a 3号 character on the .docx grid advances 15.75 pt (the .docx
# pitch; CHAR_PITCH_PT above is the grid's ideal pitch, which CSS can set exactly).
DOCX_CHAR_SPACING_TWIPS = math.floor(LETTER_SPACING_PT * TWIPS_PER_PT)  # -5
DOCX_CHAR_PITCH_PT = BODY_SIZE_PT + DOCX_CHAR_SPACING_TWIPS / TWIPS_PER_PT  # 15.75

# ── Sizes (字号 → pt, 3) ────────────────────────────────────────────────────────────────────
SIZE_2HAO_PT = 22.0  # 二号: title
SIZE_3HAO_PT = 16.0  # 三号: body, headings, 发文字号, signature
SIZE_4HAO_PT = 14.0  # 四号: 版记, page numbers, tables
SIZE_XIAO4_PT = 12.0  # 小四: tables too wide for 四号
SIZE_5HAO_PT = 10.5  # 五号: tables too wide for 小四
SIZE_ISSUER_MAX_PT = 36.0  # 发文机关标志: size left to the issuer (7.2.4); shrunk to fit one line

# ── Positions ───────────────────────────────────────────────────────────────────────────────
ISSUER_MARK_TOP_MM = 35.0  # 7.2.4: mark's top edge 35 mm below the type area's top
RED_RULE_BELOW_NUMBER_MM = 4.0  # 7.2.7: red rule 4 mm below the 发文字号
RED_RULE_WIDTH_PT = 1.5  # thickness is not fixed by the standard; 0.53 mm as common templates
IMPRINT_RULE_THICK_PT = 1.0  # 7.4.1: first and last 版记 rules 0.35 mm
IMPRINT_RULE_THIN_PT = 0.7  # 7.4.1: middle rule 0.25 mm
PAGE_NUMBER_GAP_MM = 7.0  # 7.5: the 一字线's top edge 7 mm below the type area
PAGE_NUMBER_SIDE_CHARS = 1  # 7.5: odd pages right, even pages left, one character in
# Footer distance from the page bottom to the bottom of a one-line 4号 footer whose top lies
# 7 mm below the type area: 297 − (262 + 7) − 14 pt ≈ 23 mm.
FOOTER_DISTANCE_MM = round(MARGIN_BOTTOM_MM - PAGE_NUMBER_GAP_MM - SIZE_4HAO_PT * MM_PER_PT, 1)
PAGE_NUMBER_DASH = "\u2014"  # 一字线 is U+2014 EM DASH
TABLE_LINE_PITCH_PT = 20.0  # 4号 table text: exact 20 pt keeps rows compact (practice)
RED = "FF0000"

# ── Tables (practice, GBT9704.md §3.2; fitted by writers/docx/table_layout.py) ────────────────
# A table takes the largest of these sizes at which it fits the 版心 (its columns' needs, below).
TABLE_SIZES_PT = (SIZE_4HAO_PT, SIZE_XIAO4_PT, SIZE_5HAO_PT)
# The exact line pitch inside cells scales with the size, rounded to half a point: 20/17/15 pt.
TABLE_LINE_PITCH_XIAO4_PT = round(TABLE_LINE_PITCH_PT * SIZE_XIAO4_PT / SIZE_4HAO_PT * 2) / 2
TABLE_LINE_PITCH_5HAO_PT = round(TABLE_LINE_PITCH_PT * SIZE_5HAO_PT / SIZE_4HAO_PT * 2) / 2
TABLE_WHOLE_CHARS = 4  # a cell or header word this short never breaks (县区, 完成率, 项目名称)
TABLE_NAME_LINES = 2  # a name (项目名称, 责任单位, 存在问题) wraps into at most this many lines
TABLE_NAME_MAX_CHARS = 24  # a longer cell is prose: it wraps freely, in a column at least …
TABLE_PROSE_MIN_CHARS = TABLE_NAME_MAX_CHARS // TABLE_NAME_LINES  # … as wide as the longest name needs
TABLE_LANDSCAPE_COLUMNS = 8  # an attachment table with more columns is set landscape (clause 8)

# ── Forms (督办单: practice; one A4 page, a two-column table of label and value) ─────────────
FORM_LABEL_CHARS = 7  # the label column: 年度计划投资 (6 characters of 四号) and room on each side
FORM_ROW_MIN_PT = 26.0  # every row at least ≈ 9 mm high: a form, not a list
FORM_BLANK_LINES = 5  # a field left to fill in by hand (办理情况) gets room for five table lines

# ── Landscape pages (clause 8 横排表格) ──────────────────────────────────────────────────────
# The portrait 版心 turned a quarter to the left: the table head faces the binding edge (订口) on
# odd pages and the cut edge on even pages — the same turn for both, since the 订口 of an even
# page is on its right — so the portrait left margin becomes the top, the bottom the left.
# The 版心 stays 156 × 225 mm, now 225 mm wide.
LANDSCAPE_MARGIN_TOP_MM = MARGIN_LEFT_MM  # 28
LANDSCAPE_MARGIN_BOTTOM_MM = MARGIN_RIGHT_MM  # 26
LANDSCAPE_MARGIN_LEFT_MM = MARGIN_BOTTOM_MM  # 35
LANDSCAPE_MARGIN_RIGHT_MM = MARGIN_TOP_MM  # 37


def page_number_text(number: int | str) -> str:
    """Return the printed page number "— 1 —" (7.5)."""
    return f"{PAGE_NUMBER_DASH} {number} {PAGE_NUMBER_DASH}"


def issuer_mark_size_pt(text: str) -> float:
    """Return the 发文机关标志 size in pt: at most 36 pt, shrunk in 0.5 pt steps to fit one line."""
    width_chars = text_width_chars(text)
    if width_chars <= 0:
        return SIZE_ISSUER_MAX_PT
    fit = TEXT_WIDTH_PT / width_chars
    return min(SIZE_ISSUER_MAX_PT, int(fit * 2) / 2)


def text_width_chars(text: str) -> float:
    """Return the printed width of text in full-width characters (ASCII counts as half)."""
    return sum(0.5 if ord(ch) < 0x2E80 and ch != PAGE_NUMBER_DASH else 1.0 for ch in text)


SIGNATURE_DATE_SHIFT_CHARS = 2  # 7.3.5.2: 成文日期首字比发文机关署名首字右移二字


def signature_indents_chars(issuer: str | None, date: str, sealed: bool) -> tuple[float, float]:
    """Return right indents (in characters) of the signature line and the date line (7.3.5).

    Sealed: the date stands four characters from the right, the signature centred over it.
    Unsealed: the signature two characters from the right and the date starting two characters
    right of the signature's first character; when the date is the longer, the date keeps two
    characters from the right and the signature moves left to keep the two-character offset.
    The one placement rule: the .docx, HTML/PDF and text writers all take it from here.
    """
    shift = SIGNATURE_DATE_SHIFT_CHARS
    date_w = text_width_chars(date)
    if not issuer:
        return (0.0, 4.0 if sealed else 2.0)
    sig_w = text_width_chars(issuer)
    if sealed:
        date_right = 4.0
        return (max(0.0, date_right + (date_w - sig_w) / 2), date_right)
    sig_right = 2.0
    date_right = sig_right + sig_w - shift - date_w
    if date_right < 2.0:
        date_right = 2.0
        sig_right = date_right + date_w + shift - sig_w
    return (sig_right, date_right)


# ── Fonts (names as written into the .docx; 3.2 of the spec note) ───────────────────────────
@dataclass(frozen=True)
class FontSet:
    """The East Asian font names a unit uses; some provinces mandate the 方正 _GBK set."""

    title: str = "方正小标宋简体"
    body: str = "仿宋_GB2312"
    hei: str = "黑体"
    kai: str = "楷体_GB2312"
    song: str = "宋体"
    latin: str = "Times New Roman"


DEFAULT_FONTS = FontSet()

# What the PDF preview uses for each name when the Windows font is not installed. Fandol is the only
# free true 仿宋 with full GB2312; Noto needs the SC face, or the glyphs come out Japanese.
PREVIEW_FONT_STACKS: dict[str, tuple[str, ...]] = {
    "方正小标宋简体": ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC"),
    "仿宋_GB2312": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "FandolFang",
                   "Noto Serif CJK SC"),
    "仿宋": ("仿宋", "FangSong", "FandolFang", "Noto Serif CJK SC"),
    "楷体_GB2312": ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "AR PL UKai CN", "FandolKai",
                   "Noto Serif CJK SC"),
    "楷体": ("楷体", "KaiTi", "AR PL UKai CN", "FandolKai", "Noto Serif CJK SC"),
    "黑体": ("黑体", "SimHei", "Noto Sans CJK SC", "FandolHei"),
    "宋体": ("宋体", "SimSun", "Noto Serif CJK SC", "FandolSong"),
    "Times New Roman": ("Times New Roman", "Liberation Serif"),
}
# Debian package that provides each fallback family, for error messages (package names only: the
# messages put them into an apt-get command; writers.fonts adds how to take only the Fandol faces).
FONT_PACKAGES: dict[str, str] = {
    "FandolFang": "texlive-lang-chinese",
    "FandolKai": "texlive-lang-chinese",
    "FandolHei": "texlive-lang-chinese",
    "FandolSong": "texlive-lang-chinese",
    "Noto Serif CJK SC": "fonts-noto-cjk",
    "Noto Sans CJK SC": "fonts-noto-cjk",
    "AR PL UKai CN": "fonts-arphic-ukai",
    "Liberation Serif": "fonts-liberation2",
}

FontRole = Literal["title", "body", "hei", "kai", "song"]


# ── Named paragraph styles (one table for the .docx styles part and the preview CSS) ───────
@dataclass(frozen=True)
class ParagraphStyle:
    """A named paragraph style. ``name`` is what Word shows; built-in styles keep Word's own
    English names (Word recognises built-ins by name and localises them: heading 1 → 标题 1)."""

    style_id: str
    name: str
    font: FontRole
    size_pt: float = SIZE_3HAO_PT
    align: Literal["left", "center", "right", "justify"] = "justify"
    first_line_chars: float = 0.0
    bold: bool = False
    color: str | None = None
    outline_level: int | None = None  # 0 = level 1 in Word's navigation pane
    line_pitch_pt: float | None = LINE_PITCH_PT  # exact; None = single
    keep_next: bool = False
    snap_to_grid: bool = True
    extra: dict[str, str] = field(default_factory=dict)


STYLE_BODY = ParagraphStyle("Normal", "Normal", "body", first_line_chars=2)
STYLE_TITLE = ParagraphStyle("Title", "Title", "title", SIZE_2HAO_PT, "center", keep_next=True,
                             snap_to_grid=False)
STYLE_SUBTITLE = ParagraphStyle("Subtitle", "Subtitle", "kai", align="center", keep_next=True)
STYLE_HEADING_1 = ParagraphStyle("Heading1", "heading 1", "hei", first_line_chars=2,
                                 outline_level=0, keep_next=True)
STYLE_HEADING_2 = ParagraphStyle("Heading2", "heading 2", "kai", first_line_chars=2,
                                 outline_level=1, keep_next=True)
STYLE_HEADING_3 = ParagraphStyle("Heading3", "heading 3", "body", first_line_chars=2,
                                 outline_level=2, keep_next=True)
STYLE_HEADING_4 = ParagraphStyle("Heading4", "heading 4", "body", first_line_chars=2,
                                 outline_level=3, keep_next=True)
STYLE_SALUTATION = ParagraphStyle("Salutation", "公文称谓", "body", align="left")
STYLE_ADDRESSEE = ParagraphStyle("Addressee", "主送机关", "body", align="left")
STYLE_ISSUER_MARK = ParagraphStyle("IssuerMark", "发文机关标志", "title", SIZE_ISSUER_MAX_PT,
                                   "center", color=RED, line_pitch_pt=None, snap_to_grid=False)
STYLE_DOC_NUMBER = ParagraphStyle("DocNumber", "发文字号", "body", align="center")
STYLE_SIGNATURE = ParagraphStyle("SignatureOrgan", "发文机关署名", "body", align="right")
STYLE_DATE = ParagraphStyle("DocDate", "成文日期", "body", align="right")
STYLE_ATTACHMENT_NOTE = ParagraphStyle("AttachmentNote", "附件说明", "body", align="left",
                                       first_line_chars=2)
STYLE_ATTACHMENT_LABEL = ParagraphStyle("AttachmentLabel", "附件标识", "hei", align="left")
STYLE_ATTACHMENT_TITLE = ParagraphStyle("AttachmentTitle", "附件标题", "title", SIZE_2HAO_PT,
                                        "center", snap_to_grid=False)
STYLE_IMPRINT = ParagraphStyle("Imprint", "版记", "body", SIZE_4HAO_PT, "left")
STYLE_TABLE_TEXT = ParagraphStyle("TableText", "表格文字", "body", SIZE_4HAO_PT, "center",
                                  line_pitch_pt=TABLE_LINE_PITCH_PT, snap_to_grid=False)
STYLE_TABLE_HEADER = ParagraphStyle("TableHeader", "表格表头", "body", SIZE_4HAO_PT, "center",
                                    bold=True, line_pitch_pt=TABLE_LINE_PITCH_PT,
                                    snap_to_grid=False)
STYLE_TABLE_TEXT_XIAO4 = ParagraphStyle("TableTextSmall", "表格文字（小四）", "body", SIZE_XIAO4_PT,
                                        "center", line_pitch_pt=TABLE_LINE_PITCH_XIAO4_PT,
                                        snap_to_grid=False)
STYLE_TABLE_HEADER_XIAO4 = ParagraphStyle("TableHeaderSmall", "表格表头（小四）", "body", SIZE_XIAO4_PT,
                                          "center", bold=True, line_pitch_pt=TABLE_LINE_PITCH_XIAO4_PT,
                                          snap_to_grid=False)
STYLE_TABLE_TEXT_5HAO = ParagraphStyle("TableTextSmaller", "表格文字（五号）", "body", SIZE_5HAO_PT,
                                       "center", line_pitch_pt=TABLE_LINE_PITCH_5HAO_PT,
                                       snap_to_grid=False)
STYLE_TABLE_HEADER_5HAO = ParagraphStyle("TableHeaderSmaller", "表格表头（五号）", "body", SIZE_5HAO_PT,
                                         "center", bold=True, line_pitch_pt=TABLE_LINE_PITCH_5HAO_PT,
                                         snap_to_grid=False)
# (cell style, header style) for each table size of TABLE_SIZES_PT
TABLE_STYLES: dict[float, tuple[ParagraphStyle, ParagraphStyle]] = {
    SIZE_4HAO_PT: (STYLE_TABLE_TEXT, STYLE_TABLE_HEADER),
    SIZE_XIAO4_PT: (STYLE_TABLE_TEXT_XIAO4, STYLE_TABLE_HEADER_XIAO4),
    SIZE_5HAO_PT: (STYLE_TABLE_TEXT_5HAO, STYLE_TABLE_HEADER_5HAO),
}
STYLE_TABLE_CAPTION = ParagraphStyle("TableCaption", "表格标题", "hei", align="center",
                                     keep_next=True)
STYLE_PAGE_NUMBER = ParagraphStyle("PageNumber", "页码", "song", SIZE_4HAO_PT, "right",
                                   line_pitch_pt=None, snap_to_grid=False)
# A form's red title (重点项目督办单), its 编号 flush right under it, and the text of its fields.
STYLE_FORM_TITLE = ParagraphStyle("FormTitle", "表单标题", "title", SIZE_2HAO_PT, "center", color=RED,
                                  keep_next=True, snap_to_grid=False)
STYLE_FORM_NUMBER = ParagraphStyle("FormNumber", "表单编号", "body", align="right", keep_next=True)
STYLE_FORM_TEXT = ParagraphStyle("FormText", "表单内容", "body", SIZE_4HAO_PT, "justify",
                                 line_pitch_pt=TABLE_LINE_PITCH_PT, snap_to_grid=False)

HEADING_STYLES = (STYLE_HEADING_1, STYLE_HEADING_2, STYLE_HEADING_3, STYLE_HEADING_4)
PARAGRAPH_STYLES: tuple[ParagraphStyle, ...] = (
    STYLE_BODY, STYLE_TITLE, STYLE_SUBTITLE, *HEADING_STYLES, STYLE_SALUTATION, STYLE_ADDRESSEE,
    STYLE_ISSUER_MARK, STYLE_DOC_NUMBER, STYLE_SIGNATURE, STYLE_DATE, STYLE_ATTACHMENT_NOTE,
    STYLE_ATTACHMENT_LABEL, STYLE_ATTACHMENT_TITLE, STYLE_IMPRINT, STYLE_TABLE_TEXT,
    STYLE_TABLE_HEADER, STYLE_TABLE_TEXT_XIAO4, STYLE_TABLE_HEADER_XIAO4, STYLE_TABLE_TEXT_5HAO,
    STYLE_TABLE_HEADER_5HAO, STYLE_TABLE_CAPTION, STYLE_PAGE_NUMBER, STYLE_FORM_TITLE, STYLE_FORM_NUMBER,
    STYLE_FORM_TEXT,
)
# Character style for a bold lead sentence ("**一是……。**") so it restyles with the document.
CHAR_STYLE_LEAD = ("LeadSentence", "公文加粗")


def font_name(role: FontRole, fonts: FontSet = DEFAULT_FONTS) -> str:
    """Return the East Asian font name for a style's font role."""
    return getattr(fonts, role)


def preview_stack(name: str, role: FontRole | Literal["latin"] | None = None) -> tuple[str, ...]:
    """Return the families the preview draws font ``name`` with: its own stack; for a unit's font
    that has none (方正仿宋_GBK, say), the name itself and then the stand-ins of the ``role``'s
    default font, so the preview keeps the role's shape where the unit's face is not installed."""
    known = PREVIEW_FONT_STACKS.get(name)
    if known is not None:
        return known
    default = PREVIEW_FONT_STACKS.get(getattr(DEFAULT_FONTS, role), ()) if role else ()
    return (name, *(family for family in default if family != name))
