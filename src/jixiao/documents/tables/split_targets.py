"""Indicator rows whose target is printed in three cells, read where no header stands above them.

Sichuan's 自评表 prints each target as 指标性质 | 指标值 | 度量单位 (`≥ | 90 | %`), then 完成值 | 权重 | 得分. An
excerpt may start inside such a table (no header), and a page dump may drop the empty cells of a row and pad
the row at its end instead (`城乡居民参保率 | ≥ | 95 | % | 10 | |||||`):

    成本指标 | 宣传品印制成本 | ≤ | 8000 | 元 | 5 | ||||||
    效益指标 | 社会效益指标 | 政策知晓率 | = | 100 | % | 15 | 98% | 15 | ||||
    可持续影响指标 | 长效管护机制 | 定性 | 较好 | 8 | ||||||

The same cells come between pipes (a row per line) or one per line (rows run on). A row is read from its
comparator cell: the cell before it is the name, the cells before that level words only (in a row per line,
anything else there means no such row); the value after it and its unit make the target
(`定性` is followed by a text target and no unit). What follows are the row's filled values in the form's
order: one number alone is the 权重 (a template row: weights are set with the targets, actuals and scores
come later), an actual then two numbers are 完成值 | 权重 | 得分; any other count cannot be placed and is left
unread. At least three such rows make a table; its layout is `headerless`, so its figures say they were
guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from jixiao.documents.tables.cells import line_spans, lines_outside, pipe_cells
from jixiao.documents.tables.levels import is_total
from jixiao.documents.tables.table import Cell, Kind, Role, Row, Table
from jixiao.vocabulary import LEVEL1_OF, UNIT_WORDS, is_level1, is_level2, is_text_value, level_name, op_of

COLUMNS = [Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.OP, Role.TARGET, Role.UNIT, Role.ACTUAL, Role.WEIGHT, Role.SCORE]
_MIN_ROWS = 3
_MAX_GAP = 2  # lines between two rows of one table (a wrapped name, a blank line)
_QUALITATIVE = "定性"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SHORT_UNIT = re.compile(r"[\u4e00-\u9fff]{1,3}")
_UNITS = frozenset(UNIT_WORDS)
_TEXT_TARGET = re.compile(r"[\u4e00-\u9fff]{1,12}")  # `优良中低差`, `有效`: a word, no figure
_MAX_NAME = 40
_MAX_WORD = 5  # a text actual other than the known words (`稳中有升`)
_MIN_PIPES = 4
_OP_CELL = re.compile(r"(?:[|\n][ \t]*)(?:[=≥≤><]|定性)[ \t]*[|\n]")


@dataclass
class _Read:
    row: Row
    left: list[Cell]  # values after the target that could not be placed (unread)
    line: int  # the line the row opens on
    last: int = -1  # the line it ends on (its values wrapped onto the next line), else `line`

    def __post_init__(self) -> None:
        self.last = max(self.last, self.line)


def _is_op(text: str) -> bool:
    return op_of(text) is not None or text == _QUALITATIVE


def _is_second(cell: Cell) -> bool:
    """A second-level word, 成本指标 too (a first level in later templates, a second under 产出指标 before)."""
    return is_level2(cell.text) or level_name(cell.text) in LEVEL1_OF


def _is_level(cell: Cell) -> bool:
    return _is_second(cell) or is_level1(cell.text)


def _levels(cells: list[Cell]) -> dict[Role, Cell] | None:
    """The level cells printed before a row's name, or None when a cell there is no level word. One cell is
    the second level when it can be one (the first spans the rows above); two are the first and the second."""
    if not cells:
        return {}
    if len(cells) == 1:
        only = cells[0]
        return {Role.LEVEL2: only} if _is_second(only) else {Role.LEVEL1: only} if is_level1(only.text) else None
    if len(cells) == 2 and is_level1(cells[0].text) and _is_second(cells[1]):
        return {Role.LEVEL1: cells[0], Role.LEVEL2: cells[1]}
    return None


def _is_unit(text: str) -> bool:
    """`%`, `人次`, `元/人`, `篇次`: unit words (a compound of them, or a short word ending in one), never a
    result printed where the empty unit cell was dropped (`达标`, `优`)."""
    if all(part in _UNITS for part in text.split("/")):
        return True
    return bool(_SHORT_UNIT.fullmatch(text)) and len(text) > 1 and text[-1] in _UNITS


def _is_actual(text: str, target: str) -> bool:
    """A cell a row's 完成值 may print: a figure, a result word, or the text target met (never a total row)."""
    if any(char.isdigit() for char in text) or is_text_value(text) or text == target:
        return True
    return len(text) <= _MAX_WORD and not is_total(text)


