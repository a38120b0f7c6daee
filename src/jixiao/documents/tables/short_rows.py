"""A row that prints one value fewer than the form's value columns, its 得分 left empty by the reading.

A pipe dump of a table with merged cells left-aligns each row's cells and pads the row with empty ones
(`配套电力设施… | 3 | 9.3 | 9.3 | ||||||`): the empty cells say nothing about where a value stood, so the
aligner fills 年度指标值 | 实际完成值 | 分值 and gives the padding to 得分. In a table whose other rows all
print their 得分, a row scored by every other row's pattern prints its last two numbers as 分值 and 得分;
the one value before them is the target or the actual, which the row does not tell, so it is not read.
"""

from __future__ import annotations

from jixiao.documents.tables.table import Cell, Role, Row

_TARGET, _ACTUAL, _WEIGHT, _SCORE = Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE
_ORDER = (_TARGET, _ACTUAL, _WEIGHT, _SCORE)
_MIN_SCORED = 2  # other rows that print a 得分: the table scores its rows


def _points(cell: Cell) -> float | None:
    try:
        value = float(cell.text)
    except ValueError:
        return None
    return value if 0 <= value <= 100 else None


def _shifted(row: Row, most: float) -> bool:
    """The row fills target, actual and 分值 but no 得分, and its actual and 分值 read as 分值 and 得分 (a
    分值 no larger than the other rows' largest, a 得分 no larger than it)."""
    if _SCORE in row.cells or not all(role in row.cells for role in (_TARGET, _ACTUAL, _WEIGHT)):
        return False
    weight, score = _points(row.cells[_ACTUAL]), _points(row.cells[_WEIGHT])
    return weight is not None and score is not None and score <= weight <= most


def shift_short_rows(rows: list[Row], columns: list[Role]) -> list[tuple[int, int]]:
    """Re-read short rows (see the module docstring); the spans of the values left unread."""
    if [role for role in columns if role in _ORDER] != list(_ORDER):
        return []
    weights = [_points(row.cells[_WEIGHT]) for row in rows if _SCORE in row.cells and _WEIGHT in row.cells]
    known = [weight for weight in weights if weight is not None]
    if len(known) < _MIN_SCORED:
        return []
    dropped: list[tuple[int, int]] = []
    for row in rows:
        if not _shifted(row, max(known)):
            continue
        value = row.cells.pop(_TARGET)
        dropped.append((value.start, value.end))
        row.cells[_WEIGHT], row.cells[_SCORE] = row.cells.pop(_ACTUAL), row.cells[_WEIGHT]
    return dropped
