"""A list of named amounts after a money noun and a colon, with no total stated (疾控 and similar 专项 reports):

    2024年本单位专项资金:慢病随访经费12.5万元、学校卫生监测4万元、
    职业病筛查费8.2万元。
    2024年我县全民健身资金安排是:支持器材维护12万元,支持赛事活动3万元、场地建设10万元。

The named parts are where the money goes (spending), whatever whole they would add up to: none is printed, so
no funding line is read from them. A PDF may wrap such a list over lines (`…、职业病` / `筛查费8.2万元。`): the
list runs on over line breaks until its full stop. Read only when every item names a part (no level of
government, no batch, no generic 资金), at least three of them with names all different, and nothing but the
list follows the colon: a list with a 合计 or a verb among its items is the sentence grammar's.

The same list may follow what the money is for, with no amount before it (`某项目资金,用于A1.5万元,B2万元,
C8万元。`): the uses of the money, read alike. A list printed twice (the project's description and its 预期目标
say the same uses) is one list.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import money_at
from jixiao.extract.rules.money_lists import Item, is_part, items_in, level_of
from jixiao.model import SpendingItem, value_of

FOUND_BY = "narrative.colon_list"
_LEAD = re.compile(
    r"[ \t]*(?:(?:19|20)\d{2}年度?)?[^\d:：，,。；;\n]{0,30}?(?:资金|经费)"
    r"(?:的?(?:安排|分配|使用)(?:情况)?(?:是|为|如下)?)?[:：]"  # `某资金安排是:`: the year's arrangement
    r"|[ \t]*(?:[^\d:：。；;\n]|(?:19|20)\d{2}年度?){0,40}?(?:资金|经费)(?:项目)?[，,]?[ \t]*(?:主要)?用于"
    r"(?=[^\d，,。；;\n]{2})"
)
_REACH = 400  # chars from the colon to the list's full stop
_MIN_ITEMS = 3
_LIST_TAIL = re.compile(r"[\s、，,等]*")


def colon_list(text: str, plain: str, start: int) -> tuple[list[SpendingItem], int] | None:
    """The spending of a colon list opening the sentence at `start`, and where the list ends; None if none."""
    lead = _LEAD.match(plain, start)
    if lead is None:
        return None
    begin = lead.end()
    stop = text.find("。", begin, begin + _REACH)
    if stop < 0 or (text.find("元", begin, stop) < 0 and text.find("万", begin, stop) < 0):
        return None
    # the list alone, its line breaks made name chars (offsets kept): a wrapped name reads as one
    wrapped = plain[begin:stop].replace("\n", "◇")
    items, list_end = items_in(text[begin:stop], wrapped, 0, len(wrapped))
    names = [_unwrapped(item) for item in items]
    if (
        len(items) < _MIN_ITEMS
        or not _LIST_TAIL.fullmatch(wrapped, items[-1].end)
        or list_end != len(wrapped)
        or len(set(names)) < len(names)
        or not all(is_part(item) and level_of(item.name) is None for item in items)
    ):
        return None
    spending = [
        SpendingItem(category=name, amount=money_at(text, begin + item.start, begin + item.end, FOUND_BY))
        for name, item in zip(names, items, strict=True)
    ]
    return spending, stop


def _unwrapped(item: Item) -> str:
    return re.sub(r"\s+", "", item.name.replace("◇", ""))


def listed_before(items: list[SpendingItem], read: list[SpendingItem]) -> bool:
    """The same uses, amount for amount, read already (a description and its 预期目标 print one list twice)."""
    seen = {(item.category, value_of(item.amount)) for item in read}
    return all((item.category, value_of(item.amount)) in seen for item in items)
