"""How well a piece fits under a column: the aligner's emission scores (see tables.align).

A level word fits under 一级指标, `≥95%` under 指标值, a bare `20` under 分值, an amount under a money column;
IMPOSSIBLE where a piece can never be that column's content. Small hand-set weights, not learned.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from jixiao.documents.tables.glued_funding import is_glued_rate
from jixiao.documents.tables.ocr import ocr_repaired
from jixiao.documents.tables.shapes import Piece, Shape, is_money
from jixiao.documents.tables.table import MONEY_ROLES, Role

IMPOSSIBLE = -math.inf
MAX_WEIGHT = 100.0
# 10, 2.5, 1.75, 20%: never 00.110 or 0.710010 (cells glued together)
_POINTS_TEXT = re.compile(r"(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?\s*(?:分|%)?")
_MAX_VALUE_TEXT = 40
# `指标2:村卫生室…`, `指标4.过期药品销毁率`: a name, never a value, a reason or a level
_INDICATOR_NUMBER = re.compile(r"^\s*指标\s*\d+\s*(?:[:：、]|[.．](?!\d))")
_LEVEL_LIKE = re.compile(r"[\u4e00-\u9fff]{2,5}指标")
_STATUS = re.compile(r"^(?:已|未|基本)?完成\d+(?:\.\d+)?%$")  # `已完成100%`: how far a row got, never a name

# An enum member read through its class (`Shape.EMPTY`) calls the enum metaclass's attribute hook on Python
# 3.11 (~1,000 instructions, more than the test it serves); emission runs for every distinct cell and column,
# so its members and sets of them are read from here.
_EMPTY, _DASH, _HEADER, _TEXT = Shape.EMPTY, Shape.DASH, Shape.HEADER, Shape.TEXT
_NUMBER, _FIGURE, _LEVEL1_SHAPE, _LEVEL2_SHAPE = Shape.NUMBER, Shape.FIGURE, Shape.LEVEL1, Shape.LEVEL2
_NAME, _RATE, _INDEX, _LEVEL1, _LEVEL2 = Role.NAME, Role.RATE, Role.INDEX, Role.LEVEL1, Role.LEVEL2
_NO_CONTENT = frozenset({Shape.HEADER, Shape.BLOCK})
_NAME_OR_LABEL = frozenset({Role.NAME, Role.LABEL})
_VALUE_COLUMNS = frozenset({Role.TARGET, Role.ACTUAL, Role.COMPLETION})
_COMPLETION = Role.COMPLETION
_POINTS_COLUMNS = frozenset({Role.WEIGHT, Role.SCORE})
_EXPLAINING = frozenset({Role.REASON, Role.NOTE})
_LEVELS = frozenset({Role.LEVEL1, Role.LEVEL2})
_RATE_LIKE = frozenset({Role.RATE, Role.COEFFICIENT})


def _bare_score(piece: Piece) -> float:
    """A 分值 or 得分: a bare number from 0 to 100 (or `10分`)."""
    if piece.value is None or not 0 <= piece.value <= MAX_WEIGHT or not _points_text(piece.text):
        return IMPOSSIBLE
    if piece.shape is _NUMBER:
        return 1.5
    if piece.shape is _FIGURE and piece.unit == "分":
        return 1.0
    if piece.shape is _FIGURE and piece.unit == "%":
        return 0.3  # T4 forms print the weight as `20%`
    return IMPOSSIBLE


def _points_text(printed: str) -> bool:
    text = printed.strip()
    return bool(_POINTS_TEXT.fullmatch(ocr_repaired(text) or text))  # `1O` is an OCR 10


def _value_score(piece: Piece) -> float:
    """A target or an actual: a figure, a date, a word in place of a number, a short text."""
    if len(piece.text) > _MAX_VALUE_TEXT and piece.cut != "twice":
        return IMPOSSIBLE  # a run of cells glued together, not one value
    if piece.shape is _TEXT:
        size = len(piece.text.strip())
        if size < 2:
            return IMPOSSIBLE  # a unit or glyph a flattening split off (`种`, `数`)
        return 1.0 if size <= 6 else 0.5 if size <= 12 else 0.2  # 有效保障, 动态清零: words for a value
    return _VALUE_SHAPES.get(piece.shape, IMPOSSIBLE)


_VALUE_SHAPES = {
    Shape.FIGURE: 2.0, Shape.DATE: 2.0, Shape.TEXT_VALUE: 1.5, Shape.NUMBER: 0.8, Shape.TEXT: 0.3,
    Shape.LONG_TEXT: -0.6, Shape.DASH: 0.3, Shape.EMPTY: 0.2, Shape.POINTS: -1.0,
    Shape.FUND_LABEL: 0.0,  # `市级保护单位`: a level of protection, read as a source's label out of context
}  # fmt: skip


def emission(role: Role, piece: Piece) -> float:
    """How well a piece fits under a column (IMPOSSIBLE when it cannot be that column's content).

    An aligner asks once per distinct cell and column (Aligner._traits keeps the answers)."""
    shape, text = piece.shape, piece.cell.text
    if shape is _EMPTY:
        return IMPOSSIBLE if role in _NAME_OR_LABEL else 0.2
    if shape is _HEADER and piece.role is _RATE and role is _NAME:
        return 1.0  # the 预算执行率 row of an indicator table (its weight and score are the execution's)
    if shape in _NO_CONTENT:
        return IMPOSSIBLE
    return _BY_ROLE[role](role, piece, text)  # one lookup, not a test per group of columns


# a status holds 完成 and a numbered name 指标: `in` is far cheaper than the pattern's match (asked per column)
def _completion(role: Role, piece: Piece, text: str) -> float:
    return 2.0 if "完成" in text and _STATUS.match(text) else _value(role, piece, text)


def _value(role: Role, piece: Piece, text: str) -> float:
    return IMPOSSIBLE if "指标" in text and _INDICATOR_NUMBER.match(text) else _value_score(piece)


def _name(role: Role, piece: Piece, text: str) -> float:
    return IMPOSSIBLE if "完成" in text and _STATUS.match(text) else _text_emission(role, piece, text)


def _points(role: Role, piece: Piece, text: str) -> float:
    return 0.3 if piece.shape is _DASH else _bare_score(piece)


def _money(role: Role, piece: Piece, text: str) -> float:
    return 0.3 if piece.shape is _DASH else (1.5 if is_money(piece) else IMPOSSIBLE)


_TEXT_EMISSIONS: dict[Role, dict[Shape, float]] = {
    Role.LEVEL1: {Shape.LEVEL1: 3.0, Shape.POINTS: 1.5, Shape.TEXT: 0.1, Shape.LEVEL2: 0.0},
    Role.LEVEL2: {Shape.LEVEL2: 3.0, Shape.POINTS: 1.5, Shape.TEXT: 0.1},
    Role.NAME: {Shape.TEXT: 1.5, Shape.LONG_TEXT: 0.6, Shape.TEXT_VALUE: -0.5, Shape.FUND_LABEL: -1.0,
                Shape.POINTS: -0.5},
    Role.LABEL: {Shape.FUND_LABEL: 3.0, Shape.TEXT: 0.3},
    Role.OP: {Shape.OP: 3.0, Shape.TEXT: -0.5, Shape.DASH: 0.2},
    Role.UNIT: {Shape.UNIT: 3.0, Shape.TEXT: 0.3, Shape.DASH: 0.2},
    Role.RATE: {Shape.DASH: 0.3},
    Role.COEFFICIENT: {Shape.DASH: 0.3},
    Role.REASON: {Shape.TEXT: 0.8, Shape.LONG_TEXT: 1.0, Shape.TEXT_VALUE: 0.5, Shape.DASH: 0.3},
    Role.NOTE: {Shape.TEXT: 0.5, Shape.LONG_TEXT: 0.6, Shape.TEXT_VALUE: 0.3, Shape.DASH: 0.3, Shape.POINTS: 0.5,
                Shape.NUMBER: -0.6, Shape.FIGURE: -0.6, Shape.UNIT: 0.2, Shape.OP: 0.2},
}  # fmt: skip
_NO_SHAPES: dict[Shape, float] = {}  # a column no text fits (read, never written: no dict made per call)


def _names_one(text: str, after_number: int) -> bool:
    """`指标4.过期药品销毁率`: a name follows the number, and no other label (`指标2:效益指标…`: cells ran
    together)."""
    rest = text[after_number:].strip()
    return bool(rest) and "指标" not in rest


def _text_emission(role: Role, piece: Piece, text: str) -> float:
    shape = piece.shape
    if role in _EXPLAINING and "指标" in text and _INDICATOR_NUMBER.match(text):
        return IMPOSSIBLE
    if role is _NAME and shape is _TEXT and len(text.strip()) < 2:
        return IMPOSSIBLE  # a stray unit (`种`) or glyph, not a name
    if role is _INDEX:
        whole = piece.value is not None and piece.value == int(piece.value) and 0 < piece.value < 1000
        return 3.0 if shape is _NUMBER and whole and "." not in text else IMPOSSIBLE
    if (
        role in _LEVELS
        and "指标" in text  # the pattern needs it: `in` is cheaper than a match
        and (numbered := _INDICATOR_NUMBER.match(text))
        and _names_one(text, numbered.end())
    ):
        return IMPOSSIBLE  # a numbered row whose values are blank (`指标4.过期药品销毁率` alone on its line)
    if role is _LEVEL1 and shape is _LEVEL2_SHAPE and not text.lstrip().startswith("成本"):
        return IMPOSSIBLE
    if role is _LEVEL2 and shape is _LEVEL1_SHAPE and text.lstrip().startswith("满意度"):
        return 1.0  # `满意度指标 | 满意度指标 | 群众满意度`: the first level's word names its second level too
    if role is _LEVEL2 and shape is _TEXT and "指标" in text and _LEVEL_LIKE.fullmatch(text):
        return 1.8  # `日效性指标`: a second level misprinted (or a variant) is still a level, not part of the name
    if role is _RATE and piece.value is None and is_glued_rate(text):
        return 1.0  # `176.3176.3100%`: the row's amounts glued to its rate, cut later where the arithmetic agrees
    if role in _RATE_LIKE and piece.value is not None:
        return 3.0 if piece.unit == "%" else (0.5 if shape is _NUMBER else IMPOSSIBLE)
    return _TEXT_EMISSIONS.get(role, _NO_SHAPES).get(shape, IMPOSSIBLE)


_BY_ROLE: dict[Role, Callable[[Role, Piece, str], float]] = {
    role: (
        _completion if role is _COMPLETION
        else _value if role in _VALUE_COLUMNS
        else _name if role is _NAME
        else _points if role in _POINTS_COLUMNS
        else _money if role in MONEY_ROLES
        else _text_emission
    )
    for role in Role
}  # fmt: skip
"""How each column scores a piece that has content (the order of emission's tests before it was a dispatch)."""
