"""Legacy Excel workbooks (.xls, BIFF): read with xlrd, rendered exactly like .xlsx sheets.

Older 自评表 (before about 2015) are often .xls. xlrd is small and pure Python; formatting info is read
so that numbers print through their own format (95%, 820.00) and merged cells resolve as in .xlsx.
"""

from __future__ import annotations

from pathlib import Path
from struct import error as struct_error  # xlrd raises it on truncated records
from typing import Any

from jixiao.documents.cellformat import render_cell
from jixiao.documents.document import Document, read_bytes
from jixiao.documents.grid import MAX_CELLS, SheetGrid
from jixiao.documents.layout import TextBuilder
from jixiao.documents.magic import damaged, describe, sniff
from jixiao.errors import InputError

try:
    import xlrd
except ImportError:  # pragma: no cover - xlrd is a dependency; this guards a trimmed install
    xlrd = None

_NOT_INSTALLED = "reading .xls needs the xlrd package (pip install xlrd), or save the file as .xlsx in Excel/WPS"


def _cell_text(book: Any, sheet: Any, row: int, column: int) -> str:
    cell = sheet.cell(row, column)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERR")
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return render_cell(bool(cell.value), None)
    number_format = book.format_map[book.xf_list[sheet.cell_xf_index(row, column)].format_key].format_str
    if cell.ctype == xlrd.XL_CELL_DATE:
        return render_cell(xlrd.xldate_as_datetime(cell.value, book.datemode), number_format)
    return render_cell(cell.value, number_format).strip()


def _render(path: Path, data: bytes) -> tuple[TextBuilder, list[str]]:
    builder = TextBuilder()
    notes: list[str] = []
    budget = [MAX_CELLS]
    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, logfile=_Silent())
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.visibility != 0:
                notes.append(f"hidden sheet '{sheet.name}' not read")
                continue
            grid = SheetGrid(path, budget)
            for row in range(sheet.nrows):
                for column in range(sheet.ncols):
                    grid.put(row, column, _cell_text(book, sheet, row, column))
            for first_row, end_row, first_column, end_column in sheet.merged_cells:
                grid.merge(first_row, first_column, end_row - 1, end_column - 1)
            builder.table(grid.rows(), name=f"sheet {sheet.name}")
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return builder, notes


class _Silent:
    """xlrd writes warnings to a log file object; a batch run keeps its output clean."""

    def write(self, text: str) -> int:
        return len(text)


def load_xls(path: Path) -> Document:
    data, sha256 = read_bytes(path)
    if sniff(data) != "ole":
        raise InputError(path, f"not a readable .xls: the file is {describe(data)}")
    if xlrd is None:
        raise InputError(path, _NOT_INSTALLED)
    try:
        builder, notes = _render(path, data)
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, AssertionError, IndexError, KeyError, ValueError,
            struct_error) as error:  # fmt: skip
        raise InputError(path, damaged(".xls", error)) from error
    text, tables = builder.build()
    if not tables:
        raise InputError(path, "no filled cells in any visible sheet")
    return Document.from_text(text, path=str(path), format="xls", sha256=sha256, tables=tables, notes=notes)
