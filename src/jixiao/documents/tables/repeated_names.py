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
from jixiao.documents.tables.shapes import Piece, Shape

_NAMES = frozenset({Shape.TEXT, Shape.LONG_TEXT})
_VALUES = frozenset({Shape.FIGURE, Shape.NUMBER, Shape.DATE, Shape.TEXT_VALUE})
_MIN_NAME = 4  # chars: a short word repeated (`是`, `完成`) may well be a value
_EMPTY = Shape.EMPTY


def without_repeated_names(body: list[Piece]) -> list[Piece]:
    """The body without a name printed again right after its one value (name, value, name again)."""
    kept: list[Piece] = []
    name: Piece | None = None  # the piece two printed pieces back, when it reads as a name
    last: Piece | None = None  # the last printed piece
    for piece in body:
        shape = piece.shape
        if shape is _EMPTY:
            kept.append(piece)
            continue
        if shape in _NAMES and name is not None and last is not None and last.shape in _VALUES:
            if _same_name(name, piece):
                continue
        name, last = (last if last is not None and last.shape in _NAMES else None), piece
        kept.append(piece)
    return kept


def _same_name(name: Piece, piece: Piece) -> bool:
    printed = compact(name.text)
    return len(printed) >= _MIN_NAME and printed == compact(piece.text)
