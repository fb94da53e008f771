"""One RenderOptions record to every writer: from meeting.yaml's layout: or the API to the .docx,
the HTML, the PDF (WeasyPrint and LibreOffice); the defaults unchanged."""

from __future__ import annotations

import dataclasses
import io
import shutil
import typing
from pathlib import Path

import pytest

from docx_samples import W_NS, notice, part_xml, parts, style_element
from pdf_samples import every_block_document
from speechgen import api, model
from speechgen import style as s
from speechgen.paths import resource_dir
from speechgen.style import FontSet
from speechgen.writers import RenderOptions, libreoffice, options, render_bytes
from speechgen.writers.css import build_css, portable_fonts
from speechgen.writers.docx import DocxOptions, render_docx
from speechgen.writers.html import HtmlOptions, render_html
from speechgen.writers.pdf import PdfOptions

EXAMPLES = resource_dir("examples")
LEDGER = EXAMPLES / "ledger.xlsx"
UNIT_FONTS = FontSet(title="方正小标宋_GBK", body="方正仿宋_GBK", hei="方正黑体_GBK", kai="方正楷体_GBK")
LAYOUT = ("\nlayout:\n  fonts:\n    title: 方正小标宋_GBK\n    body: 方正仿宋_GBK\n    hei: 方正黑体_GBK\n"
          "    kai: 方正楷体_GBK\n  page_numbers: center\n")
W = f"{{{W_NS}}}"


@pytest.fixture
def unit_meeting(tmp_path: Path) -> Path:
    """Return the example meeting file with a unit's 版式: the 方正 _GBK fonts, centred page numbers."""
    path = tmp_path / "meeting.yaml"
    path.write_text((EXAMPLES / "meeting.yaml").read_text(encoding="utf-8") + LAYOUT, encoding="utf-8")
    return path


def east_asia_font(styles, style_id: str) -> str | None:
    fonts = style_element(styles, style_id).find(f"{W}rPr/{W}rFonts")
    return fonts.get(f"{W}eastAsia")


def assert_unit_docx(data: bytes) -> None:
    """Assert the .docx carries the unit's fonts in its styles and one centred page-number footer."""
    styles = part_xml(data, "word/styles.xml")
    assert east_asia_font(styles, "Normal") == "方正仿宋_GBK"
    assert east_asia_font(styles, "Title") == "方正小标宋_GBK"
    assert east_asia_font(styles, "Heading1") == "方正黑体_GBK"
    assert east_asia_font(styles, "Heading2") == "方正楷体_GBK"
    assert b'w:name="\xe6\x96\xb9\xe6\xad\xa3\xe4\xbb\xbf\xe5\xae\x8b_GBK"' in parts(data)["word/fontTable.xml"]
    assert "word/footer2.xml" not in parts(data)
    jc = part_xml(data, "word/footer1.xml").find(f"{W}p/{W}pPr/{W}jc")
    assert jc is not None and jc.get(f"{W}val") == "center"
    assert part_xml(data, "word/settings.xml").find(f"{W}evenAndOddHeaders") is None


def test_fonts_and_page_numbers_from_meeting_yaml_reach_the_docx(tmp_path: Path, unit_meeting: Path) -> None:
    target = tmp_path / "督查通知.docx"
    api.generate("notice", LEDGER, unit_meeting, [target])
    assert_unit_docx(target.read_bytes())


