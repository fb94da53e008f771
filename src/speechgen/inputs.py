"""InputFile: a user's file as a value — its bytes and the name every message calls it by."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath, PureWindowsPath


@dataclass(frozen=True)
class InputFile:
    """A file the user gave (an upload, a file read from disk, a text typed into a form).

    ``name`` is a file name such as "台账.xlsx": its extension says the format, and every problem
    found in the file names it (``Problem.file``). A folder part is dropped ("C:\\上传\\台账.xlsx"
    and "uploads/台账.xlsx" are both "台账.xlsx"), so that a name never says where anything lives
    and messages read the same whoever supplied the bytes. Nothing here touches the disk.
    """

    name: str
    data: bytes = field(repr=False)
    sheet: str | None = None  # a workbook's worksheet to read (--sheet); None: the reader chooses

    def __post_init__(self) -> None:
        if not isinstance(self.data, bytes):
            raise TypeError(f"InputFile.data must be bytes, not {type(self.data).__name__}; "
                            "use InputFile.from_text for text")
        object.__setattr__(self, "name", file_name(self.name))

    @classmethod
    def from_text(cls, name: str, text: str) -> InputFile:
        """Return the file holding ``text`` (a form field, a template typed in a page) as UTF-8."""
        return cls(name, text.encode("utf-8"))

    @property
    def suffix(self) -> str:
        """Return the extension in lower case (".xlsx"), or "" when the name has none."""
        return PurePosixPath(self.name).suffix.lower()

    def __repr__(self) -> str:
        return f"InputFile({self.name!r}, {len(self.data):,} bytes)"


def file_name(name: str) -> str:
    """Return the last part of a path written with / or \\ ("a/b\\台账.xlsx" → "台账.xlsx")."""
    return PureWindowsPath(str(name).replace("/", "\\")).name
