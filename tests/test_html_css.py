"""The stylesheet's numbers are style.py's numbers, converted; nothing is typed in twice."""

from __future__ import annotations

import re

import pytest

from speechgen import style as s
from speechgen.writers.css import (
    HALF_LEADING_PT,
    LATIN_FAMILY,
    CssFonts,
    FontChoice,
    build_css,
    page_area_mm,
    portable_fonts,
)

CSS = build_css(portable_fonts())


def rule(selector: str, css: str = CSS) -> dict[str, str]:
    """Return the declarations of the rules whose selector is exactly selector, later ones winning."""
    found = re.findall(r"(?m)^" + re.escape(selector) + r" \{ (.*?) \}$", css)
    assert found, f"no rule for {selector}"
    return {k: v for body in found for k, v in (p.split(": ", 1) for p in body.rstrip(";").split("; "))}


def points(value: str) -> float:
    assert value.endswith("pt"), value
    return float(value[:-2])


def test_page_is_a4_with_the_type_area_shifted_by_half_a_leading() -> None:
    top, bottom = page_area_mm()
    shift = (s.LINE_PITCH_PT - s.BODY_SIZE_PT) / 2 * s.MM_PER_PT
    assert top == pytest.approx(s.MARGIN_TOP_MM - shift)
    assert bottom == pytest.approx(s.MARGIN_BOTTOM_MM + shift)
    margins = f"{top:.3f}mm {s.MARGIN_RIGHT_MM:.3f}mm {bottom:.3f}mm {s.MARGIN_LEFT_MM:.3f}mm"
    assert f"@page {{ size: A4; margin: {margins}; }}" in CSS
    # 22 line boxes fit in the page area, 23 do not.
    height_pt = (s.PAGE_HEIGHT_MM - top - bottom) / s.MM_PER_PT
    assert s.LINES_PER_PAGE * s.LINE_PITCH_PT <= height_pt < (s.LINES_PER_PAGE + 1) * s.LINE_PITCH_PT


def test_page_number_top_lands_seven_mm_below_the_type_area() -> None:
    _, bottom = page_area_mm()
    box = re.search(r"@bottom-right \{([^}]*)\}", CSS).group(1)
    padding = float(re.search(r"padding-top: ([\d.]+)mm", box).group(1))
    assert s.PAGE_HEIGHT_MM - bottom + padding == pytest.approx(
        s.PAGE_HEIGHT_MM - s.MARGIN_BOTTOM_MM + s.PAGE_NUMBER_GAP_MM, abs=0.001)
    assert f"padding-right: {s.SIZE_4HAO_PT:.3f}pt" in box  # one 4号 character in


def test_body_style_is_the_grid() -> None:
    body = rule(".Normal")
    assert points(body["font-size"]) == s.BODY_SIZE_PT
    assert points(body["line-height"]) == pytest.approx(s.LINE_PITCH_PT)
    assert points(body["text-indent"]) == pytest.approx(2 * s.CHAR_PITCH_PT, abs=0.001)
    assert points(body["letter-spacing"]) == pytest.approx(s.LETTER_SPACING_PT, abs=0.005)
    assert body["text-align"] == "justify"
    # 28 characters at the spaced pitch fit the 156 mm measure.
    assert 28 * (s.BODY_SIZE_PT + points(body["letter-spacing"])) <= s.TEXT_WIDTH_PT


@pytest.mark.parametrize("style", s.PARAGRAPH_STYLES, ids=lambda st: st.style_id)
def test_every_named_style_has_its_size_font_and_alignment(style: s.ParagraphStyle) -> None:
    decls = rule(f".{style.style_id}")
    assert points(decls["font-size"]) == style.size_pt
    assert decls["text-align"] == style.align
    stack = s.PREVIEW_FONT_STACKS[s.font_name(style.font)]
    assert decls["font-family"].startswith(f'"{LATIN_FAMILY}", "{stack[0]}"')
    if style.color:
        assert decls["color"] == f"#{style.color}"
    if style.line_pitch_pt:
        assert points(decls["line-height"]) == pytest.approx(style.line_pitch_pt)


def test_heading_fonts_follow_the_standard() -> None:
    assert '"黑体"' in rule(".Heading1")["font-family"]
    assert '"楷体_GB2312"' in rule(".Heading2")["font-family"]
    assert '"仿宋_GB2312"' in rule(".Heading3")["font-family"]
    assert points(rule(".Title")["font-size"]) == s.SIZE_2HAO_PT
    assert '"方正小标宋简体"' in rule(".Title")["font-family"]


def test_latin_face_covers_ascii_only() -> None:
    faces = re.findall(r"@font-face \{[^}]*\}", CSS)
    assert len(faces) == 2
    assert all("unicode-range: U+0021-007E" in face for face in faces)
    assert 'local("Times New Roman")' in faces[0] and 'local("Liberation Serif")' in faces[0]


def test_red_rule_and_imprint_rules() -> None:
    red = rule(".RedRule")
    assert red["border-top"] == f"{s.RED_RULE_WIDTH_PT:.3f}pt solid #{s.RED}"
    gap_mm = float(red["margin"].split()[0][:-2])
    assert gap_mm + HALF_LEADING_PT * s.MM_PER_PT == pytest.approx(s.RED_RULE_BELOW_NUMBER_MM, abs=0.001)
    imprint = rule(".imprint-block")
    assert imprint["float"] == "footnote"
    assert imprint["border-top"].startswith(f"{s.IMPRINT_RULE_THICK_PT:.3f}pt")
    assert imprint["footnote-policy"] == "line"  # a 版记 that does not fit takes its line along
    assert rule(".imprint-block > span + span")["border-top"].startswith(f"{s.IMPRINT_RULE_THIN_PT:.3f}pt")


def test_issuer_mark_top_is_35mm_below_the_type_area() -> None:
    top, _ = page_area_mm()
    margin = float(rule(".IssuerMark")["margin-top"][:-2])
    assert top + margin == pytest.approx(s.MARGIN_TOP_MM + s.ISSUER_MARK_TOP_MM, abs=0.001)


def test_installed_fonts_replace_the_stacks() -> None:
    choices = {key: FontChoice(("FandolFang",), 700 if key[1] else 400)
               for key in portable_fonts().choices}
    css = build_css(CssFonts(choices, ("Liberation Serif",), ("Liberation Serif Bold",)))
    assert rule(".Normal", css)["font-family"] == f'"{LATIN_FAMILY}", "FandolFang"'
    assert rule(".LeadSentence", css)["font-weight"] == "700"
    assert "font-synthesis" not in css  # WeasyPrint does not know it; only the portable page has it
