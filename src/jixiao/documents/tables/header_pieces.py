"""Header pieces: a table's header words found in the pieces, however the text cut or spaced them.

A cell made of several header words (spaced `执行率 得分`, glued `一级指标二级指标`) is cut at its words; a header
a converter broke with spaces where its cells wrapped is cut again at its words; text that runs into the
header cell after it gives up its last header word; and a join of words broken over lines is tested first
for naming a header, a level or a block of the form (documents.tables.pieces joins them).
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.documents.tables.headers import BLOCK_LABEL, compact, role_of, spaced_header, split_header_words
from jixiao.documents.tables.levels import level_parts
from jixiao.documents.tables.shapes import Piece, Shape, shape_of
from jixiao.documents.tables.table import Cell, Role, cell_part, trimmed_cell
from jixiao.vocabulary import level_number

# An enum member read through its class (`Shape.TEXT`) calls the enum metaclass's attribute hook on Python
# 3.11 (~1,000 instructions, more than most tests it serves): the loops over every piece read these instead.
_EMPTY, _HEADER = Shape.EMPTY, Shape.HEADER
_TEXTUAL = frozenset({Shape.TEXT, Shape.LONG_TEXT})
_RESPACEABLE = frozenset({Shape.TEXT, Shape.HEADER})
_NOT_SPACES = re.compile(r"\S+")


def header_parts(cell: Cell) -> list[Cell] | None:
    """A cell made of several header words: spaced (`执行率 得分`) or glued (`一级指标二级指标`, also inside
    other text)."""
    spans = header_spans(cell.text)
    return None if spans is None else [Cell(cell.text[a:b], cell.start + a, cell.start + b) for a, b in spans]


@lru_cache(maxsize=16384)
def header_spans(text: str) -> tuple[tuple[int, int], ...] | None:
    count = len(text.split())  # the words \S+ finds (str.split's whitespace is re's \s): most cells are one
    if count > 1 and (spaced := spaced_header(text, [m.span() for m in _NOT_SPACES.finditer(text)])) is not None:
        return spaced
    spans = split_header_words(text) if count == 1 and role_of(text) is None else None
    if spans is None:
        return None
    trimmed = [trimmed_cell(text, a, b) for a, b in spans]
    return tuple((part.start, part.end) for part in trimmed)


def split_last_header(pieces: list[Piece]) -> list[Piece]:
    """`详情见附件(注:以下为图片识别)一级指标` before a header cell: the text, then the header word it ends with."""
    textual = [index for index, piece in enumerate(pieces) if piece.shape in _TEXTUAL]
    cuts: dict[int, list[tuple[int, int]]] = {}
    for index in textual:
        if _next_shape(pieces, index) is _HEADER:
            spans = split_header_words(pieces[index].text, at_end=True)
            if spans is not None:
                cuts[index] = spans
    if not cuts:
        return pieces  # most regions: no text runs into the header after it
    result: list[Piece] = []
    for index, piece in enumerate(pieces):
        if index in cuts:
            result.extend(shape_of(cell_part(piece.cell, a, b)) for a, b in cuts[index])
        else:
            result.append(piece)
    return result


def _next_shape(pieces: list[Piece], index: int) -> Shape | None:
    """The shape of the first piece after pieces[index] that is not empty."""
    for following in range(index + 1, len(pieces)):
        if pieces[following].shape is not _EMPTY:
            return pieces[following].shape
    return None


def names_header_or_level(text: str) -> bool:
    """Whether joined words name a header, a level word or a block of the form (a footer label broken over
    lines, `偏差大或` / `目标未完成` / `原因分析`), the only shapes a join keeps: a cheaper test than shaping
    every pair and triple of small pieces (the shape, when it passes, still decides)."""
    key = compact(text)
    return role_of(key) is not None or level_number(key) is not None or BLOCK_LABEL.match(key) is not None


_RESPACED_RUN = 3  # pieces at least: header words broken by a converter's spaces
_RESPACED_PIECE = 16  # chars at most in each


def respaced_headers(text: str, found: list[Piece]) -> list[Piece]:
    """`一级指标 … 年度 指标值实际 完成值分 值得 分偏差原因分析`: a header a converter broke with spaces where its
    cells wrapped, cut again at its words (spaces ignored) when the run holds a header word already."""
    able = [  # where a run may start: a header word or a short text, cut at a space or glued
        piece.shape in _RESPACEABLE
        and piece.cut in ("space", "glued")
        and (len(piece.cell.text) <= _RESPACED_PIECE or piece.shape is _HEADER)
        for piece in found
    ]
    if not any(able):
        return found  # no run starts anywhere (most tables: cells cut at pipes or lines)
    result: list[Piece] = []
    index = 0
    while index < len(found):
        stop = index
        while stop < len(found) and able[stop]:
            stop += 1
        if stop == index:  # most pieces: no run starts here
            result.append(found[index])
            index += 1
            continue
        if stop < len(found) and found[stop].shape in _TEXTUAL:
            stop += 1  # the header's last word may be glued to the first row (`及改进措施产出指标…`)
        run = found[index:stop]
        if len(run) >= _RESPACED_RUN and any(p.shape is _HEADER for p in run):
            recut = _recut(text, run[0].cell.start, run[-1].cell.end)
            if recut is not None:
                result.extend(recut)
                index = stop
                continue
        result.extend(run or found[index : index + 1])
        index = max(stop, index + 1)
    return result


def _recut(text: str, start: int, end: int) -> list[Piece] | None:
    """text[start:end] cut at its header words as if it had no spaces, or None when that gives fewer than
    three header words."""
    kept = [at for word in _NOT_SPACES.finditer(text, start, end) for at in range(*word.span())]
    spans = split_header_words(compact(text[start:end]))
    if spans is None:
        return None
    cells = [Cell(text[kept[a] : kept[b - 1] + 1], kept[a], kept[b - 1] + 1) for a, b in spans]
    pieces = [shape_of(part, cut="glued") for cell in cells for part in header_parts(cell) or level_parts(cell)]
    if sum(p.shape is _HEADER for p in pieces) < _RESPACED_RUN:
        return None
    return pieces


def header_piece(cell: Cell, role: Role | None) -> Piece:
    """A cell of a wrapped header's first line: its column (a stub named with its tail), or the block label."""
    return shape_of(cell, cut="line") if role is None else Piece(cell, _HEADER, role=role, cut="line")