def _values(cells: list[Cell], target: str) -> dict[Role, Cell]:
    """The values after a row's target, placed by how many the dump kept (see the module's docstring)."""
    if len(cells) == 1 and _NUMBER.fullmatch(cells[0].text):
        return {Role.WEIGHT: cells[0]}
    numbers = all(_NUMBER.fullmatch(cell.text) for cell in cells[1:])
    if len(cells) == 3 and numbers and _is_actual(cells[0].text, target):
        return dict(zip((Role.ACTUAL, Role.WEIGHT, Role.SCORE), cells, strict=True))
    return {}


def _target(row: Row, cells: list[Cell]) -> list[Cell] | None:
    """The target from the comparator cell on (`≥ | 90 | %`, `定性 | 优良中低差`) put in the row; the cells
    after it, or None when they make no target."""
    op, value = cells[0], cells[1]
    if op.text == _QUALITATIVE:
        if not _TEXT_TARGET.fullmatch(value.text):
            return None
        row.cells[Role.TARGET] = value
        return cells[2:]
    if not _NUMBER.fullmatch(value.text):
        return None
    row.cells.update({Role.OP: op, Role.TARGET: value})
    rest = cells[2:]
    if rest and _is_unit(rest[0].text):
        row.cells[Role.UNIT] = rest[0]
        return rest[1:]
    return None if rest and not _NUMBER.fullmatch(rest[0].text) else rest  # a word no unit: the unit unsure


def _tail(cells: list[Cell]) -> list[Cell]:
    """A row's values in a run-on stream: its actual, then the numbers right after it."""
    end = 1
    while end < len(cells) and _NUMBER.fullmatch(cells[end].text):
        end += 1
    return cells[:end]


def _rows(cells: list[Cell], *, one_row: bool) -> Iterator[tuple[Row, list[Cell]]]:
    """The rows of a stream of cells, each opening with its levels and name before a comparator cell (in a
    line that holds one row, the levels and name are all the cells before it)."""
    ops = [i for i, cell in enumerate(cells) if _is_op(cell.text)]
    if one_row and len(ops) != 1:
        return
    starts = []
    for at in ops:
        start = at - 1
        while not one_row and start > 0 and at - start <= 2 and _is_level(cells[start - 1]):
            start -= 1
        starts.append(start if at > 0 else -1)
    for k, at in enumerate(ops):
        start = 0 if one_row else starts[k]
        end = starts[k + 1] if k + 1 < len(ops) and starts[k + 1] > at else len(cells)
        if start < 0 or at + 1 >= end:
            continue
        name = cells[at - 1]
        levels = _levels(cells[start : at - 1])
        if levels is None or _is_level(name) or len(name.text) > _MAX_NAME or _NUMBER.fullmatch(name.text):
            continue
        row = Row(cells={**levels, Role.NAME: name}, start=cells[start].start, end=cells[end - 1].end)
        rest = _target(row, cells[at:end])
        if rest is None:
            continue
        rest = rest if one_row else _tail(rest) if rest else rest
        placed = _values(rest, row.cells[Role.TARGET].text)
        row.cells.update(placed)
        row.end = max(cell.end for cell in row.cells.values())
        yield row, [] if placed else rest


def _line_reads(text: str, spans: list[tuple[int, int]]) -> Iterator[_Read]:
    """Rows one per line, their cells between pipes; lines of pipes alone are not counted between rows. A row
    that ends on its target may have its values wrapped onto the next line (`定性 | 优良中低差 |` then
    `| 优 | 10 |`): a line of at most three value cells and no comparator."""
    filled = [span for span in spans if text[span[0] : span[1]].strip(" \t|\u3000")]
    for number, span in enumerate(filled):
        if text.count("|", *span) < _MIN_PIPES:
            continue
        cells = [cell for cell in pipe_cells(text, *span) if cell.text]
        for row, left in _rows(cells, one_row=True):
            read = _Read(row, left, number)
            if not left and not row.cells.keys() & _AFTER_TARGET and number + 1 < len(filled):
                _wrapped_values(text, filled[number + 1], read)
            yield read


_AFTER_TARGET = frozenset({Role.ACTUAL, Role.WEIGHT, Role.SCORE})
_MAX_WRAPPED = 3


