"""What hybrid sends the model: the passages rules left unread, table rows as rows under their headers.

The rules backend says what it did not read (`Report.coverage.unread`: spans of table rows and passages that
print figures and produced none). Each span becomes a passage; spans that touch or overlap are sent as one.
A span inside a table the rules reader rebuilt is sent as the rows it covers, cell by cell with ` | `, under
a header line naming the columns, so the model reads a table as a table and not as the squashed text it was
printed in. Cell texts are verbatim slices of the document, so the model's figures ground in the passage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from jixiao.documents import Document
from jixiao.documents.tables import Role, Row, Table, find_tables
from jixiao.model import Span

# By the role's value, so roles a newer table reader adds (到位资金, 序号, 备注) need no change here.
COLUMN_NAMES = {
    "label": "项目",
    "index": "序号",
    "initial_budget": "年初预算数",
    "budget": "全年预算数",
    "allocated": "全年到位资金",
    "executed": "全年执行数",
    "rate": "执行率",
    "weight": "分值",
    "score": "得分",
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "三级指标",
    "op": "指标性质",
    "target": "年度指标值",
    "unit": "度量单位",
    "actual": "实际完成值",
    "reason": "偏差原因分析及改进措施",
    "note": "备注",
    "grade": "自评等级",
}
_GAP = 2  # spans this close (a line break, a separator) are one passage
_BLANKS = re.compile(r"[ \t\u3000]+")


@dataclass(frozen=True)
class CellAt:
    """A cell of a row the model was shown: where it is printed, its column, and which row it is in."""

    start: int
    end: int
    role: Role
    row: int  # rows of one passage share a number; numbers are unique across the passages of a document


@dataclass(frozen=True)
class Passage:
    """One stretch of the document the model is shown, and how it is shown."""

    start: int
    end: int
    text: str  # what the model reads
    table: bool = False  # rendered as rows of a rebuilt table
    cells: tuple[CellAt, ...] = ()  # a table passage's cells, so a figure's column and row can be told


def _merged(spans: Sequence[Span], length: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        start, end = max(0, span.start), min(length, span.end)
        if end <= start:
            continue
        if merged and start <= merged[-1][1] + _GAP:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _row_extent(row: Row) -> tuple[int, int] | None:
    cells = [cell for role, cell in row.cells.items() if role not in row.carried]
    if not cells:
        return None
    return min(cell.start for cell in cells), max(cell.end for cell in cells)


def _table_rows(table: Table, start: int, end: int) -> list[Row]:
    rows = []
    for row in table.rows:
        extent = _row_extent(row)
        if extent is not None and extent[0] < end and extent[1] > start:
            rows.append(row)
    return rows


def _render_rows(table: Table, rows: list[Row]) -> str:
    columns = [role for role in table.columns if any(role in row.cells for row in rows)]
    header = " | ".join(COLUMN_NAMES.get(role.value, role.value) for role in columns)
    unit = f"（金额单位：{table.money_unit}）" if any(r in columns for r in (Role.BUDGET, Role.EXECUTED)) else ""
    lines = [f"表格列：{header}{unit}"]
    lines += [" | ".join(row.text(role) for role in columns) for row in rows]
    return "\n".join(lines)


def _cells(rows: list[Row], first_row: int) -> tuple[CellAt, ...]:
    """The cells printed in these rows (not level cells carried down from a row above)."""
    return tuple(
        CellAt(cell.start, cell.end, role, first_row + number)
        for number, row in enumerate(rows)
        for role, cell in row.cells.items()
        if role not in row.carried
    )


def _prose(document: Document, start: int, end: int) -> str:
    return "\n".join(line.strip() for line in _BLANKS.sub(" ", document.text[start:end]).splitlines() if line.strip())


def unread_passages(document: Document, unread: Sequence[Span], tables: Sequence[Table] | None = None) -> list[Passage]:
    """The unread spans as passages in document order (rows of a rebuilt table rendered as rows)."""
    if tables is None:  # found as the rules backend finds them (grids of a docx or xlsx included)
        tables = find_tables(document.match_text, document.origin, document.tables) if unread else []
    passages: list[Passage] = []
    rows_shown = 0
    for start, end in _merged(unread, len(document.text)):
        table = next((t for t in tables if t.start <= start and end <= t.end + 1), None)
        rows = _table_rows(table, start, end) if table is not None else []
        if table is not None and rows:
            extents = [e for e in (_row_extent(row) for row in rows) if e is not None]
            first, last = min(start, *(e[0] for e in extents)), max(end, *(e[1] for e in extents))
            cells = _cells(rows, first_row=rows_shown)
            rows_shown += len(rows)
            passages.append(Passage(first, last, _render_rows(table, rows), table=True, cells=cells))
            continue
        text = _prose(document, start, end)
        if text:
            passages.append(Passage(start, end, text))
    return passages


def render(passages: Sequence[Passage]) -> str:
    """The passages as the user message shows them, numbered so the model can tell them apart."""
    blocks = []
    for number, passage in enumerate(passages, start=1):
        kind = "表格行" if passage.table else "段落"
        blocks.append(f"[{kind} {number}]\n{passage.text}")
    return "\n\n".join(blocks)


def batches(passages: Sequence[Passage], max_chars: int) -> list[list[Passage]]:
    """Passages packed into as few calls as fit `max_chars` each (one call for a normal report)."""
    groups: list[list[Passage]] = []
    size = 0
    for passage in passages:
        if groups and size + len(passage.text) <= max_chars:
            groups[-1].append(passage)
            size += len(passage.text)
        else:
            groups.append([passage])
            size = len(passage.text)
    return groups


__all__ = ["COLUMN_NAMES", "CellAt", "Passage", "batches", "render", "unread_passages"]
