"""The shape of one cell's text, which the aligner reads: a header word, a level, a figure, a label, a text.

A cell is shaped from its text alone (whitespace ignored), so the same text always has the same shape: the
shape is cached by text (tables print the same few hundred cells again and again).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from jixiao.documents.tables.headers import BLOCK_LABEL, role_of
from jixiao.documents.tables.levels import goal_level
from jixiao.documents.tables.ocr import ocr_repaired
from jixiao.documents.tables.table import Cell, Role
from jixiao.numbers import QUALIFIED_PERCENT, UNIT_PATTERN, parse_quantity
from jixiao.vocabulary import (
    FUNDING_TOTAL,
    MONEY_UNITS,
    OP_WORDS,
    POINTS,
    is_text_value,
    level_number,
    op_of,
    row_source_of,
)


class Shape(StrEnum):
    EMPTY = "empty"  # a cell with nothing in it (a pipe dump's `| |`, a line of spaces)
    DASH = "dash"  # -, —, /: a cell the form leaves blank on purpose
    ELLIPSIS = "ellipsis"  # …… : a template row
    HEADER = "header"  # a header word (its role in `role`)
    BLOCK = "block"  # 年度总体目标, 资金管理情况 …: another block of the form
    LEVEL1 = "level1"
    LEVEL2 = "level2"
    POINTS = "points"  # a block name carrying its points: 规划(15分), 项目管理(25分)
    OP = "op"  # a comparator alone (指标性质 column)
    UNIT = "unit"  # a unit alone (度量单位 column): %, 人, 万元
    NUMBER = "number"  # a bare number: 20, 9.48, 36.400000
    FIGURE = "figure"  # a number with comparator, unit or %: ≥95%, 812人, 不低于85%
    DATE = "date"  # 2023年12月底前, 9月前
    TEXT_VALUE = "text_value"  # a word in place of a number: 达成预期指标, 效果明显, 是
    FUND_LABEL = "fund_label"  # a funding row label: 年度资金总额, 其中:中央财政资金, 上年结转资金
    TEXT = "text"  # a name or a short text
    LONG_TEXT = "long_text"  # a sentence: a reason, an explanation, a criterion


@dataclass(slots=True, unsafe_hash=True)  # a value, never changed: see table.Cell
class Piece:
    cell: Cell
    shape: Shape
    value: float | None = None  # NUMBER and FIGURE
    unit: str | None = None
    role: Role | None = None  # HEADER
    cut: str = "line"  # how the flattening separated it: pipe, line, space (T3) or glued (T4); border: a
    # line's leading pipe under a line that has one (a blank cell or nothing); twice: a text printed twice
    # a space apart, a target and its actual (twice_printed)

    @property
    def text(self) -> str:
        return self.cell.text


# An enum member read through its class (`Shape.TEXT`) calls the enum metaclass's attribute hook on Python
# 3.11 (~1,000 instructions, more than most tests it serves): the tests below read these instead.
_NUMBER, _FIGURE = Shape.NUMBER, Shape.FIGURE
_HEADER, _TEXT, _LONG_TEXT = Shape.HEADER, Shape.TEXT, Shape.LONG_TEXT

_LONG = 24
_DASH = re.compile(r"^(?::?[-—–/／\\]+:?|无|空)$")  # also Markdown's :---:
_ELLIPSIS = re.compile(r"^(?:[…\.。·]{2,}|…+)$")
UNIT_ALONE = re.compile(rf"^(?:{UNIT_PATTERN})$")
_FIGURE_INSIDE = re.compile(r"\d")
_PAREN_UNIT = re.compile(rf"^([^()（）]+?)[（(]({UNIT_PATTERN})[)）]$")
POINTS_ALONE = re.compile(r"^[（(]?\s*\d+(?:\.\d+)?\s*分?\s*[)）]$")
_POINTS_TAIL = re.compile(POINTS + r"$")
COLUMN_TAG = re.compile(r"^[（(][A-Z](?:\s*[/+\-]\s*[A-Z])*(?:\s*[×*]\s*100%)?[)）]$")  # (C), (D/C×100%)
SENTENCE = re.compile(r"[，,；;。][^，,；;。]*\S")
PLAIN_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?%?")
"""Most value cells: shaped by their quantity alone, none of the tests before it can take them (a cheap
first test: shaping each distinct cell is most of what cutting a table costs)."""
CHANGE_FIGURE = re.compile(r"^(?:提升|提高|增长|增加|上升|下降|降低|减少)\d+(?:\.\d+)?(?:%|个百分点)$")
"""`提升10%`: a target worded as a change by a figure, printed in place of a number (no value of its own: the
base it changes from is not printed)."""
_HUNDRED_MILLION = re.compile(r"^(\d+(?:\.\d+)?)亿$")
"""`24亿`: a number scaled by 亿, whose unit the 度量单位 column prints (万 is a unit word of its own)."""
_PER_UNIT = re.compile(r"^每[\u4e00-\u9fff]{1,2}\d+(?:\.\d+)?[\u4e00-\u9fff/]{0,4}$")


def shape_of(cell: Cell, *, ocr: bool = False, cut: str = "line") -> Piece:
    """The shape of one cell's text; in a machine-read document, misread digits (`9O%`) are read as digits."""
    shape, value, unit, role = shaped(cell.text, ocr)
    return Piece(cell, shape, value, unit, role, cut)


