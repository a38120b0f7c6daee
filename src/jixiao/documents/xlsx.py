"""Excel workbooks (.xlsx): every visible sheet, cell by cell, numbers as the sheet prints them.

The 绩效目标自评表 very often travels as a spreadsheet. Read-only mode streams the sheet XML (a large
workbook never sits in memory as cell objects); cached formula results are read (data_only), since the
printed value is what the report states.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException

from jixiao.documents.archive import check_archive, count_elements
from jixiao.documents.cellformat import render_cell
from jixiao.documents.document import Document, read_bytes
from jixiao.documents.grid import MAX_CELLS, SheetGrid
from jixiao.documents.layout import TextBuilder
from jixiao.documents.magic import damaged, describe, sniff
from jixiao.errors import InputError

MAX_UNZIPPED = 400 * 1024 * 1024  # a zip bomb (or a sheet of a million rows) is refused before parsing
_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_UNREADABLE = (zipfile.BadZipFile, zlib.error, KeyError, ValueError, TypeError, EOFError, ElementTree.ParseError,
               InvalidFileException)  # fmt: skip


def _merged_ranges(sheet: object) -> list[str]:
    """Merged ranges of a read-only sheet (read-only sheets do not expose them).

    The <mergeCell ref="A1:C1"/> elements follow the sheet data; scanning the XML bytes for them is
    ten times faster than parsing the sheet a second time.
    """
    found: list[str] = []
    tail = b""
    with sheet._get_source() as source:  # type: ignore[attr-defined]  # tested: merged cells test
        while chunk := source.read(1 << 20):
            data = tail + chunk
            found += [match.group(1).decode("ascii") for match in _MERGE_CELL.finditer(data)]
            cut = data.rfind(b"<")
            tail = data[cut:] if cut >= 0 and b">" not in data[cut:] else b""
    return found


def _check_unzipped_size(path: Path, data: bytes) -> None:
    """Sizes within the archive caps, and no more shared strings than a report has cells.

    openpyxl builds every shared string at once: 20 million one-letter strings (an 830 KB file) took
    minutes and 1+ GB before a single cell was read.
    """
    with check_archive(path, data, noun="workbook", max_total=MAX_UNZIPPED) as archive:
        names = {info.filename.lower(): info.filename for info in archive.infolist()}
        shared = names.get("xl/sharedstrings.xml")
        if shared is not None and (count := count_elements(archive, shared, b"si", limit=MAX_CELLS)) > MAX_CELLS:
            raise InputError(path, f"more shared strings than a report has cells (over {MAX_CELLS:,}; {count:,} seen)")


def _render(path: Path, data: bytes) -> tuple[TextBuilder, list[str]]:
    builder = TextBuilder()
    notes: list[str] = []
    budget = [MAX_CELLS]
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            if sheet.sheet_state != "visible":
                notes.append(f"hidden sheet '{sheet.title}' not read")
                continue
            grid = SheetGrid(path, budget)
            # ignore the declared used range: one stray cell at XFD1048576 would make openpyxl pad every row
            sheet.reset_dimensions()  # type: ignore[union-attr]
            for row in sheet.iter_rows():
                for cell in row:
                    if getattr(cell, "value", None) is not None:
                        text = render_cell(cell.value, cell.number_format)
                        grid.put(cell.row - 1, cell.column - 1, text.strip())  # type: ignore[operator]
            for ref in _merged_ranges(sheet):
                first_column, first_row, last_column, last_row = range_boundaries(ref)
                grid.merge(first_row - 1, first_column - 1, last_row - 1, last_column - 1)  # type: ignore[operator]
            builder.table(grid.rows(), name=f"sheet {sheet.title}")
    finally:
        workbook.close()
    return builder, notes


def load_xlsx(path: Path) -> Document:
    data, sha256 = read_bytes(path)
    if sniff(data) != "zip":
        raise InputError(path, f"not a readable .xlsx: the file is {describe(data)}")
    try:
        _check_unzipped_size(path, data)
        builder, notes = _render(path, data)
    except _UNREADABLE as error:
        raise InputError(path, damaged(".xlsx", error)) from error
    text, tables = builder.build()
    if not tables:
        raise InputError(path, "no filled cells in any visible sheet")
    return Document.from_text(text, path=str(path), format="xlsx", sha256=sha256, tables=tables, notes=notes)
