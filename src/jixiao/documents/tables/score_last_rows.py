"""Glued rows of a sheet with no 分值 column: levels, a name, the target, the actual and the score, run together.

A docx preview that drops the cell borders prints the 湖北-style 自评表 (一级 | 二级 | 三级 | 年初目标值 | 实际完成值 |
得分) as `数量指标成本控制不超过预算不超过预算10质量指标…`. Nothing marks the cuts, so a row is read only in the
shapes that say where they are: the target and actual printed the same (`X X`, then the score) with one way to
cut them off the name, or two figures of one unit glued (`5亿元6.47亿元`). The score is a number no unit
follows, ending before words, a level or the 总分 row. A row read no way is skipped to the next level word,
never guessed. Levels come as printed, short (`成本`, `时效`: taken only after a row's score, when they open a
second level not yet current) or as OCR debris before a second level (`出标产指数量指标`): the debris is the
first level the second level implies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.documents.tables.table import Cell, Role, Row
from jixiao.numbers import UNIT_PATTERN
from jixiao.vocabulary import LEVEL1_OF, LEVEL2_WORD, POINTS, is_text_value, level_name

_LEVEL1 = re.compile(rf"(?:产出|效益|满意度)指标(?:{POINTS})?")  # 成本指标: a second level under 产出 (2020)
_LEVEL2 = re.compile(rf"{LEVEL2_WORD}(?:{POINTS})?")
_NAMED_LEVEL2 = {
    "经济效益": "效益指标", "社会效益": "效益指标", "生态效益": "效益指标", "可持续影响": "效益指标",
    "可持续性": "效益指标", "服务对象满意度": "满意度指标",
}  # fmt: skip
"""Second levels printed without 指标 that no name opens with, and the first level each implies."""
_NAMED = re.compile("|".join(sorted(_NAMED_LEVEL2, key=len, reverse=True)))
# names open with these too, as words a name goes on with (成本控制, 时效性, 质量合格率)
_SHORT = re.compile(r"(?:数量|质量|时效|成本)(?!控制|节约|核算|管理|监管|效益|性|率|合格|达标|完成)")
_OTHER_LEVEL2 = re.compile(r"(?!绩效|考核|其他|评价|主要|核心)[\u4e00-\u9fff]{2,3}指标")  # 进度指标, 日效性指标
_PAGE_MARK = re.compile(r"\n\d{1,2}、")  # `取得2018-2022\n2、监测资料`: a preview's page number inside a cell
_TOTAL = re.compile(r"总分|合计|总计")
_DIGITS = re.compile(r"\d[\d.]*")
_POINTS_VALUE = re.compile(r"(?:0|[1-9]\d?|100)(?:\.\d{1,2})?")
_UNIT_THEN_VALUE = re.compile(rf"(?:{UNIT_PATTERN})(?=[\d≥≤<>=]|$)")  # `6.47亿元10`: a figure glued to the next
_TWO_FIGURES = re.compile(
    rf"(?P<target>[≥≤<>=]?\d+(?:\.\d+)?(?P<unit>%|{UNIT_PATTERN}))(?P<actual>[≥≤<>=]?\d+(?:\.\d+)?(?P=unit))$"
)
_NUMBER = re.compile(r"(?:\d+(?:\.\d+)?){2}")  # `6620`: a number twice, then the score cut off them
_CELL_BREAK = re.compile(r"[，,。；;：:]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MAX_DEBRIS = 10  # chars of a garbled level cell
_SEARCH = 120  # chars: a row's name and values are short
_MIN_ROWS = 2


@dataclass
class _Compact:
    """text[start:end] without its whitespace (a preview breaks cells at spaces), and where each char stood."""

    text: str
    at: list[int]

    def cell(self, start: int, end: int, printed: str | None = None) -> Cell:
        return Cell(printed if printed is not None else self.text[start:end], self.at[start], self.at[end - 1] + 1)


@dataclass
class _Cursor:
    view: _Compact
    at: int = 0
    level1: Cell | None = None
    level2: Cell | None = None
    after_score: bool = True  # the table opens like a row ends: a level may follow


def score_last_rows(text: str, start: int, end: int) -> list[Row] | None:
    """The rows of text[start:end] read as a glued sheet with the score last, or None when fewer than two
    rows read (the table is then left to the aligner)."""
    marks = {i for m in _PAGE_MARK.finditer(text, start, end) for i in range(*m.span())}
    chars = [(i, c) for i, c in enumerate(text[start:end], start) if not c.isspace() and i not in marks]
    view = _Compact("".join(c for _, c in chars), [i for i, _ in chars])
    more_text = bool(text[end:].strip())
    cursor = _Cursor(view)
    rows: list[Row] = []
    while cursor.at < len(view.text) and not _TOTAL.match(view.text, cursor.at):
        _levels(cursor, more_text)
        row = _row(cursor, more_text)
        if row is None:
            following = [m.start() for p in (_LEVEL1, _LEVEL2, _NAMED) if (m := p.search(view.text, cursor.at + 1))]
            if not following:
                break
            cursor.at, cursor.after_score = min(following), True
            continue
        rows.append(row)
    return rows if len(rows) >= _MIN_ROWS else None


def _levels(cursor: _Cursor, more_text: bool) -> None:
    """Level words before a row's name, moving the cursor past them."""
    view = cursor.view
    while True:
        at = cursor.at
        if match := _LEVEL1.match(view.text, at):
            cursor.level1, cursor.level2 = view.cell(*match.span()), None
        elif (match := _LEVEL2.match(view.text, at)) and not _repeated(cursor, match):
            cursor.level2 = view.cell(*match.span())
            _keep_consistent(cursor, LEVEL1_OF.get(level_name(match.group(0))))
        elif (match := _NAMED.match(view.text, at)) and _opens_level(cursor, match, more_text):
            cursor.level2 = view.cell(*match.span())
            _keep_consistent(cursor, _NAMED_LEVEL2[match.group(0)])
        elif (match := _SHORT.match(view.text, at) or _OTHER_LEVEL2.match(view.text, at)) and _opens_level(
            cursor, match, more_text
        ):
            cursor.level2 = view.cell(*match.span())
        elif cursor.after_score and (match := _after_debris(view.text, at)) is not None:
            implied = LEVEL1_OF.get(level_name(match.group(0))) or _NAMED_LEVEL2.get(match.group(0))
            cursor.level1 = view.cell(at, match.start(), implied) if implied else None
            cursor.level2 = view.cell(*match.span())
        else:
            return
        cursor.at, cursor.after_score = match.end(), False


