"""The row aligner: pieces after a header, placed under its columns by the column order and their shapes.

Whatever the flattening, a table's body reads as rows, and each row as the header's columns in order,
some left out: the 一级/二级 cells a row-span covered, a blank 完成值, the reason nobody wrote. So the body is
aligned to the header like a sequence to a template (a Viterbi search over the columns): each piece goes
under a column whose content it can be (a level word under 一级指标, `≥95%` under 指标值, a bare `20` under
分值), later in the row than the piece before it, or starts the next row at a column a row can start at (a
level, the name, the row label). Skipped columns and extra rows cost a little, impossible placements cost
everything, and pieces no row can take (template rows, stray words) are left aside. Printed empty cells
(`| |`, lines of spaces) count as cells, which keeps a positional dump aligned when it has them.

The scores are small hand-set weights, not learned (how well a piece fits a column: tables.emissions);
tests/test_tables.py holds the layouts they must read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.documents.tables.emissions import IMPOSSIBLE, MAX_WEIGHT, emission
from jixiao.documents.tables.shapes import Piece, Shape
from jixiao.documents.tables.table import MONEY_ROLES, TEXT_ROLES, Cell, Kind, Role, Row
from jixiao.vocabulary import op_of

ROW_START = -1.0
_VALUE_ROLES = frozenset({Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE, Role.RATE}) | MONEY_ROLES
_SKIP = {Role.OP: -0.3, Role.UNIT: -0.3, Role.LEVEL1: -0.4, Role.LEVEL2: -0.4}
_MISSING_VALUE = -0.7  # a value column a row leaves out (a blank cell the dump dropped)
_MISSING_AT_END = -0.7
_CONTINUE = {Role.NAME: -1.5, Role.LABEL: -0.6, Role.REASON: -0.15, Role.NOTE: -0.05}
_JUNK = {
    Shape.EMPTY: 0.0, Shape.DASH: 0.0, Shape.ELLIPSIS: 0.0, Shape.TEXT: -0.8, Shape.LONG_TEXT: -0.5,
    Shape.POINTS: -0.6, Shape.BLOCK: -0.3, Shape.HEADER: -0.5,
}  # fmt: skip
_JUNK_OTHER = -1.5
_PAIR = -0.2  # a glued 分值得分 (`1010`) placed as both
_CENTS = re.compile(r"\.\d\d$")
_AMOUNT_AS_POINTS = -0.7
_POINTS_TIE = -0.01
# An enum member read through its class (`Shape.EMPTY`) calls the enum metaclass's attribute hook on Python
# 3.11 (~1,000 instructions); the tests made for every piece or cell read these instead.
_FUNDING, _INDICATORS = Kind.FUNDING, Kind.INDICATORS
_NUMBER = Shape.NUMBER
_RATE, _OP = Role.RATE, Role.OP
_BLANK = frozenset({Shape.EMPTY, Shape.DASH})
_ROW_OPENERS = frozenset({Shape.FUND_LABEL, Shape.LEVEL1, Shape.LEVEL2})
_POINTS_ROLES = frozenset({Role.WEIGHT, Role.SCORE})
_FREE_AT_START = frozenset({Role.LEVEL1, Role.LEVEL2, Role.INDEX})  # a row-span covers them
NUMBERED = re.compile(r"^\s*(?:指标\s*)?\d+\s*[:：、.．]")
"""`指标3:` / `2、`: a numbered row's name, never the rest of the name before it."""


def _pairable(text: str, cut: str) -> bool:
    """`20` is a weight or a score, never 2 and 0; but glued to its neighbours (T4) `22` is 2 and 2 and `53`
    is 5 and 3 (a lone weight of 10, 15 or 20 never reads as a pair: its second digit is not below its first
    or is 0)."""
    if len(text) >= 3:
        return True
    return cut == "glued" and len(text) == 2 and text.isdigit() and "0" < text[1] <= text[0]


def split_glued(cell: Cell) -> tuple[Cell, Cell] | None:
    """`1010` -> 10 and 10; `2018.5` -> 20 and 18.5: the split where 0 ≤ 得分 ≤ 分值 ≤ 100, halves preferred."""
    text = cell.text
    if not text.replace(".", "", 1).isdigit():
        return None
    best: tuple[Cell, Cell] | None = None
    for cut in range(1, len(text)):
        left, right = text[:cut], text[cut:]
        if "." in left or (len(right) > 1 and right[0] == "0" and right[1] != ".") or right[0] == ".":
            continue
        if "." in right and len(right.split(".")[1]) > 2:
            continue  # a score has at most two decimals: `132.912` is an amount
        weight, score = float(left), float(right)
        if 0 < weight <= MAX_WEIGHT and score <= weight:
            pair = (Cell(left, cell.start, cell.start + cut), Cell(right, cell.start + cut, cell.end))
            if best is None or abs(cut * 2 - len(text)) < abs(len(best[0].text) * 2 - len(text)):
                best = pair
    return best


