"""The total of a results table printed without its names column (a 绩效评价结果 table a page mangled):

    绩效评价结果
    绩效等级 | |||
    20.00 | 优 | ||
    40.00 | 37.50 | 优 | |
    产出 | 30.00 | 28.00 | 优 |
    10.00 | 9.00 | 优 | |
    100.00 | 92.50 | 优 |

Each row prints a part's points, its score (where the page kept it) and its grade; the row of 100 points is the
whole: its score is the report's total, its grade the report's grade. Read only right under a 评价结果 / 绩效等级
heading, when two or more rows above the whole print points that add up to its 100 and its score is at most 100.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Figure, Kind

_HEADING = re.compile(r"(?m)^[ \t]*(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?:绩效)?评价结果[ \t|]*$")
_NUMBER = r"\d{1,3}(?:\.\d+)?"
_ROW = re.compile(
    rf"[ \t]*(?:[\u4e00-\u9fff]{{1,8}}[ \t]*\|[ \t]*)?(?P<weight>{_NUMBER})[ \t]*\|[ \t]*"
    rf"(?:(?P<score>{_NUMBER})[ \t]*\|[ \t]*)?(?P<grade>优秀|良好|合格|优|良|中|差)[ \t|]*"
)
_HEAD_ROW = re.compile(r"[ \t]*(?:绩效)?等级[ \t|]*|[ \t|]*")  # the table's own header line, or an empty row
_WHOLE = 100.0
_TOLERANCE = 0.01
_MIN_PARTS = 2
_MAX_ROWS = 12


def result_total(text: str) -> tuple[Figure | None, Figure | None]:
    """The total score and grade of the whole's row (see the module), or (None, None)."""
    if "评价结果" not in text:
        return None, None
    for heading in _HEADING.finditer(text):
        rows = _rows_after(text, heading.end())
        if found := _whole_of(text, rows):
            return found
    return None, None


def _rows_after(text: str, at: int) -> list[re.Match[str]]:
    rows: list[re.Match[str]] = []
    for line_start, line_end in _lines(text, at):
        row = _ROW.fullmatch(text, line_start, line_end)
        if row is not None:
            rows.append(row)
        elif rows or not _HEAD_ROW.fullmatch(text, line_start, line_end):
            break
    return rows


def _lines(text: str, at: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = text.find("\n", at) + 1
    while 0 < start < len(text) and len(spans) < _MAX_ROWS:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        spans.append((start, end))
        start = end + 1
    return spans


def _whole_of(text: str, rows: list[re.Match[str]]) -> tuple[Figure, Figure] | None:
    """The whole's score and grade: a row of 100 points after parts adding up to 100."""
    for index, row in enumerate(rows):
        if float(row["weight"]) != _WHOLE or row["score"] is None or float(row["score"]) > _WHOLE:
            continue
        parts = [float(part["weight"]) for part in rows[:index]]
        if len(parts) >= _MIN_PARTS and abs(sum(parts) - _WHOLE) <= _TOLERANCE:
            grade = figure_at(text, *row.span("grade"), "table.result_rows")
            grade.kind = Kind.TEXT
            return figure_at(text, *row.span("score"), "table.result_rows"), grade
    return None
