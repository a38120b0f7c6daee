"""The indicator table of 河北's 预算项目绩效自评表: a two-line header and rows that end in three numbers.

The sheet's header is printed on two lines: `一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值
单项指标完成情况 自评得分`, then the sub-columns `符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分`.
A space-separated dump of it puts the cells of a row on one line, but not under line one's words (a
description stands where 指标分值 is), so the general reader cannot align them:

    产出指标 数量指标 培训人次 参训人员占应训人员的比例 >= 90 %(百分比) 96% 完成 40.00 40.00 16.00

A row is read from its end: comparator, value and unit of the target, the actual, a status word, then
单项指标得分 | 权重占比 | 折算得分. The row is taken only when its three numbers agree (得分 × 权重占比 / 100 =
折算得分), so a line that merely looks like one is left alone. The weight is the 权重占比 and the score the
单项指标得分, the row's points on that weight (20 of 20 when the target is met, 16 of 20 for 85% against ≥90%);
the 折算得分 (the score times the share again) is no field of the model and is not read.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.cells import line_spans
from jixiao.documents.tables.table import Cell, Kind, Role, Row, Table
from jixiao.vocabulary import is_level1, is_level2

MARK = "折算得分"
"""The sub-header's word no other form prints: the cheap test before any pattern runs."""
_SUB_HEADER = re.compile(r"符号\s*单位.{0,12}?单项指标得分\s*权重占比\S{0,5}\s*单项指标折算得分")
_TOP_HEADER = re.compile(r"一级指标\s*二级指标\s*三级指标")
COLUMNS = [Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET, Role.UNIT, Role.ACTUAL, Role.WEIGHT, Role.SCORE]
_NUMBER = r"\d+(?:\.\d+)?"
_TAIL = re.compile(
    rf"(?P<target>(?:[≥≤><=]{{1,2}}|不低于|不高于|不少于|不超过)?\s*{_NUMBER})\s*"
    r"(?P<unit>[^\s\d(（]{1,6})?(?:[（(][^()（）]{0,8}[)）])?\s*"
    rf"(?P<actual>{_NUMBER}(?:%|[\u4e00-\u9fff]{{1,2}}?)?)\s*(?:未完成|部分完成|基本完成|已完成|完成|未达成|达成)?\s*"
    rf"(?P<n1>{_NUMBER})\s+(?P<n2>{_NUMBER})\s+(?P<n3>{_NUMBER})\s*$"
)
_ROUNDING = 0.011  # 折算得分 printed to two decimals
_LOOKS_LEVEL1 = re.compile(r"^[\u4e00-\u9fff]{2,4}指标$")  # a misprinted first level (`效果指标`) before a second


def share_tables(text: str) -> list[Table]:
    """The sheets' indicator tables in `text` (none unless the sub-header's word is printed)."""
    if MARK not in text:
        return []
    tables = []
    lines = line_spans(text)
    for index, (start, end) in enumerate(lines):
        if text.find(MARK, start, end) < 0 or not _SUB_HEADER.search(text, start, end):
            continue
        if index == 0 or not _TOP_HEADER.search(text, *lines[index - 1]):
            continue
        rows = _rows(text, lines[index + 1 :])
        if rows:
            start = lines[index - 1][0]
            tables.append(Table(Kind.INDICATORS, "t3", COLUMNS, rows, start=start, end=rows[-1].end))
    return tables


def _rows(text: str, lines: tuple[tuple[int, int], ...]) -> list[Row]:
    """The rows under the header, a line each, up to the first line that is no confirmed row."""
    rows: list[Row] = []
    level1: Cell | None = None
    for start, end in lines:
        row = _row(text, start, end)
        if row is None:
            break
        if Role.LEVEL1 in row.cells:
            level1 = row.cells[Role.LEVEL1]
        elif level1 is not None:
            row.cells[Role.LEVEL1] = level1
            row.carried.add(Role.LEVEL1)
        rows.append(row)
    return rows


def _row(text: str, start: int, end: int) -> Row | None:
    tail = _TAIL.search(text, start, end)
    if tail is None or not _agrees(*(float(tail[key]) for key in ("n1", "n2", "n3"))):
        return None
    cells = _head_cells(text, start, tail.start())
    if cells is None:
        return None
    cells[Role.TARGET] = _cell(text, *tail.span("target"))
    if tail["unit"]:
        cells[Role.UNIT] = _cell(text, *tail.span("unit"))
    cells[Role.ACTUAL] = _cell(text, *tail.span("actual"))
    cells[Role.WEIGHT] = _cell(text, *tail.span("n2"))
    cells[Role.SCORE] = _cell(text, *tail.span("n1"))
    return Row(cells=cells, start=start, end=tail.end("n3"))


def _agrees(score: float, share: float, weighted: float) -> bool:
    return abs(score * share / 100 - weighted) <= _ROUNDING


def _head_cells(text: str, start: int, end: int) -> dict[Role, Cell] | None:
    """Levels and name before the target (`产出指标 质量指标 名称 说明…`); the description after the name is
    read past. None when no name stands there."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]
    spans = [(start + a, start + b) for a, b in words]
    cells: dict[Role, Cell] = {}
    if len(spans) >= 2 and is_level2(text[slice(*spans[1])]):
        first = text[slice(*spans[0])]
        if not (is_level1(first) or _LOOKS_LEVEL1.match(first)):
            return None
        cells[Role.LEVEL1] = _cell(text, *spans.pop(0))
    if spans and is_level2(text[slice(*spans[0])]):
        cells[Role.LEVEL2] = _cell(text, *spans.pop(0))
    if Role.LEVEL2 not in cells or not spans:
        return None
    cells[Role.NAME] = _cell(text, *spans[0])
    return cells


def _cell(text: str, start: int, end: int) -> Cell:
    return Cell(text[start:end], start, end)
