"""A spreadsheet sheet as a sparse grid, merged cells resolved the way the Word loader resolves them.

Both spreadsheet loaders (.xlsx, .xls) fill a `SheetGrid` and hand its rows to the text builder. A merged
range prints once per row (one cell for a horizontal merge, as python-docx gives Word tables) and repeats
down the rows of a vertical merge (so 一级指标 cells written once stand beside every row they cover).
Columns empty in every row are dropped; each cell keeps its real sheet column.
"""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.errors import InputError

MAX_CELLS = 300_000  # filled cells in one workbook; a 自评表 has a few hundred


class SheetGrid:
    def __init__(self, path: object, budget: list[int]) -> None:
        self._path = path
        self._budget = budget  # shared across the sheets of a workbook: [cells left]
        self.cells: dict[tuple[int, int], str] = {}
        self._covered: set[tuple[int, int]] = set()

    def put(self, row: int, column: int, text: str) -> None:
        if not text:
            return
        self._budget[0] -= 1
        if self._budget[0] < 0:
            raise InputError(self._path, f"too many filled cells (more than {MAX_CELLS:,}); not a single report")
        self.cells[row, column] = text

    def merge(self, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        """Resolve one merged range (0-based, inclusive): repeat its text down, cover its other columns."""
        if (last_row - first_row + 1) * (last_column - first_column + 1) > MAX_CELLS:
            raise InputError(self._path, "a merged range larger than any report table")
        text = self.cells.get((first_row, first_column), "")
        for row in range(first_row, last_row + 1):
            if row > first_row and text:
                self.cells[row, first_column] = text
            for column in range(first_column + 1, last_column + 1):
                self._covered.add((row, column))
                self.cells.pop((row, column), None)

    def rows(self) -> Iterator[list[tuple[int, str]]]:
        columns = sorted({column for _, column in self.cells})
        for row in sorted({row for row, _ in self.cells}):
            yield [
                (column, self.cells.get((row, column), "")) for column in columns if (row, column) not in self._covered
            ]
