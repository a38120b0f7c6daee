"""A fund's money stated with no verb, split right after it by the parts it is made of, is its budget:

    今年我县支持某项目资金860万元，其中管网改造资金700万元，水质检测设备资金160万，目前已全部落实。

The one amount of its sentence, after a money noun (资金 / 经费 / 补助 / 拨款), followed by a 其中 list of two
or more named parts (no level of government, no batch) that add up to it. Without the sum the amount may be any
money the report mentions, and without a verb it is no other line; a budget stated before wins.

Under a heading that says the money arrived (`(一)项目资金到位情况分析` on the line right before), the same
amount is what was allocated: the heading is the verb the sentence leaves out. Under a heading on the money's
use (`(二)项目资金使用情况`), a sentence opening its paragraph with the fund's one amount `全部用于…` says it
was all spent: the executed total, when no other was read.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.amount_clauses import MONEY_NOUN, NOT_A_LINE, Amount, clause_start
from jixiao.extract.rules.figures import amount_in_wan, money_at
from jixiao.extract.rules.money_lists import MoneyList, about_equal, is_part, level_of, sum_of
from jixiao.model import Funding

_SPLIT_OPENER = re.compile(r"\s*[，,]?\s*其中\s*[:：，,]?\s*")
_MIN_PARTS = 2
_ARRIVED_HEADING = re.compile(r"资金到位(?:情况)?")
_HEADING_REACH = 30  # chars of a heading line


def _heading_before(text: str, start: int) -> str:
    """The short line right before the line the sentence at `start` opens ('' if it opens none)."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[line_start:start].strip():
        return ""  # the sentence does not open its line: no heading right before it
    heading = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    return heading if len(heading.strip()) <= _HEADING_REACH else ""


def unstated_line(text: str, start: int) -> str:
    """The line an unstated amount of the sentence at `start` is: allocated under a 资金到位 heading (the line
    right before the sentence's), else the budget."""
    return "allocated" if _ARRIVED_HEADING.search(_heading_before(text, start)) else "budget"


_SPENT_CUE = "全部用于"
_USE_HEADING = re.compile(r"资金(?:的)?使用(?:情况)?")
_SPENT_IN_FULL = re.compile(
    r"[^\n。，,；;\d]{0,20}?(?:资金|经费)[ \t]*(?P<amount>\d+(?:\.\d+)?[ \t]*万元)[ \t]*(?:已|均)?全部用于"
)


def spent_in_full(text: str, funding: Funding) -> None:
    """`该项目资金80万元全部用于…` opening the paragraph under a 资金使用 heading: the executed total."""
    if funding.executed.total is not None:
        return
    at = text.find(_SPENT_CUE)
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        found = _SPENT_IN_FULL.match(text, line_start, at + len(_SPENT_CUE))
        if found and found.end() == at + len(_SPENT_CUE) and _USE_HEADING.search(_heading_before(text, line_start)):
            funding.executed.total = money_at(text, *found.span("amount"), "narrative.spent_in_full")
            return
        at = text.find(_SPENT_CUE, at + len(_SPENT_CUE))


def unstated_budget(text: str, plain: str, start: int, amounts: list[Amount], lists: list[MoneyList]) -> Amount | None:
    """The sentence's head amount that is the budget (see the module), or None. `plain` is the masked text."""
    if len(amounts) != 1 or amounts[0].line is not None:
        return None
    amount = amounts[0]
    clause = plain[clause_start(plain, start, amount.start) : amount.start]
    if not MONEY_NOUN.search(clause.rstrip()) or NOT_A_LINE.search(clause):
        return None
    split = next((found for found in lists if found.start >= amount.end), None)
    if split is None or split.cut or len(split.items) < _MIN_PARTS:
        return None
    if not _SPLIT_OPENER.fullmatch(plain, amount.end, split.start) or not all(
        is_part(item) and level_of(item.name) is None for item in split.items
    ):
        return None
    whole, parts = amount_in_wan(text[amount.start : amount.end]), sum_of(text, split.items)
    return amount if whole is not None and parts is not None and about_equal(parts, whole) else None