def _keep_consistent(cursor: _Cursor, implied: str | None) -> None:
    """`经济成本指标` after 产出指标's rows: a second level of another first level, which the form left out."""
    if implied is not None and cursor.level1 is not None and level_name(cursor.level1.text) != implied:
        cursor.level1 = None


def _repeated(cursor: _Cursor, match: re.Match[str]) -> bool:
    """The level word again, right after itself: the name starts with it."""
    level2 = cursor.level2
    return level2 is not None and not cursor.after_score and level2.text == match.group(0)


def _opens_level(cursor: _Cursor, match: re.Match[str], more_text: bool) -> bool:
    """`…10成本每年财政补助…`: a second level printed short, right after a row's score or a first level, other
    than the current one, with a row after it (`数量指标成本控制…` is a name: it follows a level)."""
    if not (cursor.after_score or cursor.level2 is None):
        return False
    current = cursor.level2.text if cursor.level2 is not None else ""
    if current.removesuffix("指标") == match.group(0).removesuffix("指标"):
        return False
    probe = _Cursor(cursor.view, match.end(), cursor.level1, None, False)
    return _row(probe, more_text) is not None


def _after_debris(text: str, at: int) -> re.Match[str] | None:
    """`出标产指数量指标`, `益标效指意指斥满度打服务对象满意度`: a level cell OCR read out of order (no digit, some of
    指标), then the second level, which is returned."""
    for offset in range(1, _MAX_DEBRIS + 1):
        level2 = _LEVEL2.match(text, at + offset) or _NAMED.match(text, at + offset)
        if level2 is None:
            continue
        debris = text[at : at + offset]
        if any(c.isdigit() for c in debris) or not ("指" in debris or "标" in debris):
            return None
        return level2
    return None


