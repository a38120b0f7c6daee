"""T3 and T4: tables squashed onto lines, cells split by single spaces (T3) or by nothing at all (T4).

The stream after the header is cut into value and text tokens, then into rows: a row opens with its
name (indicators) or label (funding) and takes the values after it. Glued level words open blocks, a
run of words after a row's values is its deviation reason except for the last word, which names the
next row. Two glued bare numbers at the end of a scored row (`…20%2020`) are split into 分值 and 得分.
"""

from __future__ import annotations

import itertools
import re

from jixiao.documents.tables.assemble import carry_down
from jixiao.documents.tables.levels import GRADE_INLINE, LEVEL_PREFIX, is_level1, is_level2, is_total
from jixiao.documents.tables.table import Cell, Kind, Role, Row, Table
from jixiao.documents.tables.tokens import Gap, Token, tokens

_SCORED = (Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE)
TEXT_VALUES = (
    "是 否 有 无 完成 已完成 未完成 基本完成 达成 已达成 未达成 部分达成 基本达成 达标 达到 长期 持续 合格 满意 "
    "及时 按时 按时完成 效果明显 成效明显 明显 显著 良好 有效 有所提升 逐步提升 有效提升 明显提升 稳步提升 持续提升 "
    "达成预期指标 达到预期目标 达到预期 符合要求 符合规定 逐步改善 明显改善 有效改善 逐步完善 有效运行 稳定运行"
).split()
"""Words a table prints in place of a number (text targets and actuals)."""
_TEXT_VALUE = re.compile("^(?:" + "|".join(TEXT_VALUES) + ")$")
_GLUED_TEXT_VALUE = re.compile("(?:" + "|".join(sorted(TEXT_VALUES, key=len, reverse=True)) + ")$")
_MIN_NAME = 2
_REASON = re.compile(r"原因|因|由于|受|措施|下一步|加大|加强|不足|减少|偏低|偏高|未|延迟|滞后|下降|^无$|^/$|^—$|^-$")
_MAX_WEIGHT = 100


def is_text_value(text: str) -> bool:
    return bool(_TEXT_VALUE.match(text))


def _levels(token: Token) -> list[Token]:
    """`产出指标数量指标城镇新增就业人数` -> the level words and the name, each a token."""
    if token.is_value:
        return [token]
    parts, pos, cell = [], token.cell.start, token.cell
    text = cell.text
    offset = 0
    while match := LEVEL_PREFIX.match(text, offset):
        if match.end() == offset:
            break
        parts.append(Token(Cell(match.group(0), pos + match.start(), pos + match.end()), False))
        offset = match.end()
    if offset < len(text):
        parts.append(Token(Cell(text[offset:], pos + offset, cell.end), False))
    return parts


def _span(first: Cell, last: Cell, text: str) -> Cell:
    return Cell(text[first.start : last.end], first.start, last.end)


def _segments(stream: list[Token]) -> list[tuple[list[Token], list[Token], list[Token]]]:
    """(levels, name words, values + reason words) per row, in order."""
    rows: list[tuple[list[Token], list[Token], list[Token]]] = []
    pending: list[Token] = []
    for position, token in enumerate(stream):
        if token.is_value or (rows and is_text_value(token.cell.text) and len(rows[-1][2]) < 2):
            if rows:
                rows[-1][2].append(Token(token.cell, True, token.bare))
            continue
        if is_level1(token.cell.text) or is_level2(token.cell.text):
            pending.append(token)
            continue
        following = stream[position + 1] if position + 1 < len(stream) else None
        row_open = bool(rows) and sum(t.is_value for t in rows[-1][2]) >= 2
        next_is_word = following is not None and not following.is_value and not is_text_value(following.cell.text)
        # a word after a row's values, followed by another word, cannot name a row (a name takes values)
        is_reason = next_is_word or (following is None and _REASON.search(token.cell.text))
        if row_open and not pending and is_reason:
            rows[-1][2].append(token)
            continue
        if rows and not rows[-1][2] and not pending and not is_total(token.cell.text):
            rows[-1][1].append(token)  # a name cut by a space
            continue
        rows.append((pending, [token], []))
        pending = []
    return rows


def split_glued(cell: Cell) -> tuple[Cell, Cell] | None:
    """`1010` -> 10 and 10; `2018.5` -> 20 and 18.5: the split where 0 ≤ 得分 ≤ 分值 ≤ 100, halves preferred."""
    best: tuple[Cell, Cell] | None = None
    for cut in range(1, len(cell.text)):
        left, right = cell.text[:cut], cell.text[cut:]
        if "." in left or (len(right) > 1 and right[0] == "0" and right[1] != ".") or right[0] == ".":
            continue
        weight, score = float(left), float(right)
        if 0 < weight <= _MAX_WEIGHT and score <= weight:
            pair = (Cell(left, cell.start, cell.start + cut), Cell(right, cell.start + cut, cell.end))
            if best is None or abs(cut * 2 - len(cell.text)) < abs(len(best[0].text) * 2 - len(cell.text)):
                best = pair
    return best


