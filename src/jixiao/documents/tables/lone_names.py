"""A numbered row that prints its name alone on its line, with no figures, inside a spaced table (T3):

    数量指标 指标1.某某抽检品种 ≥3 4
    指标2.某某监管企业数
    指标3.某某抽检批次 ≥5 6

The aligner leaves such a name aside (a row of only a name costs more than a stray word). A name numbered
like its neighbours (`指标2.`), alone on its line between two rows of the table, is a row of its own: the form's
indicator left blank, read by its name and the levels carried down to it (LABELLING: a row with a name and
levels but no figure is an indicator).
"""

from __future__ import annotations

import re

from jixiao.documents.tables.shapes import Piece
from jixiao.documents.tables.table import Role, Row

_NUMBERED_NAME = re.compile(r"^指标\s*\d+\s*[:：.．、]\s*[\u4e00-\u9fff“”\"]")


def _alone_on_its_line(text: str, piece: Piece) -> bool:
    start = text.rfind("\n", 0, piece.cell.start) + 1
    end = text.find("\n", piece.cell.end)
    line = text[start : len(text) if end < 0 else end]
    return line.strip() == piece.text.strip()


def lone_name_rows(text: str, rows: list[Row], left: list[Piece]) -> list[Piece]:
    """Insert, among `rows` (in order), a row for each numbered name alone on its line between two rows that
    also name numbered indicators; return the pieces still left aside."""
    if len(rows) < 2:
        return left
    first, last = rows[0].start, rows[-1].start
    numbered = sum(1 for row in rows if _NUMBERED_NAME.match(row.text(Role.NAME)))
    kept: list[Piece] = []
    for piece in left:
        at = piece.cell.start
        if numbered >= 2 and first < at < last and _NUMBERED_NAME.match(piece.text) and _alone_on_its_line(text, piece):
            index = next(i for i, row in enumerate(rows) if row.start > at)
            rows.insert(index, Row(cells={Role.NAME: piece.cell}, start=at, end=piece.cell.end))
        else:
            kept.append(piece)
    return kept
