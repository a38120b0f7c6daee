"""A table's money unit: 万元 unless the caption or header says 元, or its amounts can only be 元.

A funding table may be in 元 though neither caption nor header names a unit: Chongqing's 部门整体绩效自评表
prints `年度总金额 | 2,906,418.00 | …` under 年初预算数 | 全年(调整)预算数 with no unit anywhere. Read in 万元,
a county body's budget would be 290 亿元. A budget line of 100 亿元 or more is a province's, and such forms
print their unit; an amount of seven or more integer digits with no unit printed is in 元. Only the money
columns count (a rate, a weight or a code never does).
"""

from __future__ import annotations

import re

from jixiao.documents.tables.headers import MONEY_IN_YUAN
from jixiao.documents.tables.table import MONEY_ROLES, Kind, Table

_SEVEN_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$|^\d{7,}(?:\.\d+)?$")
"""A bare amount of seven or more integer digits, with or without thousands separators (no unit)."""


def _prints_yuan(table: Table) -> bool:
    """Whether a money cell of the table prints a bare amount of a million or more (see the module)."""
    return any(
        _SEVEN_DIGITS.match(cell.text.strip())
        for row in table.rows
        for role, cell in row.cells.items()
        if role in MONEY_ROLES
    )


_AFTER_BODY = 40
_IN_WAN = re.compile(r"万元")


def money_unit(text: str, table: Table) -> str:
    """元 when the caption or header says so (`项目资金（元）`, `单位：元`). A PDF's text layer may print the
    funding table's 项目资金 (元) cell after its amounts: for a funding table, its body and the few chars
    after it count too, unless the caption says 万元."""
    caption = text[max(0, table.start - 80) : table.start + 40]
    if MONEY_IN_YUAN.search(caption):
        return "元"
    if table.kind is Kind.FUNDING and not _IN_WAN.search(caption):
        if MONEY_IN_YUAN.search(text, table.start, min(len(text), table.end + _AFTER_BODY)):
            return "元"
        if not _IN_WAN.search(text, table.start, table.end) and _prints_yuan(table):
            return "元"  # `2,906,418.00` with no unit printed (see the module)
    return "万元"
