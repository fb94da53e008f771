"""Word templates built in the tests, XML by hand: split runs, spell-check marks, headers, footers."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
DOCUMENT_TYPE = f"{_CT}.document.main+xml"
PAGE_FIELD = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE '
              '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
# A template's own styles: Normal (三号 仿宋, so no size warning) and heading 1 in its own font,
# under the ids a Chinese Word gives them ("a", "1").
STYLES = (
    f'{DECL}<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault>'
    '</w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>'
    '<w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
    '<w:rPr><w:rFonts w:eastAsia="方正黑体_GBK"/><w:sz w:val="32"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="本单位标题"/><w:basedOn w:val="a"/></w:style>'
    "</w:styles>"
)


def p(*runs: str) -> str:
    """Return a paragraph of plain runs (each string one run)."""
    return "<w:p>" + "".join(run(text) for text in runs) + "</w:p>"


def run(text: str, props: str = "") -> str:
    """Return a run; ``props`` is its rPr content (a font change, say)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escaped}</w:t></w:r>'


def table(*rows: list[str]) -> str:
    """Return a table whose cells each hold one paragraph of the given text."""
    cells = "".join("<w:tr>" + "".join(f"<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>{p(c)}</w:tc>"
                                       for c in row) + "</w:tr>" for row in rows)
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in rows[0])
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{cells}</w:tbl>"


def docx(body: str, *, header: str | None = None, footer: str | None = None, first_footer: str | None = None,
         styles: str = STYLES, extra: Mapping[str, bytes] | None = None, main_type: str = DOCUMENT_TYPE,
         rels_extra: str = "") -> bytes:
    """Return a .docx with this body XML (paragraphs and tables), optional header and footers."""
    parts: dict[str, str | bytes] = {}
    rels = [f'<Relationship Id="rIdStyles" Type="{R_NS}/styles" Target="styles.xml"/>']
    refs = ""
    overrides = [("/word/document.xml", main_type), ("/word/styles.xml", f"{_CT}.styles+xml")]
    for rid, kind, name, content, ref_type in (
        ("rIdH", "header", "header1.xml", header, "default"),
        ("rIdF", "footer", "footer1.xml", footer, "default"),
        ("rIdF2", "footer", "footer2.xml", first_footer, "first"),
    ):
        if content is None:
            continue
        root = "hdr" if kind == "header" else "ftr"
        parts[f"word/{name}"] = f"{DECL}<w:{root} {NS}>{content}</w:{root}>"
        rels.append(f'<Relationship Id="{rid}" Type="{R_NS}/{kind}" Target="{name}"/>')
        refs += f'<w:{kind}Reference w:type="{ref_type}" r:id="{rid}"/>'
        overrides.append((f"/word/{name}", f"{_CT}.{kind}+xml"))
    title_page = "<w:titlePg/>" if first_footer is not None else ""
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" '
            f'w:bottom="1984" w:left="1588" w:header="851" w:footer="1304" w:gutter="0"/>{title_page}</w:sectPr>')
    parts["word/document.xml"] = f"{DECL}<w:document {NS}><w:body>{body}{sect}</w:body></w:document>"
    parts["word/styles.xml"] = styles
    parts["word/_rels/document.xml.rels"] = _rels("".join(rels) + rels_extra)
    parts["_rels/.rels"] = _rels(f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/>')
    override_xml = "".join(f'<Override PartName="{name}" ContentType="{ctype}"/>' for name, ctype in overrides)
    parts["[Content_Types].xml"] = (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{override_xml}</Types>')
    parts.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("[Content_Types].xml", "_rels/.rels", *sorted(n for n in parts if n not in
                                                                   ("[Content_Types].xml", "_rels/.rels"))):
            data = parts[name]
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def _rels(body: str) -> str:
    return f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


def part(data: bytes, name: str) -> etree._Element:
    """Return a part of a .docx, parsed."""
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def texts(data: bytes, name: str = "word/document.xml") -> list[str]:
    """Return the text of every paragraph of a part (its own runs joined)."""
    root = part(data, name)
    w = f"{{{W_NS}}}"
    return ["".join(t.text or "" for t in para.iter(f"{w}t")) for para in root.iter(f"{w}p")]


def styles_used(data: bytes) -> set[str]:
    """Return the paragraph and run style ids document.xml refers to."""
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    return set(re.findall(r'<w:(?:pStyle|rStyle) w:val="([^"]+)"', xml))


def style_ids(data: bytes) -> dict[str, str]:
    """Return styleId → name of the styles part."""
    root = part(data, "word/styles.xml")
    w = f"{{{W_NS}}}"
    return {s.get(f"{w}styleId"): s.find(f"{w}name").get(f"{w}val") for s in root.iter(f"{w}style")}
