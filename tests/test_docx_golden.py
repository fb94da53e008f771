"""Golden XML parts (STYLE.md): canonicalised (C14N 2.0) and pretty-printed, one behaviour per case.

Regenerate after an intended change with ``pytest tests/test_docx_golden.py --update-golden`` and
read the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from docx_samples import para, parts
from speechgen import document as d
from speechgen.writers.docx import render_docx

GOLDEN = Path(__file__).parent / "golden"

CASES: dict[str, tuple[d.Document, tuple[str, ...]]] = {
    # the fixed parts: styles, settings, footers, and the smallest body
    "minimal": (
        d.Document("generic", (d.Title("标题"), para("正文第一段。"))),
        ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml"),
    ),
    # the 版头, 主送机关, signature and 版记 of a notice
    "red_header": (
        d.Document("notice", (
            d.RedHeader("青山市人民政府办公室文件", "青政办发〔2026〕7号"),
            d.Title("关于开展专项督查的通知"),
            d.Addressee("各县（市、区）人民政府："),
            para("现将有关事项通知如下。"),
            d.Signature("青山市人民政府办公室", "2026年5月8日"),
            d.Imprint("市委办公室。", "青山市人民政府办公室", "2026年5月8日"),
        )),
        ("word/document.xml",),
    ),
}


def canonical(data: bytes) -> str:
    """Return a part as canonical XML (sorted attributes), pretty-printed, rsids dropped."""
    root = etree.fromstring(data)
    for element in root.iter():
        for name in [n for n in element.attrib if etree.QName(n).localname.startswith("rsid")]:
            del element.attrib[name]
    c14n = etree.tostring(root, method="c14n2")
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(c14n, parser), pretty_print=True, encoding="unicode")


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_parts(case: str, update_golden: bool) -> None:
    doc, names = CASES[case]
    produced = parts(render_docx(doc))
    for name in names:
        golden = GOLDEN / case / name
        text = canonical(produced[name])
        if update_golden:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(text, encoding="utf-8")
        assert golden.exists(), f"{golden} 不存在：运行 pytest --update-golden 生成"
        assert text == golden.read_text(encoding="utf-8"), f"{case}/{name} differs from the golden file"


def test_part_list() -> None:
    names = sorted(parts(render_docx(CASES["minimal"][0])))
    listing = GOLDEN / "minimal" / "parts.txt"
    assert listing.read_text(encoding="utf-8").split() == names
