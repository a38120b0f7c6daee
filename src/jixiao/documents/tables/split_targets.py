"""Indicator rows whose target is printed in three cells, read where no header stands above them.

Sichuan's 自评表 prints each target as 指标性质 | 指标值 | 度量单位 (`≥ | 90 | %`), then 完成值 | 权重 | 得分. An
excerpt may start inside such a table (no header), and a page dump may drop the empty cells of a row and pad
the row at its end instead (`城乡居民参保率 | ≥ | 95 | % | 10 | |||||`):

    成本指标 | 宣传品印制成本 | ≤ | 8000 | 元 | 5 | ||||||
    效益指标 | 社会效益指标 | 政策知晓率 | = | 100 | % | 15 | 98% | 15 | ||||
    可持续影响指标 | 工作机制健全性 | 定性 | 优良中低差 | 10 | ||||||

A row is read from its comparator cell: the cell before it is the name, the cells before that level words
only (a row with anything else there is no such row); the value after it and its unit make the target
(`定性` is followed by a text target and no unit). What follows are the row's filled numbers in the form's
order: one number alone is the 权重 (a template row: weights are set with the targets, actuals and scores
come later), three are 完成值 | 权重 | 得分; any other count cannot be placed and is left unread. At least
three such lines make a table; its layout is `headerless`, so its figures say they were guessed.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.cells import line_spans, lines_outside, pipe_cells
from jixiao.documents.tables.table import Cell, Kind, Role, Row, Table
from jixiao.vocabulary import LEVEL1_OF, UNIT_WORDS, is_level1, is_level2, level_name, op_of

COLUMNS = [Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.OP, Role.TARGET, Role.UNIT, Role.ACTUAL, Role.WEIGHT, Role.SCORE]
_MIN_ROWS = 3
_MAX_GAP = 2  # lines between two rows of one table (a wrapped name, a blank line)
_QUALITATIVE = "定性"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SHORT_UNIT = re.compile(r"[\u4e00-\u9fff]{1,3}")
_UNITS = frozenset(UNIT_WORDS)
_TEXT_TARGET = re.compile(r"[\u4e00-\u9fff]{1,12}")  # `优良中低差`, `有效`: a word, no figure
_MAX_NAME = 40
_MIN_PIPES = 4


def _is_second(cell: Cell) -> bool:
    """A second-level word, 成本指标 too (a first level in later templates, a second under 产出指标 before)."""
    return is_level2(cell.text) or level_name(cell.text) in LEVEL1_OF


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


def _values(cells: list[Cell]) -> dict[Role, Cell]:
    """The numbers after a row's target, placed by how many the dump kept (see the module's docstring)."""
    if len(cells) == 1 and _NUMBER.fullmatch(cells[0].text):
        return {Role.WEIGHT: cells[0]}
    if len(cells) == 3 and all(_NUMBER.fullmatch(cell.text) for cell in cells[1:]):
        return dict(zip((Role.ACTUAL, Role.WEIGHT, Role.SCORE), cells, strict=True))
    return {}


def _row(text: str, start: int, end: int) -> tuple[Row, list[Cell]] | None:
    """The row a pipe line prints with a comparator cell, and the value cells it could not place."""
    if text.count("|", start, end) < _MIN_PIPES:
        return None
    cells = [cell for cell in pipe_cells(text, start, end) if cell.text]
    at = next((i for i, cell in enumerate(cells) if op_of(cell.text) or cell.text == _QUALITATIVE), None)
    if at is None or at == 0 or at + 1 >= len(cells):
        return None
    name, op, value = cells[at - 1], cells[at], cells[at + 1]
    levels = _levels(cells[: at - 1])
    if levels is None or len(name.text) > _MAX_NAME or _NUMBER.fullmatch(name.text) or is_level2(name.text):
        return None
    row = Row(cells={**levels, Role.NAME: name}, start=cells[0].start, end=cells[-1].end)
    rest = cells[at + 2 :]
    if op.text == _QUALITATIVE:
        if not _TEXT_TARGET.fullmatch(value.text):
            return None
        row.cells[Role.TARGET] = value
    else:
        if not _NUMBER.fullmatch(value.text):
            return None
        row.cells.update({Role.OP: op, Role.TARGET: value})
        if rest and _is_unit(rest[0].text):
            row.cells[Role.UNIT], rest = rest[0], rest[1:]
        elif rest and not _NUMBER.fullmatch(rest[0].text):
            return None  # a word where the unit stands that is none: the target's unit is not sure
    placed = _values(rest)
    row.cells.update(placed)
    return row, [] if placed else rest


def split_target_table(text: str, taken: list[tuple[int, int]]) -> Table | None:
    """The first run of at least three such rows outside the tables `taken`, as one headerless table."""
    if "|" not in text:
        return None
    index = {span: i for i, span in enumerate(line_spans(text))}
    run: list[tuple[int, Row, list[Cell]]] = []
    for span in lines_outside(text, taken):
        read = _row(text, *span)
        if read is None:
            continue
        if run and index[span] - run[-1][0] > _MAX_GAP + 1:
            if len(run) >= _MIN_ROWS:
                break
            run = []
        run.append((index[span], *read))
    if len(run) < _MIN_ROWS:
        return None
    rows = [row for _, row, _ in run]
    table = Table(Kind.INDICATORS, "headerless", list(COLUMNS), rows, rows[0].start, rows[-1].end)
    table.skipped = [(cell.start, cell.end) for _, _, left in run for cell in left if _NUMBER.search(cell.text)]
    return table
