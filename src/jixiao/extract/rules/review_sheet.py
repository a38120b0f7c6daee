"""A scoring sheet with a review column: 项目权重 | 评价内容 | 分值 | 自评分 | 复核分 | 评价标准及依据.

    项目决策 2分 | 决策依据 | 2 | 2 | | 有项目年度工作计划……计2分,没有不得分。
    项目管理 13分 | 财务制度 | 3 | 3 | | 1、单位财务管理制度1分;……
                 | 组织机构 | 2 | 2 | | 有明确的绩效管理机构……

湖北's 财政预算支出项目绩效目标自评表 opens its indicators with this block. Flattened, a row is its name, its
分值 and its 自评分 (the 复核分 left blank), then the criterion: `决策依据 2 2 有项目…`, or glued,
`决策依据22有项目…`, `运行监管431、运行监管记录…` (4 | 3, the criterion's `1、` after them). A PDF's text
layer may print a block's 项目管理 13分 between a name and its figures. Each row is an indicator with its
weight and score; its first level is the block whose points its weights fill in order (项目决策 2分 takes
rows until their weights reach 2), and no row has one when the blocks' points and the weights disagree.
Glued digits are read only where one cut is possible (two digits, or two before a criterion's `1、`).
A PDF may print a row's 自评分 between the lines of its wrapped criterion (`组织机构 2 有明确的…负责2分。没 2 有
不得分`): such a row is read only when, with it, the weights fill every block's points exactly.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Figure, Indicator

_HEADER = re.compile(r"评价内容\s*分\s*值\s*自评分")
_END = re.compile(r"一级指|项目年度目标|三级指标")
_BLOCK = re.compile(r"(?P<name>项目(?:决策|管理|产出|效益))\s*(?P<points>\d{1,2})\s*分")
_ROW = re.compile(
    r"(?:(?<=分)|(?<![\u4e00-\u9fff]))(?P<name>(?!分)[\u4e00-\u9fff]{2,8}?)\s*"
    r"(?:项目(?:决策|管理)\s*\d{1,2}\s*分\s*)?"  # a PDF's block cell between a name and its figures
    r"(?:(?P<weight>\d{1,2})\s+(?P<score>\d{1,2}(?:\.\d)?)(?![\d.])(?!\s*分)"
    r"|(?P<glued>\d{2})(?=[\u4e00-\u9fff]|1、))"
)
# a row whose score the text layer printed between the lines of its wrapped criterion (_split_rows)
_SPLIT_ROW = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{2,8}?)\s*(?:项目(?:决策|管理)\s*\d{1,2}\s*分\s*)?"
    r"(?P<weight>\d{1,2})(?![\d.])(?!\s*分)\s*(?=[\u4e00-\u9fff]|\d+(?:\.\d+)?\s*分)"
)
_SPLIT_SCORE = re.compile(r"(?<![\d.])\d{1,2}(?:\.\d)?(?![\d.])(?!\s*(?:分|、))")
_SCORE_REACH = 40
_NOT_A_NAME = re.compile(r"分$|得分|指标|项目|扣")
_MAX_WEIGHT = 35.0
_MIN_ROWS = 3
_SPACED = "table.scored.review_sheet"
_GLUED = "table.scored.review_sheet.glued_split"
_SPLIT = "table.scored.review_sheet.split_row"


def read_review_sheet(text: str) -> list[Indicator]:
    """The rows of the review-column block, or none when the text prints no such header or fewer than three
    rows read."""
    header = _HEADER.search(text)
    if header is None:
        return []
    end_match = _END.search(text, header.end())
    end = end_match.start() if end_match else len(text)
    matches = [match for match in _ROW.finditer(text, header.end(), end) if _row(text, match) is not None]
    rows = [row for match in matches if (row := _row(text, match)) is not None]
    if split := _split_rows(text, header.end(), end, matches):
        joined = sorted([*rows, *split], key=_position)
        if len(joined) >= _MIN_ROWS and _levels(text, header.start(), end, joined):
            return joined  # the blocks' points, filled by every row's weight, vouch for the split rows
    if len(rows) < _MIN_ROWS:
        return []
    _levels(text, header.start(), end, rows)
    return rows


def _position(row: Indicator) -> int:
    return row.weight.span.start if row.weight is not None and row.weight.span is not None else 0


def _split_rows(text: str, start: int, end: int, matches: list[re.Match[str]]) -> list[Indicator]:
    """Rows whose 自评分 a PDF printed inside their wrapped criterion: `组织机构 2 有明确的…负责2分。没 2 有不得分`.
    The score is the first number after the weight that is no criterion's points (`2分`) or enumerator (`2、`),
    before the next row; such rows count only when the blocks' points confirm them (read_review_sheet)."""
    taken = [(match.start(), match.end()) for match in matches]
    found = []
    for match in _SPLIT_ROW.finditer(text, start, end):
        if any(a < match.end() and match.start() < b for a, b in taken) or _NOT_A_NAME.search(match["name"]):
            continue
        stop = min([b for b, _ in taken if b > match.end()] + [end, match.end() + _SCORE_REACH])
        score = _SPLIT_SCORE.search(text, match.end(), stop)
        if score is None:
            continue
        weight = figure_at(text, *match.span("weight"), _SPLIT)
        figure = figure_at(text, *score.span(), _SPLIT)
        if _fits(weight, figure):
            found.append(Indicator(name=match["name"], weight=weight, score=figure))
    return found


def _row(text: str, match: re.Match[str]) -> Indicator | None:
    name = match["name"]
    if _NOT_A_NAME.search(name):
        return None
    if match["glued"]:
        at = match.start("glued")
        weight, score = figure_at(text, at, at + 1, _GLUED), figure_at(text, at + 1, at + 2, _GLUED)
    else:
        weight = figure_at(text, *match.span("weight"), _SPACED)
        score = figure_at(text, *match.span("score"), _SPACED)
    if not _fits(weight, score):
        return None
    return Indicator(name=name, weight=weight, score=score)


def _fits(weight: Figure, score: Figure) -> bool:
    if weight.value is None or score.value is None:
        return False
    return 0 < weight.value <= _MAX_WEIGHT and 0 <= score.value <= weight.value


def _levels(text: str, start: int, end: int, rows: list[Indicator]) -> bool:
    """Each block's rows: its points filled by their weights in order; no first level where they disagree
    (False)."""
    blocks = [(match["name"], float(match["points"])) for match in _BLOCK.finditer(text, start, end)]
    assigned: list[str] = []
    index = 0
    for name, points in blocks:
        total = 0.0
        while index < len(rows) and total < points:
            weight = rows[index].weight
            total += (weight.value or 0.0) if weight is not None else 0.0
            assigned.append(name)
            index += 1
        if abs(total - points) > 0.01:
            return False
    if not blocks or index != len(rows):
        return False
    for row, name in zip(rows, assigned, strict=True):
        row.level1 = name
    return True
