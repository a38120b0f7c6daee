"""A headerless dump of an indicator table (an excerpt starting on the table's second page) whose 时效 or 成本 row
the form names by its value, printed again as target and actual (invented names and figures)."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.documents.tables import Role, find_tables
from jixiao.extract.rules.tables import extract_tables

_ROWS = [
    ("产出指标", "数量指标", "新建候车亭数量", "12个", "12个"),
    ("产出指标", "时效指标", "2023年12月", "2023年12月", "2023年12月"),
    ("产出指标", "成本指标", "48万元", "48万元", "48万元"),
    ("效益指标", "社会效益指标", "群众出行条件", "改善", "明显改善"),
]
_CELLS = (Role.LEVEL2, Role.NAME, Role.TARGET, Role.ACTUAL)


def _pipe_cells(rows: list[tuple[str, ...]]) -> str:
    """A web page's dump: a cell per line, each after a row's first opened by a pipe."""
    return "".join("|   " + "\n        | \n     ".join(row) + "\n        | \n  ||||\n" for row in rows)


def _read(raw: str) -> list[tuple[str, ...]]:
    text, origin = normalize(raw)
    (table,) = find_tables(text, origin)
    return [tuple(row.text(role) for role in _CELLS) for row in table.rows]


def test_a_row_named_by_its_value_in_a_cell_per_line_dump_is_read() -> None:
    raw = _pipe_cells(_ROWS) + "  \n2.其他说明。\n"
    assert _read(raw) == [row[1:] for row in _ROWS]
    text, origin = normalize(raw)
    names = [indicator.name for indicator in extract_tables(find_tables(text, origin), text).indicators]
    assert names == ["新建候车亭数量", "2023年12月", "48万元", "群众出行条件"]


def test_the_same_rows_one_line_per_cell_without_pipes() -> None:
    raw = "\n".join(cell for row in _ROWS for cell in row) + "\n\n2.其他说明。\n"
    assert _read(raw) == [row[1:] for row in _ROWS]


def test_three_figures_that_differ_name_no_row() -> None:
    rows = [*_ROWS[:2], ("产出指标", "成本指标", "48万元", "48万元", "50万元"), _ROWS[3]]
    assert ("成本指标", "48万元", "48万元", "50万元") not in _read(_pipe_cells(rows) + "  \n2.其他说明。\n")
