"""Glued rows of a scoring sheet whose 分值 column stands before the values (项目决策/项目管理/项目产出/项目效益).

The 共性 framework's sheet prints each row as 一级 | 二级 | 三级 | 分值 | 指标值 | 实际值 | 得分. Once a converter
glues the cells, a row reads `项目立项规范性2一按照本单位管理规定执行2`: levels, a name, the weight, the
values, the score, and the next row's words. The weight is the number right after the name and the score
the number right before the next row; between them the values are taken only in the shapes that say which
is which — a dash and the actual, the same value twice, or two figures — and left out otherwise. A row
whose score exceeds its weight, or whose values read no way, is not a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.documents.tables.table import Cell, Role, Row
from jixiao.numbers import QUANTITY, UNIT_PATTERN
from jixiao.vocabulary import LEVEL2_WORD

_PROJECT = r"(?:[项顼][目日]|项Fl)"  # 项目 as OCR reads it
_POINTS = r"(?:[（(]\d+(?:\.\d+)?分[)）])"
_LEVEL1 = re.compile(rf"{_PROJECT}(?P<word>决策|管理|产出|效益|绩效){_POINTS}?|(?:产出|效益|满意度)指标{_POINTS}")
_LEVEL2 = re.compile(
    rf"(?:{LEVEL2_WORD}|{_PROJECT}(?P<word>目标|立项|实施)|投入管理|财务管理|业务管理|资金管理|组织实施|绩效目标)"
    rf"{_POINTS}?"
)
_TEMPLATE = re.compile(r"指标[\dLl１-９]?[:：]|指标[Ll](?=指标)")  # an empty template row: `指标2:`, OCR's `指标L`
_NUMBERING = re.compile(r"指标\d{1,2}(?=[\u4e00-\u9fff])")  # `指标1免费发放…`: the template's numbering, no colon
_AFTER_ROWS = re.compile(r"[…]|\.{3}|总分|合计")  # the template's `……` row, or the footer, after the last row
_COMPARATOR = re.compile(r"[≥≤<>=]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?|IO|lO|Io")
_DASH = re.compile(r"[一\-—–/]")
_OCR_TEN = {"IO": "10", "lO": "10", "Io": "10"}
_MAX_WEIGHT = 35.0
_MAX_NAME = 30
_MIN_ROWS = 4


@dataclass
class _Cursor:
    text: str
    at: int
    end: int
    level1: Cell | None = None
    level2: Cell | None = None


def scored_rows(text: str, start: int, end: int) -> list[Row] | None:
    """The rows of text[start:end] read as a glued weight-first scoring sheet, or None when fewer than
    four rows read."""
    cursor = _Cursor(text, start, end)
    rows: list[Row] = []
    while cursor.at < end:
        _levels(cursor)
        row = _row(cursor)
        if row is None:
            cursor.at = _next_start(text, cursor.at + 1, end)
            continue
        rows.append(row)
    return rows if len(rows) >= _MIN_ROWS else None


_DATE_UNITS = "年月日号"
_DIGITS = "0123456789"
_VALUE_BEFORE = re.compile(rf"\d(?:{UNIT_PATTERN})$")  # a figure and its unit end right there


def _next_start(text: str, at: int, end: int) -> int:
    """Where the next row may start after one that did not read: right after a number (a score), before a
    word — never inside a name, which would cut it, nor inside a date (`2021年11月30日前完成…`)."""
    while at < end and not (
        text[at - 1] in "0123456789O" and "\u4e00" <= text[at] <= "\u9fff" and text[at] not in _DATE_UNITS
    ):
        if _level_after_value(text, at, end):
            return at  # `…8535.5亩质量指标指标1…`: the next level opens right after a value and its unit
        at += 1
    return at


def _level_after_value(text: str, at: int, end: int) -> bool:
    return (
        text[at - 1] not in _DIGITS
        and _LEVEL2.match(text, at, end) is not None
        and _VALUE_BEFORE.search(text, max(0, at - 12), at) is not None
    )


def _levels(cursor: _Cursor) -> None:
    """Level words and empty template rows before a row's name."""
    while True:
        if template := _TEMPLATE.match(cursor.text, cursor.at, cursor.end):
            cursor.at = template.end()
        elif numbering := _NUMBERING.match(cursor.text, cursor.at, cursor.end):
            cursor.at = numbering.end()
        elif level1 := _LEVEL1.match(cursor.text, cursor.at, cursor.end):
            cursor.level1, cursor.level2 = _level_cell(level1, "项目"), None
            cursor.at = level1.end()
        elif (level2 := _LEVEL2.match(cursor.text, cursor.at, cursor.end)) and not _repeated(cursor, level2):
            cursor.level2 = _level_cell(level2, "项目")
            cursor.at = level2.end()
        else:
            return


