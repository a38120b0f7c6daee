"""Money a report prints beside its budget, that its spending may come out of too:

    2031年预算收入60.5万元,其中年初预算50万元,调整追加10.5万元。其他资金来源18万元。
    2031年支出72.3万元,其中基本支出72.3万元。

The 72.3 spent is over the 60.5 budget, but not over the 78.5 the report says it had: the printed figures
prove no over-run. Read between the budget figure and the executed one (or, when the executed comes first or
far away, in the budget's own paragraph); only money named as another source of the unit's (其他资金来源,
自筹资金, 上年结转资金, 事业收入…), never a part of the budget (其中…).
"""

from __future__ import annotations

import re

from jixiao.documents.traditional import simplified
from jixiao.model import Figure
from jixiao.vocabulary import to_wan_yuan

_OTHER_MONEY = re.compile(
    r"(?:其他资金(?:来源)?|其他收入|(?:单位)?自筹(?:资金)?|(?:上年|以前年度)结转(?:结余)?(?:资金)?|事业收入|经营收入"
    r"|附属单位上缴收入)(?:为|是|共|合计|共计)?[:：]?[ \t]*(?P<value>\d+(?:\.\d+)?)[ \t]*(?P<unit>万元|元|亿元)"
)
_REACH = 400  # characters from the budget to the executed figure: further, they are no one passage
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n|\n[ \t]*[（(]?[一二三四五六七八九十]+[、)）]")


def money_beside(text: str, budget: Figure, executed: Figure) -> float:
    """The other money (in 万元) the text prints beside the budget: 0 when none, or spans are missing."""
    if budget.span is None or executed.span is None:
        return 0.0
    start = budget.span.end
    if start <= executed.span.start <= start + _REACH:
        end = executed.span.start
    else:
        stop = _PARAGRAPH_END.search(text, start, start + _REACH)
        end = stop.start() if stop else min(len(text), start + _REACH)
    plain = simplified(text[start:end])
    return sum(to_wan_yuan(float(found["value"]), found["unit"]) for found in _OTHER_MONEY.finditer(plain))