def _wrapped_values(text: str, span: tuple[int, int], read: _Read) -> None:
    """The values of `read`'s row printed on the line after it, placed as its own would be."""
    cells = [cell for cell in pipe_cells(text, *span) if cell.text]
    target = read.row.cells[Role.TARGET].text
    if not cells or len(cells) > _MAX_WRAPPED or any(_is_op(cell.text) for cell in cells):
        return
    if not (_is_actual(cells[0].text, target) and all(_NUMBER.fullmatch(cell.text) for cell in cells[1:])):
        return
    placed = _values(cells, target)
    read.row.cells.update(placed)
    read.row.end = max(cell.end for cell in read.row.cells.values())
    read.left, read.last = ([] if placed else cells), read.line + 1


def _column_reads(text: str, spans: list[tuple[int, int]], index: dict[tuple[int, int], int]) -> Iterator[_Read]:
    """Rows of a dump of one cell per line (blank lines between): the cells of a run of short lines."""
    cells: list[Cell] = []
    line_of: dict[int, int] = {}  # a cell's start: its line
    for span in [*spans, None]:
        line = text[span[0] : span[1]].strip() if span is not None else None
        if span is not None and line is not None and _may_be_cell(line):
            if line:
                start = text.find(line, *span)
                cells.append(Cell(line, start, start + len(line)))
                line_of[start] = index[span]
            continue
        if sum(_is_op(cell.text) for cell in cells) >= _MIN_ROWS:
            for row, left in _rows(cells, one_row=False):
                yield _Read(row, left, line_of[row.start])
        cells, line_of = [], {}


def _may_be_cell(line: str) -> bool:
    """A line a one-cell-per-line dump may hold: nothing, or a short cell (no pipe, no sentence)."""
    return not line or (len(line) <= _MAX_NAME and "|" not in line and "。" not in line)


def _first_run(reads: list[_Read], max_gap: int) -> list[_Read]:
    run: list[_Read] = []
    for read in sorted(reads, key=lambda r: r.row.start):
        if run and read.line - run[-1].last > max_gap + 1:
            if len(run) >= _MIN_ROWS:
                break
            run = []
        run.append(read)
    return run if len(run) >= _MIN_ROWS else []


def split_target_table(text: str, taken: list[tuple[int, int]]) -> Table | None:
    """The first run of at least three such rows outside the tables `taken`, as one headerless table."""
    if _OP_CELL.search(text) is None:
        return None  # no comparator printed as a cell of its own
    spans = lines_outside(text, taken)
    run = _first_run(list(_line_reads(text, spans)), _MAX_GAP)
    if run:
        _actuals_and_weights(text, run)
    else:  # a row runs over several lines: the gap between rows is a row's length
        index = {span: i for i, span in enumerate(line_spans(text))}
        run = _first_run(list(_column_reads(text, spans, index)), _MAX_NAME)
    if not run:
        return None
    rows = [read.row for read in run]
    table = Table(Kind.INDICATORS, "headerless", list(COLUMNS), rows, rows[0].start, rows[-1].end)
    table.skipped = [(cell.start, cell.end) for read in run for cell in read.left if _NUMBER.search(cell.text)]
    return table


_TOTAL_ROW = re.compile(r"[ \t|]*(?:合计|总计|总分)[ \t]*\|[ \t]*(?:100|100\.0+)[ \t]*\|[ \t|]*")


def _actuals_and_weights(text: str, run: list[_Read]) -> None:
    """Rows that print two values after the target (`≥ | 90 | % | 93 | 10 |`): 完成值 and 权重, or 权重 and 得分?
    The table's 合计 row says which when it prints 100 alone: the weights' total, no score column filled, so
    each row's two values are its actual and its weight (the 得分 cells left empty)."""
    rows_end = max(read.row.end for read in run)
    after = (line for line in text[rows_end:].split("\n")[1:] if line.strip(" \t|\u3000"))
    if not _TOTAL_ROW.fullmatch(next(after, "")):
        return
    for read in run:
        cells = read.left
        target = read.row.cells[Role.TARGET].text
        if len(cells) == 2 and _NUMBER.fullmatch(cells[1].text) and _is_actual(cells[0].text, target):
            read.row.cells.update({Role.ACTUAL: cells[0], Role.WEIGHT: cells[1]})
            read.row.end = max(cell.end for cell in read.row.cells.values())
            read.left = []
