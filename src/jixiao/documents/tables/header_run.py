"""A table's header: the run of header pieces that opens it, and the columns it names.

A run of header pieces (empty cells between them allowed) with enough distinct columns of one kind, funding
or indicators, is a header; its roles, put in order (a two-row header flattened top row first, words an xlsx
scattered over the first rows), are the table's columns.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import islice

from jixiao.documents.tables.headers import kind_of
from jixiao.documents.tables.shapes import Piece, Shape
from jixiao.documents.tables.table import FUNDING_ROLES, Kind, Role
from jixiao.documents.tables.zones import MIN_HEADER

# An enum member read through its class (`Shape.EMPTY`) calls the enum metaclass's attribute hook on Python
# 3.11 (~1,000 instructions); the walks over every piece read these instead.
_EMPTY, _HEADER = Shape.EMPTY, Shape.HEADER
_HEADER_OR_EMPTY = frozenset({Shape.HEADER, Shape.EMPTY})
_INDICATORS = Kind.INDICATORS
_LABEL, _NOTE = Role.LABEL, Role.NOTE


def header_run(found: list[Piece], index: int) -> tuple[list[Piece], int] | None:
    """The header starting at found[index], and where it ends.

    An empty cell between two header cells of a pipe dump is a column of its own (a label spanning two
    columns, `资金投入情况（万元） | | 全年预算数（A）`): it becomes a blank column rows print an empty cell under.
    """
    run: list[Piece] = []
    position = index
    while position < len(found) and (
        found[position].shape in _HEADER_OR_EMPTY or _unnamed_column(found, position, len(run))
    ):
        piece = found[position]
        if piece.shape is _HEADER:
            run.append(piece)
        elif piece.cut == "pipe" and run and _next_is_header(found, position):
            run.append(replace(piece, shape=Shape.HEADER, role=Role.NOTE))
        position += 1
    roles = [piece.role for piece in run if piece.role is not None]
    if len(set(roles)) < MIN_HEADER or kind_of(roles) is None:
        return None
    if kind_of(roles) is Kind.INDICATORS:
        while run and run[-1].role in FUNDING_ROLES:  # `预算执行率` opening the first row, not a column
            position = found.index(run.pop(), index)
    return run, position


def may_open_header(found: list[Piece], position: int) -> bool:
    """Whether a header run can start at found[position]: its first piece that is not empty is a header
    (a cheap test before header_run, which a pipe dump's runs of empty cells would make quadratic)."""
    for piece in islice(found, position, None):
        if piece.shape is not _EMPTY:
            return piece.shape is _HEADER
    return False


_MAX_UNNAMED = 8
_MIN_BEFORE_UNNAMED = 2


def _unnamed_column(found: list[Piece], position: int, headers: int) -> bool:
    """A pipe cell of a few words between header cells (`三级指标 | 指标口径 | 年度指标值`) names a column in
    words no role knows: its cells hold no figure of ours (a note), and the header goes on after it."""
    piece = found[position]
    return (
        headers >= _MIN_BEFORE_UNNAMED
        and piece.shape is Shape.TEXT
        and piece.cut == "pipe"
        and len(piece.text.strip()) <= _MAX_UNNAMED
        and not any(char.isdigit() for char in piece.text)
        and _next_is_header(found, position)
    )


def _next_is_header(found: list[Piece], position: int) -> bool:
    following = next((p for p in found[position + 1 :] if p.shape is not Shape.EMPTY), None)
    return following is not None and following.shape is Shape.HEADER and found[position + 1].shape is Shape.HEADER


CANONICAL = [
    Role.INDEX, Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.OP, Role.TARGET, Role.UNIT, Role.ACTUAL, Role.WEIGHT,
    Role.SCORE, Role.REASON, Role.NOTE,
]  # fmt: skip
"""The 10号 annex's column order: for a header whose words a flattening scattered over the body."""
_ABSORB_WITHIN = 60
INDICATOR_COLUMNS = frozenset(CANONICAL) - {Role.INDEX, Role.NOTE}


_LEVEL_COLUMNS = frozenset({Role.LEVEL1, Role.LEVEL2, Role.NAME})
VALUE_COLUMNS = frozenset({Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE})


def _two_rows(roles: list[Role]) -> bool:
    """`年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因… | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | …`:
    a two-row header flattened top row first (年度指标值 spans 指标性质/指标值/度量单位 below it). A level
    column after a value column, or a value column named twice, says so; its columns are the annex's order."""
    first_value = next((i for i, role in enumerate(roles) if role in VALUE_COLUMNS), None)
    if first_value is None:
        return False
    late_level = any(role in _LEVEL_COLUMNS for role in roles[first_value + 1 :])
    values = [role for role in roles if role in VALUE_COLUMNS]
    return late_level or len(values) != len(set(values))


def _level_points_read_past(roles: list[Role]) -> list[Role]:
    """`一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 评价标准 | 得分` (a 部门整体 sheet): the 分值 after a
    level is that level's points, a column read past; the name's is the weight."""
    if roles.count(Role.WEIGHT) < 2:
        return roles  # most headers: one 分值
    levels = (Role.LEVEL1, Role.LEVEL2)
    return [
        Role.NOTE if role is Role.WEIGHT and index and roles[index - 1] in levels else role
        for index, role in enumerate(roles)
    ]


def header_columns(run: list[Piece], kind: Kind, scattered: bool) -> list[Role]:
    roles = _level_points_read_past([piece.role for piece in run if piece.role is not None])
    scattered = scattered or (kind is Kind.INDICATORS and _two_rows(roles))
    if scattered:
        roles = list(dict.fromkeys(roles))
    elif kind is Kind.FUNDING:  # a funding header names each money column once; its other columns stay apart
        roles = [role for i, role in enumerate(roles) if role is _NOTE or role not in roles[:i]]
    if kind is Kind.FUNDING:
        return roles if roles[0] is _LABEL else [_LABEL, *(r for r in roles if r is not _LABEL)]
    roles = [role for role in roles if role is not _LABEL]
    if scattered:
        roles = [role for role in CANONICAL if role in roles]
    if Role.NAME not in roles:  # every indicator row has a name, whether or not its header cell was printed
        first_value = next((i for i, role in enumerate(roles) if role not in (Role.INDEX, Role.LEVEL1, Role.LEVEL2)), 0)
        roles.insert(first_value, Role.NAME)
    return roles


def absorb(found: list[Piece], run: list[Piece], stop: int, kind: Kind) -> tuple[list[Piece], list[Piece]]:
    """Header words an xlsx flattened into the first rows (`指标值 完成值 … 二级指标 三级指标 … 分值 得分`): taken
    into the header, out of the body."""
    if kind is not _INDICATORS:
        return run, []
    have = {piece.role for piece in run}
    taken: list[Piece] = []
    for piece in found[stop : stop + _ABSORB_WITHIN]:
        if piece.shape is _HEADER and piece.role not in have and piece.role in INDICATOR_COLUMNS:
            taken.append(piece)
            have.add(piece.role)
    return run + taken, taken
