"""A funding table whose columns the rows do not settle: read as nothing rather than as a guess.

A one-cell-per-line dump drops empty cells, so a row may print fewer values than its header has columns
(`年度资金总额 30 30 10 100% 99` under 年初预算数 | 调整预算数 | 全年执行数 | 分值 | 执行率 | 得分). The aligner
then places the values in order, and a placement the form cannot hold gives it away: a score above the
line's 分值 (in any layout), or, in a short row of a dump that drops empty cells, a rate that is not the
executed amount over the budget (a full row's disagreeing rate is the report's own, for the checks to
flag). Which values shifted is not told, and the other rows were placed by the same columns, so no cell of
the table is trusted: every value cell is taken out and its span reported unread.
"""

from __future__ import annotations

from jixiao.documents.tables.shapes import Piece, Shape
from jixiao.documents.tables.table import MONEY_ROLES, Cell, Role, Row

_VALUES = (Role.INITIAL_BUDGET, Role.BUDGET, Role.ALLOCATED, Role.EXECUTED, Role.RATE, Role.WEIGHT, Role.SCORE)
_BUDGETS = (Role.BUDGET, Role.ALLOCATED, Role.INITIAL_BUDGET)  # what the rate is taken over, in that order
_RATE_TOLERANCE = 1.0  # percentage points: a printed rate is rounded
_DROPPING = ("t2", "t3", "t4")  # layouts that print no cell where one is empty (a pipe or a grid keeps it)


_NO_CELL = Cell("", 0, 0)
_BLANK = (Shape.EMPTY, Shape.DASH)


def _points(text: str) -> float | None:
    """A cell's points (`10`, `9.5分`); None for anything else (a percent, a dash, words)."""
    try:
        return float(text.removesuffix("分").replace(",", ""))
    except ValueError:
        return None


def _number(row: Row, role: Role) -> float | None:
    cell = row.cells.get(role)
    return _points(cell.text.removesuffix("%")) if cell is not None else None


def _score_above_weight(row: Row, header_points: float | None) -> bool:
    """A score above the row's 分值 (or the header's `得分(20分*执行率)` when the row has none)."""
    score = _number(row, Role.SCORE) if not row.cells.get(Role.SCORE, _NO_CELL).text.endswith("%") else None
    if score is None:
        return False
    weight = _number(row, Role.WEIGHT) if Role.WEIGHT in row.cells else header_points
    return weight is not None and score > weight


def _shifted_rate(row: Row, columns: list[Role]) -> bool:
    """A short row (value columns without a cell) whose rate is not its executed amount over its budget."""
    if all(role in row.cells for role in columns if role in _VALUES):
        return False
    rate = row.cells.get(Role.RATE)
    executed = _number(row, Role.EXECUTED)
    budget = next((_number(row, role) for role in _BUDGETS if role in row.cells), None)
    if rate is None or not rate.text.endswith("%") or executed is None or not budget:
        return False
    printed = _points(rate.text.removesuffix("%"))
    return printed is not None and abs(executed / budget * 100 - printed) > _RATE_TOLERANCE


def _right_aligned(row: Row, columns: list[Role]) -> dict[Role, Cell] | None:
    """A short row's values placed under the header's last value columns instead (the cell a dump dropped was
    an early one, `45.0 43.20 10 96.00% 9.6` under 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分), when
    that placement bears itself out: its rate is the executed amount over the amount before it, and no score
    is above its 分值. Else None. Which early column the amount before stood in stays open (unplaced_amounts)."""
    values = [role for role in columns if role in _VALUES]
    cells = sorted((cell for role, cell in row.cells.items() if role in _VALUES), key=lambda cell: cell.start)
    placed = dict(zip(values[len(values) - len(cells) :], cells, strict=True))
    money = [role for role in values if role in MONEY_ROLES and role in placed]
    if Role.RATE not in placed or len(money) < 2 or money[-1] is not Role.EXECUTED:
        return None
    if any(placed[role].text.endswith("%") for role in money) or not placed[Role.RATE].text.endswith("%"):
        return None
    shown = (placed[role].text.removesuffix("%") for role in (Role.RATE, money[-1], money[-2]))
    rate, executed, before = map(_points, shown)
    if rate is None or executed is None or not before or abs(executed / before * 100 - rate) > _RATE_TOLERANCE:
        return None
    others = {role: cell for role, cell in row.cells.items() if role not in _VALUES}
    moved = Row(cells={**others, **placed})
    return None if _score_above_weight(moved, None) else moved.cells