_Shaped = tuple[Shape, float | None, str | None, Role | None]


@lru_cache(maxsize=16384)  # tables print the same few hundred cells (10, 100%, 数量指标 …) again and again
def shaped(text: str, ocr: bool) -> _Shaped:
    """(shape, value, unit, role) of a cell's text."""
    key = "".join(text.split())  # compact(text), without the call
    if PLAIN_FIGURE.fullmatch(key):  # `650.00`, `81.00%`: no OCR repair, header, level or word is one
        quantity = parse_quantity(key)
        if quantity.value is not None:
            return _NUMBER if quantity.unit is None else _FIGURE, quantity.value, quantity.unit, None
    if (fixed := ocr_repaired(key)) is not None:  # misread digits, OCR note or not (`6O8.1O`)
        key = fixed
    elif ocr and key in ("O", "o", "〇"):
        key = "0"  # a zero the engine read as a letter
    if not key:
        return Shape.EMPTY, None, None, None
    if _DASH.match(key):
        return Shape.DASH, None, None, None
    if _ELLIPSIS.match(key):
        return Shape.ELLIPSIS, None, None, None
    if (role := role_of(key)) is not None:
        return _HEADER, None, None, role
    if BLOCK_LABEL.match(key):
        return Shape.BLOCK, None, None, None
    if level := level_number(key):  # 成本指标: second level in 2020, first in 2021
        return Shape.LEVEL2 if level == 2 or key.startswith("成本") else Shape.LEVEL1, None, None, None
    if len(key) <= 9 and (level := goal_level(key)):  # 产出目标 / 数量目标 / 投入 / 预算配置: levels of other forms
        return Shape.LEVEL2 if level == 2 else Shape.LEVEL1, None, None, None
    return _value_or_text(key)


_NATURE = frozenset({"定性", "定量", "正向", "反向", "正向指标", "反向指标"})
"""What else a 指标性质/指标方向 cell holds: a qualitative or quantitative target, a direction (more is better
or less is): words about the value, never the value."""


def _value_or_text(key: str) -> _Shaped:
    """The shape of a cell that is no header, block or level (its whitespace gone)."""
    if key in OP_WORDS or key in _NATURE or op_of(key):  # `定性`, `正向`, `004>=` fill 指标性质, never a value
        return Shape.OP, None, None, None
    if UNIT_ALONE.match(key):
        return Shape.UNIT, None, None, None
    if is_text_value(key) or CHANGE_FIGURE.match(key):
        return Shape.TEXT_VALUE, None, None, None
    digit = _FIGURE_INSIDE.search(key) is not None  # points, a standard per unit and a figure need one
    if digit and POINTS_ALONE.match(key):
        return Shape.POINTS, None, None, None
    if COLUMN_TAG.match(key):  # a header's column letter on its own line, joined to it later
        return Shape.TEXT, None, None, None
    if digit and _PER_UNIT.match(key):  # 每亩300: a standard per unit, read as a value (its text is the figure)
        return Shape.FIGURE, None, None, None
    if digit:
        bracketed = _PAREN_UNIT.match(key)  # 3.17(万人) is 3.17万人 (the pattern spans the whole key)
        quantity = parse_quantity(bracketed[1] + bracketed[2] if bracketed else key)
        if quantity.value is not None:
            bare = quantity.unit is None and quantity.op is None
            return _NUMBER if bare else _FIGURE, quantity.value, quantity.unit, None
        if quantity.kind == "date":
            return Shape.DATE, None, None, None
        if (qualified := QUALIFIED_PERCENT.match(key)) is not None:  # `100%覆盖`: the percent is the value
            return _FIGURE, float(qualified["number"]), "%", None
        if (scaled := _HUNDRED_MILLION.match(key)) is not None:  # `24亿` over a 度量单位 `元`: 24亿元
            return _FIGURE, float(scaled[1]), "亿", None
    sentence = SENTENCE.search(key) is not None
    label = len(key) <= 20 and not sentence and "。" not in key
    if label and (FUNDING_TOTAL.match(key.lstrip("其中:：")) or row_source_of(key) is not None):
        return Shape.FUND_LABEL, None, None, None
    if len(key) <= 20 and _points_tail(key.rstrip(";；,，。")):
        return Shape.POINTS, None, None, None
    if len(key) > _LONG or (len(key) > 12 and sentence):
        return _LONG_TEXT, None, None, None
    return _TEXT, None, None, None


def _points_tail(text: str) -> bool:
    """`规划(15分)`: points in brackets end the text (a text not ending in a bracket holds none there)."""
    return text.endswith((")", "）")) and _POINTS_TAIL.search(text) is not None


def is_money(piece: Piece) -> bool:
    """A bare number, or an amount with its money unit (`2847.15万` under a 万元 header is 万元 too)."""
    return piece.shape is _NUMBER or (piece.shape is _FIGURE and (piece.unit in MONEY_UNITS or piece.unit == "万"))
