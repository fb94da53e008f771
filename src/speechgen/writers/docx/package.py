"""The OPC package: [Content_Types].xml, relationships, document properties and the zip itself.

Everything here except core.xml (title and dates) and document.xml is fixed for given options and
is built once per process. Zip entries carry a fixed timestamp and a fixed order, so the same
document gives the same bytes; core.xml dates come from ``SOURCE_DATE_EPOCH`` when it is set.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import zipfile

from speechgen import __version__
from speechgen.writers.docx import zipper
from speechgen.writers.docx.footers import FOOTER_RIDS, footer_names, footer_xml
from speechgen.writers.docx.options import DocxOptions
from speechgen.writers.docx.settings import font_table_xml, settings_xml
from speechgen.writers.docx.styles import styles_xml
from speechgen.writers.docx.xml import XML_DECL, text

_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can carry; fixed for reproducibility

# word/ parts besides document.xml: name → (content type, relationship type)
_WORD_PARTS = {
    "styles.xml": (f"{_CT}.styles+xml", f"{_REL}/styles"),
    "settings.xml": (f"{_CT}.settings+xml", f"{_REL}/settings"),
    "fontTable.xml": (f"{_CT}.fontTable+xml", f"{_REL}/fontTable"),
}


@functools.cache
def fixed_parts(options: DocxOptions, landscape: bool = False) -> tuple[tuple[str, bytes], ...]:
    """Return (zip name, bytes) of every part that does not depend on the document, in zip order;
    ``landscape`` adds the turned page-number footers of landscape sections."""
    footers = footer_names(options, landscape)
    return (
        ("[Content_Types].xml", _content_types(footers)),
        ("_rels/.rels", _package_rels()),
        ("docProps/app.xml", _app_xml()),
        ("word/_rels/document.xml.rels", _document_rels(footers)),
        ("word/styles.xml", styles_xml(options)),
        ("word/settings.xml", settings_xml(options)),
        ("word/fontTable.xml", font_table_xml(options)),
        *((f"word/{name}", footer_xml(name, options)) for name in footers),
    )


@functools.cache
def fixed_entries(options: DocxOptions, landscape: bool = False) -> tuple[zipper.Entry, ...]:
    """Return the fixed parts deflated, once per process and options."""
    return tuple(zipper.deflated(name, data) for name, data in fixed_parts(options, landscape))


def assemble(options: DocxOptions, document_xml: bytes, core_xml: bytes, landscape: bool = False) -> bytes:
    """Return the .docx bytes: the fixed parts (deflated once), core.xml and document.xml."""
    return zipper.zip_bytes([*fixed_entries(options, landscape), zipper.deflated("docProps/core.xml", core_xml),
                             zipper.deflated("word/document.xml", document_xml)])


def zip_info(name: str) -> zipfile.ZipInfo:
    """Return the zip entry of a part: fixed timestamp, deflated, an ordinary file."""
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def core_xml(title: str, timestamp: dt.datetime | None = None) -> bytes:
    """Return docProps/core.xml with the document title and the creation time.

    The time is ``timestamp`` when given (a batch gives the 成文日期), else ``SOURCE_DATE_EPOCH``
    (seconds since 1970, UTC) when that variable is set, so builds are reproducible; otherwise
    the current time to the second.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if timestamp is not None:
        when = timestamp if timestamp.tzinfo else timestamp.replace(tzinfo=dt.UTC)
    elif epoch.isdigit():
        when = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    else:
        when = dt.datetime.now(dt.UTC).replace(microsecond=0)
    when = when.astimezone(dt.UTC)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"{XML_DECL}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{text(title)}</dc:title><dc:creator>speechgen</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def _content_types(footers: tuple[str, ...]) -> bytes:
    overrides = [("/word/document.xml", f"{_CT}.document.main+xml")]
    overrides += [(f"/word/{name}", ctype) for name, (ctype, _) in _WORD_PARTS.items()]
    overrides += [(f"/word/{name}", f"{_CT}.footer+xml") for name in footers]
    overrides += [
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ]
    body = "".join(f'<Override PartName="{part}" ContentType="{ctype}"/>' for part, ctype in overrides)
    return (
        f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{body}</Types>"
    ).encode()


def _relationships(rels: list[tuple[str, str, str]]) -> bytes:
    body = "".join(f'<Relationship Id="{rid}" Type="{rtype}" Target="{target}"/>'
                   for rid, rtype, target in rels)
    return f'{XML_DECL}<Relationships xmlns="{_PKG_REL}">{body}</Relationships>'.encode()


def _package_rels() -> bytes:
    return _relationships([
        ("rId1", f"{_REL}/officeDocument", "word/document.xml"),
        ("rId2", f"{_PKG_REL}/metadata/core-properties", "docProps/core.xml"),
        ("rId3", f"{_REL}/extended-properties", "docProps/app.xml"),
    ])


def _document_rels(footers: tuple[str, ...]) -> bytes:
    rels = [(f"rId{i}", rtype, name) for i, (name, (_, rtype)) in enumerate(_WORD_PARTS.items(), 1)]
    rels += [(FOOTER_RIDS[name], f"{_REL}/footer", name) for name in footers]
    return _relationships(rels)


def _app_xml() -> bytes:
    return (
        f"{XML_DECL}<Properties "
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>speechgen/{__version__}</Application><DocSecurity>0</DocSecurity>"
        "</Properties>"
    ).encode()
