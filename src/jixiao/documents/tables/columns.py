"""T3 read column by column: a spreadsheet squashed with its columns one after another.

`年度资金总额 其中:中央财政资金 自治区财政资金 全年预算数(A) 820.00 500.00 320.00 全年执行数(B) 790.52 …`:
the row labels come first, then each header followed by its column's values. Taken only when at least two
value columns each carry exactly one value per label, so a sentence never passes for one.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.headers import HEADER_TOKEN, role_of
from jixiao.documents.tables.table import FUNDING_ROLES, Cell, Kind, Role, Row, Table
from jixiao.documents.tables.tokens import Gap, Token, tokens

_VALUE_COLUMNS = FUNDING_ROLES | {Role.WEIGHT, Role.SCORE}
_VALUE_GROUPS = {role.value for role in _VALUE_COLUMNS}
_FUNDING_WORD = re.compile(r"预算数|执行数|执行率")
_MIN_COLUMNS = 2
_MIN_ROWS = 2


def _columns(stream: list[Token]) -> tuple[list[Token], list[tuple[Role, Cell, list[Token]]]]:
    """The label tokens before the first header, and each header with the values after it."""
    labels: list[Token] = []
    columns: list[tuple[Role, Cell, list[Token]]] = []
    position = 0
    while position < len(stream):
        token = stream[position]
        role = None if token.is_value else role_of(token.cell.text)
        if role in _VALUE_COLUMNS and role is not None:
            values: list[Token] = []
            position += 1
            while position < len(stream) and stream[position].is_value:
                values.append(stream[position])
                position += 1
            columns.append((role, token.cell, values))
            continue
        if columns:
            break
        if not token.is_value and role is None:
            labels.append(token)
        position += 1
    return labels, columns


def column_major_table(text: str, start: int, end: int, gap: Gap) -> Table | None:
    first = _FUNDING_WORD.search(text, start, end)
    if first is None or _FUNDING_WORD.search(text, first.end(), end) is None:
        return None  # cheap test first: a line naming fewer than two money columns is a sentence
    headers = [match for match in HEADER_TOKEN.finditer(text, start, end) if match.lastgroup in _VALUE_GROUPS]
    if len(headers) < _MIN_COLUMNS:
        return None
    labels, columns = _columns(tokens(text, start, end, gap))
    count = len(columns[0][2]) if columns else 0
    if len(columns) < _MIN_COLUMNS or count < _MIN_ROWS or len(labels) < count:
        return None
    if any(len(values) != count for _, _, values in columns):
        return None
    labels = labels[-count:]
    rows = []
    for index, label in enumerate(labels):
        row = Row(cells={Role.LABEL: label.cell})
        for role, _, values in columns:
            if values[index].cell.text not in ("-", "—", "/", "／"):
                row.cells[role] = values[index].cell
        rows.append(row)
    roles = [Role.LABEL, *(role for role, _, _ in columns)]
    last = columns[-1][2][-1].cell.end
    return Table(kind=Kind.FUNDING, layout="t3", columns=roles, rows=rows, start=labels[0].cell.start, end=last)
