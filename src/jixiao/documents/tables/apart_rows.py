"""Numbered indicator rows whose names and values a squashed sheet printed apart, each side in row order.

An xlsx flattened onto one line may print a few rows' value cells in one run away from their names: after them
(`指标4:某报告数 指标5:某签约率 12例 12例 2 2 3100人 2950人 2 1.9`) or before them (`60元 60元 10 10 90% 92%
30 30 成本指标 指标1:某标准 … 指标1:某比率 … 总分`), the total row's two figures last when a 总分 follows the
names. The aligner, which reads a row as its name and then its values, pairs the run with the wrong names or
leaves it unread. When the names waiting for values (numbered `指标N:`, none of them with a value yet) and the
run agree exactly, run length = names × the value columns (+ 2 for the 总分 row), and every group of the run
reads as a row (figures under 指标值 and 完成值, then 分值 ≥ 得分), the groups are put back after their names in
order, each name joined to its wrapped rest printed next (`指标1:某资金及时纳 入`). Anything short of that is
left to the aligner.
"""

from __future__ import annotations

from dataclasses import replace

from jixiao.documents.tables.align import NUMBERED
from jixiao.documents.tables.levels import TOTAL_WORDS
from jixiao.documents.tables.shapes import Piece, Shape
from jixiao.documents.tables.table import Cell, Role

_ROW_VALUES = (Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE)
_FIGURES = (Shape.NUMBER, Shape.FIGURE)
_MIN_NAMES = 2
_MAX_POINTS = 100.0


def _value(piece: Piece) -> bool:
    """A row's value cell; a level's points (`(10分)`, `10分`) are not."""
    return piece.shape in _FIGURES and not piece.text.endswith("分")


def _name(piece: Piece) -> bool:
    return piece.shape is Shape.TEXT and NUMBERED.match(piece.text) is not None


def _points(piece: Piece) -> float | None:
    return piece.value if piece.shape is Shape.NUMBER else None


def _reads_as_row(group: list[Piece]) -> bool:
    """指标值, 完成值, 分值, 得分: two figures, then points with the score within the weight."""
    weight, score = _points(group[2]), _points(group[3])
    return weight is not None and score is not None and 0 < weight <= _MAX_POINTS and 0 <= score <= weight


def _points_pair(pair: list[Piece]) -> bool:
    """The 总分 row's full points and score (`100 94`)."""
    weight, score = _points(pair[0]), _points(pair[1])
    return weight is not None and score is not None and 0 <= score <= weight


def _names_between(body: list[Piece], start: int, stop: int) -> list[int] | None:
    """The numbered names in body[start:stop], or None when a value stands among them."""
    names: list[int] = []
    for position in range(start, stop):
        if _value(body[position]):
            return None
        if _name(body[position]):
            names.append(position)
    return names


def _tail(body: list[Piece], position: int) -> Piece | None:
    """The wrapped rest of a name printed next, a space apart (`指标1:是否解决某某人 员看病难问题`, `…及时纳 入`)."""
    following = position + 1
    if following >= len(body) or body[following].shape is not Shape.TEXT or body[following].cut != "space":
        return None
    rest = body[following]
    cjk = all("\u4e00" <= char <= "\u9fff" for char in rest.text)
    if not cjk or _name(rest) or TOTAL_WORDS.match(rest.text):
        return None  # (a lone unit, `人`, is shaped a unit, not a text)
    return rest


def _total_after(body: list[Piece], start: int) -> int | None:
    """The 总分 label after the last waiting name, before any value (a level's words and points may stand
    between): its position."""
    for position in range(start, len(body)):
        piece = body[position]
        if _value(piece):
            return None
        if piece.shape is Shape.TEXT and TOTAL_WORDS.match(piece.text.replace(" ", "")):
            return position
    return None


def _run_at(body: list[Piece], start: int) -> int:
    end = start
    while end < len(body) and _value(body[end]):
        end += 1
    return end


def rows_put_together(text: str, body: list[Piece], columns: list[Role]) -> list[Piece]:
    """The body with each run of values printed apart from its numbered names put back after them."""
    if [role for role in columns if role in _ROW_VALUES] != list(_ROW_VALUES):
        return body
    width = len(_ROW_VALUES)
    position, last_value = 0, -1
    while position < len(body):
        if not _value(body[position]):
            position += 1
            continue
        end = _run_at(body, position)
        before = _names_between(body, last_value + 1, position) or []
        following = next((i for i in range(end, len(body)) if _value(body[i])), len(body))
        after = _names_between(body, end, following) or []
        size = end - position
        for names in (before, before + after):  # the names before the run, else those after it too
            total = _total_after(body, after[-1] + 1) if after and names[-1:] == after[-1:] else None
            groups = [body[position + i * width : position + (i + 1) * width] for i in range(len(names))]
            fits = size == len(names) * width + (2 if total is not None else 0)
            fits = fits and (total is None or _points_pair(body[end - 2 : end]))
            if len(names) >= _MIN_NAMES and fits and all(_reads_as_row(group) for group in groups):
                return rows_put_together(text, _moved(text, body, names, groups, (position, end), total), columns)
        position, last_value = end, end - 1
    return body


def _moved(
    text: str, body: list[Piece], names: list[int], groups: list[list[Piece]], run: tuple[int, int], total: int | None
) -> list[Piece]:
    """body with the run taken out, each name joined to its wrapped rest and followed by its group (and the
    总分 pair after 总分)."""
    start, end = run
    inserts: dict[int, list[Piece]] = {}
    for name, group in zip(names, groups, strict=True):
        piece, tail = body[name], _tail(body, name)
        if tail is not None:  # one name cell: `指标1:资金是否全部及时纳入`
            joined = Cell(text[piece.cell.start : tail.cell.end], piece.cell.start, tail.cell.end)
            inserts[name] = [replace(piece, cell=joined)]
            inserts[name + 1] = group
        else:
            inserts[name] = [piece, *group]
    if total is not None:
        inserts[total] = [body[total], *body[end - 2 : end]]
    moved: list[Piece] = []
    for position, piece in enumerate(body):
        if start <= position < end:
            continue
        moved.extend(inserts.get(position, [piece]))
    return moved
