"""A funding block printed as lines of label and bare amount, its unit in the block's name:

    转移支付资金合计(万元) 年度预算资金总额): 926.50
    其中:中央补助 571.00
    市级资金 288.00
    本级资金(包括结转结余) 67.50
    其中:
    甲补助资金(万元)
    年度预算资金总额: 648.00
    其中:中央补助 421.00 …
    乙补助资金(万元)
    年度预算资金总额: 278.50 …

Transfer-payment scoring sheets (计划生育, 医疗服务 …) print their 预算资金安排 row so: a block per fund, each a
budget total then its split by level of government, one `label amount` a line. The amounts carry no unit; the
block's name does (`(万元)`). The first block is the whole (its name says 合计 or 总): its total is the budget,
its lines the budget's sources when they name a level each and add up to it. The blocks after it are the
funds the whole is spent on, each its total, only when their totals add up to the whole's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.extract.rules.figures import money_in_unit
from jixiao.model import Figure, Funding, SourceAmount, SpendingItem
from jixiao.vocabulary import row_source_of, source_label

FOUND_BY = "form.split_lines"
_UNIT = r"[（(](万元|元)[)）]"
_BLOCK = re.compile(
    rf"(?m)^[ \t]*(?:其中[:：])?[ \t]*(?P<name>[^\n:：\d]{{2,40}}?){_UNIT}[^\n\d]{{0,12}}?\n?"
    r"[ \t]*(?:年度)?预算(?:资金)?总额[)）]?[:：][ \t]*(?:(?P<total>\d[\d,]*(?:\.\d+)?)(?![\d.]))?"
)
# `其中:中央补助571.00`, `本级资金(包括结转结余) 67.50`: a line each, or run on after the total (normalized)
_SOURCE_LINE = re.compile(
    r"[ \t]*\n?[ \t]*(?P<label>(?:其中[:：])?[^\n\d:：]{2,20}?)[ \t]*[:：]?[ \t]*"
    r"(?P<amount>\d[\d,]*(?:\.\d+)?)(?![\d.])[ \t]*(?=\n|$)"
)
_TOTAL_LINE = re.compile(r"预算(?:资金)?总额[)）]?[:：]")
_WHOLE = re.compile(r"合计|总计|总额")
_TOLERANCE = 0.011  # 万元: amounts printed to two decimals


@dataclass
class _Block:
    name: str
    total: Figure | None
    sources: list[SourceAmount] = field(default_factory=list)


def _sources(text: str, position: int, unit: str) -> list[SourceAmount]:
    """The `label amount` lines right after a block's total, while each names a level of government."""
    found: list[SourceAmount] = []
    while (line := _SOURCE_LINE.match(text, position)) is not None:
        label = source_label(line["label"])
        source = row_source_of(label)
        amount = money_in_unit(text, line.start("amount"), line.end("amount"), FOUND_BY, unit)
        if source is None or amount is None:
            break
        found.append(SourceAmount(source=source, name=label, amount=amount))
        position = line.end()
    return found


def _blocks(text: str) -> list[_Block]:
    blocks = []
    for match in _BLOCK.finditer(text):
        unit = match.group(2)
        total = None
        if match["total"] is not None:
            total = money_in_unit(text, match.start("total"), match.end("total"), FOUND_BY, unit)
        blocks.append(_Block(match["name"].strip(), total, _sources(text, match.end(), unit)))
    return blocks


def _adds_up(parts: list[Figure | None], total: Figure | None) -> bool:
    values = [part.value for part in parts if part is not None and part.value is not None]
    if total is None or total.value is None or len(values) < 2 or len(values) != len(parts):
        return False
    return abs(sum(values) - total.value) <= _TOLERANCE


def split_lines(text: str) -> tuple[Funding | None, list[SpendingItem]]:
    """The budget and its sources from the whole's block, and the funds after it as spending (see the module)."""
    if _TOTAL_LINE.search(text) is None:
        return None, []  # no `预算资金总额:` line: a cheap test before the block pattern
    blocks = _blocks(text)
    if not blocks or not _WHOLE.search(blocks[0].name) or blocks[0].total is None:
        return None, []
    whole, funds = blocks[0], [block for block in blocks[1:] if block.total is not None]
    funding = Funding()
    funding.budget.total = whole.total
    if _adds_up([source.amount for source in whole.sources], whole.total):
        funding.budget.by_source = whole.sources
    spending: list[SpendingItem] = []
    if _adds_up([fund.total for fund in funds], whole.total):
        spending = [SpendingItem(category=fund.name, amount=fund.total) for fund in funds]
    return funding, spending
