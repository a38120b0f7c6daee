"""Indicator rows with no header: an excerpt that starts on the table's second page, or a header lost.

Published excerpts are often cut from a page that does not repeat the header (`| 项目完成指标 | 质量指标 | 改善养老
服务基础条件 | 改善条件 | 明显改善 |`). Such rows are read only from a dump whose cells were cut at pipes or
line ends, where at least three lines hold a second-level word alone (数量指标, 社会效益指标 …), and in the
order of the 10号 annex (一级, 二级, 三级, 指标值, 完成值, 分值, 得分, 原因). The guess is marked: the table's
layout is `headerless`, so its figures say so and no finding accuses the report from them.

A squashed tail of a table is read in one shape only (glued_rows): a level word, then rows that each glue a
name to a target opened by a comparator and print one number after a space (`产出指标数量指标足额发放率=100% 20
整改次数≤3次 20 …`). The comparator is where the name ends; the number (分值 or 得分, the excerpt does not say)
is left unread.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.align import Aligner
from jixiao.documents.tables.cells import HEADING, lines_outside
from jixiao.documents.tables.shapes import Piece, Shape
from jixiao.documents.tables.table import Cell, Kind, Role, Row, Table
from jixiao.documents.tables.tokens import Gap
from jixiao.vocabulary import LEVEL1_NAMES, LEVEL2_WORD, is_level2

COLUMNS = [Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE, Role.REASON]
_MIN_ROWS = 3
_MAX_ROW_LINES = 30  # lines from one second-level cell to the next, in a one-cell-per-line dump
_BEFORE = 8  # lines before the first second-level cell that may hold its row's first-level cell
_DUMP_CUTS = ("pipe", "line")
_VALUES = (Shape.NUMBER, Shape.FIGURE, Shape.DATE)
_VALUE_ROLES = (Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE)
_MAX_CELL = 40
_NUMBERED_LINE = re.compile(r"\s*\d+[.、．](?!\d)")  # `2.部门绩效评价结果。`: the text goes on


def _is_level2_cell(line: str) -> bool:
    """A line holding a second-level word alone (`     质量指标`, `| 社会效益指标 |`)."""
    if "指标" not in line:
        return False
    cell = line.strip().strip("|").strip()
    return len(cell) <= _MAX_CELL and is_level2(cell)


def headerless_zones(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches where three or more lines hold a second-level word alone, outside the tables `taken`."""
    lines = lines_outside(text, taken)
    marked = [i for i, (a, b) in enumerate(lines) if text.find("指标", a, b) >= 0 and _is_level2_cell(text[a:b])]
    zones: list[tuple[int, int]] = []
    group: list[int] = []
    for index in [*marked, None]:
        if index is not None and (not group or index - group[-1] <= _MAX_ROW_LINES):
            group.append(index)
            continue
        if len(group) >= _MIN_ROWS:
            zones.append(_zone(text, lines, group[0], group[-1]))
        group = [] if index is None else [index]
    return zones


def _zone(text: str, lines: list[tuple[int, int]], first: int, last: int) -> tuple[int, int]:
    start = max(0, first - _BEFORE)
    while start < first and HEADING.match(text, *lines[start]):
        start += 1
    stop = last
    while stop + 1 < len(lines) and stop - last < _MAX_ROW_LINES and _in_table(text, *lines[stop + 1]):
        stop += 1
    return lines[start][0], lines[stop][1]


def _in_table(text: str, start: int, end: int) -> bool:
    """A line a dumped row may hold: a cell, pipes or nothing; a heading or a sentence ends the rows."""
    line = text[start:end]
    if HEADING.match(line) or _NUMBERED_LINE.match(line) or line.rstrip().endswith("。"):
        return False
    return "|" in line or len(line.strip()) <= _MAX_CELL


_NOT_BODY = frozenset({Shape.HEADER, Shape.BLOCK, Shape.EMPTY})  # a set: a member read through its class is slow


def headerless_table(text: str, found: list[Piece], min_rows: int = _MIN_ROWS) -> Table | None:
    """The indicator rows of a zone's pieces, read in the annex's column order, or None when it is no dump
    (or it reads fewer than `min_rows` rows)."""
    # without a header to count columns by, empty cells only blur the rows: a level word starts each
    body = [piece for piece in found if piece.shape not in _NOT_BODY]
    cuts = [piece.cut for piece in body]
    if not cuts or sum(cut in _DUMP_CUTS for cut in cuts) * 4 < len(cuts) * 3:
        return None
    rows, left = Aligner(COLUMNS, Kind.INDICATORS, text).align(body, None)
    left = _named_by_their_value(rows, left)
    read = [row for row in rows if Role.NAME in row.cells and ({Role.TARGET, Role.ACTUAL} & row.cells.keys())]
    if len(read) < min_rows:
        return None
    table = Table(
        kind=Kind.INDICATORS, layout="headerless", columns=COLUMNS, rows=read, start=read[0].start, end=read[-1].end
    )
    values = [p.cell for p in left if p.shape in _VALUES]  # figures no row could take
    values += [cell for row in rows if row not in read for role, cell in row.cells.items() if role in _VALUE_ROLES]
    table.skipped = sorted((cell.start, cell.end) for cell in values)
    return table


