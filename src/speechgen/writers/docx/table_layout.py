"""How a table is fitted to the page: font size, column widths, header breaks, orientation.

Shared by the .docx and HTML writers, so the preview breaks cells where the document does.
GB/T 9704 leaves tables to practice (GBT9704.md §3.2); the rules, with numbers from ``style``:

1. *Need* of a column: the width at which short cells (≤ ``TABLE_WHOLE_CHARS`` characters,
   figures, codes) stay whole, names wrap into at most ``TABLE_NAME_LINES`` lines, prose wraps in
   a readable column, and the header breaks only at natural points (a short word whole, a unit
   such as "（万元）" on a line of its own). *Want*: the width that sets every cell on one line.
   Both are counted in characters (ems), so they hold at any size.
2. Size: the largest of ``TABLE_SIZES_PT`` (四号, 小四, 五号) at which the needs fit the 版心.
3. Orientation (clause 8): a table in an attachment with more than ``TABLE_LANDSCAPE_COLUMNS``
   columns, or whose needs do not fit the portrait 版心 even at 五号, turns its attachment to
   landscape, where the 版心 is 225 mm wide; size and widths are then fitted to that width.
4. Widths: when every want fits, the spare room is shared in proportion; otherwise each column
   gets its need and the rest goes to the columns that want more, the widest capped to a common
   width (water-filling). If even the needs overflow, the floor is the longest unbreakable token.
   Widths are whole twips summing to the 版心 width: ``w:tblGrid`` is always written, because WPS
   drops widths given only on cells (dolanmiu/docx #272).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from speechgen import document as d
from speechgen import style
from speechgen.writers.docx import geometry

CELL_MARGIN = geometry.mm(1)  # left and right padding of each cell, twips
_PAD = 2 * CELL_MARGIN + geometry.pt(1)  # cell margins and the borders' share
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?[%‰]?$")
_SERIAL = re.compile(r"^\d{1,3}$")
_UNBREAKABLE = re.compile(r"[\x21-\x7e]+")  # a run of ASCII: digits, dates, codes stay whole
_HEADER_LINES = 3  # a header without a unit may wrap into this many lines
_UNIT_CHARS = 6  # "（万元）", "（%）", "（市、区）": a bracket this short stays whole, on a line of its own
_AUTOSPACE_EM = 0.25
_SCRIPT_CHANGE = re.compile(r"(?<=[\x21-\x7e])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[\x21-\x7e])")
_MIN_CHARS = 2  # no column narrower than two characters
_UNITS = re.compile(r"[\x21-\x7e]+|.", re.S)  # what a line break never splits: an ASCII run, or one character
# Line-breaking rules (禁则) as Word and LibreOffice apply them: no line starts with a closing mark,
# none ends with an opening one; the character before (or the mark itself) moves down instead.
NO_LINE_START = frozenset("，。、；：？！）》」』”’〕】…·%,.;:?!)")
NO_LINE_END = frozenset("（《「『“‘〔【(")


@dataclass(frozen=True)
class TableLayout:
    """A table fitted to a width: size, cell and header styles, widths, header lines, alignments."""

    size_pt: float
    widths: tuple[int, ...]
    header: tuple[str, ...]  # header texts, the unit moved to its own line where the header wraps
    rows: tuple[tuple[str, ...], ...]  # body rows padded to the column count
    aligns: tuple[str, ...]

    @property
    def text_style(self) -> style.ParagraphStyle:
        """Return the named style of the body cells (表格文字 at this size)."""
        return style.TABLE_STYLES[self.size_pt][0]

    @property
    def header_style(self) -> style.ParagraphStyle:
        """Return the named style of the header cells (表格表头 at this size)."""
        return style.TABLE_STYLES[self.size_pt][1]


def layout_table(block: d.Table, total: int) -> TableLayout | None:
    """Return the table fitted to ``total`` twips; None for a table without columns."""
    columns = max([len(block.header), *(len(row) for row in block.rows)])
    if columns == 0:
        return None
    header = _pad(block.header, columns)
    rows = tuple(_pad(row, columns) for row in block.rows)
    size = table_size([header, *rows], total)
    widths = column_widths([header, *rows], total, size)
    heads = tuple(header_text(cell, width, size) for cell, width in zip(header, widths, strict=True))
    aligns = column_aligns(block, list(rows), widths, size)
    return TableLayout(size, tuple(widths), heads, rows, tuple(aligns))


def _pad(cells: tuple[str, ...], columns: int) -> tuple[str, ...]:
    return cells + ("",) * (columns - len(cells))


def needs_landscape(block: d.Table) -> bool:
    """Return True when ``block``, in an attachment, should be set on landscape pages (clause 8)."""
    columns = max([len(block.header), *(len(row) for row in block.rows)])
    if columns > style.TABLE_LANDSCAPE_COLUMNS:
        return True
    if columns == 0:
        return False
    rows = [_pad(block.header, columns), *(_pad(row, columns) for row in block.rows)]
    return not fits(rows, geometry.PORTRAIT.text_width, min(style.TABLE_SIZES_PT))


def landscape_blocks(blocks: tuple[d.Block, ...]) -> frozenset[int]:
    """Return the indices of the blocks set on landscape pages.

    An attachment runs from its AttachmentHeading to the next one (or the end, 版记 included);
    it turns landscape as a whole when one of its tables needs it.
    """
    starts = [i for i, block in enumerate(blocks) if isinstance(block, d.AttachmentHeading)]
    out: set[int] = set()
    for start, end in zip(starts, [*starts[1:], len(blocks)], strict=False):
        if any(isinstance(b, d.Table) and needs_landscape(b) for b in blocks[start:end]):
            out.update(range(start, end))
    return frozenset(out)


# ── Measuring (in ems of the table's font) ──────────────────────────────────────────────────
# Times New Roman glyphs wider than the half em every other Latin character is counted as: a
# column measured at half an em for "%" is too narrow for "108.1%", and LibreOffice then breaks
# the figure from its unit ("108.1 / %").
_WIDE_LATIN_EM = {"%": 0.833, "@": 0.921, "&": 0.778, "m": 0.778, "w": 0.722, "M": 0.889, "W": 0.944,
                  **dict.fromkeys("ACDGHKNOQUVXY", 0.722), **dict.fromkeys("BR", 0.667)}
_WIDE_LATIN = re.compile(f"[{re.escape(''.join(_WIDE_LATIN_EM))}]")


def latin_extra_em(value: str) -> float:
    """Return how much wider than half an em each the wide Latin glyphs of ``value`` are."""
    return sum(_WIDE_LATIN_EM[ch] - 0.5 for ch in _WIDE_LATIN.findall(value))


@functools.lru_cache(maxsize=4096)
def text_em(value: str) -> float:
    """Return the printed width of the longest line of ``value`` in ems.

    Word and LibreOffice add about a quarter of a character between hanzi and digits or Latin
    letters, so each such transition counts too.
    """
    widths = (style.text_width_chars(line) + latin_extra_em(line) + _AUTOSPACE_EM * len(_SCRIPT_CHANGE.findall(line))
              for line in value.split("\n"))
    return max(widths, default=0)


def _token_em(value: str) -> float:
    """Return the width of the widest run that never breaks (a figure with its unit, a code)."""
    return max((len(token) * 0.5 + latin_extra_em(token) for token in _UNBREAKABLE.findall(value)), default=0)


def _twips(em: float, size_pt: float) -> int:
    return round(em * geometry.pt(size_pt))


@functools.lru_cache(maxsize=4096)
def cell_need_em(value: str) -> float:
    """Return the width (ems) a body cell needs: whole when short, names in two lines, prose freely."""
    em = text_em(value)
    token = _token_em(value)
    if em <= style.TABLE_WHOLE_CHARS or em <= token + 0.5:  # short, or a figure / code
        return em
    if em <= style.TABLE_NAME_MAX_CHARS:
        # Whole characters, and never narrower than a short cell, so the need grows with the text.
        width = max(style.TABLE_WHOLE_CHARS, math.ceil(em / style.TABLE_NAME_LINES), math.ceil(token))
        while line_count(value, width) > style.TABLE_NAME_LINES:
            width += 1
        return width
    return max(style.TABLE_PROSE_MIN_CHARS, token)


def line_count(value: str, width_em: float) -> int:
    """Return how many lines ``value`` takes in a column ``width_em`` wide, broken as Word does:
    between characters, never inside an ASCII run, with the 禁则 of NO_LINE_START and NO_LINE_END."""
    total = 0
    for text in value.split("\n"):
        units = _UNITS.findall(text)
        lines, used, i, start = 1, 0.0, 0, 0
        while i < len(units):
            unit = units[i]
            width = len(unit) * 0.5 + _AUTOSPACE_EM if len(unit) > 1 else style.text_width_chars(unit)
            width += latin_extra_em(unit)
            if used + width > width_em + 1e-9 and i > start:
                kinsoku = unit[0] in NO_LINE_START or units[i - 1][-1] in NO_LINE_END
                i -= 1 if kinsoku and i - 1 > start else 0
                lines, used, start = lines + 1, 0.0, i
                continue
            used += width
            i += 1
        total += lines
    return total


def _split_unit(header: str) -> tuple[str, str]:
    """Return ("年度计划投资", "（万元）") for a header ending in a short bracketed unit or
    qualifier ("县（市、区）"): the natural place to break it."""
    label, bracket, unit = header.partition("（")
    if bracket and label and unit.endswith("）") and style.text_width_chars(bracket + unit) <= _UNIT_CHARS:
        return label, bracket + unit
    return header, ""


def header_need_em(header: str) -> float:
    """Return the width (ems) a header needs: short words whole, long ones in two or three lines."""
    label, unit = _split_unit(header)
    label_em = text_em(label)
    lines = 2 if unit else _HEADER_LINES  # with a unit, the unit takes the last line
    return max(min(label_em, style.TABLE_WHOLE_CHARS), math.ceil(label_em / lines), text_em(unit))


def header_text(header: str, width: int, size_pt: float = style.SIZE_4HAO_PT) -> str:
    """Return the header cell text, its lines turned where words end: the unit on a line of its
    own when the header wraps, and a label too wide for the column broken between its words
    (writers/titles.py's words: "1—5月 / 完成投资", never "1—5月完 / 成投资"), so the .docx and
    the PDF break it alike."""
    label, unit = _split_unit(header)
    room = width - 2 * CELL_MARGIN
    if _twips(text_em(header), size_pt) <= room:
        return header
    lines = _word_lines(label, room, size_pt)
    return "\n".join([*lines, unit] if unit else lines)


def _word_lines(label: str, room: int, size_pt: float) -> list[str]:
    """Return ``label`` in lines at most ``room`` twips wide, filled word by word (a word wider
    than the room is a line of its own, wrapped by the renderer)."""
    from speechgen.writers import titles  # titles imports this module

    lines = [""]
    for word in titles.words(label):
        if lines[-1] and _twips(text_em(lines[-1] + word), size_pt) > room:
            lines.append(word)
        else:
            lines[-1] += word
    return lines


# ── Size and widths ─────────────────────────────────────────────────────────────────────────
def _column_ems(rows: list[tuple[str, ...]]) -> tuple[tuple[float, ...], ...]:
    """Return each column's (floor, need, want) in ems; ``rows[0]`` is the header row."""
    return _column_ems_cached(tuple(rows))


@functools.lru_cache(maxsize=64)  # one table is measured for its size, orientation and widths
def _column_ems_cached(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[float, ...], ...]:
    floors: list[float] = []
    needs: list[float] = []
    wants: list[float] = []
    for header, *cells in zip(*rows, strict=True):
        head = header_need_em(header)
        floors.append(max(_MIN_CHARS, _token_em(header), *(_token_em(c) for c in cells)))
        needs.append(max(_MIN_CHARS, head, *(cell_need_em(c) for c in cells)))
        wants.append(max(_MIN_CHARS, head, *(text_em(c) for c in cells)))
    return tuple(floors), tuple(needs), tuple(wants)


def fits(rows: list[tuple[str, ...]], total: int, size_pt: float) -> bool:
    """Return True when every column gets its need at ``size_pt`` within ``total`` twips."""
    _floors, needs, _wants = _column_ems(rows)
    return sum(_twips(n, size_pt) + _PAD for n in needs) <= total


def table_size(rows: list[tuple[str, ...]], total: int) -> float:
    """Return the font size (pt) of a table: the largest of style.TABLE_SIZES_PT that fits."""
    return next((size for size in style.TABLE_SIZES_PT if fits(rows, total, size)), min(style.TABLE_SIZES_PT))


def column_widths(rows: list[tuple[str, ...]], total: int, size_pt: float = style.SIZE_4HAO_PT) -> list[int]:
    """Return column widths in twips that sum to ``total``; ``rows[0]`` is the header row."""
    floors, needs, wants = (
        [_twips(em, size_pt) + _PAD for em in ems] for ems in _column_ems(rows))
    if sum(wants) <= total:
        widths = [w * total / sum(wants) for w in wants]  # spare room shared in proportion
    elif sum(needs) <= total:
        cap = _water_level(wants, needs, total)
        widths = [max(n, min(w, cap)) for w, n in zip(wants, needs, strict=True)]
    elif sum(floors) < total:
        cap = _water_level(needs, floors, total)
        widths = [max(f, min(n, cap)) for n, f in zip(needs, floors, strict=True)]
    else:
        widths = [f * total / sum(floors) for f in floors]  # even the floors overflow: shrink them
    return _integral(widths, total)


def _water_level(wants: list[int], floors: list[int], total: int) -> float:
    """Return the cap c with sum(max(floor, min(want, c))) == total (bisection)."""
    low, high = 0.0, float(max(wants))
    for _ in range(60):
        mid = (low + high) / 2
        if sum(max(f, min(w, mid)) for w, f in zip(wants, floors, strict=True)) > total:
            high = mid
        else:
            low = mid
    return low


def _integral(widths: list[float], total: int) -> list[int]:
    result = [int(w) for w in widths]
    widest = max(range(len(result)), key=result.__getitem__)
    result[widest] += total - sum(result)
    return result


def is_figure(cell: str) -> bool:
    """Return True for a cell that is one figure ("8650", "1,234.5", "108.1%"): never broken."""
    return bool(_NUMBER.match(cell.strip()))


def column_aligns(block: d.Table, rows: list[tuple[str, ...]], widths: list[int],
                  size_pt: float = style.SIZE_4HAO_PT) -> list[str]:
    """Return each column's alignment: the author's when given, else by content.

    Figures are right-aligned so that magnitudes line up, serial numbers centred; short text
    that fits its column on one line is centred; text that wraps is set flush left: justified,
    a line the line-breaking rules shortened ("投资进度滞" before "后；") would be spread out.
    """
    if block.align:
        return [block.align[i] if i < len(block.align) else "center" for i in range(len(widths))]
    aligns = []
    for i, width in enumerate(widths):
        cells = [row[i].strip() for row in rows if row[i].strip()]
        if cells and all(_SERIAL.match(c) for c in cells):
            aligns.append("center")  # 序号: 1, 2, 3 … centred
        elif cells and all(_NUMBER.match(c) for c in cells):
            aligns.append("right")
        elif all(_twips(text_em(c), size_pt) <= width - 2 * CELL_MARGIN for c in cells):
            aligns.append("center")
        else:
            aligns.append("left")
    return aligns
