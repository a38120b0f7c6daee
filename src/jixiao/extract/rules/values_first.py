"""A squashed PDF form that prints its indicator table column group by column group, the values before the names:

    一级指标 二级指标 数量指标 三级指标 甲项完成 年度 指标值 实际 完成值 分值 得分 =100% 100% 10 10 ≥90% 95% 20 18
    100 96 率 产出指标 质量指标 乙项合格率 满意度指标 服务对象满意度指标 … 总分

The block runs on one line from `一级指标 二级指标` to `总分` (or the excerpt's end). Its pieces are told apart by
their shape: the column headers are dropped; a word ending in 指标 that is a level is a level; a value group is
four cells `target actual 分值 得分` (分值 and 得分 bare numbers, 得分 ≤ 分值), the groups one run; a lone
character continues the name before it (a wrapped cell whose second line the PDF printed later); any other run
of Han characters is a name. Rows are matched by order: the n-th name, the n-th second level (its first level
from the taxonomy) and the n-th value group. Read only when the counts agree (as many second levels as names,
and as many value groups or none, a form cut before its values); otherwise nothing is read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.extract.rules.figures import figure_at
from jixiao.extract.rules.form_fields import FieldKind, form_fields
from jixiao.extract.rules.tables import TableFindings
from jixiao.model import Figure, Indicator
from jixiao.vocabulary import LEVEL1_OF, level_name, level_number

FOUND_BY = "table.values_first"
_BLOCK = re.compile(r"一级指标[ \t]*二级指标[^\n]*?(?:总分|$)", re.M)
_HEADERS = re.compile(
    r"[一二三]级指标|年度[ \t]*指标值|实际[ \t]*完成值|分值|得分|权重|总分|绩[ \t]*效[ \t]*指[ \t]*标"
)
_TOKEN = re.compile(r"[=≥≤><]*\d[\d,]*(?:\.\d+)?%?|[\u4e00-\u9fff（()）]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SHORT_TEXT = 4  # a text cell in a value group (`及时`, `达标`)
_MIN_ROWS = 2


@dataclass
class _Pieces:
    names: list[str] = field(default_factory=list)
    level2: list[str] = field(default_factory=list)
    groups: list[list[re.Match[str]]] = field(default_factory=list)
    total: re.Match[str] | None = None


@dataclass
class ValuesFirst:
    """The indicators of one block, its span, and the 总分 it printed after its value groups."""

    start: int
    end: int
    indicators: list[Indicator]
    total_score: Figure | None


def _is_value(token: str) -> bool:
    return bool(_TOKEN.fullmatch(token)) and (token[-1].isdigit() or token.endswith("%") or len(token) <= _SHORT_TEXT)


def _is_points(token: str) -> bool:
    return _NUMBER.fullmatch(token) is not None


def _group_at(tokens: list[re.Match[str]], at: int) -> list[re.Match[str]] | None:
    """`target actual 分值 得分` from tokens[at], or None."""
    group = tokens[at : at + 4]
    if len(group) < 4 or not all(_is_value(token[0]) for token in group[:2]):
        return None
    weight, score = group[2][0], group[3][0]
    if not (_is_points(weight) and _is_points(score)) or float(score) > float(weight):
        return None
    if not any(char.isdigit() for char in group[0][0] + group[1][0]) and group[0][0] != group[1][0]:
        return None  # two different words: a name and a level, not a text target and its actual
    return group


def _starts_figure(token: str) -> bool:
    return token[0].isdigit() or token[0] in "=≥≤><"


def _pieces(tokens: list[re.Match[str]]) -> _Pieces:
    pieces = _Pieces()
    at = 0
    while at < len(tokens):
        token = tokens[at][0]
        if _starts_figure(token):
            while (group := _group_at(tokens, at)) is not None:
                pieces.groups.append(group)
                at += 4
            if pieces.groups and at + 1 < len(tokens) and all(_is_points(t[0]) for t in tokens[at : at + 2]):
                pieces.total = tokens[at + 1]  # `100 98.62`: the form's points and its 总分, printed before 总分
                at += 2
            elif at < len(tokens) and _starts_figure(tokens[at][0]):
                return _Pieces()  # a figure outside the groups: not the shape this reader knows
            continue
        if token.endswith("指标") and (number := level_number(token)) is not None:
            if number == 2:
                pieces.level2.append(level_name(token))
        elif len(token) == 1 and pieces.names:
            pieces.names[-1] += token  # `…完成` then `率`: the wrapped cell's second line
        else:
            pieces.names.append(token)
        at += 1
    return pieces


def _indicators(text: str, pieces: _Pieces, program: str | None, shift: int) -> list[Indicator]:
    found = []
    for index, (name, level2) in enumerate(zip(pieces.names, pieces.level2, strict=True)):
        indicator = Indicator(name=name, program=program, level1=LEVEL1_OF.get(level2), level2=level2)
        if pieces.groups:
            cells = pieces.groups[index]
            target, actual, weight, score = (
                figure_at(text, token.start() + shift, token.end() + shift, FOUND_BY) for token in cells
            )
            indicator.target, indicator.actual, indicator.weight, indicator.score = target, actual, weight, score
        found.append(indicator)
    return found


def _block_pieces(text: str, block: re.Match[str]) -> _Pieces:
    masked = _HEADERS.sub(lambda header: " " * len(header[0]), block[0])
    return _pieces([token for token in _TOKEN.finditer(masked) if token])


def read_values_first(text: str, programs: list[tuple[int, str]] | None = None) -> list[ValuesFirst]:
    """Every values-first indicator block of `text` whose counts agree; `programs` the forms' 项目名称 values
    with where they stand (the block belongs to the nearest before it), read from the text when not given."""
    if "一级指标" not in text:
        return []
    blocks = []
    for block in _BLOCK.finditer(text):
        pieces = _block_pieces(text, block)
        rows = len(pieces.names)
        if rows < _MIN_ROWS or len(pieces.level2) != rows or len(pieces.groups) not in (0, rows):
            continue
        if programs is None:  # read once, and only for a text that has such a block
            programs = [(field.start, field.value) for field in form_fields(text) if field.kind is FieldKind.NAME]
        program = next((name for start, name in reversed(programs) if start < block.start()), None)
        shift = block.start()
        total = pieces.total if pieces.total and block[0].endswith("总分") else None
        blocks.append(
            ValuesFirst(
                block.start(),
                block.end(),
                _indicators(text, pieces, program, shift),
                figure_at(text, total.start() + shift, total.end() + shift, FOUND_BY) if total else None,
            )
        )
    return blocks


def _inside(indicator: Indicator, blocks: list[ValuesFirst]) -> bool:
    spans = [
        figure.span for figure in (indicator.target, indicator.actual, indicator.weight, indicator.score) if figure
    ]
    return any(block.start <= span.start < block.end for span in spans if span for block in blocks)


def take_values_first(found: TableFindings, text: str) -> None:
    """The values-first blocks' rows in place of what the table reader made of the same stretch (a values-first
    run read as rows pairs a value with the wrong name)."""
    blocks = read_values_first(text)
    if not blocks:
        return
    found.indicators = [indicator for indicator in found.indicators if not _inside(indicator, blocks)]
    found.indicators += [indicator for block in blocks for indicator in block.indicators]
    found.total_score = found.total_score or next((b.total_score for b in blocks if b.total_score), None)
