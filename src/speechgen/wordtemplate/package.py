"""The .docx archive of a user's Word template, refused unless it is a plain Word document.

Everything here runs before docxtpl or python-docx ever see the bytes: the magic bytes, the zip's
directory (entry count, total uncompressed size — a zip bomb is refused by what the directory
declares, which zipfile never lets an entry exceed), the main part's content type (.docm, .dotx,
.dotm refused), macros and ActiveX controls, XML with DTDs (entity expansion), external links that
LibreOffice would fetch (linked pictures, frames, INCLUDETEXT/INCLUDEPICTURE/DDE fields).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from lxml import etree

from speechgen.errors import InputError, Problem

MAX_TEMPLATE_BYTES = 20_000_000  # the .docx file; an office's 红头 template is tens of KB to a few MB
MAX_UNCOMPRESSED_BYTES = 100_000_000  # all entries together, as the zip directory declares them
MAX_ENTRIES = 2_000
MAX_XML_PART_BYTES = 5_000_000  # one part that is filled (document.xml, a header …)

DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAIN_TYPES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": "启用宏的 Word 文档（.docm）",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "Word 模板文件（.dotx）",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "启用宏的 Word 模板（.dotm）",
}
_SAVE_AS = "请在 Word 或 WPS 中打开它，“另存为” Word 文档（*.docx）后再用"
_MACRO_PART = re.compile(r"(vbaProject\.bin|vbaData\.xml|activeX\d*\.(xml|bin))$", re.IGNORECASE)
# Relationships that may point outside the file: a hyperlink is only a link, the attached template
# is a name Word remembers; anything else (a linked picture, a frame, a sub-document) is fetched.
_HARMLESS_EXTERNAL = ("/hyperlink", "/attachedTemplate")
_FETCHING_FIELD = re.compile(rb'(?:<w:instrText[^>]*>|w:instr=")\s*'
                             rb"(INCLUDETEXT|INCLUDEPICTURE|LINK|DDE|DDEAUTO|IMPORT)\b", re.IGNORECASE)
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class WordPackage:
    """The checked entries of a .docx, in archive order; ``main`` is the main part's name."""

    entries: tuple[tuple[zipfile.ZipInfo, bytes], ...]
    main: str

    def part(self, name: str) -> bytes:
        """Return the bytes of the entry ``name`` (KeyError when absent)."""
        for info, data in self.entries:
            if info.filename == name:
                return data
        raise KeyError(name)


def _refuse(name: str, message: str, hint: str = _SAVE_AS) -> InputError:
    return InputError(Problem(message, file=name, hint=hint))


def _not_a_zip(data: bytes, name: str) -> InputError:
    if not data:
        return _refuse(name, "文件是空的", "请选择要用作模板的 Word 文档（.docx）")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return _refuse(name, "这是旧版 Word 97-2003 文档（.doc）或加了密码的文档，不是 .docx",
                       f"{_SAVE_AS}；模板不能设打开密码")
    if data.startswith(b"{\\rtf"):
        return _refuse(name, "这是 RTF 文档，不是 .docx")
    if data.startswith(b"%PDF"):
        return _refuse(name, "这是 PDF 文件，不是 Word 模板", "请用 Word 文档（.docx）作模板")
    return _refuse(name, "不是 Word 文档（.docx）：文件开头不是 zip 格式的标志", "请确认选的是 .docx 文件")


def open_package(data: bytes, name: str) -> WordPackage:
    """Return the checked entries of the .docx ``data`` (``name`` is the file's name for messages).

    Raises InputError (Chinese, with the fix) for anything that is not a plain Word document.
    """
    if len(data) > MAX_TEMPLATE_BYTES:
        raise _refuse(name, f"模板文件过大（{len(data):,} 字节，上限 {MAX_TEMPLATE_BYTES:,}）",
                      "请压缩模板中的图片，或删去不需要的内容")
    if not data.startswith(b"PK\x03\x04"):
        raise _not_a_zip(data, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = _checked_directory(archive.infolist(), name)
        entries = tuple((info, archive.read(info)) for info in infos)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError):
        raise _refuse(name, "文件已损坏，无法作为 .docx 打开", "请在 Word 中打开并重新保存") from None
    package = WordPackage(entries, _main_part(entries, name))
    _check_contents(package, name)
    return package