_Step = tuple[int, bool, bool, bool]
"""(previous state, starts a new row, filled 分值 and 得分 at once, passed): how the best path reached a state
(state 0: between rows; k + 1: column k was the last filled in the current row). Passed: a line's leading
border read as nothing, the row goes on where it was."""


_PieceKey = tuple[Shape, str, float | None, str | None, Role | None, str]
_Fits = tuple[tuple[int, float], ...]
_Flat = list[list[tuple[int, float, float, _Step]] | None]
"""A piece's moves from each previous state in the order the search tries them (its targets, then each target's
moves): (state reached, move cost, fit, the step recorded); None until the search first reaches that state
(most pieces leave most states impossible before them)."""
_Traits = tuple[_Fits, bool, bool, dict[bool | None, _Flat]]


class _Plan:
    """What an aligner computes from its header alone, shared by every table with the same columns (a batch
    reads the same few headers again and again): the transitions between states, the row-end costs, and each
    distinct cell's traits (bounded: cleared when full)."""

    def __init__(self, columns: tuple[Role, ...], kind: Kind) -> None:
        self.columns = columns
        self.kind = kind
        anchor_role = Role.LABEL if kind is Kind.FUNDING else Role.NAME
        self.anchor = columns.index(anchor_role) if anchor_role in columns else len(columns) - 1
        states = len(columns) + 1
        self.ends = [0.0] + [self._row_end(last) for last in range(len(columns))]
        self._starts = [self._start(column) for column in range(len(columns))]
        # transitions depend only on the two states: computed once per header, not per piece
        self.table = [[self._moves(previous, column) for column in range(len(columns))] for previous in range(states)]
        # (state, role, the role it is scored alike to, a points column) of each column, for Aligner._fits
        self.scored = [
            (state, role, _SCORED_ALIKE.get(role, role), role in _POINTS_ROLES) for state, role in enumerate(columns, 1)
        ]
        self.known: dict[_PieceKey, _Traits] = {}
        self.aside: list[_Step] = [(previous, False, False, False) for previous in range(states)]  # to state 0
        self._flat: dict[tuple[_Fits, bool, bool | None], _Flat] = {}
        self._allowed: dict[tuple[bool | None, bool, int], list[list[tuple[float, _Step]]]] = {}

    def allowed(self, opens: bool | None, opens_row: bool, previous: int) -> list[list[tuple[float, _Step]]]:
        """The moves a piece may take from state `previous`, by the state it reaches (column + 1), each with
        the step it records: a grid row starts at its first cell and only there (`opens`, None without a
        grid), and a piece that opens a row never continues the cell of its own column. Four variants per
        header and state, made when first asked."""
        variant = self._allowed.get((opens, opens_row, previous))
        if variant is None:
            variant = self._allowed[(opens, opens_row, previous)] = [
                [],
                *(
                    [(move[0], (previous, move[1], False, False)) for move in moves
                     if _may_take(move, previous, column, opens, opens_row)]
                    for column, moves in enumerate(self.table[previous])
                ),
            ]  # fmt: skip
        return variant

    def flat(self, fits: _Fits, opens_row: bool, opens: bool | None) -> _Flat:
        """The moves of a piece that fits these columns so, from each previous state (see _Flat): cells of
        different text often fit alike (`10`, `20`), so each is made once per header (bounded)."""
        found = self._flat.get((fits, opens_row, opens))
        if found is None:
            if len(self._flat) >= _KNOWN_MAX:
                self._flat.clear()
            found = self._flat[(fits, opens_row, opens)] = [None] * len(self.table)
        return found

    def flat_row(
        self, fits: _Fits, opens_row: bool, opens: bool | None, previous: int
    ) -> list[tuple[int, float, float, _Step]]:
        """A flat's moves from state `previous` (see _Flat)."""
        moves = self.allowed(opens, opens_row, previous)
        return [(target, cost, fit, step) for target, fit in fits for cost, step in moves[target]]

    def skip(self, first: int, stop: int, *, at_start: bool = False) -> float:
        """Cost of leaving columns first … stop-1 of a row empty."""
        total = 0.0
        for role in self.columns[first:stop]:
            if at_start and role in _FREE_AT_START:
                continue
            if role in _VALUE_ROLES:
                total += _MISSING_VALUE
            else:
                total += _SKIP.get(role, 0.0)
        return total

    def _row_end(self, last: int) -> float:
        return sum(_MISSING_AT_END for role in self.columns[last + 1 :] if role in _VALUE_ROLES)

    def _start(self, column: int) -> float:
        return ROW_START + self.skip(0, column, at_start=True)

    def _moves(self, previous: int, column: int) -> list[tuple[float, bool]]:
        """(cost, starts a new row) of every way from state `previous` to filling `column`."""
        moves: list[tuple[float, bool]] = []
        if column <= self.anchor:  # (ends[0] is 0.0: no row to end)
            moves.append((self.ends[previous] + self._starts[column], True))
        if previous == 0:
            return moves
        last = previous - 1
        if column > last and not (last < self.anchor < column and self.kind is _INDICATORS):
            moves.append((self.skip(last + 1, column), False))
        elif column == last and self.columns[column] in TEXT_ROLES:
            moves.append((_CONTINUE[self.columns[column]], False))
        return moves