def _prints_no_blank(row: Row, body: list[Piece]) -> bool:
    """A pipe row that prints no empty cell at all (`| 总额 | 36.40 | 35.10 | 10 | 96.43% | 9.6 |` under six value
    columns): its dump dropped the empty one, as a squashed sheet does."""
    return not any(p.shape in _BLANK and row.start <= p.cell.start <= row.end for p in body)


def unsettled_cells(
    rows: list[Row], columns: list[Role], layout: str, header_points: float | None, body: list[Piece]
) -> list[tuple[int, int]]:
    """Take every value cell out of the rows when one row's placement is impossible; their spans, unread."""

    def dropping(row: Row) -> bool:
        return layout in _DROPPING or (layout == "t1" and _prints_no_blank(row, body))

    for row in rows:
        if dropping(row) and _shifted_rate(row, columns) and (placed := _right_aligned(row, columns)) is not None:
            row.cells = placed
    if not any(
        _score_above_weight(row, header_points) or (dropping(row) and _shifted_rate(row, columns)) for row in rows
    ):
        return []  # every table read so far: its placements hold
    dropped: list[tuple[int, int]] = []
    for row in rows:
        for role in _VALUES:
            if (cell := row.cells.pop(role, None)) is not None:
                dropped.append((cell.start, cell.end))
    return dropped


def unplaced_amounts(
    rows: list[Row], columns: list[Role], body: list[Piece], stray: tuple[Role, ...] = ()
) -> list[tuple[int, int]]:
    """The amounts of a row that prints fewer of them than the header has money columns, and no empty cell
    among them: `年度资金总额 42.80 41.95 10 98% 9.8` under 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 |
    得分. The amount just before the points is 全年执行数; whether the one before it is 年初 or 全年 the row
    does not say (LABELLING: rows with fewer values than headers), so it is taken out, its span unread. An
    empty cell the row prints (`| | 30 | 28`, a dash, a pipe dump's line break that stands for one) settles
    the placement and keeps it. `stray`: money columns whose header cell a squashed sheet printed before the
    header's run (`年初预算数 (万元) 年度资金总额 … 全年预算数 全年执行数 分值`): the form has them all the same."""
    money = [*stray, *(role for role in columns if role in MONEY_ROLES)]
    if len(money) < 3 or money[-1] is not Role.EXECUTED:
        return []
    dropped: list[tuple[int, int]] = []
    for row in rows:
        executed = row.cells.get(Role.EXECUTED)
        before = [role for role in money[:-1] if role in row.cells]
        if executed is None or not before or len(before) == len(money) - 1:
            continue
        if any(piece.shape in _BLANK and row.start <= piece.cell.start < executed.start for piece in body):
            continue
        for role in before:
            cell = row.cells.pop(role)
            dropped.append((cell.start, cell.end))
    return dropped


_STRAY_REACH = 10  # pieces before a funding header where a squashed sheet leaves one of its header cells


def stray_money(found: list[Piece], index: int, columns: list[Role]) -> tuple[Role, ...]:
    """Money columns whose header cell stands a few pieces before the header's run, out of it (an xlsx
    squashed onto one line: `项目资金 年初预算数 (万元) 年度资金总额 … 全年预算数 全年执行数 分值 …`)."""
    before = found[max(0, index - _STRAY_REACH) : index]
    stray = {p.role for p in before if p.shape is Shape.HEADER and p.role in MONEY_ROLES and p.role not in columns}
    return tuple(role for role in (Role.INITIAL_BUDGET, Role.BUDGET, Role.ALLOCATED) if role in stray)
