"""The parts a line's money was given out in, clause by clause, once a later sentence states their whole:

    …下达我市某县图书馆某古籍修复补助30万元，下达我市某县某传承人补助-剪纸(某氏剪纸)5万元。
    …2022年我市某保护资金下达35万元，…

Each clause gives one named part its amount with the line's own verb (下达…, 下拨…); when a later amount of
the line is what they add up to (`funding._whole_of_earlier_parts`), they are the money's parts: spending,
each named by what follows the verb, without the receiving place (`我市`, `某县`). Read only when every clause
names a part (no level of government, no batch, no generic 资金) and no other list gave the spending.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.amount_clauses import VERB, Amount
from jixiao.extract.rules.figures import money_at
from jixiao.extract.rules.money_lists import Item, is_part, level_of
from jixiao.extract.rules.places import leading_places
from jixiao.model import SpendingItem

FOUND_BY = "narrative.given_parts"
_BREAKS = "，,；;。\n"
_RECEIVER = re.compile(r"^我(?:[省市州县区旗镇乡办局委院馆校]|中心|单位)")
_MIN_NAME = 4
_MIN_PARTS = 2


def given_parts(text: str, plain: str, line: str, start: int, amounts: list[Amount]) -> list[SpendingItem]:
    """The spending the clauses from `start` give out, one part per amount (see the module), or []."""
    if len(amounts) < _MIN_PARTS:
        return []
    items = []
    for amount in amounts:  # each clause read for the verb itself: a dash in a name hides it from the grammar
        name = _part_name(text, plain, line, max(start, _clause_begin(plain, amount.start)), amount.start)
        if name is None:
            return []
        items.append(SpendingItem(category=name, amount=money_at(text, amount.start, amount.end, FOUND_BY)))
    return items


def _clause_begin(plain: str, at: int) -> int:
    return max(plain.rfind(char, 0, at) for char in _BREAKS) + 1


def _part_name(text: str, plain: str, line: str, begin: int, at: int) -> str | None:
    """What follows the clause's last verb of the line, the receiving place dropped; None if no part."""
    verbs = list(VERB[line].finditer(plain, begin, at))
    if not verbs:
        return None
    name = _RECEIVER.sub("", text[verbs[-1].end() : at].strip())
    name = name[sum(len(place) for place in leading_places(name)) :]
    item = Item(name=name, start=at, end=at)
    if len(name) < _MIN_NAME or not is_part(item) or level_of(name) is not None:
        return None
    return name
