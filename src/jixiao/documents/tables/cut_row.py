"""The last row of a table the document ends inside: what its printed cells are.

A row the text stops in prints its first cells and then nothing: the columns it lacks are the ones after the
cut, not cells the dump dropped. The aligner, which reads a lacking column as a skipped one, may put the last
printed value one column too far (`| ≥ | 4 | 次 | 5` and the cut: the 5 read as 权重 with 完成值 left empty);
in a pipe dump, which prints an empty cell as `| |`, nothing was skipped there, so the value goes back to the
first value column after the cell before it.

A document may also end on a table's header, nothing after it but the rest of the header's pipe line (short
cells no column word names: `| 原因 |`): the table was cut before its first row.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.header_run import VALUE_COLUMNS
from jixiao.documents.tables.shapes import Piece, Shape
from jixiao.documents.tables.table import Role, Row

_BLANK = (Shape.EMPTY, Shape.DASH)


def refill_cut_row(row: Row, columns: list[Role], body: list[Piece]) -> None:
    """Move the cut row's last value back over value columns it skipped where no blank cell was printed."""
    if not row.cells:
        return
    last = max(row.cells, key=lambda role: row.cells[role].start)
    if last not in VALUE_COLUMNS or last not in columns:
        return
    cell = row.cells[last]
    before = [role for role in row.cells if role is not last and row.cells[role].start < cell.start]
    previous = max(before, key=lambda role: row.cells[role].start, default=None)
    if previous is None or previous not in columns:
        return
    skipped = [role for role in columns[columns.index(previous) + 1 : columns.index(last)] if role in VALUE_COLUMNS]
    after = row.cells[previous].end
    if not skipped or any(p.shape in _BLANK and after <= p.cell.start < cell.start for p in body):
        return
    del row.cells[last]
    row.cells[skipped[0]] = cell


_TEXT_CHAR = re.compile(r"[^\s|│┃]")
_HEADER_TAIL_CELL = 8  # chars: `原因`, `备注` — a column word, never a row's text


def ends_on_header(text: str, end: int) -> bool:
    """Nothing after a header that ends at `end` but blanks, bars, or the rest of its pipe line."""
    if not _TEXT_CHAR.search(text, end):
        return True
    rest = text[end:].strip()
    if "\n" in rest or not rest.startswith("|"):
        return False
    cells = [cell.strip() for cell in rest.split("|")]
    return all(len(cell) <= _HEADER_TAIL_CELL and not any(char.isdigit() for char in cell) for cell in cells)
