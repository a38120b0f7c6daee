"""A web table dumped a cell per line, each line after a row's first opened by a pipe (`    | 数量指标`).

    项目决策
            | 数量指标
            | 宣传次数
            | 至少全年完成2次宣传
            | |
    质量指标
            | 创建质量

The pipe opening a line is the border between two cells (no blank cell), a row's first cell stands on a
line of its own with no pipe before it (merged cells of the rows above are simply not printed), and the
pipes left alone at a row's end are its empty cells. Where the text is laid out so, the lines tell where
rows open, which the aligner then takes as a grid.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jixiao.documents.tables.pieces import Piece

_PIPE_CELL_LINE = re.compile(r"(?m)^[ \t]+\|[ \t]*[^|\s][^|\n]*$")
_MIN_LINES = 4  # a few such lines make the layout; one is a stray pipe


def opens_its_line(text: str, line_start: int, after: int, end: int) -> bool:
    """The pipe opening a line that holds one cell (`    | 数量指标`) under a line whose cell no pipe closes
    (`项目决策`, or `    | 宣传次数`): a web table dumped a cell per line, each pipe the
    border between two cells, no blank cell. (A lone `|` line, or `| |`, keeps its reading.)"""
    if line_start == 0 or text[line_start - 1] != "\n":
        return False
    stop = text.find("\n", after, end)
    rest = text[after : end if stop < 0 else stop]
    if not rest.strip() or "|" in rest:
        return False
    previous = text.rfind("\n", 0, line_start - 1) + 1
    line = text[previous : line_start - 1].strip()
    return bool(line.strip("|").strip()) and not line.endswith("|")


def row_openers(text: str, start: int, end: int, found: list[Piece]) -> frozenset[int] | None:
    """The indices of the pieces that open a row (a cell on a line no pipe opens) when text[start:end] is
    laid out a cell per line with pipes opening the lines; None for any other layout."""
    if text.count("|", start, end) < _MIN_LINES:
        return None  # the usual zone holds no such line: one count, no line scan
    lines = _PIPE_CELL_LINE.finditer(text, start, end)
    if sum(1 for _ in zip(range(_MIN_LINES), lines, strict=False)) < _MIN_LINES:
        return None
    return frozenset(
        index
        for index, piece in enumerate(found)
        if piece.cut == "line" and piece.text and _alone_on_line(text, piece.cell.start)
    )


def _alone_on_line(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    return not text[line_start:at].strip()
