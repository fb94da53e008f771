"""Formula cells saved without a computed value, found in the .xlsx package itself.

Excel and WPS store each formula's last result next to it, and ``data_only=True`` reads that.
Workbooks written by other programs (scripts, some export tools) often store the formula only,
so the cell reads as empty. The ledger reader uses this module to say so, instead of reporting
a puzzling "计划投资为空" for a cell the user sees filled in.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from xml.etree import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def uncached_formulas(data: bytes) -> dict[str, frozenset[tuple[int, int]]]:
    """Return sheet title → {(row, 0-based column)} of formula cells that have no saved value.

    Sheets without such cells are left out; an unreadable package gives {} (openpyxl has
    already read it, so this only loses the better message).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            result = {}
            for title, part in _sheet_parts(archive).items():
                xml = archive.read(part)
                cells = frozenset(_empty_formula_cells(xml)) if b"<f" in xml else frozenset()
                if cells:
                    result[title] = cells
            return result
    except (KeyError, ValueError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Return sheet title → its part name in the package ("xl/worksheets/sheet1.xml")."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PKG_REL}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_REL_ID), "")
        if target:
            parts[sheet.get("name", "")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
    return parts


def _empty_formula_cells(xml: bytes) -> list[tuple[int, int]]:
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    found = []
    for _, cell in ElementTree.iterparse(io.BytesIO(xml)):
        if cell.tag != f"{_MAIN}c":
            continue
        formula, value = cell.find(f"{_MAIN}f"), cell.find(f"{_MAIN}v")
        # A text formula whose result is "" is saved as t="str" with an empty <v>: that is a value.
        missing = value is None or (not (value.text or "").strip() and cell.get("t") != "str")
        if formula is not None and missing and cell.get("r"):
            letters, row = coordinate_from_string(cell.get("r"))
            found.append((row, column_index_from_string(letters) - 1))
        cell.clear()
    return found
