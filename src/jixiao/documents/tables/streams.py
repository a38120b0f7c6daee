"""T2 (and the cell-per-line form of T1): a table dumped one cell per line.

The header comes first as a run of header cells; then an indicator table gives each row as the same
number of cells (an empty cell is a line of spaces), and a funding table gives a label followed by its
values. The table ends at a heading, at another table's header, or where the cells stop fitting.
A dump that dropped the cells a row-span covered (rows of unequal length) is read instead like a squashed
table (T3), cell by cell: a level word opens a block, a name opens a row, values fill it.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.assemble import carry_down, funding_row, indicator_row, total_row
from jixiao.documents.tables.cells import HEADING, cell
from jixiao.documents.tables.headers import kind_of, role_of
from jixiao.documents.tables.levels import is_grade, is_level1, is_level2, is_total
from jixiao.documents.tables.squashed import indicator_rows
from jixiao.documents.tables.table import Cell, Kind, Role, Row, Table
from jixiao.documents.tables.tokens import VALUE, Token

Lines = list[tuple[int, int]]
_MIN_HEADER = 3
_FUNDING_VALUE = re.compile(r"^(?:-?[\d,.]+%?|[-—/／]|)$")
_MAX_LABEL = 40


def _header(cells: list[Cell]) -> list[Role]:
    roles: list[Role] = []
    for item in cells:
        role = role_of(item.text)
        if role is None:
            break
        roles.append(role)
    return roles


def _ends_table(item: Cell) -> bool:
    return bool(HEADING.match(item.text)) or (role_of(item.text) is not None and not is_total(item.text))


def _misaligned(rows: list[Row]) -> bool:
    """Rows of unequal length put level words under other columns, or a number under 三级指标."""
    for row in rows:
        if Role.LABEL in row.cells:
            continue
        for role, item in row.cells.items():
            levelish = is_level1(item.text) or is_level2(item.text)
            if levelish != (role in (Role.LEVEL1, Role.LEVEL2)):
                return True
        if VALUE.fullmatch(row.text(Role.NAME)):
            return True
    return False


def _as_tokens(cells: list[Cell]) -> list[Token]:
    tokens = []
    for item in cells:
        if not item.text:
            continue
        value = VALUE.fullmatch(item.text)
        bare = bool(value) and not (value and (value["op"] or value["unit"] or value["suffix"]))
        tokens.append(Token(item, value is not None or item.text in ("-", "—", "/"), bare))
    return tokens


def _indicator_rows(text: str, cells: list[Cell], columns: list[Role], table: Table) -> int:
    """Group cells into rows of the header's width; return how many cells were used."""
    width, pos = len(columns), 0
    while pos < len(cells):
        if _ends_table(cells[pos]):
            break
        if is_grade(cells[pos].text):
            table.rows.append(total_row(cells[pos : pos + 2], []))
            pos += 2
            continue
        if is_total(cells[pos].text):
            numbers = [c for c in cells[pos + 1 : pos + 3] if c.text[:1].isdigit()]
            table.rows.append(total_row([cells[pos], *numbers], []))
            pos += 1 + len(numbers)
            continue
        chunk = cells[pos : pos + width]
        cut = next((index for index, item in enumerate(chunk) if index and _ends_table(item)), None)
        chunk = chunk[:cut]  # the table ends inside this row's width: keep what precedes the heading
        row = indicator_row(chunk, columns)
        pos += len(chunk)
        if row is not None:
            row.partial = len(chunk) < width
            table.rows.append(row)
        if cut is not None:
            break
    carry_down(table.rows)
    if _misaligned(table.rows):
        table.rows = indicator_rows(text, _as_tokens(cells[:pos]), columns)
    return pos


def _funding_rows(cells: list[Cell], columns: list[Role], table: Table) -> int:
    values = len([role for role in columns if role is not Role.LABEL])
    pos = 0
    while pos < len(cells):
        label = cells[pos]
        if _ends_table(label) or _FUNDING_VALUE.match(label.text) or len(label.text) > _MAX_LABEL:
            break
        stop = pos + 1
        while stop < len(cells) and stop - pos <= values and _FUNDING_VALUE.match(cells[stop].text):
            stop += 1
        row = funding_row(cells[pos:stop], columns)
        if row is not None:
            row.partial = stop - pos - 1 < values
            table.rows.append(row)
        pos = stop
    return pos


def cell_stream_table(text: str, cells: list[Cell], layout: str, *, at_end: bool) -> Table | None:
    """Rebuild a table from its cells in reading order; None when they do not open with a header."""
    columns = _header(cells)
    kind = kind_of(columns)
    if len(columns) < _MIN_HEADER or kind is None:
        return None
    body = cells[len(columns) :]
    table = Table(kind=kind, layout=layout, columns=columns, rows=[], start=cells[0].start, end=cells[0].end)
    if kind is Kind.INDICATORS and Role.LABEL not in columns:
        used = _indicator_rows(text, body, columns, table)
    else:
        used = _funding_rows(body, columns if Role.LABEL in columns else [Role.LABEL, *columns], table)
    if used:
        table.end = body[used - 1].end
    reached_end = at_end and used == len(body)
    table.truncated = reached_end and bool(table.rows) and table.rows[-1].partial
    for row in table.rows[:-1] if table.truncated else table.rows:
        row.partial = False
    return table


def line_cells(text: str, lines: Lines, index: int) -> tuple[list[Cell], int]:
    """Cells of a one-cell-per-line run from lines[index]: empty lines separate, lines of spaces are empty cells.

    The run stops at a line that cannot be a cell (a long sentence or a pipe row).
    """
    cells: list[Cell] = []
    position = index
    while position < len(lines):
        start, end = lines[position]
        line = text[start:end]
        if not line:
            position += 1
            continue
        if "|" in line or len(line.strip()) > 2 * _MAX_LABEL:
            break
        cells.append(cell(text, start, end))
        position += 1
    return cells, position
