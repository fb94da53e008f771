"""What each upload slot accepts, and the checks an upload passes before any reader sees it:
extension, size, and for .xlsx/.docx the zip structure and its total uncompressed size."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from speechgen.api import InputFile
from speechgen.errors import InputError, Problem

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls/.doc, and an .xlsx/.docx under a password
_MAX_ZIP_ENTRIES = 5000


class WrongType(InputError):
    """An upload whose extension the slot does not take."""


@dataclass(frozen=True)
class Slot:
    """One kind of file the page takes: its name in messages, the extensions it accepts, and
    the zip parts a file of each zip-based extension must hold."""

    name: str
    label: str
    suffixes: tuple[str, ...]
    hint: str
    zip_parts: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def parts_for(self, suffix: str) -> tuple[str, ...] | None:
        """Return the parts a zip of this suffix must contain (None: not a zip format)."""
        return dict(self.zip_parts).get(suffix)


WORKBOOK_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
WORD_PARTS = ("[Content_Types].xml", "word/document.xml")

# The upload slots of the page: a new one is one entry here and one <input> in the page; the
# content checks of a zip-based format come from zip_parts.
SLOTS: dict[str, Slot] = {
    "ledger": Slot("ledger", "项目台账", (".xlsx", ".csv", ".tsv"),
                   "请上传 Excel 台账（.xlsx）或逗号分隔的 .csv；旧版 .xls 请在 Excel 或 WPS 中“另存为”.xlsx",
                   zip_parts=((".xlsx", WORKBOOK_PARTS),)),
    "previous": Slot("previous", "上月台账", (".xlsx", ".csv", ".tsv"),
                     "请上传上一期（如上月）的台账，格式同本期台账：.xlsx 或 .csv",
                     zip_parts=((".xlsx", WORKBOOK_PARTS),)),
    "meeting": Slot("meeting", "会议信息文件", (".yaml", ".yml", ".json"),
                    "请上传 meeting.yaml（可用 speechgen init 生成），或在下方表单中填写会议信息"),
    "template": Slot("template", "文稿模板", (".j2", ".md"),
                     "请上传 Jinja2 模板（如“我的讲话稿.md.j2”，写法见 docs/templates.md）"),
    "docx_template": Slot("docx_template", "Word 模板", (".docx",),
                          "请上传本单位的红头 Word 模板（.docx；.doc、.wps 请先“另存为”.docx，"
                          "写法见 docs/docx-templates.md）",
                          zip_parts=((".docx", WORD_PARTS),)),
}


def check_upload(slot: Slot, name: str, data: bytes, max_unzipped: int) -> InputFile:
    """Return the upload as an InputFile after its checks; InputError in Chinese naming the file
    when its type is not the slot's, it is empty, or its content is not what its extension says."""
    file = InputFile(name or "未命名文件", data)
    suffix = PurePosixPath(file.name).suffix.lower()
    if suffix not in slot.suffixes:
        shown = suffix or "（无扩展名）"
        raise WrongType(Problem(f"{slot.label}不能是 {shown} 文件", file=file.name,
                                 hint=f"可用的格式：{'、'.join(slot.suffixes)}；{slot.hint}"))
    if not data.strip():
        raise InputError(Problem(f"{slot.label}是空的", file=file.name, hint="请确认选对了文件，并已保存内容"))
    parts = slot.parts_for(suffix)
    if parts is not None:
        check_zip(file, parts, max_unzipped)
    elif b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(Problem(f"{slot.label}应是文本文件，这个文件却是二进制内容", file=file.name,
                                 hint=slot.hint))
    return file


def check_zip(file: InputFile, parts: tuple[str, ...], max_unzipped: int) -> None:
    """Raise InputError unless the file is a zip holding ``parts`` whose entries unpack to at most
    ``max_unzipped`` bytes in all (sizes as the zip's directory declares them; the readers check
    them again as they unpack)."""
    office = "Excel 工作簿" if "xl/workbook.xml" in parts else "Word 文档"
    resave = f"请在 Excel 或 WPS 中打开后重新保存为 {PurePosixPath(file.name).suffix.lower()}"
    if file.data.startswith(_OLE_MAGIC):
        raise InputError(Problem("这个文件是旧版 Office 格式或设置了打开密码", file=file.name,
                                 hint=f"请去掉密码，{resave}"))
    try:
        with zipfile.ZipFile(io.BytesIO(file.data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(Problem(f"文件已损坏或不是{office}（不是有效的 zip 压缩包）", file=file.name,
                                 hint=resave)) from None
    if len(entries) > _MAX_ZIP_ENTRIES:
        raise InputError(Problem(f"压缩包中有 {len(entries)} 个文件，超过 {_MAX_ZIP_ENTRIES} 个的上限",
                                 file=file.name, hint=resave))
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > max_unzipped:
        raise InputError(Problem(f"解压后达 {unpacked // (1024 * 1024)} MB，超过 {max_unzipped // (1024 * 1024)} MB"
                                 "的上限（可能是“压缩炸弹”）", file=file.name,
                                 hint="请上传正常的台账文件；表格确实很大时，可删去无关的工作表后再试"))
    names = {entry.filename for entry in entries}
    missing = [part for part in parts if part not in names]
    if missing:
        raise InputError(Problem(f"文件不是完整的{office}（缺少 {'、'.join(missing)}）", file=file.name,
                                 hint=resave))
