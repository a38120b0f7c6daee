"""A squashed form's funding row printed as a run of column heads, then the run of their figures:

    中央 省、地 本级 其他 合计 执行数 (万元) (万元) (万元) (万元) (万元) (万元) 7.2 7.2来源 … 7.2执行率100%

湖北's 财政预算支出项目绩效目标自评表 heads its 项目资金来源 row with the sources, 合计 and 执行数; a PDF's text layer
prints the heads, then their units, then only the filled cells (empty sources leave nothing), so which column
a figure is in cannot be told by its place. It can when every figure printed is one amount and the row's
执行率 (the first rate after them) is 100%: the money came from one source, so that source, the 合计 and the
执行数 are that amount. Otherwise nothing is read.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at, money_in_unit
from jixiao.model import Funding, Kind

FOUND_BY = "form.source_run"
_SOURCE = r"(?:中央|省、地|省级|市级|县级|本级|上级|地方|其他)"
_RUN = re.compile(
    rf"(?:{_SOURCE}\s*){{1,6}}合计\s*执行数\s*(?:执行\s*)?(?:[（(]万元[)）]\s*){{2,8}}率?"
    r"(?P<figures>(?:\s*\d+(?:\.\d+)?(?![\d.])(?!\s*%)){2,6})"
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_RATE = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_RATE_REACH = 150  # chars after the figures where the row's 执行率 may stand


def source_run_funding(text: str) -> Funding | None:
    """The budget (合计) and executed amounts of the run with its rate, or None (no run, or the figures do not
    settle them)."""
    if "执行数" not in text or "合计" not in text:
        return None
    run = _RUN.search(text)
    if run is None:
        return None
    numbers = list(_NUMBER.finditer(text, *run.span("figures")))
    if len({float(number.group()) for number in numbers}) != 1:
        return None  # several amounts: which is the 合计, which a source, the run does not say
    rate = _RATE.search(text, run.end(), run.end() + _RATE_REACH)
    if rate is None or float(rate.group(1)) != 100:
        return None
    budget = money_in_unit(text, *numbers[0].span(), FOUND_BY, "万元")
    executed = money_in_unit(text, *numbers[-1].span(), FOUND_BY, "万元")
    funding = Funding()
    funding.budget.total, funding.executed.total = budget, executed
    funding.execution_rate = figure_at(text, rate.start(), rate.end(), FOUND_BY)
    funding.execution_rate.unit, funding.execution_rate.kind = "%", Kind.PERCENT
    return funding
