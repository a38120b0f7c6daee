"""The lines a report's stated execution rate makes, when the lines read first are an earlier year's:

    2031年中央下达某项目预算资金900万元(该项目为两年期项目)。2031年完成支付500万元。
    …2032年结转2031年某项目资金合计400万元,全年预算执行数合计150万元。预算执行率37.5%。

A report on a carry-over year (or a project of several years) recaps the earlier year's money before its own;
the grammar keeps the first amount of each line, the earlier year's. The rate the report states says which
lines are its own: when the lines read do not make it (at the decimals printed) and a later sentence pairs an
amount spent with a whole that do, that sentence's amounts are the executed and budget lines, and a line read
from a sentence that opens on an earlier year than the report's (or on 上年) is that year's, not the report's.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.amount_clauses import Amount, head_amounts, masked
from jixiao.extract.rules.figures import amount_in_wan, money_at
from jixiao.extract.rules.sentences import SentenceEnds
from jixiao.extract.rules.use_rate import made_by_the_lines
from jixiao.model import Figure, Funding, FundingLine
from jixiao.numbers import decimals

FOUND_BY = "narrative.rate_lines"
# a sentence that opens on a year (after its heading's number and a few words): `2031年完成支付…`, `上年度下达…`
_YEAR_LED = re.compile(
    r"[ \t]*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．][ \t]*)?(?:(?P<year>(?:19|20)\d{2})\s*年度?"
    r"(?![\d一二三四五六七八九十]{1,2}月)|(?P<last>上年度?|上一年度?|去年))"
)
_SENTENCE_STARTS = "。\n；;"


def lines_by_rate(funding: Funding, text: str, year: int | None) -> None:
    """Set the executed and budget lines from the later sentence whose amounts make the stated rate (see the
    module), and drop the lines an earlier year's sentences gave; nothing when the lines read make it."""
    rate, executed = funding.execution_rate, funding.executed.total
    if rate is None or rate.value is None or executed is None or executed.span is None:
        return
    if made_by_the_lines(funding, rate):
        return
    pair = _pair_making(text, rate, executed.span.end)
    if pair is None:
        return
    whole, spent = pair
    funding.executed = FundingLine(total=money_at(text, spent.start, spent.end, FOUND_BY))
    funding.budget = FundingLine(total=money_at(text, whole.start, whole.end, FOUND_BY))
    for line in ("initial", "allocated"):
        total = getattr(funding, line).total
        if total is not None and total.span is not None and _earlier_year(text, total.span.start, year):
            setattr(funding, line, FundingLine())


def _pair_making(text: str, rate: Figure, after: int) -> tuple[Amount, Amount] | None:
    """The first sentence after `after` holding one amount spent and one whole (a budget, or an amount no verb
    names) whose quotient is the rate at its printed decimals; a sentence of the amount spent alone takes the
    whole the sentence before it states alone (`2032年结转资金400万元。全年支出150万元,执行率37.5%。`)."""
    plain = masked(text)
    ends = SentenceEnds(text, len(text))
    start = max(text.rfind(char, 0, after) for char in _SENTENCE_STARTS) + 1
    before: list[Amount] = []  # the wholes of the sentence before, when it states nothing else
    while start < len(text):
        end = ends.after(start)
        amounts = head_amounts(text, plain, start, end, []) if start >= after else []
        spent = [amount for amount in amounts if amount.line == "executed"]
        wholes = [amount for amount in amounts if amount.line in (None, "budget")]
        if len(spent) == 1 and len(wholes) <= 1 and len(found := wholes or before) == 1:
            if _makes(text, spent[0], found[0], rate):
                return found[0], spent[0]
        before = wholes if len(wholes) == len(amounts) else []
        start = end + 1
    return None


def _makes(text: str, spent: Amount, whole: Amount, rate: Figure) -> bool:
    """Whether `spent` over `whole` is the rate at its printed decimals (a balance's amount has no value read)."""
    paid, base = (amount_in_wan(text[amount.start : amount.end]) for amount in (spent, whole))
    if not paid or not base or rate.value is None:
        return False
    return round(paid / base * 100, decimals(rate.text)) == rate.value


def _earlier_year(text: str, at: int, year: int | None) -> bool:
    """The sentence of the figure at `at` opens on a year before the report's, or on 上年."""
    start = max(text.rfind(char, 0, at) for char in _SENTENCE_STARTS) + 1
    led = _YEAR_LED.match(text, start, at)
    if led is None:
        return False
    return bool(led["last"]) or (year is not None and int(led["year"]) < year)