def _row(cursor: _Cursor, more_text: bool) -> Row | None:
    """The row at the cursor (moved past it), or None when no score ends a reading of it."""
    view, start = cursor.view, cursor.at
    limit = min(len(view.text), start + _SEARCH)
    following = [m.start() for p in (_LEVEL1, _LEVEL2, _TOTAL) if (m := p.search(view.text, start + 1, limit))]
    for digits in _DIGITS.finditer(view.text, start, min([limit, *following])):
        end = digits.end()
        if not _ends_row(view.text, end, more_text):
            continue
        readings = [
            (score_at, values)
            for score_at in range(digits.start(), end)
            if _POINTS_VALUE.fullmatch(view.text, score_at, end)
            and (values := _values(view.text[start:score_at])) is not None
            and (score_at == digits.start() or _NUMBER.fullmatch(view.text[start:score_at], values[0]))
        ]
        if len(readings) != 1:
            if readings:
                return None  # two cuts read: which is the score cannot be told
            continue
        score_at, (name_end, target, actual) = readings[0]
        cells = {Role.NAME: view.cell(start, start + name_end), Role.SCORE: view.cell(score_at, end)}
        for role, span in ((Role.TARGET, target), (Role.ACTUAL, actual)):
            if span is not None:
                cells[role] = view.cell(start + span[0], start + span[1])
        if cursor.level1 is not None:
            cells[Role.LEVEL1] = cursor.level1
        if cursor.level2 is not None:
            cells[Role.LEVEL2] = cursor.level2
        cursor.at, cursor.after_score = end, True
        return Row(cells=cells, start=view.at[start], end=view.at[end - 1] + 1)
    return None


def _ends_row(text: str, end: int, more_text: bool) -> bool:
    """A score ends before words (the next row, a level, 总分) or the end of a stretch the text goes on after;
    not before a percent, a decimal or a unit glued to the next figure."""
    if end >= len(text):
        return more_text
    if text[end] in "%.":
        return False
    return bool(_CJK.match(text, end)) and not _UNIT_THEN_VALUE.match(text, end)


Span = tuple[int, int]


def _values(printed: str) -> tuple[int, Span | None, Span | None] | None:
    """Where the name ends, the target and the actual in a row's text before its score, in the shapes that
    say it: the same value twice, or two figures of one unit. None otherwise."""
    twice = [size for size in range(1, len(printed) // 2 + 1) if _twice(printed, size)]
    if len(twice) == 1:
        size = twice[0]
        name_end = len(printed) - 2 * size
        return name_end, (name_end, name_end + size), (name_end + size, len(printed))
    if twice:
        return None
    figures = _TWO_FIGURES.search(printed)
    if figures is None or not _name_before(printed, figures.start()):
        return None
    actual: Span | None = figures.span("actual")
    if figures["actual"] == "2" + figures["target"]:
        actual = None  # `90%290%`: OCR read the actual's ≥ as a 2; the actual is not read
    return figures.start(), figures.span("target"), actual


def _twice(printed: str, size: int) -> bool:
    value, name_end = printed[-size:], len(printed) - 2 * size
    if printed[name_end : name_end + size] != value or not _name_before(printed, name_end):
        return False
    if _CELL_BREAK.search(value):
        return False
    return len(value) > 1 or value.isdigit() or is_text_value(value)


def _name_before(printed: str, name_end: int) -> bool:
    """A name stands before the values, and ends where they start: no digit or comparator runs across."""
    if name_end < 2 or not _CJK.search(printed, 0, name_end):
        return False
    last, first = printed[name_end - 1], printed[name_end]
    return not ((first.isdigit() or first in "≥≤<>=") and (last.isdigit() or last in ".≥≤<>="))
