"""Stretches of a document's text that may hold tables: from a line naming column words to the next section
heading or run of sentences. Only these stretches are cut into pieces (the reader's main cost)."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise

from jixiao.documents.tables.cells import HEADING, lines_outside
from jixiao.documents.tables.headers import HEADER_SPAN
from jixiao.vocabulary import LEVEL_WORD

_COLUMN_WORD = re.compile(
    r"预算数|执行数|执行率|执行资金|到位资金|分值|得分|权重|一级|二级|三级|指标值|完成值|目标值|计划值|指标性质|度量单位|原因|指标名称|年初预算|全年执行"
)
MIN_HEADER = 2
_WINDOW_LINES = 8  # a header dumped one cell per line spreads over this many lines at most
MAX_PROSE_RUN = 3  # this many sentences in a row end a table


def table_zones(text: str, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches that may hold tables: from a line naming column words to the next section heading (a
    heading or a table the loader gave as a grid, `covered`, ends a stretch)."""
    lines = lines_outside(text, covered)
    counts = _column_words(text, lines)
    zones: list[tuple[int, int]] = []
    index = zones_end = 0
    while index < len(lines):
        if not counts[index] or sum(counts[index : index + _WINDOW_LINES]) < MIN_HEADER:
            index += 1
            continue
        first = index  # a header dumped a word per line starts before its first column word (`年初` / `预算数`)
        while first > max(index - _WINDOW_LINES, zones_end) and _is_short(text, *lines[first - 1]):
            first -= 1
        stop, prose = index + 1, 0
        while stop < len(lines) and not _is_heading(text, lines, stop) and prose < MAX_PROSE_RUN:
            if covered and any(lines[stop - 1][1] < a <= lines[stop][0] for a, _ in covered):  # (most: none)
                break  # a grid table lies between: the stretch ends before it
            prose = prose + 1 if _is_prose_line(text, *lines[stop]) else 0
            stop += 1
        stop -= prose  # a run of sentences is the text going on, not the table
        zones.append((lines[first][0], lines[max(stop, index + 1) - 1][1]))
        index = zones_end = max(stop, index + 1)
    return zones


def _is_heading(text: str, lines: list[tuple[int, int]], at: int) -> bool:
    """A section heading ends a stretch; a pipe table's row under a piped row is no heading even when its name
    cell is numbered like one (a sub-total row `二、示范推广 | ≥12场 | 12场 | 10.0 |` with its parts below), nor
    is such a row squashed under another, nor such a name cell of a dump one cell per line whose next two cells
    are bare figures (`二、示范推广` / `≥12场` / `12场`)."""
    line, previous = lines[at], lines[at - 1]
    if not HEADING.match(text, *line):
        return False
    if _ROW_VALUES.search(text, *line) and _ROW_VALUES.search(text, *previous):
        return False  # the same row squashed (T3): `二、示范推广 ≥12场 12场 10.0` under a row ending in figures
    if "|" in text[line[0] : line[1]] and "|" in text[previous[0] : previous[1]]:
        return False
    return not (_is_short(text, *line) and _figure_cells_follow(text, lines, at))


_FIGURE_CELL = re.compile(r"\s*[≥≤<>=]?\d[\d.,]*+%?[\u4e00-\u9fff]{0,2}+\s*\|?\s*")
_FIGURE_CELLS = 2


def _figure_cells_follow(text: str, lines: list[tuple[int, int]], at: int) -> bool:
    """Whether the next lines with text (blank lines, a dump's cell breaks, aside) are bare figures."""
    cells = (line for line in lines[at + 1 : at + 1 + 3 * _FIGURE_CELLS] if text[line[0] : line[1]].strip())
    following = [line for _, line in zip(range(_FIGURE_CELLS), cells, strict=False)]
    return len(following) == _FIGURE_CELLS and all(_FIGURE_CELL.fullmatch(text, *line) for line in following)


