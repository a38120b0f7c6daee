"""A name a squashed row (T3) printed over two lines of its cell: the aligner reads its first piece as the
二级指标 before it, a word no level is (`扶持小微企业、个体工 商户数量`); such a piece is the name's start.

Only a piece that no level vocabulary knows, standing a space (never a line or a pipe) before the name, is
joined: a level word, or a piece the row printed elsewhere, keeps its cell.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.shapes import Shape, shaped
from jixiao.documents.tables.table import Cell, Role, Row

_LEVEL_LIKE = re.compile(r"[\u4e00-\u9fff]{2,5}指标|.*(?:效益|满意度|指标)")  # a misprinted or variant level
_SPACES = re.compile(r"[ \u3000]+")


def rejoin_cut_names(rows: list[Row], text: str) -> None:
    """Join a 二级指标 cell that is no level word to the name printed a space after it."""
    for row in rows:
        level, name = row.cells.get(Role.LEVEL2), row.cells.get(Role.NAME)
        if level is None or name is None or Role.LEVEL2 in row.carried or Role.LEVEL1 in row.cells:
            continue
        if shaped(level.text, False)[0] is not Shape.TEXT or _LEVEL_LIKE.fullmatch(level.text):
            continue
        if not _SPACES.fullmatch(text[level.end : name.start]):
            continue
        row.cells[Role.NAME] = Cell(text[level.start : name.end], level.start, name.end)
        del row.cells[Role.LEVEL2]
