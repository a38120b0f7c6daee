"""A use rate that is the fund's execution rate: `下达专项资金1500万元，实际支付1230万元，使用率82%`.

使用率 may be any part's rate (`某子项目资金使用率76.40%`), so it is the funding's only when it is what the
executed total over the budget (or allocated) total makes, at the decimals printed, and no other rate was read.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Figure, Funding
from jixiao.numbers import decimals

_USE_RATE = re.compile(r"(?:资金)?使用率(?:为|达到|达|是)?(?P<rate>\d+(?:\.\d+)?%)")


def read_use_rate(text: str, funding: Funding) -> None:
    """The first 使用率 that the lines read make (see the module), as the execution rate."""
    executed = funding.executed.total
    if funding.execution_rate is not None or executed is None or executed.value is None:
        return
    for found in _USE_RATE.finditer(text):
        figure = figure_at(text, *found.span("rate"), "narrative.use_rate")
        if made_by_the_lines(funding, figure):
            funding.execution_rate = figure
            return


def made_by_the_lines(funding: Funding, rate: Figure) -> bool:
    """Whether `rate` is the executed total over the budget (or allocated) total read, at the decimals printed."""
    executed = funding.executed.total
    if rate.value is None or executed is None or executed.value is None:
        return False
    places = decimals(rate.text)
    wholes = [line.total.value for line in (funding.budget, funding.allocated) if line.total and line.total.value]
    return any(round(executed.value / whole * 100, places) == rate.value for whole in wholes)