def _repeated(cursor: _Cursor, level2: re.Match[str]) -> bool:
    """`财务管理财务管理制度有效性`: the level word again, right after itself, starts the name (another level
    word there, `经济效益指标社会效益指标受益人口数`, follows a level the form left without rows)."""
    return cursor.level2 is not None and cursor.level2.end == level2.start() and cursor.level2.text == level2.group(0)


def _level_cell(match: re.Match[str], project: str) -> Cell:
    """The level as a level cell: `顼目产出(30分)` is 项目产出 (the misread 项 put right)."""
    printed = match.group(0)
    if match["word"]:
        printed = project + printed[printed.index(match["word"]) :]
    return Cell(printed, match.start(), match.end())


def _row(cursor: _Cursor) -> Row | None:
    text, start = cursor.text, cursor.at
    weight_at = next((i for i in range(start, min(cursor.end, start + _MAX_NAME)) if text[i].isdigit()), None)
    if weight_at is None or weight_at - start < 2 or not _is_name(text[start:weight_at]):
        return None
    for weight_end in (weight_at + 1, weight_at + 2):
        weight = text[weight_at:weight_end]
        if not weight.isdigit() or not 0 < int(weight) <= _MAX_WEIGHT:
            continue
        for score in _scores(text, weight_end, cursor.end):
            if float(_OCR_TEN.get(score.group(0), score.group(0))) > int(weight):
                continue
            values = _values(text, weight_end, score.start())
            if values is None:
                continue
            row = _scored_row(cursor, start, weight_at, weight_end, score)
            row.cells.update(values)
            return row
    return _bare_row(cursor, start, weight_at)


def _bare_row(cursor: _Cursor, start: int, weight_at: int) -> Row | None:
    """A row whose values read no way (`8采购合格率290$290%8`, `880%^80%8`: comparators an OCR engine misread)
    still says its weight and score when the score equals the weight and the next row's level or numbering
    follows it, with none between: the name, the weight and the score are read, the values left out."""
    text = cursor.text
    weight = text[weight_at : weight_at + 1]
    for score in _scores(text, weight_at + 1, cursor.end):
        if score.group(0) != weight or not _opens_row(text, score.end(), cursor.end):
            continue
        if any(_opens_row(text, at, score.start()) for at in range(weight_at + 1, score.start())):
            return None  # another row's level or numbering between: the score is a later row's
        return _scored_row(cursor, start, weight_at, weight_at + 1, score)
    return None


def _scored_row(cursor: _Cursor, start: int, weight_at: int, weight_end: int, score: re.Match[str]) -> Row:
    """The row named from `start` to its weight, with its weight, score and the levels the cursor carries;
    the cursor moves past the score."""
    text = cursor.text
    row = Row(cells={Role.NAME: Cell(text[start:weight_at], start, weight_at)}, start=start, end=score.end())
    row.cells[Role.WEIGHT] = Cell(text[weight_at:weight_end], weight_at, weight_end)
    row.cells[Role.SCORE] = Cell(score.group(0), score.start(), score.end())
    if cursor.level1 is not None:
        row.cells[Role.LEVEL1] = cursor.level1
    if cursor.level2 is not None:
        row.cells[Role.LEVEL2] = cursor.level2
    cursor.at = score.end()
    return row


