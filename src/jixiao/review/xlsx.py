"""The XLSX workbook finance staff open: one sheet per table, Chinese headers, ready for a pivot table.

Every sheet has a frozen header row, an autofilter over all its columns and widths that fit its content; the
last sheet lists the documents that were not read, with the reason. Written in openpyxl's write-only mode so
a batch of 10,000 reports streams to disk instead of building the whole workbook in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from jixiao.review.export_unread import Unread
from jixiao.review.spreadsheet import safe_cell
from jixiao.review.tables import TABLES, UNREAD_COLUMNS, UNREAD_TITLE, Cell, Column, Row
from jixiao.store import StoredFailure, StoredResult

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
_WIDE = {
    "file": 40,
    "title": 40,
    "name": 36,
    "deviation_reason": 40,
    "message_zh": 48,
    "message_en": 48,
    "figures": 48,
    "figure_paths": 30,
    "reason": 60,
    "fund": 24,
    "program": 28,
    "status": 10,
    "suspect": 16,
}
_MONEY_FORMAT = "#,##0.00"
_MAX_TEXT = 32_767  # Excel's cell limit; longer text is cut rather than corrupting the file


def _data_cell(sheet: Any, value: Cell) -> WriteOnlyCell:
    """A cell of report data: formula-like text neutralised, every string typed as a string.

    openpyxl stores a str starting with `=` as a formula and `#N/A` as an error value; a string cell is
    neither, whatever its text.
    """
    value = safe_cell(value)
    if isinstance(value, str) and len(value) > _MAX_TEXT:
        value = value[: _MAX_TEXT - 1] + "…"
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _sheet(workbook: Workbook, title: str, columns: Sequence[Column]) -> WriteOnlyWorksheet:
    """A sheet with its frozen, styled header row and column widths."""
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        width = _WIDE.get(column.key, 14 if column.number else max(12, len(column.header) * 2 + 2))
        sheet.column_dimensions[get_column_letter(index)].width = width
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    sheet.append(header)
    return sheet


def _append(sheet: WriteOnlyWorksheet, row: Row, money: set[int]) -> None:
    cells = []
    for index, value in enumerate(row):
        cell = _data_cell(sheet, value)
        if index in money and value is not None:
            cell.number_format = _MONEY_FORMAT
        cells.append(cell)
    sheet.append(cells)


def _filter(sheet: WriteOnlyWorksheet, columns: Sequence[Column], rows: int) -> None:
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{rows + 1}"


def write_xlsx(results: Iterable[StoredResult], target: Path, failures: Sequence[StoredFailure] = ()) -> dict[str, int]:
    """Write the workbook; return the number of data rows per table (`unread` for the documents not read)."""
    workbook = Workbook(write_only=True)
    sheets = {table.name: _sheet(workbook, table.title, table.columns) for table in TABLES}
    counts = {table.name: 0 for table in TABLES}
    money_columns = {
        table.name: {i for i, c in enumerate(table.columns) if c.number and "万元" in c.header} for table in TABLES
    }
    unread = Unread(failures)
    for result in unread.watch(results):
        for table in TABLES:
            for row in table.rows(result):
                _append(sheets[table.name], row, money_columns[table.name])
                counts[table.name] += 1
    for table in TABLES:
        _filter(sheets[table.name], table.columns, counts[table.name])
    unread_sheet = _sheet(workbook, UNREAD_TITLE, UNREAD_COLUMNS)
    for row in unread.rows:
        _append(unread_sheet, row, set())
    _filter(unread_sheet, UNREAD_COLUMNS, len(unread.rows))
    counts["unread"] = len(unread.rows)
    workbook.save(target)
    return counts
