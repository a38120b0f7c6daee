"""How a funding table's rows relate by their amounts: a row that restates another, a part that is the whole.

Chongqing's 部门整体绩效自评表 prints `年度总金额 | A | B | C`, then `其中:财政拨款 | A | B | C | 执行率 | 权重 |
得分`, then `一般公共预算 | A | B | C`: the appropriation is the whole total (so its execution cells are the
line's), and 一般公共预算 is a kind of that appropriation (the same money again, no second source).
"""

from __future__ import annotations

import re

from jixiao.documents.tables import Role, Row, Table
from jixiao.documents.tables.table import MONEY_ROLES
from jixiao.model import FundSource

_ZERO = re.compile(r"^[0.,]*$")


def same_amounts(row: Row, other: Row) -> bool:
    """Whether two funding rows print the same amounts in the same money columns (and at least one)."""
    printed = [role for role in MONEY_ROLES if row.text(role)]
    return (
        bool(printed)
        and printed == [role for role in MONEY_ROLES if other.text(role)]
        and all(row.text(role) == other.text(role) for role in printed)
    )


def restates(row: Row, level: FundSource, read: list[tuple[FundSource, Row]]) -> bool:
    """A row naming the source a row read above named, with its very amounts, is that row's part, not a second
    source (zeros are no amounts: two empty sources print them alike)."""
    if all(_ZERO.match(row.text(role)) for role in MONEY_ROLES):
        return False
    return any(seen == level and same_amounts(row, above) for seen, above in read)


def whole_part(table: Table, total: Row | None) -> Row | None:
    """The source row that is the whole total (its amounts the total row's own) and prints the execution cells
    the total row left empty (执行率 or 得分), or None."""
    if total is None or total.text(Role.RATE) or total.text(Role.SCORE):
        return None
    for row in table.rows:
        if row is not total and same_amounts(row, total) and (row.text(Role.RATE) or row.text(Role.SCORE)):
            return row
    return None
