"""How structured sources become text: one line per paragraph, one `a | b | c` line per table row.

Every loader of a format with real structure (Word, Excel, HTML, PDF) writes through `TextBuilder`, so
the table parser reads rows the same way whatever the file was, and each table cell keeps its place: the
builder records, per cell, its offsets in the text it builds and the grid column it starts in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CELL_SEPARATOR = " | "
_WIDE = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_WRAP_BETWEEN_HAN = re.compile(rf"(?<=[{_WIDE}])[ \t]*\n\s*(?=[{_WIDE}])")


@dataclass(frozen=True)
class TableCell:
    """One cell of a table: half-open offsets of its text, and the grid column it starts in (0-based)."""

    start: int
    end: int
    column: int


@dataclass(frozen=True)
class TableLayout:
    """A table as read from the file: its rows of cells, and where it came from (sheet, page, number)."""

    name: str
    rows: tuple[tuple[TableCell, ...], ...]


def clean_cell(text: str) -> str:
    """A cell on one line: a line wrapped between two Chinese chars is rejoined (PDF cells wrap
    mid-word: 带动就\n业能力), other line breaks and runs of spaces become one space."""
    return " ".join(_WRAP_BETWEEN_HAN.sub("", text).split())


class TextBuilder:
    """Assembles a document's text line by line and remembers where each table cell landed."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._tables: list[TableLayout] = []

    def line(self, text: str) -> None:
        self._parts.append(text + "\n")
        self._length += len(text) + 1

    def table(self, rows: Iterable[Sequence[tuple[int, str]]], name: str) -> None:
        """Add a table given as rows of (grid column, cell text); rows with no text at all are skipped."""
        layout_rows: list[tuple[TableCell, ...]] = []
        for row in rows:
            texts = [clean_cell(text) for _, text in row]
            if not any(texts):
                continue
            cells: list[TableCell] = []
            offset = self._length
            for (column, _), text in zip(row, texts, strict=True):
                if cells:
                    offset += len(CELL_SEPARATOR)
                cells.append(TableCell(offset, offset + len(text), column))
                offset += len(text)
            self.line(CELL_SEPARATOR.join(texts))
            layout_rows.append(tuple(cells))
        if layout_rows:
            self._tables.append(TableLayout(name=name, rows=tuple(layout_rows)))

    def build(self) -> tuple[str, list[TableLayout]]:
        return "".join(self._parts), list(self._tables)
