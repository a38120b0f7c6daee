"""The footer of an indicator table: 总分 | 100 | 96.5, 自评等级 | 良, 其他需要说明事项, each read as a row.

The body ends at the first footer line; a 总分 row gives the total score (and, printed after it, the grade),
a 合计 row with only the full 100 beside a blank 得分 cell gives no score at all.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.align import split_glued
from jixiao.documents.tables.headers import compact
from jixiao.documents.tables.levels import GRADE_INLINE, OTHER_MATTERS, is_grade, is_total
from jixiao.documents.tables.shapes import Piece, Shape
from jixiao.documents.tables.table import Cell, Role, Row


def _footer_row(piece: Piece, after: list[Piece]) -> Row:
    """`总分 | 100 | 96.5`, `自评等级 | 良` or `自评等级：良`: a footer read as a row of its own."""
    key = compact(piece.text).lstrip("…·.")
    row = Row(cells={Role.LABEL: piece.cell}, start=piece.cell.start, end=piece.cell.end)
    if grade := GRADE_INLINE.match(key):
        start = piece.cell.start + piece.text.find(grade["grade"])
        row.cells[Role.GRADE] = Cell(grade["grade"], start, start + len(grade["grade"]))
        return row
    if is_grade(key):
        if after and after[0].shape in (Shape.TEXT, Shape.TEXT_VALUE):
            row.cells[Role.GRADE] = after[0].cell
        return row
    numbers = [p for p in after[:2] if p.shape is Shape.NUMBER or (p.shape is Shape.FIGURE and p.unit == "分")]
    if len(numbers) == 2 and numbers == after[:2]:
        row.cells[Role.WEIGHT], row.cells[Role.SCORE] = numbers[0].cell, numbers[1].cell
        if len(after) > 2 and GRADE_INLINE.match(f"等级{compact(after[2].text)}"):
            row.cells[Role.GRADE] = after[2].cell  # `总分 | 100 | 99.11 | 优`
    elif numbers and numbers[0] is after[0] and (split := _glued_total(numbers[0])) is not None:
        row.cells[Role.WEIGHT], row.cells[Role.SCORE] = split
        row.split = True
    elif numbers and numbers[0] is after[0]:
        row.cells[Role.SCORE] = numbers[0].cell
    return row


_SUM_ROW = re.compile(r"^(?:合计|总计|总分)[:：]?$")


def _weights_only(row: Row, key: str, following: list[Piece]) -> bool:
    """`合计 | 100 | |` (Sichuan 2023): the column of 权重 sums to the full 100 and the 得分 cell beside it is
    left blank, so the one figure is the weights' total, not a total score."""
    score = row.cells.get(Role.SCORE)
    if score is None or Role.WEIGHT in row.cells or not _SUM_ROW.match(key) or not following:
        return False
    at = next((i for i, p in enumerate(following) if p.cell == score), None)
    if at is None or at + 1 >= len(following) or compact(score.text) != "100":
        return False
    blank = following[at + 1]
    return blank.shape is Shape.EMPTY and blank.cut == "pipe"


def _glued_total(piece: Piece) -> tuple[Cell, Cell] | None:
    """`总分10095.7` in a glued table: the full 100 points, then the score."""
    if piece.cut != "glued" or not piece.text.startswith("100") or (piece.value or 0) <= 100:
        return None
    split = split_glued(piece.cell)
    return split if split is not None and split[0].text == "100" else None


# read for every piece of a body (an enum member read through its class costs a metaclass hook on Python 3.11)
_MAY_BE_FOOTER = frozenset({Shape.TEXT, Shape.TEXT_VALUE, Shape.FUND_LABEL, Shape.HEADER})
_EMPTY = Shape.EMPTY


def cut_footer(body: list[Piece]) -> tuple[list[Piece], list[Row]]:
    """Cut an indicator body at its footer (总分 100 96.5, 自评等级 良) and read each footer line as a row."""
    rows: list[Row] = []
    cut = len(body)
    for position, piece in enumerate(body):
        if piece.shape not in _MAY_BE_FOOTER:
            continue
        key = compact(piece.text).lstrip("…·.")  # `……总分`: the template's last row glued to the footer
        if OTHER_MATTERS.match(key):
            cut = min(cut, position)  # a note, not the last indicator's reason
            continue
        if not (is_total(key) or GRADE_INLINE.match(key)):
            continue
        following = body[position + 1 : position + 12]
        after = [p for p in following if p.shape is not _EMPTY][:3]
        row = _footer_row(piece, after)
        if _weights_only(row, key, following):
            row.cells[Role.WEIGHT] = row.cells.pop(Role.SCORE)
        rows.append(row)
        cut = min(cut, position)
    return body[:cut], rows
