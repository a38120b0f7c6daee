"""What a list of named amounts gives the funding line it splits: its sources, or spending items.

    全年下达1000万元，其中中央补助资金600万元，省级补助资金250万元，县级配套资金150万元。  → sources
    全年支出480万元，其中设备购置费300万元，人员培训费120万元，宣传印刷费60万元。        → spending

`money_lists` finds the lists and the sentence reader names the line each splits; here a list whose items
all name a level of government becomes the line's sources, a list of named parts that splits the line's
total becomes spending, and of two lists of the same parts (预期 and 完成) the one of the money spent is
kept. A balance closing a list (结余结转0万元) is dropped when the parts before it make up the total.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import amount_in_wan, figure_at, money_at
from jixiao.extract.rules.money_lists import (
    GENERIC_NAMES,
    GIVEN_TO,
    MIN_PARTS,
    Item,
    MoneyList,
    about_equal,
    is_part,
    level_of,
    sum_of,
)
from jixiao.model import Funding, FundingLine, FundSource, SourceAmount, SpendingItem, value_of

_SHARED = 5  # names that all restate the fund (中央…高校毕业生“三支一扶”计划补助资金): compared without it
_PARTS_OVERLAP = 0.5


def _category(name: str) -> str:
    bare = re.sub(r"(?:资金)?支出$", "", name)
    return bare if len(bare) >= 3 else name  # 人员经费支出 → 人员经费; 项目支出 stays


def _shared_part(names: list[str]) -> str:
    """The longest stretch all names hold (the fund they restate), when it is long enough to matter."""
    if len(names) < 2:
        return ""
    first = min(names, key=len)
    others = [name for name in names if name is not first]
    for size in range(len(first), _SHARED - 1, -1):
        parts = [first[begin : begin + size] for begin in range(len(first) - size + 1)]  # first place first
        for name in others:  # a list at a time, not a generator per stretch
            parts = [part for part in parts if part in name]
        if parts:
            return parts[0]
    return ""


def attach_lists(text: str, lists: list[MoneyList], funding: Funding, spending: list[SpendingItem]) -> None:
    """Sources and spending from the lists, each to the line whose total it splits."""
    spent: list[MoneyList] = []  # the lists read as spending, to keep one of two lists of the same parts
    for money_list in lists:
        if money_list.line is None or len(money_list.items) < 2:  # `(含…50万元)`: partial
            continue
        block: FundingLine = getattr(funding, money_list.line)
        _drop_balance_tail(text, money_list, block)
        # cut: items may be lost; 下达…: a batch or more; `;用于…`: uses of some amount, the total's when they add up
        must_add_up = money_list.cut or money_list.given_first or money_list.uses
        if must_add_up and not _adds_up_to(text, money_list, value_of(block.total)):
            continue  # a split only when what it shows makes up the whole
        shared = _shared_part([item.name for item in money_list.items])
        levels = [level_of(item.name.replace(shared, "") if shared else item.name) for item in money_list.items]
        if all(levels) and not money_list.given_out:
            _attach_sources(text, money_list, block, [level for level in levels if level is not None])
        elif (
            (money_list.given_out or not any(levels))
            and _all_parts(text, money_list, block)
            and _splits_total(text, money_list, block)
        ):
            _attach_spending(money_list, spent)
    for money_list in spent:
        for item in money_list.items:
            spending.append(
                SpendingItem(
                    category=_category(item.name),
                    amount=money_at(text, item.start, item.end, "narrative.其中"),
                    share=figure_at(text, *item.share, "narrative.share") if item.share else None,
                )
            )


_BALANCE = re.compile(r"结余|结转|节余|余额")


def _drop_balance_tail(text: str, money_list: MoneyList, block: FundingLine) -> None:
    """`支出76万元，其中基本支出70万元，项目支出6万元，结余结转0万元`: the balance closing the list is what was not
    spent, no part of it; dropped when the parts before it make up the line's total."""
    items = money_list.items
    kept = len(items)
    while kept and _BALANCE.search(items[kept - 1].name):
        kept -= 1
    if kept == len(items) or kept < MIN_PARTS:
        return
    rest = MoneyList(money_list.start, items[kept - 1].end, items[:kept], money_list.opens_sentence)
    if _adds_up_to(text, rest, value_of(block.total)):
        money_list.items = items[:kept]


def _adds_up_to(text: str, money_list: MoneyList, total: float | None) -> bool:
    parts = sum_of(text, money_list.items) if total is not None else None
    return total is not None and parts is not None and about_equal(parts, total)


def _all_parts(text: str, money_list: MoneyList, block: FundingLine) -> bool:
    """Every item names a part; a generic name among named parts (一般项目资金…，专项资金360万元，…) is one too
    when the list adds up to the total it splits."""
    items = money_list.items
    if money_list.given_first:  # `下达各县…`: the destination after the verb names the part
        items = [Item(GIVEN_TO.sub("", items[0].name), items[0].start, items[0].end), *items[1:]]
    generic = [item for item in items if not is_part(item)]
    if not generic:
        return True
    return (
        len(generic) < len(money_list.items)
        and all(item.name in GENERIC_NAMES for item in generic)
        and _adds_up_to(text, money_list, value_of(block.total))
    )


def _splits_total(text: str, money_list: MoneyList, block: FundingLine) -> bool:
    """The list splits the line's total, not another amount (`支出：836.9万元` after the line is set)."""
    if block.total is None:
        return False
    if money_list.whole is None:
        return True
    return amount_in_wan(text[slice(*money_list.whole)]) == block.total.value


def _attach_sources(text: str, money_list: MoneyList, block: FundingLine, levels: list[FundSource]) -> None:
    if block.total is None:
        return
    if money_list.whole is not None and amount_in_wan(text[slice(*money_list.whole)]) != block.total.value:
        parts = {amount_in_wan(text[item.start : item.end]) for item in money_list.items}
        if block.total.value not in parts:
            return  # the list splits some other amount
        whole = money_at(text, *money_list.whole, "narrative.funding")
        block.total, block.by_source = whole, []  # the whole beats its part (中央7,260 within 共计10,930)
    if block.by_source:
        return
    for item, level in zip(money_list.items, levels, strict=True):
        amount = money_at(text, item.start, item.end, "narrative.sources")
        block.by_source.append(SourceAmount(source=level, name=item.name, amount=amount))


def _attach_spending(money_list: MoneyList, spent: list[MoneyList]) -> None:
    money_list.names = {item.name for item in money_list.items}
    for index, earlier in enumerate(spent):
        overlap = len(earlier.names & money_list.names) / max(len(money_list.names), 1)
        if overlap >= _PARTS_OVERLAP:  # the 预期 list and the 完成 list name the same parts
            if money_list.line == "executed" and earlier.line != "executed":
                spent[index] = money_list
            return
    spent.append(money_list)