_CJK = re.compile(r"[\u4e00-\u9fff]")
_NAMED_BY_VALUE = 3  # the name, target and actual cells
_NAMED_SHAPES = (Shape.FIGURE, Shape.DATE)


def _named_by_their_value(rows: list[Row], left: list[Piece]) -> list[Piece]:
    """`| 项目完成指标 | 时效指标 | 2020年 | 2020年 | 2020年 |`: a row the form names by its value (a deadline, a
    sum), printed again as the target and the actual. A row of level cells alone, followed by exactly three
    figures of one text with a unit in words before the next row, takes them as its name, target and actual
    (tables.extract reads such a name only when the three agree); the pieces left over are returned."""
    taken: set[int] = set()
    for index, row in enumerate(rows):
        if row.cells.keys() - {Role.LEVEL1, Role.LEVEL2} or Role.LEVEL2 not in row.cells:
            continue
        stop = rows[index + 1].start if index + 1 < len(rows) else None
        after = [
            at
            for at, piece in enumerate(left)
            if piece.cell.start >= row.end and (stop is None or piece.cell.start < stop)
        ]
        pieces = [left[at] for at in after]
        if len(pieces) != _NAMED_BY_VALUE or any(piece.shape not in _NAMED_SHAPES for piece in pieces):
            continue
        if len({piece.text for piece in pieces}) != 1 or not _CJK.search(pieces[0].text):
            continue
        for role, piece in zip((Role.NAME, Role.TARGET, Role.ACTUAL), pieces, strict=True):
            row.cells[role] = piece.cell
        row.end = pieces[-1].cell.end
        taken.update(after)
    return [piece for at, piece in enumerate(left) if at not in taken]


_LEVEL1_WORD = "(?:" + "|".join(LEVEL1_NAMES) + ")"
_GLUED_ROW = re.compile(
    rf"(?P<level1>{_LEVEL1_WORD})?(?P<level2>{LEVEL2_WORD})?(?P<name>[^\s=≤≥<>|，。；;]{{2,40}}?)"
    r"(?P<target>[=≤≥<>]\s*\d+(?:\.\d+)?(?:%|[\u4e00-\u9fff]{1,2})?)\s*(?P<number>\d+(?:\.\d+)?)"
)
_TARGET_AND_NUMBER = re.compile(r"[=≤≥<>]\s*\d+(?:\.\d+)?(?:%|[\u4e00-\u9fff]{1,2})?\s*\d")
_LEVEL_OPENING = re.compile(rf"{_LEVEL1_WORD}|{LEVEL2_WORD}")
_MAX_ROW = 60  # chars from a row's level words to its target


def glued_rows(text: str, gap: Gap, taken: list[tuple[int, int]]) -> Table | None:
    """The first run of at least three glued rows opened by a level word, outside the tables `taken` (`gap`
    tells where the source printed a space: before and after each row's number). Level words are looked for
    only just before a target with a number after it (few texts print one), not through the whole text."""
    for target in _TARGET_AND_NUMBER.finditer(text):
        if not gap(target.end() - 1):
            continue  # `≥95%100%`: a target glued to the next figure, not a row's number printed apart
        for opening in _LEVEL_OPENING.finditer(text, max(0, target.start() - _MAX_ROW), target.start()):
            if any(a <= opening.start() < b for a, b in taken):
                continue
            rows = _glued_run(text, gap, opening.start())
            if len(rows) >= _MIN_ROWS:
                table = Table(Kind.INDICATORS, "headerless", COLUMNS, [row for row, _ in rows], rows[0][0].start, 0)
                table.end = rows[-1][0].end
                table.skipped = [number for _, number in rows]
                return table
            if rows:
                break  # the level word opened this target's row: an earlier one would only read the same run
    return None


def _glued_run(text: str, gap: Gap, start: int) -> list[tuple[Row, tuple[int, int]]]:
    """Rows glued one after the other from `start` (spaces between them), each with its unread number."""
    rows: list[tuple[Row, tuple[int, int]]] = []
    position = start
    while (row := _GLUED_ROW.match(text, position)) is not None:
        if not rows and row["level1"] is None and row["level2"] is None:
            break
        after = row.end("number")
        if not gap(row.start("number")) or not (after == len(text) or text[after].isspace() or gap(after)):
            break  # the number is not a cell of its own: the row is not this shape
        cells = {
            role: Cell(row[group], *row.span(group))
            for role, group in (
                (Role.LEVEL1, "level1"),
                (Role.LEVEL2, "level2"),
                (Role.NAME, "name"),
                (Role.TARGET, "target"),
            )
            if row[group] is not None
        }
        rows.append((Row(cells=cells, start=row.start(), end=row.end("target")), row.span("number")))
        position = row.end()
        while position < len(text) and text[position] in " \t\u3000":
            position += 1
    return rows
