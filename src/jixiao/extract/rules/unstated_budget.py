"""A fund's money stated with no verb, split right after it by the parts it is made of, is its budget:

    今年我县支持某项目资金860万元，其中管网改造资金700万元，水质检测设备资金160万，目前已全部落实。

The one amount of its sentence, after a money noun (资金 / 经费 / 补助 / 拨款), followed by a 其中 list of two
or more named parts (no level of government, no batch) that add up to it. Without the sum the amount may be any
money the report mentions, and without a verb it is no other line; a budget stated before wins.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.amount_clauses import MONEY_NOUN, NOT_A_LINE, Amount, clause_start
from jixiao.extract.rules.figures import amount_in_wan
from jixiao.extract.rules.money_lists import MoneyList, about_equal, is_part, level_of, sum_of

_SPLIT_OPENER = re.compile(r"\s*[，,]?\s*其中\s*[:：，,]?\s*")
_MIN_PARTS = 2


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
