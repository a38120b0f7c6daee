"""Cutting lines into located cells: the text between pipes, or a whole line as one cell."""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.documents.tables.table import Cell

HEADING = re.compile(
    r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|附件|附表|注[:：]|填表说明|说明[:：])"
)


@lru_cache(maxsize=2)  # the table finder and the headerless reader both walk the lines of one document
def line_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every line, without its newline."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(spans)


def lines_outside(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines of `text` that start outside every span of `taken`."""
    if not taken:
        return list(line_spans(text))
    return [line for line in line_spans(text) if not any(a <= line[0] < b for a, b in taken)]


def cell(text: str, start: int, end: int) -> Cell:
    """The cell printed in text[start:end], its span trimmed of spaces (an empty cell has an empty span)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Cell(text[start:end], start, end)


_LOST_GLYPHS = re.compile(r"(?<=[\d%])[?？]+$")


def without_lost_glyph(found: Cell) -> Cell:
    """`5,218,306.40?`: a `?` after a figure is a glyph the converter could not encode (a unit sign, a
    non-breaking space), never part of the figure; the cell is the figure alone, at its own offsets."""
    if not found.text.endswith(("?", "？")) or (mark := _LOST_GLYPHS.search(found.text)) is None:
        return found
    return Cell(found.text[: mark.start()], found.start, found.start + mark.start())


def pipe_cells(text: str, start: int, end: int) -> list[Cell]:
    """Cells of a `a | b | | c |` line; a leading pipe (OCR, Markdown) opens no cell."""
    cells: list[Cell] = []
    pos = start
    while pos <= end:
        bar = text.find("|", pos, end)
        stop = end if bar < 0 else bar
        cells.append(cell(text, pos, stop))
        if bar < 0:
            break
        pos = bar + 1
    if cells and not cells[0].text and text[start:end].lstrip().startswith("|"):
        cells = cells[1:]
    return cells


def joined_cell(first: Cell, second: Cell, text: str) -> Cell:
    """One cell broken over two lines (OCR): its span covers both parts and the break between them."""
    if not first.text:
        return second
    if not second.text:
        return first
    return Cell(text[first.start : second.end], first.start, second.end)
