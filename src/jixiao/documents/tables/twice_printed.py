"""A text target met and printed again as the actual, in a table whose cells stand a single space apart (T3).

    时效指标 项目设计 完成时间为2023年6月30日 完成时间为2023年6月30日 5 5
    数量指标 指标1:修缮数量 完成三处旧址的日常维护 完成三处旧址的日常维护
    4 4

Cut at its figures, `完成时间为2023年6月30日` would be a word and a date, two cells; and a row without figures
is not cut at all. The same text printed twice, each time after a space, is the two cells (target, actual)
it shows, whatever the tokens inside it. And a line of two small whole numbers a space apart is a row's
分值 and 得分, not one number. A 时效 row may be named by its deadline, printed again as its target before the
actual (`时效指标 2023年6月底前 2023年6月底前 按期完成 5 5`): the first date is the name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from jixiao.documents.tables.shapes import Piece, Shape
from jixiao.documents.tables.table import Cell

_POINTS_PAIR = re.compile(r"(\d{1,3}) (\d{1,3})")
_MIN_TWICE = 3  # chars a text repeated as target and actual holds at least (`是 是` is no such pair)
_DATE, _TEXT, _FIGURE = Shape.DATE, Shape.TEXT, Shape.FIGURE
_ACTUAL_AFTER = frozenset({Shape.DATE, Shape.TEXT_VALUE, Shape.FIGURE})


def points_pair(cell: Cell) -> list[Cell] | None:
    """`7 7` on a line of its own: the row's 分值 and 得分, two cells."""
    match = _POINTS_PAIR.fullmatch(cell.text)
    if match is None:
        return None
    return [Cell(match[k], cell.start + match.start(k), cell.start + match.end(k)) for k in (1, 2)]


def repeated_tail(cell: Cell, document: str | None = None) -> list[Cell] | None:
    """`指标1:某某数量 X X`: a cell whose last two space-separated words are one text printed twice, cut into
    what comes before them and the two (None when it does not end so). Where the `document` ends in the
    second, that one may be cut short (`X X的前`): the row's actual, which its reader leaves out as cut."""
    text = cell.text
    if text.count(" ") < 2:
        return None
    head, first, second = text.rsplit(" ", 2)
    if len(second) < _MIN_TWICE or not head.strip():
        return None
    cut = document is not None and first.startswith(second) and not document[cell.end :].strip()
    if first != second and not cut:
        return None
    second_at = len(text) - len(second)
    first_at = second_at - 1 - len(first)
    head_cell = Cell(head.rstrip(), cell.start, cell.start + len(head.rstrip()))
    return [
        head_cell,
        Cell(first, cell.start + first_at, cell.start + first_at + len(first)),
        Cell(second, cell.start + second_at, cell.end),
    ]


def rejoined_twice(text: str, parts: list[Cell]) -> list[Cell]:
    """Parts cut from one segment with a word and a figure glued, printed twice (`完成时间为` `2023年6月30日`
    `完成时间为` `2023年6月30日`, each pair after a space): each pair one cell."""
    if len(parts) < 4:
        return parts
    result: list[Cell] = []
    index = 0
    while index < len(parts):
        four = parts[index : index + 4]
        if len(four) == 4 and _twice(text, four):
            result += [_joined(text, four[0], four[1]), _joined(text, four[2], four[3])]
            index += 4
            continue
        result.append(parts[index])
        index += 1
    return result


def _twice(text: str, four: list[Cell]) -> bool:
    word, figure, again, figure_again = four
    if word.text != again.text or figure.text != figure_again.text or len(word.text) < 2:
        return False
    glued = figure.start == word.end and figure_again.start == again.end
    spaced = text[word.start - 1 : word.start].isspace() and text[figure.end : again.start].isspace()
    return glued and spaced and any(char.isdigit() for char in figure.text)


def _joined(text: str, first: Cell, second: Cell) -> Cell:
    return Cell(text[first.start : second.end], first.start, second.end)


def deadline_names(found: list[Piece]) -> list[Piece]:
    """A date printed twice and then an actual (a date, a word for a value, a figure that is no points): the
    first date is the row's name (a 三级 cell that names the deadline), read as words."""
    for index in range(len(found) - 2):
        piece = found[index]
        if piece.shape is not _DATE or found[index + 1].shape is not _DATE or found[index + 1].text != piece.text:
            continue
        after = found[index + 2]
        if after.shape in _ACTUAL_AFTER and not (after.shape is _FIGURE and after.unit == "分"):
            found[index] = replace(piece, shape=_TEXT)
    return found
