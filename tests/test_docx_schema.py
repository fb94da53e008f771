"""Child elements in the order of the WordprocessingML schema (ECMA-376 Part 1, §17).

Word refuses (or "repairs") a file whose property elements are out of sequence, so every
container the writer emits is checked against the schema's sequence.
"""

from __future__ import annotations

import pytest
from lxml import etree

from docx_samples import SAMPLES, W_NS, parts
from pdf_samples import every_block_document
from speechgen.writers.docx import reference_docx, render_docx

SEQUENCES: dict[str, tuple[str, ...]] = {
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
            "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
            "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"),
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
            "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
            "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"),
    "pBdr": ("top", "left", "bottom", "right", "between", "bar"),
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
              "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
              "tblLook"),
    "tblBorders": ("top", "left", "bottom", "right", "insideH", "insideV"),
    "tblCellMar": ("top", "left", "bottom", "right"),
    "trPr": ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
             "tblHeader", "tblCellSpacing", "jc", "hidden"),
    "tcPr": ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
             "textDirection", "tcFitText", "vAlign", "hideMark"),
    "tbl": ("tblPr", "tblGrid", "tr"),
    "tc": ("tcPr", "p", "tbl"),
    "sectPr": ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
               "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
               "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings"),
    "style": ("name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
              "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
              "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"),
    "settings": ("writeProtection", "view", "zoom", "removePersonalInformation", "defaultTabStop",
                 "evenAndOddHeaders", "characterSpacingControl", "compat", "rsids", "decimalSymbol",
                 "listSeparator"),
    "font": ("altName", "panose1", "charset", "family", "notTrueType", "pitch"),
    "docDefaults": ("rPrDefault", "pPrDefault"),
}


def _check(root: etree._Element, part: str) -> None:
    for element in root.iter(f"{{{W_NS}}}*"):
        sequence = SEQUENCES.get(etree.QName(element).localname)
        if sequence is None:
            continue
        names = [etree.QName(child).localname for child in element if isinstance(child.tag, str)]
        unknown = [n for n in names if n not in sequence]
        assert not unknown, f"{part}: {etree.QName(element).localname} holds {unknown}"
        positions = [sequence.index(n) for n in names]
        assert positions == sorted(positions), f"{part}: {etree.QName(element).localname} order {names}"
        if etree.QName(element).localname not in ("tbl", "tc", "sectPr", "style"):
            assert len(names) == len(set(names)), f"{part}: repeated child in {names}"


@pytest.mark.parametrize("name", [*sorted(SAMPLES), "every_block", "reference"])
def test_every_container_is_in_schema_order(name: str) -> None:
    if name == "reference":
        data = reference_docx()
    else:
        data = render_docx(every_block_document() if name == "every_block" else SAMPLES[name]())
    for part, content in parts(data).items():
        if part.startswith("word/") and part.endswith(".xml"):
            _check(etree.fromstring(content), part)


def test_the_checker_catches_a_misplaced_element() -> None:
    bad = etree.fromstring(f'<w:p xmlns:w="{W_NS}"><w:pPr><w:jc w:val="left"/><w:pStyle w:val="Normal"/></w:pPr></w:p>')
    with pytest.raises(AssertionError):
        _check(bad, "test")
