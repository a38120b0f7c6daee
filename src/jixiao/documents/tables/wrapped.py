"""A glued form whose cells a converter broke with spaces where their text wrapped (a docx preview).

A document-sharing site's preview of a Word table prints its cells run together with no separator, and puts a
space wherever a cell's text wrapped onto another line inside the cell: `一级 指标二级 指标三级指标`, `产 出 指 标数量
指标…储备到位率100%100%`. Those spaces fall inside words, never between cells, so reading them as cell borders
cuts every name in two. When the level and header words of a stretch are broken by spaces more often than not,
the stretch is read as if the spaces were not there (a glued form, T4), and every cell found is mapped back to
where it was printed: figures still quote the text with its spaces.

A squashed table that keeps a space between its cells (T3) never breaks its level words that way, so it is left
as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.documents.tables.headers import HEADER_WORDS
from jixiao.documents.tables.table import Cell, Table
from jixiao.documents.tables.tokens import Gap
from jixiao.scan import skipping
from jixiao.vocabulary import LEVEL_WORD

_WRAP = re.compile(r"(?<=[^\s|\d%.])[ \u3000](?=[^\s|])|(?<=[^\s|])[ \u3000](?=[^\s|\d.≥≤<>=])")
"""One space between two printed chars, not between two figures (`100 100` keeps its border)."""
_WORDS = skipping(rf"{LEVEL_WORD}|{HEADER_WORDS}")
_MIN_BROKEN = 3


@dataclass(frozen=True)
class WrappedView:
    """The stretch with its wrap spaces taken out, and where each char of it was printed."""

    text: str
    positions: list[int]  # offset in the document text of each char of `text`

    def gap(self, printed: Gap) -> Gap:
        """The gap test in the view: a removed wrap space is no gap; elsewhere, what `printed` says."""
        return _ViewGap(self.text, self.positions, printed)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The document offsets of view[start:end]."""
        if end <= start:
            at = self.positions[start] if start < len(self.positions) else self.positions[-1] + 1
            return at, at
        return self.positions[start], self.positions[end - 1] + 1


class _ViewGap(Gap):
    def __init__(self, text: str, positions: list[int], printed: Gap) -> None:
        super().__init__(text)
        self.positions = positions
        self.printed = printed

    def __call__(self, index: int) -> bool:
        if index <= 0 or index >= len(self.positions):
            return index > 0
        if self.positions[index] - self.positions[index - 1] > 1:
            return False
        return self.printed(self.positions[index])

    def inside_word(self, start: int, end: int) -> list[int]:
        return [index for index in range(start + 1, end) if self(index)]


def wrapped_view(text: str, start: int, end: int) -> WrappedView | None:
    """text[start:end] without its wrap spaces, when its level and header words are mostly broken by them."""
    stretch = text[start:end]
    if "|" in stretch or not _WRAP.search(stretch):
        return None
    kept: list[int] = []  # the offsets of the chars around the wrap spaces, run by run (not char by char)
    after_space = start
    for space in _WRAP.finditer(stretch):
        kept += range(after_space, start + space.start())
        after_space = start + space.end()
    kept += range(after_space, start + len(stretch))
    view = _WRAP.sub("", stretch)
    broken = whole = 0
    for match in _WORDS.finditer(view):
        if kept[match.end() - 1] - kept[match.start()] >= match.end() - match.start():
            broken += 1
        else:
            whole += 1
    if broken < _MIN_BROKEN or broken <= whole:
        return None
    return WrappedView(view, kept)


def mapped_back(table: Table, view: WrappedView, text: str) -> Table:
    """The table read in the view, with every cell, row and span at its place in the document text."""

    def cell(found: Cell) -> Cell:
        start, stop = view.span(found.start, found.end)
        return Cell(text[start:stop], start, stop)

    for row in table.rows:
        row.cells = {role: cell(found) for role, found in row.cells.items()}
        row.start, _ = view.span(row.start, row.start + 1)
        _, row.end = view.span(max(row.end - 1, 0), row.end)
    table.start, _ = view.span(table.start, table.start + 1)
    _, table.end = view.span(max(table.end - 1, 0), table.end)
    table.skipped = [view.span(a, b) for a, b in table.skipped]
    return table


__all__ = ["WrappedView", "mapped_back", "wrapped_view"]
