"""T1 (and T5): pipe dumps of HTML/OCR tables.

Two shapes: a row per line (`年度资金总额: | 512.4 | 487.1 | 95% | ||||`), or a cell per line, each
ending in ` |`. OCR output (T5) adds rows broken over two lines; a line that does not end with a pipe
while its neighbours do continues on the next line.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.assemble import carry_down, funding_row, indicator_row, trim_empty
from jixiao.documents.tables.cells import HEADING, joined_cell, pipe_cells
from jixiao.documents.tables.headers import kind_of, role_of
from jixiao.documents.tables.streams import cell_stream_table
from jixiao.documents.tables.table import Cell, Kind, Role, Table

Lines = list[tuple[int, int]]
_MIN_HEADER = 3
_NUMERIC = re.compile(r"^[-—/／]$|^[≥≤<>=]?\s*[\dOolI][\dOolI,.\s]*%?$")
_RULE_LINE = re.compile(r"^[\s|:：\-—=+]+$")


def is_cell_line(text: str, start: int, end: int) -> bool:
    """A `text |` line: one cell, closed by its pipe."""
    line = text[start:end].rstrip()
    return line.endswith("|") and line.count("|") == 1


def header_columns(cells: list[Cell]) -> list[Role] | None:
    """Columns of a pipe header row, or None when the row is not a header."""
    roles = [role_of(cell.text) if cell.text else None for cell in cells]
    named = [role for role in roles if role is not None]
    if len(named) < _MIN_HEADER or kind_of(named) is None:
        return None
    while roles and roles[-1] is None:
        roles.pop()
    if kind_of(named) is Kind.INDICATORS:
        while roles and roles[0] is None:  # `绩效指标 | 一级指标 | …`: a merged block label
            roles.pop(0)
    return [role or Role.LABEL for role in roles]


def _words_only(cells: list[Cell]) -> bool:
    """A row whose value cells hold words, never a number."""
    values = [cell.text for cell in cells[1:] if cell.text]
    return bool(values) and not any(_NUMERIC.match(value) for value in values)


def _block_labels(cells: list[Cell], columns: list[Role]) -> list[str]:
    """Texts of the header cells before the first column (`绩效指标`), which rows repeat."""
    return [cell.text for cell in trim_empty(cells)[: len(trim_empty(cells)) - len(columns)]]


def _row_cells(text: str, lines: Lines, index: int, closed_rows: bool) -> tuple[list[Cell], int, bool]:
    """Cells of the row starting at lines[index], joining an OCR-broken continuation line.

    Only tables whose rows end with a pipe can show a broken row: there a row without its closing pipe
    continues on the next line (or, at the end of the document, was cut off).
    """
    start, end = lines[index]
    cells = pipe_cells(text, start, end)
    closed = text[start:end].rstrip().endswith("|") or not closed_rows
    if closed or index + 1 >= len(lines):
        return cells, index + 1, closed
    next_start, next_end = lines[index + 1]
    following = text[next_start:next_end]
    if "|" not in following or following.lstrip().startswith("|"):
        return cells, index + 1, False
    more = pipe_cells(text, next_start, next_end)
    cells[-1] = joined_cell(cells[-1], more[0], text)
    return cells + more[1:], index + 2, True


def row_table(text: str, lines: Lines, index: int, columns: list[Role], layout: str) -> tuple[Table, int]:
    """A row-per-line pipe table whose header is lines[index]; return it and the next line index."""
    kind = kind_of(columns)
    build = indicator_row if kind is Kind.INDICATORS else funding_row
    header_cells = pipe_cells(text, *lines[index])
    prefix = _block_labels(header_cells, columns) if kind is Kind.INDICATORS else []
    table = Table(kind=kind or Kind.FUNDING, layout=layout, columns=columns, rows=[], start=lines[index][0], end=0)
    position = index + 1
    closed_rows = text[lines[index][0] : lines[index][1]].rstrip().endswith("|")
    while position < len(lines):
        start, end = lines[position]
        line = text[start:end]
        if not line.strip():
            position += 1
            continue
        if "|" not in line or HEADING.match(line) or header_columns(pipe_cells(text, start, end)):
            break
        if _RULE_LINE.match(line):  # Markdown's |---|---| under a header
            position += 1
            continue
        if kind is Kind.FUNDING and _words_only(pipe_cells(text, start, end)):
            break  # 资金管理情况 | 情况说明 | …: the next block of the form, not a funding row
        cells, position, closed = _row_cells(text, lines, position, closed_rows)
        while prefix and cells and cells[0].text in (*prefix, ""):
            cells = cells[1:]  # a merged 绩效指标 cell repeated on each row
            if len(cells) <= len(columns):
                break
        row = build(cells, columns)
        if row is not None:
            row.partial = not closed or (position >= len(lines) and len(cells) < len(columns))
            table.rows.append(row)
            table.end = end
    table.end = table.end or lines[index][1]
    table.truncated = position >= len(lines) and bool(table.rows) and table.rows[-1].partial
    if not table.truncated and table.rows:
        table.rows[-1].partial = False
    if kind is Kind.INDICATORS:
        carry_down(table.rows)
    return table, position


def cell_line_table(text: str, lines: Lines, index: int) -> tuple[Table | None, int]:
    """A one-cell-per-line pipe dump starting at lines[index]: gather its cells, then group them."""
    cells: list[Cell] = []
    position = index
    while position < len(lines):
        start, end = lines[position]
        if not text[start:end].strip():
            position += 1
            continue
        if not is_cell_line(text, start, end):
            break
        cells.append(pipe_cells(text, start, end)[0])
        position += 1
    table = cell_stream_table(text, cells, "t1", at_end=position >= len(lines))
    if table is None:
        return None, index + 1
    while index < len(lines) and lines[index][0] < table.end:
        index += 1
    return table, index