def _checked_directory(infos: list[zipfile.ZipInfo], name: str) -> list[zipfile.ZipInfo]:
    """Return the directory's entries after the checks that need no decompression."""
    if len(infos) > MAX_ENTRIES:
        raise _refuse(name, f"文件中的条目过多（{len(infos):,} 个，上限 {MAX_ENTRIES:,}），不像是一份公文模板")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _refuse(name, f"文件解压后过大（{total:,} 字节，上限 {MAX_UNCOMPRESSED_BYTES:,}），可能是“压缩炸弹”",
                      "请用在 Word 中正常保存的 .docx")
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise _refuse(name, "文件中有重名的条目，已损坏或被改动过")
    if any(info.flag_bits & 0x1 for info in infos):
        raise _refuse(name, "文件加了密码", "模板不能设打开密码；请在 Word 中取消密码后另存")
    macros = [n for n in names if _MACRO_PART.search(n)]
    if macros:
        raise _refuse(name, f"文件含有宏或 ActiveX 控件（{PurePosixPath(macros[0]).name}），出于安全考虑不能用作模板",
                      "请另存为不含宏的 Word 文档（*.docx）")
    return infos


def _refuse_dtd(data: bytes, what: str, name: str) -> None:
    """Refuse a part with a DTD: entity expansion ("billion laughs"); Word never writes one."""
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise _refuse(name, f"{what} 中含有 DTD 声明，Word 不会写出这样的文件，不能用作模板")


def parse_xml(data: bytes, what: str, name: str) -> etree._Element:
    """Return the parsed XML of a part; a DTD (entity expansion) or bad XML is refused."""
    _refuse_dtd(data, what, name)
    try:
        return etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError as error:
        raise _refuse(name, f"{what} 不是有效的 XML（{error.msg}）", "请在 Word 中打开并重新保存") from None


def _main_part(entries: tuple[tuple[zipfile.ZipInfo, bytes], ...], name: str) -> str:
    """Return the name of the main document part, refusing .docm/.dotx/.dotm by content type."""
    found = {info.filename: data for info, data in entries}
    if "[Content_Types].xml" not in found or "_rels/.rels" not in found:
        raise _refuse(name, "不是 Word 文档（.docx）：缺少 [Content_Types].xml 或 _rels/.rels")
    rels = parse_xml(found["_rels/.rels"], "_rels/.rels", name)
    target = next((rel.get("Target", "") for rel in rels.iter(f"{_REL_NS}Relationship")
                   if rel.get("Type") == _OFFICE_DOCUMENT), "")
    main = target.lstrip("/")
    types = parse_xml(found["[Content_Types].xml"], "[Content_Types].xml", name)
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in types.iter(f"{_CT_NS}Override")}
    kind = overrides.get(main, "")
    if kind in _MAIN_TYPES:
        raise _refuse(name, f"这是{_MAIN_TYPES[kind]}，不是 Word 文档（.docx）",
                      "请另存为 Word 文档（*.docx）；出于安全考虑，不接受含宏的文件")
    if kind != DOCUMENT_TYPE or main not in found:
        raise _refuse(name, "不是 Word 文档（.docx）：找不到文档正文（word/document.xml）")
    if any("macroEnabled" in value or "vbaProject" in value for value in overrides.values()):
        raise _refuse(name, "文件含有宏，出于安全考虑不能用作模板", "请另存为不含宏的 Word 文档（*.docx）")
    return main


def _check_contents(package: WordPackage, name: str) -> None:
    """Refuse DTDs in any XML part, external links that would be fetched, fetching fields."""
    for info, data in package.entries:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        _refuse_dtd(data, info.filename, name)
        if info.filename.endswith(".rels") and b"External" in data:
            _check_external(parse_xml(data, info.filename, name), name)
        field = _FETCHING_FIELD.search(data)
        if field:
            raise _refuse(name, f"模板中有 {field.group(1).decode().upper()} 域，会在转换时读取其他文件或程序",
                          "请删去该域（Word 中按 Alt+F9 可显示域代码），图片请直接插入文件中")


def _check_external(rels: etree._Element, name: str) -> None:
    for rel in rels.iter(f"{_REL_NS}Relationship"):
        if rel.get("TargetMode") == "External" and not rel.get("Type", "").endswith(_HARMLESS_EXTERNAL):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            raise _refuse(name, f"模板中有指向外部文件或网址的链接（{kind}：{rel.get('Target', '')[:80]}），"
                                "转换时会去读取它", "请把链接的图片或文件直接插入到文档中（不勾选“链接到文件”）")
