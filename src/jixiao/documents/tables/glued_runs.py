"""Indicator rows whose figures a converter glued into one run of digits, read back by their arithmetic.

A sheet with a 计量单位 column prints its values without units, so once the cells run together a row is a
name, a unit and digits: `森林抚育面积万亩2110110` is 森林抚育面积 | 万亩 | then 指标值, 权重, 完成值, 得分 glued.
Nothing marks the cuts, so every cut into the header's value columns is tried and kept only when it reads
as a form: numbers as forms print them (no leading zeros, at most two decimals for points), a weight of at
most 30 and a score within it. A table's rows share a weight more often than not, and a score equals its
weight more often than not, so among the cuts left the one with the weight most rows allow and a full score
is taken; a row with two such readings that differ stays unread. A target that a full score contradicts
(`28` against a completed `8`: the sheet's comparator misread as a digit) is left blank rather than guessed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator

from jixiao.documents.tables.shapes import Piece, Shape
from jixiao.documents.tables.table import Cell, Role, trimmed_cell
from jixiao.numbers import UNIT_PATTERN
from jixiao.scan import skipping
from jixiao.vocabulary import is_reverse

_VALUES = (Role.TARGET, Role.WEIGHT, Role.ACTUAL, Role.SCORE)
_ROW = skipping(rf"(?<=[\u4e00-\u9fff)）])(?P<unit>{UNIT_PATTERN})(?P<run>\d[\d.]{{2,}})(?=[\u4e00-\u9fff(（]|\s*$)")
_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
_POINTS = re.compile(r"(?:0|[1-9]\d?)(?:\.\d{1,2})?")
_MAX_WEIGHT = 30.0
_LEADING_NOTE = re.compile(r"说明|备注")
_MIN_ROWS = 2

Reading = tuple[str, ...]


def _cuts(run: str, parts: int) -> Iterator[list[str]]:
    if parts == 1:
        if _NUMBER.fullmatch(run):
            yield [run]
        return
    for index in range(1, len(run)):
        if _NUMBER.fullmatch(run[:index]):
            for rest in _cuts(run[index:], parts - 1):
                yield [run[:index], *rest]


def _readings(run: str, columns: list[Role]) -> list[Reading]:
    found = []
    for cut in _cuts(run, len(columns)):
        value = dict(zip(columns, cut, strict=True))
        weight, score = value.get(Role.WEIGHT), value.get(Role.SCORE)
        if weight is None or score is None or not (_POINTS.fullmatch(weight) and _POINTS.fullmatch(score)):
            continue
        if 0 < float(weight) <= _MAX_WEIGHT and float(score) <= float(weight):
            found.append(tuple(cut))
    return found


def _best(readings: list[Reading], columns: list[Role], weight: str | None) -> Reading | None:
    """The reading with the table's weight and a full score; None when two such readings differ."""
    at = {role: index for index, role in enumerate(columns)}
    kept = [r for r in readings if weight is None or r[at[Role.WEIGHT]] == weight] or readings
    full = [r for r in kept if float(r[at[Role.WEIGHT]]) == float(r[at[Role.SCORE]])] or kept
    if Role.TARGET in at and Role.ACTUAL in at and len(full) > 1:
        full = sorted(full, key=lambda r: _distance(r[at[Role.TARGET]], r[at[Role.ACTUAL]]))
        if _distance(full[0][at[Role.TARGET]], full[0][at[Role.ACTUAL]]) < _distance(
            full[1][at[Role.TARGET]], full[1][at[Role.ACTUAL]]
        ):
            return full[0]
    return full[0] if len(set(full)) == 1 else None


def _distance(target: str, actual: str) -> float:
    low, high = sorted((float(target), float(actual)))
    return math.inf if low <= 0 < high else abs(math.log((high or 1) / (low or 1)))


def _target_contradicted(name: str, reading: dict[Role, str]) -> bool:
    """A full score beside an actual far below its target: the target was misread, not missed."""
    target, actual = reading.get(Role.TARGET), reading.get(Role.ACTUAL)
    if target is None or actual is None or is_reverse(name):
        return False
    full = float(reading[Role.WEIGHT]) == float(reading[Role.SCORE])
    return full and float(actual) < float(target) / 2


def glued_run_pieces(text: str, body: list[Piece], columns: list[Role]) -> list[Piece]:
    """The body, with its glued name-unit-digits rows cut into cells (unchanged when fewer than two rows
    read surely). A target left blank is a DASH piece keeping its span, for the table's unread list."""
    if Role.UNIT not in columns or not body:
        return body
    values = [role for role in columns[columns.index(Role.UNIT) + 1 :] if role in _VALUES]
    if not {Role.WEIGHT, Role.SCORE} <= set(values) or len(values) < 3:
        return body
    start, end = body[0].cell.start, body[-1].cell.end
    rows = [(m, _readings(m["run"], values)) for m in _ROW.finditer(text, start, end)]
    rows = [(m, readings) for m, readings in rows if readings]
    weights = Counter(r[values.index(Role.WEIGHT)] for _, readings in rows for r in set(readings))
    weight = weights.most_common(1)[0][0] if weights else None
    chosen = [(m, best) for m, readings in rows if (best := _best(readings, values, weight)) is not None]
    if len(chosen) < _MIN_ROWS:
        return body
    return _rebuilt(text, body, chosen, values)


def _rebuilt(
    text: str, body: list[Piece], chosen: list[tuple[re.Match[str], Reading]], values: list[Role]
) -> list[Piece]:
    first, last = chosen[0][0], chosen[-1][0]
    head = [p for p in body if p.cell.end <= _name_start(text, body, first)]
    tail = [p for p in body if p.cell.start >= last.end()]
    pieces: list[Piece] = []
    name_from = _name_start(text, body, first)
    for match, reading in chosen:
        name = _trimmed(text, name_from, match.start())
        if name is not None:
            pieces.append(Piece(name, Shape.TEXT, cut="glued"))
        pieces.append(Piece(Cell(match["unit"], match.start(), match.end("unit")), Shape.UNIT, cut="glued"))
        position = match.start("run")
        cut = dict(zip(values, reading, strict=True))
        for role, printed in zip(values, reading, strict=True):
            cell = Cell(printed, position, position + len(printed))
            position = cell.end
            blank = role is Role.TARGET and _target_contradicted(name.text if name else "", cut)
            shape = Shape.DASH if blank else Shape.NUMBER
            pieces.append(Piece(cell, shape, None if blank else float(printed), cut="blanked" if blank else "glued"))
        name_from = match.end()
    return head + pieces + tail


def _name_start(text: str, body: list[Piece], first: re.Match[str]) -> int:
    """Where the first glued row's name begins: at the start of the piece holding it, past a 说明 the
    header's last cell left glued to it."""
    holder = next((p for p in body if p.cell.start <= first.start() < p.cell.end or p.cell.end == first.start()), None)
    start = holder.cell.start if holder is not None else first.start()
    note = _LEADING_NOTE.match(text, start)
    return note.end() if note else start


def _trimmed(text: str, start: int, end: int) -> Cell | None:
    cell = trimmed_cell(text, start, end)
    return cell if cell.text else None
