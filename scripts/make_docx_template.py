"""Build templates/docx/红头模板.docx, the example Word template, from speechgen's own .docx writer.

The template is laid out to GB/T 9704 by the same code that lays out our documents (every number
from style.py): a Document whose fields are tags is rendered by writers/docx. Three elements are
sized or placed by the length of their text — the 发文机关标志 (its size fits the line), the 署名
and the 成文日期 (7.3.5) — so they are rendered with a stand-in of typical length (a 16-character
organ, a 2026年6月5日 date) and their text is then replaced by the tag.

Usage: .venv/bin/python scripts/make_docx_template.py [OUTPUT]   (make docx-template)
The output is committed; tests/test_wordtemplate_example.py fails when it differs from what this
script makes, so the binary can never be edited by hand.
"""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

from lxml import etree

from speechgen import document as d
from speechgen import style
from speechgen.writers.docx import DocxOptions, render_docx

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "templates" / "docx" / "红头模板.docx"
STAND_IN_ORGAN = "示例市重点项目建设领导小组办公室"  # 16 characters: the mark and the 署名 fit it
STAND_IN_DATE = "2026年6月5日"
EPOCH = "1780617600"  # 2026-06-05: fixed, so the same script gives the same bytes
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The paragraphs whose stand-in text becomes a tag, by their style.
TAGGED_BY_STYLE = {
    style.STYLE_ISSUER_MARK.style_id: "{{ 发文机关 }}",
    style.STYLE_SIGNATURE.style_id: "{{ 署名 }}",
    style.STYLE_DATE.style_id: "{{ 成文日期 }}",
}


def template_document() -> d.Document:
    """Return the 公文 whose text is the template's tags (and the three stand-ins)."""
    return d.Document(kind="notice", title="红头模板（speechgen 示例）", blocks=(
        d.RedHeader(STAND_IN_ORGAN, "{{ 发文字号 }}"),
        d.Title("{{ 标题 }}"),
        d.Addressee("{{ 主送 }}："),
        d.Paragraph((d.Run("{{p 正文 }}"),)),
        d.Signature(STAND_IN_ORGAN, STAND_IN_DATE),
        d.Paragraph((d.Run("{{p 附件 }}"),)),
        d.Imprint(cc="{{ 抄送 }}", printer="{{ 印发机关 }}", print_date="{{ 印发日期 }}"),
    ))


def _tag_stand_ins(document_xml: bytes) -> bytes:
    """Return document.xml with the text of the stand-in paragraphs replaced by their tags."""
    root = etree.fromstring(document_xml)
    for paragraph in root.iter(f"{W}p"):
        style_element = paragraph.find(f"{W}pPr/{W}pStyle")
        tag = TAGGED_BY_STYLE.get(style_element.get(f"{W}val")) if style_element is not None else None
        texts = paragraph.findall(f".//{W}t")
        if tag and texts:
            texts[0].text = tag
            for extra in texts[1:]:
                extra.text = ""
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)


def build() -> bytes:
    """Return the bytes of the example template."""
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    rendered = zipfile.ZipFile(io.BytesIO(render_docx(template_document(), DocxOptions())))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in rendered.infolist():
            data = rendered.read(info)
            if info.filename == "word/document.xml":
                data = _tag_stand_ins(data)
            out.writestr(info, data)
    return buffer.getvalue()


def main(argv: list[str]) -> None:
    target = Path(argv[1]) if len(argv) > 1 else OUTPUT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(build())
    print(f"已生成 {target}")


if __name__ == "__main__":
    main(sys.argv)
