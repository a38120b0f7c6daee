"""A squashed 部门整体支出 scoring sheet whose every level carries its points (一级 分值 二级 分值 三级 分值 … 得分).

The department-wide sheet prints a row as `投入 | 12 | 预算配置 | 12 | 在职人员控制率 | 4 | 以100%为标准…扣完为止。
| 4`. Glued by a converter, a row reads `投入12预算配置12在职人员控制率4以100%为标准…扣完为止。4“三公经费”变动率8…`:
word-number pairs (the levels the row opens, each with its points, then the name with its weight), the
criterion (words and figures of its own), and the score right before the next row's first pair. A row
opens where pairs follow a number: one pair is a name under the levels above, two are a second level and a
name, three a first level, a second and a name. The score is taken only when it is no more than the
weight, and a sheet is read only when three rows read; a name the excerpt cuts off after its last score
(`…5新建楼堂馆所投资` at the end) is a row of its own, with its levels and no figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.documents.tables.table import Cell, Role, Row

_WORD = re.compile(r"[^\d\s，,。;；:：=%/+|.．、]{2,30}?(?=\d)")
_NUMBER = re.compile(r"[1-9]\d?")
_MIN_ROWS = 3
_MAX_PAIRS = 3
_SEARCH = 600  # chars a criterion may run to
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NOT_AFTER = ".%分‰"  # a number followed by one of these is a figure of a criterion, never a weight


@dataclass
class _Pair:
    word: Cell
    number: Cell


def _cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def _weight(text: str, at: int, end: int) -> Cell | None:
    """The points after a word: one or two digits that leave no figure cut (`5100%以下` is 5, not 51)."""
    for width in (2, 1):
        number = _NUMBER.match(text, at, min(end, at + width))
        if number is None or number.end() - at != width:
            continue
        after = text[number.end() : number.end() + 1]
        if after and after in _NOT_AFTER:
            continue
        if after == "0" and (following := text[number.end() + 1 : number.end() + 2]) and following in "0123456789%.":
            continue  # `51` then `00%`: a figure cut in its middle
        return Cell(number.group(0), at, number.end())
    return None


def _pairs(text: str, at: int, end: int) -> list[_Pair]:
    """The word-number pairs that open a row at `at` (at most three)."""
    found: list[_Pair] = []
    while len(found) < _MAX_PAIRS:
        word = _WORD.match(text, at, end)
        if word is None or _cjk_count(word.group(0)) < 2:
            break
        number = _weight(text, word.end(), end)
        if number is None:
            break
        found.append(_Pair(Cell(word.group(0), word.start(), word.end()), number))
        at = number.end
    return found


def _cut_name(text: str, at: int, end: int) -> Cell | None:
    """A name the excerpt cuts off: words to the end of the text after a score."""
    rest = text[at:end]
    if end != len(text.rstrip()) or not 2 <= len(rest) <= 30 or re.search(r"[\d，,。;；:：=%]", rest):
        return None
    return Cell(rest, at, end) if _cjk_count(rest) >= 2 else None


@dataclass
class _Levels:
    level1: Cell | None = None
    level2: Cell | None = None


def _opening(pairs: list[_Pair], levels: _Levels) -> tuple[Cell, Cell]:
    """The row's name and weight; the levels its leading pairs open (a new first level clears the second)."""
    if len(pairs) == 3:
        levels.level1, levels.level2 = pairs[0].word, pairs[1].word
    elif len(pairs) == 2:
        levels.level2 = pairs[0].word
    return pairs[-1].word, pairs[-1].number


def _row(name: Cell, levels: _Levels) -> Row:
    row = Row(cells={Role.NAME: name}, start=name.start, end=name.end)
    if levels.level1 is not None:
        row.cells[Role.LEVEL1] = levels.level1
    if levels.level2 is not None:
        row.cells[Role.LEVEL2] = levels.level2
    return row


def _score(text: str, start: int, end: int, weight: int) -> tuple[Cell, list[_Pair] | None] | None:
    """The score that ends a criterion from `start`, and the pairs of the row after it (None after the last
    row: the sheet's end or a name the excerpt cut)."""
    for number in re.finditer(r"\d+(?:\.\d+)?", text[start : min(end, start + _SEARCH)]):
        at, stop = start + number.start(), start + number.end()
        if text[at - 1] in "0123456789" or (text[at - 1] in ".．" and text[at - 2 : at - 1].isdigit()):
            continue  # inside a larger figure
        if float(number.group(0)) > weight:
            continue
        score = Cell(number.group(0), at, stop)
        if stop >= end:
            return score, None
        following = _pairs(text, stop, end)
        if following and _weight(text, following[-1].number.end, end) is None:
            return score, following  # the next row opens here (its criterion follows its last pair)
        if _cut_name(text, stop, end) is not None:
            return score, None
    return None


def weighted_level_rows(text: str, start: int, end: int) -> list[Row] | None:
    """The rows of text[start:end] read as a glued department sheet, or None when fewer than three read."""
    levels = _Levels()
    rows: list[Row] = []
    pairs = _pairs(text, start, end)
    while pairs:
        name, weight = _opening(pairs, levels)
        row = _row(name, levels)
        row.cells[Role.WEIGHT] = weight
        found = _score(text, weight.end, end, int(weight.text))
        if found is None:
            break
        score, pairs_after = found
        row.cells[Role.SCORE] = score
        row.end = score.end
        rows.append(row)
        if pairs_after is None:
            if (cut := _cut_name(text, score.end, end)) is not None:
                rows.append(_row(cut, levels))
            break
        pairs = pairs_after
    return rows if len(rows) >= _MIN_ROWS else None
