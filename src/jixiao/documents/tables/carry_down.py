"""Carrying a table's 一级/二级 cells down to the rows a row-span left without them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from jixiao.documents.tables.headers import compact
from jixiao.documents.tables.table import Cell, Kind, Role, Row, Table

_BLOCK_POINTS = re.compile(r"[（(]?(\d+(?:\.\d+)?)分?[)）]$")
# An enum member read through its class calls the enum metaclass's attribute hook on Python 3.11 (~1,000
# instructions): the walk over every row reads these instead.
_LABEL, _LEVEL1, _LEVEL2, _NAME = Role.LABEL, Role.LEVEL1, Role.LEVEL2, Role.NAME
_PRINTED = re.compile(r"[^\s|]")  # anything between two tables but blanks and bars


def _points(cell: Cell | None) -> float | None:
    match = _BLOCK_POINTS.search(compact(cell.text)) if cell is not None else None
    return float(match[1]) if match else None


def _demote(row: Row, above: dict[Role, Cell]) -> None:
    """A scoring sheet's block cell under 一级 that carries fewer points than the 一级 block above it is a
    二级 block (`规划 (15分)` then `工作计划 (6分)`): the dump dropped the 一级 cell its row-span covered."""
    mine, parent = _points(row.cells.get(_LEVEL1)), _points(above.get(_LEVEL1))
    if _LEVEL2 in row.cells or mine is None or parent is None or mine >= parent:
        return
    row.cells[_LEVEL2] = row.cells.pop(_LEVEL1)


def carry_down(rows: list[Row], above: dict[Role, Cell] | None = None) -> None:
    """Fill empty 一级/二级 cells from the row above (the first rows from `above`, the levels a table broken
    off before them ended in); a new 一级 cell starts a new 二级 block."""
    above = dict(above or {})
    for row in rows:
        if _LABEL in row.cells:  # a total row ends the blocks
            above.clear()
            continue
        _demote(row, above)
        if _LEVEL1 in row.cells and _LEVEL2 not in row.cells:
            above.pop(_LEVEL2, None)
        for role in (_LEVEL1, _LEVEL2):
            if role in row.cells:
                above[role] = row.cells[role]
            elif role in above and _NAME in row.cells:
                row.cells[role] = above[role]
                row.carried.add(role)


def continue_levels(tables: Sequence[Table], text: str) -> None:
    """An indicator table whose header row is printed again after a page break (the page's number dropped as
    page furniture, nothing else between) goes on with the 一级/二级 blocks the rows before the break were in:
    a row-span's level cell is printed once, on the page where it starts."""
    for before, after in pairwise(tables):
        if before.kind is not Kind.INDICATORS or after.kind is not Kind.INDICATORS or not before.rows:
            continue
        last = before.rows[-1].cells
        repeated = after.columns == before.columns[-len(after.columns) :]  # less a 一级 cell wrapped over two lines
        if not repeated or _LABEL in last or _PRINTED.search(text, before.end, after.start):
            continue
        carry_down(after.rows, {role: last[role] for role in (_LEVEL1, _LEVEL2) if role in last})
