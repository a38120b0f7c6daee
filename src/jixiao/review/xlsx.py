"""The XLSX workbook finance staff open: one sheet per table, Chinese headers, frozen header row.

Written in openpyxl's write-only mode so a batch of 10,000 reports streams to disk instead of
building the whole workbook in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from jixiao.review.spreadsheet import safe_cell
from jixiao.review.tables import TABLES, Cell
from jixiao.store import StoredResult

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
_WIDE = {"file": 40, "title": 40, "name": 36, "deviation_reason": 40, "message_zh": 48, "message_en": 48}
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


def write_xlsx(results: Iterable[StoredResult], target: Path) -> dict[str, int]:
    """Write the workbook; return the number of data rows per table."""
    workbook = Workbook(write_only=True)
    sheets = {}
    counts = {table.name: 0 for table in TABLES}
    for table in TABLES:
        sheet = workbook.create_sheet(table.title)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = _WIDE.get(column.key, 14)
        header = []
        for column in table.columns:
            cell = WriteOnlyCell(sheet, value=column.header)
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(vertical="center")
            header.append(cell)
        sheet.append(header)
        sheets[table.name] = sheet
    money_columns = {
        table.name: {i for i, c in enumerate(table.columns) if c.number and "万元" in c.header} for table in TABLES
    }
    for result in results:
        for table in TABLES:
            sheet = sheets[table.name]
            for row in table.rows(result):
                cells = []
                for index, value in enumerate(row):
                    cell = _data_cell(sheet, value)
                    if index in money_columns[table.name] and value is not None:
                        cell.number_format = _MONEY_FORMAT
                    cells.append(cell)
                sheet.append(cells)
                counts[table.name] += 1
    workbook.save(target)
    return counts
