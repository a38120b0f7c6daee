"""A scoring sheet that prints each level's and each name's points in brackets in its own cell, and only 得分
after the name (部门整体支出绩效评价得分表: 一级指标 | 二级指标 | 三级指标 | 得分).

    | 部门决策(20分) | 目标设定(12分) | 目标相关性(4分) | 4 |      (a pipe dump: the aligner reads the rows;
                                                                    the name's points are its weight, see
                                                                    points_out_of_names)
    部门决策(20 分) 目标设定(12 分) 目标相关性(4 分)\\n4 目标明确性(4 分)\\n3 …   (a PDF's lines)
    部门决策(20分)目标设定(12分)目标相关性(4分)4目标明确性(4分)3…              (glued)

Squashed or glued, such a row reads as one to three `word(N分)` entries (the levels the row opens, then the
name) and the score right after the last one, before the next row's first entry. Each level's points are no
fewer than those of the entry after it, and the score is no more than the name's points; a sheet is read only
when three rows read so. A name the excerpt cuts off after the last score (`…1某某合规……` at the end) is a row
of its own, with its levels and no figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.documents.tables.table import Cell, Role, Row

# a word wrapped in its cell (`部门决 策`): its last one or two characters a space after the rest
_WORD = r"(?P<word>[\u4e00-\u9fff“”\"、]{2,30}(?:[ \t][\u4e00-\u9fff]{1,2}(?=[ \t]*[（(]))?)"
_ENTRY = re.compile(rf"{_WORD}[ \t]*[（(][ \t]*(?P<points>\d+(?:\.\d+)?)[ \t]*分[ \t]*[)）]")
_SCORE = re.compile(r"\d+(?:\.\d+)?(?![\d.%])")
_CUT_NAME = re.compile(r"(?P<word>[\u4e00-\u9fff“”\"、]{2,30})[.…·。\s]*")
_LEVELS = (Role.LEVEL1, Role.LEVEL2)
_MIN_ROWS = 3
_POINTS_TAIL = re.compile(r"[ \t]*[（(][ \t]*(?P<points>\d+(?:\.\d+)?)[ \t]*分[ \t]*[)）]$")


def _past_separators(text: str, at: int, end: int) -> int:
    """The first offset from `at` past spaces, line breaks and pipes (between two cells)."""
    while at < end and (text[at].isspace() or text[at] == "|"):
        at += 1
    return at


@dataclass
class _Entry:
    word: Cell
    points: Cell
    end: int  # after its closing bracket

    @property
    def value(self) -> float:
        return float(self.points.text)


def _entry(text: str, at: int, end: int) -> _Entry | None:
    found = _ENTRY.match(text, at, end)
    if found is None:
        return None
    return _Entry(Cell(found["word"], *found.span("word")), Cell(found["points"], *found.span("points")), found.end())


def _entries(text: str, at: int, end: int, most: int) -> tuple[list[_Entry], int]:
    """The entries that open a row at `at` (at most `most`), each level's points no fewer than the next's,
    and where the row's score may stand."""
    found: list[_Entry] = []
    while len(found) < most and (entry := _entry(text, at, end)) is not None:
        if found and entry.value > found[-1].value:
            break
        found.append(entry)
        at = _past_separators(text, entry.end, end)
    return found, at


def bracketed_point_rows(text: str, start: int, end: int, columns: list[Role]) -> list[Row] | None:
    """The rows of text[start:end] read as a squashed or glued sheet whose cells print their points in brackets
    (columns: the levels, a name and 得分, no 分值), or None when fewer than three rows read."""
    if Role.WEIGHT in columns or Role.SCORE not in columns or Role.NAME not in columns:
        return None
    levels = [role for role in _LEVELS if role in columns]
    at = _past_separators(text, start, end)
    carried: dict[Role, Cell] = {}
    rows: list[Row] = []
    while at < end:
        entries, score_at = _entries(text, at, end, len(levels) + 1)
        score = _SCORE.match(text, score_at, end) if entries else None
        if score is None or float(score.group(0)) > entries[-1].value:
            break
        _carry(carried, levels, entries[:-1])
        row = _row(entries[-1].word, carried, rows[-1] if rows else None)
        row.cells[Role.WEIGHT] = entries[-1].points
        row.cells[Role.SCORE] = Cell(score.group(0), *score.span())
        row.start, row.end = entries[0].word.start, score.end()
        rows.append(row)
        at = _past_separators(text, score.end(), end)
    if len(rows) < _MIN_ROWS:
        return None
    if (cut := _CUT_NAME.fullmatch(text, at, len(text))) is not None and at < end:
        rows.append(_row(Cell(cut["word"], *cut.span("word")), carried, rows[-1]))
    return rows


def _carry(carried: dict[Role, Cell], levels: list[Role], opened: list[_Entry]) -> None:
    """The levels a row's leading entries open: the lowest levels (a second level alone keeps the first)."""
    if not opened:
        return
    for role, entry in zip(levels[len(levels) - len(opened) :], opened, strict=True):
        carried[role] = entry.word


def _row(name: Cell, carried: dict[Role, Cell], before: Row | None) -> Row:
    row = Row(cells={Role.NAME: name, **carried}, start=name.start, end=name.end)
    row.carried = {role for role, cell in carried.items() if before is not None and before.cells.get(role) is cell}
    return row


def points_out_of_names(rows: list[Row], text: str) -> None:
    """`目标相关性(4分) | 4` under 三级指标 | 得分, no 分值 column: the points in the name's cell are the row's
    weight, and the name is the words before them (in place)."""
    for row in rows:
        name = row.cells.get(Role.NAME)
        if name is None or Role.WEIGHT in row.cells or Role.SCORE not in row.cells:
            continue
        if text[name.start : name.end] != name.text or (points := _POINTS_TAIL.search(name.text)) is None:
            continue
        row.cells[Role.NAME] = Cell(name.text[: points.start()], name.start, name.start + points.start())
        at = name.start + points.start("points")
        row.cells[Role.WEIGHT] = Cell(points["points"], at, at + len(points["points"]))