def _opens_row(text: str, at: int, end: int) -> bool:
    return any(
        pattern.match(text, at, end) is not None for pattern in (_NUMBERING, _TEMPLATE, _LEVEL1, _LEVEL2, _AFTER_ROWS)
    )


def _is_name(printed: str) -> bool:
    return not re.search(r"[\d%。；;:：]", printed) and len(re.findall(r"[\u4e00-\u9fff]", printed)) >= 2


_SEARCH = 80  # chars: a row's values are short
_MISREAD_START = re.compile(r"[^\w≥≤<>=（(]|[^\W\d约近超达共第每于](?=\d)")
"""A value opening on a symbol no figure starts with (`^80%`, `$90%`) or on one char glued to its digits that
no figure's words end in (`工5%`, where 约5%, 达5%, 不低于5% are figures)."""


def _scores(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Numbers that could end the row: followed by the next row's words, a template row, or the end."""
    found = []
    for match in _NUMBER.finditer(text, start, min(end, start + _SEARCH)):
        after = match.end()
        if (
            after >= end
            or _TEMPLATE.match(text, after, end)
            or _LEVEL1.match(text, after, end)
            or _AFTER_ROWS.match(text, after, end)
        ):
            found.append(match)
        elif "\u4e00" <= text[after] <= "\u9fff" and not text[match.start() - 1].isdigit():
            found.append(match)
    return [m for m in found if m.start() > start or m.start() == start]


def _values(text: str, start: int, end: int) -> dict[Role, Cell] | None:
    """Target and actual between the weight and the score, in the shapes that say which is which."""
    printed = text[start:end]
    if not printed:
        return {}
    if dash := _DASH.match(printed):  # the target left blank: the rest is the actual (words or one figure)
        rest = printed[dash.end() :]
        if not rest or (re.search(r"\d", rest) and not _figure(rest)):
            return None  # words, or one figure: never a run of cells
        return {Role.ACTUAL: Cell(rest, start + dash.end(), end)}
    half = len(printed) // 2
    if len(printed) % 2 == 0 and printed[:half] == printed[half:]:
        if _MISREAD_START.match(printed):
            return {}  # `工5%工5%`: a value printed twice says where the row's cells are, but it opens on a
            # comparator an OCR engine misread: the weight and the score are read, the value is not
        return {
            Role.TARGET: Cell(printed[:half], start, start + half),
            Role.ACTUAL: Cell(printed[half:], start + half, end),
        }
    figures = [m for m in QUANTITY.finditer(printed) if m.group(0) and (m["unit"] or m["date"])]
    if len(figures) == 2 and figures[0].start() == 0 and figures[1].end() == len(printed):
        first, second = figures
        if first.end() == second.start():
            return {
                Role.TARGET: Cell(first.group(0), start, start + first.end()),
                Role.ACTUAL: Cell(second.group(0), start + second.start(), end),
            }
    garbled = re.match(r"[A-Za-z][A-Za-z.]*\d*[^\d]{0,4}?", printed)  # `M.6万元12.6万元`: OCR lost the target
    if garbled and figures and figures[-1].end() == len(printed) and figures[-1].start() >= garbled.end():
        return {Role.ACTUAL: Cell(figures[-1].group(0), start + figures[-1].start(), end)}
    if not re.search(r"\d", printed) and not _COMPARATOR.fullmatch(printed):
        return {}  # words only: which of target and actual they are cannot be told (`≥` alone: a cut figure)
    return None


def _figure(printed: str) -> bool:
    match = QUANTITY.fullmatch(printed)
    return bool(match and (match["num"] or match["date"]))