def test_fonts_and_page_numbers_from_meeting_yaml_reach_the_html(tmp_path: Path, unit_meeting: Path) -> None:
    target = tmp_path / "讲话稿.html"
    api.generate("speech", LEDGER, unit_meeting, [target])
    html = target.read_text(encoding="utf-8")
    assert '.Normal { font-family: "SG Latin", "方正仿宋_GBK", "仿宋_GB2312"' in html
    assert '.Title { font-family: "SG Latin", "方正小标宋_GBK", "方正小标宋简体"' in html
    assert "@page { @bottom-center {" in html and "@bottom-right { content: counter" not in html
    assert "@page :right" not in html


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig not installed")
def test_the_libreoffice_path_converts_the_unit_s_docx(tmp_path: Path, unit_meeting: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from speechgen.writers import fonts

    if not fonts.installed_faces().get("Noto Serif CJK SC"):
        pytest.skip("fonts-noto-cjk not installed")  # the glyph check runs before the conversion
    converted: dict[str, object] = {}

    def convert(docx: bytes, *, timeout_s: float, fonts: FontSet) -> bytes:
        converted.update(docx=docx, fonts=fonts)
        return b"%PDF-1.7 converted"

    monkeypatch.setattr(libreoffice, "convert_docx_to_pdf", convert)
    target = tmp_path / "督查通知.pdf"
    api.generate("notice", LEDGER, unit_meeting, [target], engine="libreoffice")
    assert target.read_bytes() == b"%PDF-1.7 converted"
    assert_unit_docx(typing.cast(bytes, converted["docx"]))
    assert converted["fonts"] == UNIT_FONTS


def test_fonts_conf_gives_a_unit_s_font_its_role_s_fallback() -> None:
    conf = libreoffice.fonts_conf(UNIT_FONTS)
    assert ('<alias binding="same"><family>方正仿宋_GBK</family>'
            "<accept><family>仿宋_GB2312</family></accept></alias>") in conf
    assert conf.index("方正仿宋_GBK") < conf.index(str(libreoffice.ALIAS_FILE))  # chained through it
    assert "<alias" not in libreoffice.fonts_conf() and "<alias" not in libreoffice.fonts_conf(FontSet(body="仿宋"))


def test_options_given_to_generate_replace_the_meeting_s_layout(tmp_path: Path, unit_meeting: Path) -> None:
    target = tmp_path / "讲话稿.docx"
    api.generate("speech", LEDGER, unit_meeting, [target], options=RenderOptions(char_grid=False))
    styles = part_xml(target.read_bytes(), "word/styles.xml")
    assert east_asia_font(styles, "Normal") == s.DEFAULT_FONTS.body
    spacing = style_element(styles, "Normal").find(f"{W}rPr/{W}spacing")
    assert spacing is not None and spacing.get(f"{W}val") == "0"  # off the grid: no −0.25 pt spacing


def test_render_markup_and_render_take_the_record(tmp_path: Path) -> None:
    text = "---\nkind: notice\nissuer: 示例市人民政府办公室\ndate: 2026-06-05\n---\n# 关于开展督查的通知\n\n正文。\n"
    chosen = RenderOptions(fonts=UNIT_FONTS, page_numbers="center")
    assert_unit_docx(api.render_markup(text, ".docx", options=chosen))
    source, target = tmp_path / "通知.md", tmp_path / "通知.docx"
    source.write_text(text, encoding="utf-8")
    api.render(source, [target], options=chosen)
    assert_unit_docx(target.read_bytes())


def test_an_engine_alone_replaces_only_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[PdfOptions] = []
    monkeypatch.setattr("speechgen.writers.pdf.render_pdf", lambda doc, chosen: seen.append(chosen) or b"%PDF")
    text = "# 标题\n\n正文。\n"
    api.render_markup(text, ".pdf", engine="libreoffice", options=RenderOptions(fonts=UNIT_FONTS))
    api.render_markup(text, ".pdf", options=RenderOptions(engine="libreoffice", char_grid=False))
    assert [(o.engine, o.fonts, o.char_grid) for o in seen] == [
        ("libreoffice", UNIT_FONTS, True), ("libreoffice", s.DEFAULT_FONTS, False)]


def test_check_holds_a_docx_to_the_unit_s_fonts(tmp_path: Path) -> None:
    # 华文仿宋 is not one of the names 仿宋_GB2312 goes by, so only the unit's layout allows it
    meeting = tmp_path / "meeting.yaml"
    meeting.write_text((EXAMPLES / "meeting.yaml").read_text(encoding="utf-8")
                       + "\nlayout:\n  fonts:\n    body: 华文仿宋\n", encoding="utf-8")
    target = tmp_path / "督查通知.docx"
    api.generate("notice", LEDGER, meeting, [target])
    with_unit = api.check(target, data=LEDGER, meeting=meeting)
    assert not [f for f in with_unit.findings if f.rule == "layout-font"]
    without = api.check(target)
    flagged = [f.message for f in without.findings if f.rule == "layout-font"]
    assert any("中文字体为“华文仿宋”，应为“仿宋_GB2312”" in message for message in flagged)


def test_the_reference_docx_carries_the_unit_s_fonts(tmp_path: Path) -> None:
    target = tmp_path / "公文样式.docx"
    written = api.write_reference_docx(target, options=RenderOptions(fonts=UNIT_FONTS))
    assert written.paths == (target,)
    assert east_asia_font(part_xml(target.read_bytes(), "word/styles.xml"), "Normal") == "方正仿宋_GBK"


def test_the_default_record_renders_as_the_writers_defaults() -> None:
    doc = notice()
    assert render_bytes(doc, ".docx", RenderOptions()) == render_docx(doc)
    assert render_bytes(doc, ".html", RenderOptions()) == render_html(doc).encode("utf-8")
    assert (DocxOptions.of(RenderOptions()), HtmlOptions.of(RenderOptions()), PdfOptions.of(RenderOptions())) == (
        DocxOptions(), HtmlOptions(), PdfOptions())


def test_each_writer_takes_its_part_of_the_record() -> None:
    record = RenderOptions(fonts=UNIT_FONTS, page_numbers="center", char_grid=False, imprint_at_bottom=False,
                           engine="libreoffice", timeout_s=9.0, embed_css=False)
    names = {field.name for field in dataclasses.fields(RenderOptions)}
    for derived in (DocxOptions.of(record), HtmlOptions.of(record), PdfOptions.of(record)):
        for field in dataclasses.fields(derived):
            assert field.name in names, (type(derived).__name__, field.name)
            assert getattr(derived, field.name) == getattr(record, field.name), (type(derived).__name__, field.name)
    assert PdfOptions.of(record).docx() == DocxOptions.of(record)


def test_the_meeting_model_and_the_writers_agree_on_the_choices() -> None:
    assert tuple(model.LayoutFonts.model_fields) == tuple(f.name for f in dataclasses.fields(FontSet))
    assert typing.get_args(model.PageNumbers) == typing.get_args(options.PageNumbers) == options.PAGE_NUMBERS
    assert set(model.Layout.model_fields) <= {f.name for f in dataclasses.fields(RenderOptions)}


def test_a_unit_font_without_a_preview_stack_takes_its_role_s_stand_ins() -> None:
    assert s.preview_stack("方正仿宋_GBK", "body") == ("方正仿宋_GBK", *s.PREVIEW_FONT_STACKS["仿宋_GB2312"])
    assert s.preview_stack("Arial", "latin") == ("Arial", *s.PREVIEW_FONT_STACKS["Times New Roman"])
    assert s.preview_stack("仿宋", "hei") == s.PREVIEW_FONT_STACKS["仿宋"]  # a known name keeps its own
    assert s.preview_stack("某字体") == ("某字体",)


def test_centred_page_numbers_in_the_stylesheet() -> None:
    css = build_css(portable_fonts(), page_numbers="center")
    assert "@page { @bottom-center {" in css and "text-align: center; } }" in css
    assert "@page :right" not in css and "@page :left" not in css
    assert "@bottom-center { content: none; } @left-middle" in css  # the turned pages number in the margin
    assert "@page landscape:right" not in css
    default = build_css(portable_fonts())
    assert "@page :right { @bottom-right" in default and "@bottom-center" not in default


def test_text_off_the_grid_in_the_stylesheet_and_the_inline_indents() -> None:
    css = build_css(portable_fonts(), char_grid=False)
    normal = next(line for line in css.splitlines() if line.startswith(".Normal {"))
    assert "letter-spacing: normal" in normal and "text-indent: 32.000pt" in normal  # two 16 pt characters
    assert "letter-spacing: -0.2" in next(line for line in build_css(portable_fonts()).splitlines()
                                          if line.startswith(".Normal {"))
    doc = notice()
    on_grid = render_html(doc, HtmlOptions(embed_css=False))
    off_grid = render_html(doc, HtmlOptions(embed_css=False, char_grid=False))
    assert f"margin-right: {2 * s.CHAR_PITCH_PT:.3f}pt" in on_grid
    assert f"margin-right: {2 * s.BODY_SIZE_PT:.3f}pt" in off_grid


def test_an_imprint_that_follows_the_text_in_the_stylesheet() -> None:
    css = build_css(portable_fonts(), imprint_at_bottom=False)
    assert "float: footnote" not in css and "@footnote" not in css
    assert f".imprint-block {{ display: block; margin-top: {s.LINE_PITCH_PT:.3f}pt;" in css
    assert "float: footnote" in build_css(portable_fonts())


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig not installed")
@pytest.mark.parametrize("engine", ["weasyprint", "libreoffice"])
def test_the_pdf_previews_a_unit_s_layout(engine: str) -> None:
    """Fonts Linux does not have (方正仿宋_GBK) are drawn with their role's stand-ins, and the page
    numbers stand centred under the type area, with either engine."""
    import pdfplumber

    from speechgen.writers import fonts
    from speechgen.writers.pdf import render_pdf
    if not fonts.installed_faces().get("FandolFang"):
        pytest.skip("FandolFang (the 仿宋 stand-in) not installed")
    if engine == "libreoffice" and shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    chosen = PdfOptions(engine=engine, fonts=UNIT_FONTS, page_numbers="center")  # type: ignore[arg-type]
    data = render_pdf(every_block_document(), chosen)
    centre_pt = (s.MARGIN_LEFT_MM + s.TEXT_WIDTH_MM / 2) / s.MM_PER_PT
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages[:2]:
            number = [w for w in page.extract_words() if w["top"] > page.height - s.MARGIN_BOTTOM_MM / s.MM_PER_PT]
            middle = (min(w["x0"] for w in number) + max(w["x1"] for w in number)) / 2
            assert middle == pytest.approx(centre_pt, abs=2), [w["text"] for w in number]
        body = {c["fontname"] for c in pdf.pages[0].chars if c["text"] == "各"}
    assert body and all("FandolFang" in name for name in body), body


def test_the_cli_takes_the_layout_from_the_meeting_file(tmp_path: Path, unit_meeting: Path) -> None:
    from click.testing import CliRunner

    from speechgen.cli import main

    target = tmp_path / "通报.docx"
    result = CliRunner().invoke(main, ["generate", "bulletin", "-d", str(LEDGER), "-m", str(unit_meeting),
                                       "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert_unit_docx(target.read_bytes())


def test_a_bad_layout_stops_the_cli_before_anything_is_written(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from speechgen.cli import main

    meeting = tmp_path / "meeting.yaml"
    meeting.write_text((EXAMPLES / "meeting.yaml").read_text(encoding="utf-8")
                       + "\nlayout:\n  page_numbers: 右下角\n  char_grid: 也许\n", encoding="utf-8")
    target = tmp_path / "通报.docx"
    result = CliRunner().invoke(main, ["generate", "bulletin", "-d", str(LEDGER), "-m", str(meeting),
                                       "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and not target.exists()
    assert "“右下角”不是可用的页码位置" in result.stderr and "layout.char_grid" in result.stderr
