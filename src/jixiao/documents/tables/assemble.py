"""Placing a row's cells under the header's columns, and carrying level cells down.

Flattened tables drop the cells a row-span covered: an indicator row may start at its 三级指标 with
its 一级/二级 cells written only on the first row of the block. The alignment below puts such rows
under the right columns; `carry_down` then fills the level cells from the row above.
"""

from __future__ import annotations

import itertools

from jixiao.documents.tables.levels import is_grade, is_level1, is_level2, is_total
from jixiao.documents.tables.table import Cell, Role, Row

_LEVELS = (Role.LEVEL1, Role.LEVEL2)


def trim_empty(cells: list[Cell]) -> list[Cell]:
    """Drop the runs of empty cells a dump leaves at the end of a row (`| ||||`)."""
    end = len(cells)
    while end and not cells[end - 1].text:
        end -= 1
    return cells[:end]


def _offset(cells: list[Cell], columns: list[Role]) -> int:
    """Index of the column the first cell belongs under.

    The first filled cell says where the row starts: a 一级 word under 一级指标, a 二级 word under
    二级指标, anything else under 三级指标; the empty cells before it (if the dump kept them) count.
    """
    empties = next((index for index, cell in enumerate(cells) if cell.text), len(cells))
    first = cells[empties].text if empties < len(cells) else ""
    if not first or is_level1(first) or len(cells) >= len(columns):
        return 0
    if is_level2(first) and Role.LEVEL2 in columns:
        return max(columns.index(Role.LEVEL2) - empties, 0)
    if Role.NAME in columns and len(cells) - empties <= len(columns) - columns.index(Role.NAME):
        return max(columns.index(Role.NAME) - empties, 0)
    return 0


def indicator_row(cells: list[Cell], columns: list[Role]) -> Row | None:
    cells = trim_empty(cells)
    if not cells:
        return None
    if is_total(cells[0].text):
        return total_row(cells, columns)
    offset = _offset(cells, columns)
    row = Row()
    for role, cell in zip(columns[offset:], cells, strict=False):
        if cell.text:
            row.cells[role] = cell
    return row


def total_row(cells: list[Cell], columns: list[Role]) -> Row:
    """`总分 | 100 | 96.5` or `自评等级 | 优`: a footer whose merged cells leave only its values."""
    row = Row(cells={Role.LABEL: cells[0]})
    for label, value in itertools.pairwise(cells):
        if is_grade(label.text) and value.text:
            row.cells[Role.GRADE] = value
    if is_grade(cells[0].text):
        return row
    if len(cells) == len(columns):
        for role in (Role.WEIGHT, Role.SCORE):
            if role in columns and cells[columns.index(role)].text:
                row.cells[role] = cells[columns.index(role)]
        if Role.SCORE in row.cells:
            return row
    numbers = [cell for cell in cells[1:] if cell.text and cell.text[0].isdigit()]
    if len(numbers) >= 2:
        row.cells[Role.WEIGHT], row.cells[Role.SCORE] = numbers[-2], numbers[-1]
    elif numbers:
        row.cells[Role.SCORE] = numbers[0]
    return row


def funding_row(cells: list[Cell], columns: list[Role]) -> Row | None:
    """A funding row: its label, then the values under the value columns.

    A row as wide as the header is read cell under column (a label spanning two columns leaves an empty
    cell under the second); a narrower one is its label followed by the values in column order.
    """
    if len(cells) >= len(columns) and columns.count(Role.LABEL) > 1:
        row = Row()
        for role, cell in zip(columns, cells, strict=False):
            if cell.text and (role is not Role.LABEL or Role.LABEL not in row.cells):
                row.cells[role] = cell
        return row if row.cells else None
    cells = trim_empty(cells)
    if not cells:
        return None
    values = [role for role in columns if role is not Role.LABEL]
    row = Row(cells={Role.LABEL: cells[0]} if cells[0].text else {})
    for role, cell in zip(values, cells[1:], strict=False):
        if cell.text:
            row.cells[role] = cell
    return row


def carry_down(rows: list[Row]) -> None:
    """Fill empty 一级/二级 cells from the row above; a new 一级 cell starts a new 二级 block."""
    above: dict[Role, Cell] = {}
    for row in rows:
        if Role.LABEL in row.cells:  # a total row ends the blocks
            above.clear()
            continue
        if Role.LEVEL1 in row.cells and Role.LEVEL2 not in row.cells:
            above.pop(Role.LEVEL2, None)
        for role in _LEVELS:
            if role in row.cells:
                above[role] = row.cells[role]
            elif role in above and Role.NAME in row.cells:
                row.cells[role] = above[role]
                row.carried.add(role)
