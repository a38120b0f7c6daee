"""T3 read column by column: a spreadsheet squashed with its columns one after another.

`年度资金总额 其中:中央财政资金 自治区财政资金 全年预算数(A) 820.00 500.00 320.00 全年执行数(B) 790.52 …`:
the row labels come first, then each header followed by its column's values. Taken only when at least two
value columns each carry exactly one value per label, so a sentence never passes for one.
"""

from __future__ import annotations

from jixiao.documents.tables.shapes import Piece, Shape
from jixiao.documents.tables.table import FUNDING_ROLES, Kind, Role, Row, Table

_VALUE_COLUMNS = FUNDING_ROLES | {Role.WEIGHT, Role.SCORE}
_VALUES = (Shape.NUMBER, Shape.FIGURE, Shape.DASH)
_MIN_COLUMNS = 2
_MIN_ROWS = 2


def _columns(found: list[Piece], start: int) -> list[tuple[Role, list[Piece]]]:
    columns: list[tuple[Role, list[Piece]]] = []
    position = start
    while position < len(found):
        piece = found[position]
        if piece.shape is Shape.EMPTY:
            position += 1
            continue
        if piece.shape is not Shape.HEADER or piece.role not in _VALUE_COLUMNS or piece.role is None:
            break
        values: list[Piece] = []
        position += 1
        while position < len(found) and found[position].shape in _VALUES:
            values.append(found[position])
            position += 1
        columns.append((piece.role, values))
    return columns


def column_major_table(text: str, found: list[Piece]) -> Table | None:
    for index, piece in enumerate(found):
        if piece.shape is not Shape.HEADER or piece.role not in _VALUE_COLUMNS:
            continue
        columns = _columns(found, index)
        count = len(columns[0][1]) if columns else 0
        if len(columns) < _MIN_COLUMNS or count < _MIN_ROWS or any(len(values) != count for _, values in columns):
            continue
        labels = [p for p in found[:index] if p.shape in (Shape.FUND_LABEL, Shape.TEXT)][-count:]
        if len(labels) < count or any(p.shape is not Shape.FUND_LABEL for p in labels):
            continue
        rows = []
        for row_index, label in enumerate(labels):
            row = Row(cells={Role.LABEL: label.cell}, start=label.cell.start, end=label.cell.end)
            for role, values in columns:
                if values[row_index].shape is not Shape.DASH:
                    row.cells[role] = values[row_index].cell
            rows.append(row)
        last = columns[-1][1][-1].cell.end
        roles = [Role.LABEL, *(role for role, _ in columns)]
        return Table(
            kind=Kind.FUNDING, layout="t3.columns", columns=roles, rows=rows, start=labels[0].cell.start, end=last
        )
    return None