# a row's figures a space apart: two or more, or one whose number two glued ones could make (`12` is 1 and 2).
# Each figure takes its whole run of digits (possessive): open runs tried every split of every run before a
# line's end that was no figure, exponential in its digits (four amounts and a word took seconds)
_ROW_VALUE = r" ?[≥≤<>=]?\d[\d.,]*+%?[\u4e00-\u9fff]{0,2}+"
_ROW_VALUES = re.compile(rf"(?:{_ROW_VALUE}){{2,}}$| ?[≥≤<>=]?\d[.,]*+\d[\d.,]*+%?[\u4e00-\u9fff]{{0,2}}+$")


def _column_words(text: str, lines: list[tuple[int, int]]) -> list[int]:
    """How many column words each line holds (one scan of the text; a word never spans a line break)."""
    counts = [0] * len(lines)
    starts = [start for start, _ in lines]
    for match in _COLUMN_WORD.finditer(text):
        line = bisect_right(starts, match.start()) - 1
        if line >= 0 and match.end() <= lines[line][1]:  # not on a line left out (a grid's)
            counts[line] += 1
    return counts


_SHORT = 12
_PROSE = re.compile(r"。|(?:[，；;]|,(?!\d)).*(?:[，；;]|,(?!\d))")  # a thousands separator is no clause mark


_BETWEEN_COLUMNS = re.compile(r"[\d.,%()（）/A-Za-z]*")  # a column read column by column: its values


def may_hold_header(zone: str) -> bool:
    """Whether a stretch can hold a header: two header words side by side once spaces and pipes are gone
    (cells, or cells glued or broken over lines), or with a column's values between them (T3 by column).
    Cutting the stretch into pieces is the reader's main cost; most stretches in prose hold no header."""
    key = "".join(zone.split()).replace("|", "").replace("│", "").replace("┃", "")  # re.sub costs 3x as much
    words = (match.span() for match in HEADER_SPAN.finditer(key))  # read until two stand side by side
    return any(_BETWEEN_COLUMNS.fullmatch(key, end, start) for (_, end), (start, _) in pairwise(words))


def _is_short(text: str, start: int, end: int) -> bool:
    return len(text[start:end].strip()) <= _SHORT


_ROW_OPENING = re.compile(rf"\s*(?:{LEVEL_WORD}|指标\s*\d+\s*[:：])")
_LEVEL_INSIDE = re.compile(LEVEL_WORD)
_ROWS_RUN_TOGETHER = 3  # level words in a line: a glued table's rows, whatever commas their cells hold
_LEVELS_READ = 400  # chars of a line searched for them


# `…少一个扣1分,扣完为止。 6 6`: a 评分标准 cell then the row's 分值 and 得分, a space apart
_SCORED_CRITERION = re.compile(r"。 ?\d+(?:\.\d+)? \d+(?:\.\d+)?(?![\d.%])")


def _is_prose_line(text: str, start: int, end: int) -> bool:
    """A sentence on its own line (no table separator): three in a row end a stretch that may hold tables.
    A line that opens with a level word or a numbered indicator is a row whose cells are sentences (a web
    table's `数量指标  指标1:… 实施…37个。 本年度已完成…。`); so is a line that holds three level words: a glued
    table's rows run on over the line break, whatever commas their cells hold; and one where a criterion
    sentence is followed by two bare figures (its 分值 and 得分)."""
    line = text[start:end]
    if len(line.strip()) <= 40 or "|" in line or "\t" in line or _ROW_OPENING.match(line):
        return False
    if not _PROSE.search(line) or _SCORED_CRITERION.search(line):
        return False
    if line.count("指标", 0, _LEVELS_READ) < _ROWS_RUN_TOGETHER:  # every level word ends in 指标: a cheap test
        return True
    return len(_LEVEL_INSIDE.findall(line, 0, _LEVELS_READ)) < _ROWS_RUN_TOGETHER
