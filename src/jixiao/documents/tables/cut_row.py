"""The last row of a table the document ends inside: what its printed cells are.

A row the text stops in prints its first cells and then nothing: the columns it lacks are the ones after the
cut, not cells the dump dropped. The aligner, which reads a lacking column as a skipped one, may put the last
printed values one column too far (`| ≥ | 4 | 次 | 5` and the cut: the 5 read as 权重 with 完成值 left empty;
`| % | 95 | 10.00 |`: 95 as 分值, 10.00 as 得分); in a pipe dump, which prints an empty cell as `| |`, nothing
was skipped there, so the values go back to the first value columns after the cell before them.

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
    """Move the cut row's last values back over value columns they skipped where no blank cell was printed
    (`| % | 95 | 10.00 |` and the end: 完成值 95 and 分值 10.00, not 分值 95 and 得分 10.00)."""
    if not row.cells:
        return
    ordered = sorted(row.cells, key=lambda role: row.cells[role].start)
    run = len(ordered)
    while run and ordered[run - 1] in VALUE_COLUMNS and ordered[run - 1] in columns:
        run -= 1
    values, before = ordered[run:], ordered[:run]
    if not values or not before or before[-1] not in columns:
        return
    previous = before[-1]
    free = [role for role in columns[columns.index(previous) + 1 :] if role in VALUE_COLUMNS]
    wanted = free[: len(values)]
    after, last = row.cells[previous].end, row.cells[values[-1]].start
    if (
        len(wanted) < len(values)
        or wanted == values
        or any(p.shape in _BLANK and after <= p.cell.start < last for p in body)
    ):
        return
    cells = [row.cells.pop(role) for role in values]
    row.cells.update(zip(wanted, cells, strict=True))


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
