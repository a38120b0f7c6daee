"""A table printed a space between cells and a row per line, every cell there: read by position.

A page that prints a whole 自评表 with spaces (`产出指标 数量指标 助餐服务人次 ≥5万人次 年度计划 4.8万人次 20 …`)
under a header of as many words keeps each cell in its column, even where the form adds columns whose
values look alike (上年完成值 before 指标实际完成值, 完成率 after it), which the aligner, weighing each cell's
shape, may shift by one. When every line of the body holds exactly one cell per column (or lacks only leading
level cells, which a merged cell printed on an earlier line), the cells are placed by position; any other
line leaves the table to the aligner.
"""

from __future__ import annotations

from jixiao.documents.tables.shapes import Piece, Shape
from jixiao.documents.tables.table import Role, Row

_LEVELS = (Role.LEVEL1, Role.LEVEL2)
_MIN_LINES = 2


def _lines(text: str, body: list[Piece]) -> list[list[Piece]]:
    """The body's pieces grouped by the line they stand on."""
    groups: list[list[Piece]] = []
    line_end = -1
    for piece in body:
        if piece.shape is Shape.EMPTY:
            continue
        if piece.cell.start > line_end:
            groups.append([])
            found = text.find("\n", piece.cell.start)
            line_end = len(text) if found < 0 else found
        groups[-1].append(piece)
    return groups


def _row(columns: list[Role], pieces: list[Piece]) -> Row | None:
    missing = len(columns) - len(pieces)
    if missing < 0 or any(role not in _LEVELS for role in columns[:missing]):
        return None
    cells = {role: piece.cell for role, piece in zip(columns[missing:], pieces, strict=True)}
    return Row(cells=cells, start=pieces[0].cell.start, end=pieces[-1].cell.end)


def spaced_rows(text: str, body: list[Piece], columns: list[Role]) -> list[Row] | None:
    """The rows by position, or None when a line of the body does not hold its row's cells alone."""
    if any(piece.cut != "space" for piece in body if piece.shape is not Shape.EMPTY):
        return None
    lines = _lines(text, body)
    if len(lines) < _MIN_LINES or not any(len(line) == len(columns) for line in lines):
        return None
    rows = [_row(columns, line) for line in lines]
    return None if any(row is None for row in rows) else [row for row in rows if row is not None]
