"""An indicator's name printed again after its target, where a merged cell of the form spans two columns.

    建设空气自动监测站
    6个
    建设空气自动监测站
    0

A transfer-payment 自评表 dumped a cell per line may print the row's name a second time between the target
and the actual (the name cell spans the 全年完成值 column's first line). Read as it stands, the second name
opens a row of its own, and the indicator comes out twice, once with the target and once with the actual
as a target. The repeat, right after the row's name and one value, is no cell and is left out.
"""

from __future__ import annotations

from jixiao.documents.tables.headers import compact
from jixiao.documents.tables.pieces import Piece, Shape

_NAMES = frozenset({Shape.TEXT, Shape.LONG_TEXT})
_VALUES = frozenset({Shape.FIGURE, Shape.NUMBER, Shape.DATE, Shape.TEXT_VALUE})
_MIN_NAME = 4  # chars: a short word repeated (`是`, `完成`) may well be a value


def without_repeated_names(body: list[Piece]) -> list[Piece]:
    """The body without a name printed again right after its one value (name, value, name again)."""
    kept: list[Piece] = []
    for piece in body:
        if piece.shape in _NAMES and _repeats_name(kept, piece):
            continue
        kept.append(piece)
    return kept


def _repeats_name(kept: list[Piece], piece: Piece) -> bool:
    printed = [p for p in kept[-4:] if p.shape is not Shape.EMPTY][-2:]
    if len(printed) < 2 or printed[1].shape not in _VALUES or printed[0].shape not in _NAMES:
        return False
    name = compact(printed[0].text)
    return len(name) >= _MIN_NAME and name == compact(piece.text)