def _may_take(move: tuple[float, bool], previous: int, column: int, opens: bool | None, opens_row: bool) -> bool:
    if move[1]:  # a new row
        return opens is not False
    return not opens and not (opens_row and previous == column + 1)


@lru_cache(maxsize=64)  # distinct headers kept
def _plan(columns: tuple[Role, ...], kind: Kind) -> _Plan:
    return _Plan(columns, kind)


_KNOWN_MAX = 2048  # distinct cells kept per header
_SCORED_ALIKE = {
    Role.ACTUAL: Role.TARGET, Role.SCORE: Role.WEIGHT, **{role: Role.BUDGET for role in MONEY_ROLES},
}  # fmt: skip
"""Columns emission (and the funding table's cents test) scores alike, mapped to one of them."""


class Aligner:
    """Aligns pieces to one header's columns (see the module docstring)."""

    def __init__(self, columns: list[Role], kind: Kind, text: str | None = None) -> None:
        self.columns = columns
        self.kind = kind
        self.text = text  # the text the pieces index, to span a cell that came in several pieces
        self.weight = columns.index(Role.WEIGHT) if Role.WEIGHT in columns else None
        self.score = columns.index(Role.SCORE) if Role.SCORE in columns else None
        self._plan = _plan(tuple(columns), kind)
        self._ends, self._known = self._plan.ends, self._plan.known

    def align(self, pieces: list[Piece], breaks: frozenset[int] | None = None) -> tuple[list[Row], list[Piece]]:
        """Rows in order, and the pieces no row took.

        `breaks`, when the grid is known (a Word, Excel, HTML or PDF table): the indices of the pieces that
        open a row of the grid; rows then start there and nowhere else.
        """
        states = len(self.columns) + 1
        best = [0.0] + [IMPOSSIBLE] * (states - 1)
        trail: list[list[_Step | None]] = []
        ends, aside, flat, flat_row = self._ends, self._plan.aside, self._plan.flat, self._plan.flat_row
        for index, piece in enumerate(pieces):
            opens = None if breaks is None else index in breaks
            scores = [IMPOSSIBLE] * states
            steps: list[_Step | None] = [None] * states
            junk = _JUNK.get(piece.shape, _JUNK_OTHER)
            # opens_row: a row's label or level filling its column again right after it would glue two rows
            fits, opens_row, pairable, flats = self._traits(piece)
            moves_from = flats.get(opens)
            if moves_from is None:
                moves_from = flats[opens] = flat(fits, opens_row, opens)
            pairable = pairable and not opens
            border = piece.cut == "border"
            for previous, base in enumerate(best):
                if base == IMPOSSIBLE:
                    continue
                total = base + ends[previous] + junk
                if total > scores[0]:
                    scores[0], steps[0] = total, aside[previous]
                moves = moves_from[previous]
                if moves is None:
                    moves = moves_from[previous] = flat_row(fits, opens_row, opens, previous)
                for target, cost, fit, step in moves:
                    total = base + cost + fit
                    if total > scores[target]:
                        scores[target] = total
                        steps[target] = step
                if pairable:
                    self._pair(previous, base, scores, steps)
                if border and previous and base > scores[previous]:
                    scores[previous], steps[previous] = base, (previous, False, False, True)
            best = scores
            trail.append(steps)
        return self._rows(pieces, trail, best)

    def _traits(self, piece: Piece) -> _Traits:
        """(column + 1, fit) of every column the piece can fill, whether it opens a row, whether it can be a glued
        分值得分 pair; a body repeats its cells (`10`, `100%`, `| |`), so each distinct cell is looked at once
        per header."""
        key = (piece.shape, piece.cell.text, piece.value, piece.unit, piece.role, piece.cut)
        traits = self._known.get(key)
        if traits is None:
            if len(self._known) >= _KNOWN_MAX:
                self._known.clear()
            traits = self._known[key] = (self._fits(piece), self._opens_row(piece), self._pairable(piece), {})
        return traits

    def _fits(self, piece: Piece) -> _Fits:
        """(column + 1, fit) of every column the piece can fill (the state filling it reaches); columns that
        score a piece alike (指标值 and 实际完成值, 分值 and 得分, the money columns) are scored once."""
        fits: list[tuple[int, float]] = []
        scored: dict[Role, float] = {}
        funding = self.kind is _FUNDING
        cents = funding and "." in piece.cell.text and _CENTS.search(piece.cell.text) is not None
        for state, role, alike, points in self._plan.scored:
            fit = scored.get(alike)
            if fit is None:
                fit = emission(role, piece)
                if points and cents:
                    fit += _AMOUNT_AS_POINTS  # `3.00` in a funding row is an amount before it is a 分值
                elif points and funding:
                    fit += _POINTS_TIE  # `上年结转 0 0 0`: as many ways as amounts or as a 分值, the amounts win
                scored[alike] = fit
            if fit > IMPOSSIBLE:
                fits.append((state, fit))
        return tuple(fits)

    @staticmethod
    def _opens_row(piece: Piece) -> bool:
        """Whether the piece opens a row (a funding label, a level, a numbered name): filling its column
        again right after that column would glue a new row's label onto this one."""
        return piece.shape in _ROW_OPENERS or bool(NUMBERED.match(piece.cell.text))

    def _pairable(self, piece: Piece) -> bool:
        """Whether a glued `1010` could fill both 分值 and 得分 (T4), whatever came before it in the row."""
        if self.weight is None or self.score is None or not self.weight < self.score:
            return False
        if self.kind is _FUNDING and (piece.cut != "glued" or self.score != self.weight + 1):
            return False  # a funding row's bare numbers are amounts unless glued after the rate (`94.32%109.4`)
        if piece.shape is not _NUMBER or piece.cut == "pipe" or not _pairable(piece.text.strip(), piece.cut):
            # a cell between pipes is one value (`| = | 100 |` cut before its unit is a target, not 10 and 0)
            return False
        return split_glued(piece.cell) is not None

    def _pair(self, previous: int, base: float, scores: list[float], steps: list[_Step | None]) -> None:
        """A pairable piece filling both 分值 and 得分, right after the row's values before them."""
        assert self.weight is not None and self.score is not None
        last = previous - 1
        if previous == 0 or not last < self.weight:
            return
        if self.kind is _FUNDING and self.columns[last] is not _RATE:
            return  # `年度总金额.32.06.5`: no rate before it, so no weight and score either
        skip = self._plan.skip
        total = base + skip(last + 1, self.weight) + skip(self.weight + 1, self.score) + 2 * 1.5 + _PAIR
        if total > scores[self.score + 1]:
            scores[self.score + 1] = total
            steps[self.score + 1] = (previous, False, True, False)

    def _rows(
        self, pieces: list[Piece], trail: list[list[_Step | None]], best: list[float]
    ) -> tuple[list[Row], list[Piece]]:
        final = [score + self._ends[state] for state, score in enumerate(best)]
        state = max(range(len(final)), key=lambda s: final[s])
        path: list[tuple[int, _Step]] = []
        for steps in reversed(trail):
            step = steps[state]
            assert step is not None
            path.append((state, step))
            state = step[0]
        path.reverse()
        rows: list[Row] = []
        left: list[Piece] = []
        columns = self.columns
        for piece, (state, (_, new_row, pair, passed)) in zip(pieces, path, strict=True):
            if passed:
                continue
            if state == 0:
                if piece.shape not in _BLANK:
                    left.append(piece)
                continue
            cell = piece.cell
            if new_row or not rows:
                rows.append(Row(start=cell.start, end=cell.end))
            row, role = rows[-1], columns[state - 1]
            if not pair and cell.text and piece.shape not in _BLANK and role not in row.cells:
                row.end = cell.end  # most pieces: the first of their cell (what _place does, without the call)
                row.cells[role] = cell
            else:
                self._place(row, role, piece, pair)
        return rows, left

    def _place(self, row: Row, role: Role, piece: Piece, pair: bool) -> None:
        row.end = piece.cell.end
        if pair:
            split = split_glued(piece.cell)
            assert split is not None and self.weight is not None
            row.cells[Role.WEIGHT], row.cells[Role.SCORE] = split
            row.split = True
            return
        if piece.shape in _BLANK or not piece.text:
            return
        if role is _OP and role in row.cells:  # 指标性质 | 指标方向 (`正向 | 大于等于`): the comparator is kept
            if op_of(row.cells[role].text) is None:
                row.cells[role] = piece.cell
            return
        if role in row.cells:  # a continuation: the cell grows to cover both pieces
            first = row.cells[role]
            joined = self.text[first.start : piece.cell.end] if self.text else f"{first.text} {piece.text}"
            row.cells[role] = Cell(joined, first.start, piece.cell.end)
            return
        row.cells[role] = piece.cell
