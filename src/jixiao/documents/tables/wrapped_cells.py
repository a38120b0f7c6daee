"""Text cells a squashed table (T3) wrapped at its column's width: a .doc preview prints each line of a cell
as a piece of its own, a space apart (`扩大本地产 (市内)品 牌影响`: a 5-char column's one cell).

A width is known when several pieces of exactly that many chars are each followed, a space away on the same
line, by a text piece no longer than they are (a wrapped cell's every line but its last is full), and some
cell of the body wrapped twice (two full lines of one width, then its last). Each such
run is joined back into one piece: its full lines and the line that ends it. A level word, a header, a figure
or a text value is never part of a run (it is a cell of its own).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from jixiao.documents.tables.shapes import Piece, Shape
from jixiao.documents.tables.table import Cell

_MIN_WIDTH = 5  # a cell of four chars is a word of its own as often as a wrapped line (`定性评价 走访记录`)
_MIN_EVIDENCE = 3  # full lines with a continuation seen before a width is believed
_SPACES = re.compile(r"[ \u3000]+")
_TEXT_SHAPES = frozenset({Shape.TEXT, Shape.FUND_LABEL})  # a line opening on 区/县 reads as a source's label
_WRAPPED = re.compile(r"\S+(?: \S+)+")


def _continues(text: str, first: Piece, second: Piece) -> bool:
    """`second` may be the next line of `first`'s cell: both text, a space apart, and no longer."""
    return (
        first.shape in _TEXT_SHAPES
        and second.shape in _TEXT_SHAPES
        and len(second.text) <= len(first.text)
        and _SPACES.fullmatch(text[first.cell.end : second.cell.start]) is not None
    )


def _widths(text: str, body: list[Piece]) -> set[int]:
    """The widths the body's cells wrapped at; none unless some cell wrapped twice (two full lines, then more):
    a word of a column's width followed by a shorter cell (`按比例计分 监测报告`) is no wrap by itself."""
    full = [len(first.text) >= _MIN_WIDTH and _continues(text, first, second) for first, second in pairwise(body)]
    twice = any(
        one and two and len(body[at].text) == len(body[at + 1].text) for at, (one, two) in enumerate(pairwise(full))
    )
    if not twice:
        return set()
    seen = Counter(len(body[at].text) for at, wraps in enumerate(full) if wraps)
    return {width for width, count in seen.items() if count >= _MIN_EVIDENCE}


def rejoined_wrapped(text: str, body: list[Piece]) -> list[Piece]:
    """The body with each wrapped cell's lines joined back into one piece (nothing changes without a width)."""
    widths = _widths(text, body)
    if not widths:
        return body
    joined: list[Piece] = []
    index = 0
    while index < len(body):
        piece, stop = body[index], index + 1
        width = len(piece.text)
        while (
            width in widths
            and stop < len(body)
            and len(body[stop - 1].text) == width
            and _continues(text, body[stop - 1], body[stop])
        ):
            stop += 1
        if stop > index + 1:
            start, end = piece.cell.start, body[stop - 1].cell.end
            joined.append(Piece(Cell(text[start:end], start, end), Shape.TEXT, cut=piece.cut))
        else:
            joined.append(piece)
        index = stop
    return joined


def is_rejoined(printed: str) -> bool:
    """A cell rejoined from its wrapped lines: pieces a space apart, every one but the last as long as the first."""
    if _WRAPPED.fullmatch(printed) is None:
        return False
    parts = printed.split(" ")
    return len(parts[0]) >= _MIN_WIDTH and all(len(part) == len(parts[0]) for part in parts[:-1])