def _assign(row: Row, values: list[Token], roles: list[Role]) -> None:
    scored = Role.WEIGHT in roles and Role.SCORE in roles
    cells = [token.cell for token in values]
    if scored and len(values) == len(roles) - 1 and values[-1].bare:
        split = split_glued(values[-1].cell)
        if split is not None:
            cells = [*cells[:-1], *split]
            row.split = True
        elif len(values) >= 3 and not values[0].bare and values[1].bare:
            cells = [cells[0], Cell("", cells[0].end, cells[0].end), *cells[1:]]  # 完成值 left blank
    for role, cell in zip(roles, cells, strict=False):
        if cell.text:
            row.cells[role] = cell


def _peel_text_values(name: Cell) -> tuple[Cell, list[Token]]:
    """A text target and a text actual (效果明显, 长期 …) glued to the end of a name, split off as values.

    Both must be there: one word alone at the end (`补贴发放及时`) may well belong to the name.
    """
    peeled: list[Token] = []
    rest = name
    while len(peeled) < 2 and (match := _GLUED_TEXT_VALUE.search(rest.text)):
        if match.start() < _MIN_NAME:
            break
        start = rest.start + match.start()
        peeled.insert(0, Token(Cell(match.group(0), start, rest.end), True))
        rest = Cell(rest.text[: match.start()], rest.start, start)
    return (rest, peeled) if len(peeled) == 2 else (name, [])


def indicator_rows(text: str, stream: list[Token], columns: list[Role]) -> list[Row]:
    roles = [role for role in _SCORED if role in columns]
    expanded = [part for token in stream for part in _levels(token)]
    rows: list[Row] = []
    for levels, names, rest in _segments(expanded):
        name = _span(names[0].cell, names[-1].cell, text)
        values = [token for token in rest if token.is_value]
        reason = [token for token in rest if not token.is_value]
        if is_total(name.text):
            row = Row(cells={Role.LABEL: name})
            _assign(row, values, [Role.WEIGHT, Role.SCORE] if len(values) >= 2 else [Role.SCORE])
            rows.append(row)
            continue
        if not values and not reason:
            if grade := GRADE_INLINE.match(name.text):  # 自评等级：良 on the line after the table
                start = name.start + grade.start("grade")
                rows.append(Row(cells={Role.LABEL: name, Role.GRADE: Cell(grade["grade"], start, name.end)}))
            continue  # words after the table (填报人：…): no row without a value
        if not values or values[0].bare:  # `…持续完善效果明显效果明显1010`: text target and actual glued on
            name, peeled = _peel_text_values(name)
            values = [*peeled, *values]
        row = Row(cells={Role.NAME: name})
        for level in levels:
            row.cells[Role.LEVEL1 if is_level1(level.cell.text) else Role.LEVEL2] = level.cell
        _assign(row, values, roles)
        if reason:
            row.cells[Role.REASON] = _span(reason[0].cell, reason[-1].cell, text)
        rows.append(row)
    carry_down(rows)
    return rows


def funding_rows(text: str, stream: list[Token], columns: list[Role]) -> list[Row]:
    """Values before the first label belong to the 年度资金总额 row, printed before the header (T3)."""
    roles = [role for role in columns if role is not Role.LABEL]
    rows: list[Row] = []
    labels: list[Token] = []
    values: list[Token] = []

    def flush() -> None:
        if not labels and not values:
            return
        row = Row()
        if labels:
            row.cells[Role.LABEL] = _span(labels[0].cell, labels[-1].cell, text)
        for role, token in zip(roles, values, strict=False):
            if token.cell.text not in ("-", "—", "/", "／"):
                row.cells[role] = token.cell
        row.partial = len(values) < len(roles)
        rows.append(row)

    for token in stream:
        if token.is_value:
            values.append(token)
            continue
        if values or (labels and not labels[-1].cell.text.startswith("其中")):
            flush()
            labels, values = [], []
        labels.append(token)
    flush()
    return rows


def stream_table(text: str, header: list[Cell], columns: list[Role], kind: Kind, end: int, gap: Gap) -> Table:
    """A T3/T4 table from the header cells and the text after them up to `end`."""
    stream = tokens(text, header[-1].end, end, gap)
    glued = sum(
        1 for before, token in itertools.pairwise(stream) if before.is_value and token.is_value
        and before.cell.end == token.cell.start and not gap(token.cell.start)
    )  # fmt: skip
    layout = "t4" if glued * 4 >= sum(t.is_value for t in stream) > 0 else "t3"
    build = indicator_rows if kind is Kind.INDICATORS else funding_rows
    rows = build(text, stream, columns)
    for row in rows[:-1]:
        row.partial = False
    if kind is Kind.INDICATORS and rows and Role.LABEL not in rows[-1].cells:
        wanted = [role for role in _SCORED if role in columns]
        rows[-1].partial = not all(role in rows[-1].cells for role in wanted)
    table = Table(kind=kind, layout=layout, columns=columns, rows=rows, start=header[0].start, end=end)
    table.truncated = not text[end:].strip() and bool(rows) and rows[-1].partial
    if not table.truncated and rows:
        rows[-1].partial = False
    return table
