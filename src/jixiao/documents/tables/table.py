"""What a rebuilt table is: cells located in the normalized text, rows keyed by column role.

A flattened table loses its grid; the rebuilders (one per layout, LAYOUTS.md T1–T5) recover rows whose
cells keep the exact offsets they were printed at, so every figure read from a cell has an honest span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What a column holds, recognised from its header cell (DOMAIN.md §1.4, §2.1)."""

    LABEL = "label"  # 资金投入情况（万元） / 项目资金: the row label of a funding table
    INDEX = "index"  # 序号 / 行次: a row number, read past
    INITIAL_BUDGET = "initial_budget"  # 年初预算数
    BUDGET = "budget"  # 全年预算数(A) / 调整后预算数
    ALLOCATED = "allocated"  # 全年到位资金 / 下达数
    EXECUTED = "executed"  # 全年执行数(B) / 预算执行数
    RATE = "rate"  # 执行率 / 预算执行率(B/A)
    WEIGHT = "weight"  # 分值 / 权重
    SCORE = "score"  # 得分
    LEVEL1 = "level1"  # 一级指标
    LEVEL2 = "level2"  # 二级指标
    NAME = "name"  # 三级指标
    OP = "op"  # 指标性质 (= ≥ ≤)
    TARGET = "target"  # 年度指标值
    UNIT = "unit"  # 度量单位
    ACTUAL = "actual"  # 实际完成值
    COMPLETION = "completion"  # 实施进度: how far an indicator got (`已完成100%`), printed in place of an actual
    REASON = "reason"  # 偏差原因分析及改进措施 / 未完成原因和改进措施
    COEFFICIENT = "coefficient"  # 得分系数(%): the share of the weight scored, read past (the score is printed)
    NOTE = "note"  # 指标解释, 评分标准, 得分计算方法, 佐证材料, 备注 …: text columns read past
    GRADE = "grade"  # the cell after 自评等级 in a footer row


class Kind(StrEnum):
    FUNDING = "funding"  # 资金投入情况 / 项目资金（万元）
    INDICATORS = "indicators"  # 绩效指标


FUNDING_ROLES = frozenset({Role.INITIAL_BUDGET, Role.BUDGET, Role.ALLOCATED, Role.EXECUTED, Role.RATE})
MONEY_ROLES = frozenset({Role.INITIAL_BUDGET, Role.BUDGET, Role.ALLOCATED, Role.EXECUTED})
TEXT_ROLES = frozenset({Role.NAME, Role.REASON, Role.NOTE, Role.LABEL})
"""Columns whose cell may come in several pieces (a name broken by a space or a line)."""
INDICATOR_ROLES = frozenset({Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET, Role.ACTUAL, Role.OP, Role.UNIT})


# Cells, pieces (shapes.Piece) and tokens (tokens.Token) are values, never changed once made, hashed and
# compared as frozen dataclasses are; they are not declared frozen because a frozen dataclass's __init__ sets
# each field through object.__setattr__ (the table finder makes ~130 of them per report: slots and plain
# stores cut 0.74 M instructions per report, rules_instructions.py).
@dataclass(slots=True, unsafe_hash=True)
class Cell:
    """A cell's text as printed (spaces trimmed) and its half-open offsets in the normalized text."""

    text: str
    start: int
    end: int


def trimmed_cell(text: str, start: int, end: int) -> Cell:
    """text[start:end] without its outer spaces, as a cell at its own offsets (an empty cell at `end`)."""
    chunk = text[start:end]
    core = chunk.strip()
    if not core:
        return Cell("", end, end)
    start += len(chunk) - len(chunk.lstrip())
    return Cell(core, start, start + len(core))


def cell_part(cell: Cell, start: int, end: int) -> Cell:
    """The trimmed part cell.text[start:end] of a cell, at its offsets in the document."""
    part = trimmed_cell(cell.text, start, end)
    return Cell(part.text, cell.start + part.start, cell.start + part.end)


@dataclass
class Row:
    cells: dict[Role, Cell] = field(default_factory=dict)
    start: int = 0  # offsets of the row's first and last piece (its unread span when nothing is read)
    end: int = 0
    carried: set[Role] = field(default_factory=set)  # level cells taken from a row above
    split: bool = False  # a glued number was split into 分值 and 得分 by a heuristic (T4)
    partial: bool = False  # the document ends inside this row: its last cell may be cut
    own_line: bool = False  # the source printed the row alone on its line (raw_lines), before normalization

    def text(self, role: Role) -> str:
        cell = self.cells.get(role)
        return cell.text if cell else ""


@dataclass
class Table:
    kind: Kind
    layout: str  # t1 … t5: which flattening it was rebuilt from
    columns: list[Role]
    rows: list[Row]
    start: int  # offset of the header
    end: int  # offset just after the last row
    money_unit: str = "万元"  # 元 when the header or caption says so
    ocr: bool = False  # the document says it was machine-read; cells may hold misread glyphs
    truncated: bool = False  # the document ends inside this table
    skipped: list[tuple[int, int]] = field(default_factory=list)  # values no row could take: unread figures
    weight_in_header: Cell | None = None  # `得分 (20 分*执行率)`: the execution line's 分值 printed in its header
