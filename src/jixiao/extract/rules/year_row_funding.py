"""A squashed form's yearly breakdown: two line heads side by side, then the year's row with its two amounts.

    分年度明细年度预算计划安排实际安排额度2022年500万元(含上年度结转20万元)480万元

The heads stand over the row (年度 | 预算计划安排 | 实际安排额度), so once a converter drops the borders the
row's first amount is the first head's (the budget) and its second the second head's (what was allocated); a
bracket after an amount is that cell's note. Prose never stacks two heads with no amount between them, so the
sentence grammar reads the first amount with the nearer head, wrongly. Read only where one year's row follows
(several years' rows are a breakdown whose year the form does not single out) and an amount prints its unit
(a bare one takes the other's).
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import money_in_unit
from jixiao.model import Funding

FOUND_BY = "form.year_row"
_AMOUNT = r"\d[\d,]*(?:\.\d+)?"
_ROW = re.compile(
    r"(?:预算计划安排|计划安排|预算安排|预算数)[ \t]*"
    r"(?:实际安排额度|实际安排|实际下达额度|实际下达|下达额度|实际到位|到位数)"
    rf"[ \t]*(?:19|20)\d{{2}}年度?[ \t]*(?P<a>{_AMOUNT})(?![\d.])[ \t]*(?P<au>万元|元)?"
    r"[ \t]*(?:[（(][^（()）\n]{0,30}[)）])?"
    rf"[ \t]*(?P<b>{_AMOUNT})(?![\d.])[ \t]*(?P<bu>万元|元)?"
)
_NEXT_YEAR = re.compile(r"[ \t]*(?:19|20)\d{2}年度?[ \t]*\d")


def year_row_funding(text: str) -> Funding | None:
    """The budget and allocated amounts of the year's row under the two heads, or None."""
    if "计划安排" not in text and "预算安排" not in text and "预算数" not in text:
        return None  # _ROW opens with one of them (str.find: cheaper than the pattern's scan)
    row = _ROW.search(text)
    if row is None or _NEXT_YEAR.match(text, row.end()) or not (row["au"] or row["bu"]):
        return None
    if row.start("b") == row.end("a"):
        return None  # `640615.5`: two amounts glued with nothing to cut them by
    unit = row["au"] or row["bu"]
    budget = money_in_unit(text, row.start("a"), row.end("au") if row["au"] else row.end("a"), FOUND_BY, unit)
    allocated = money_in_unit(text, row.start("b"), row.end("bu") if row["bu"] else row.end("b"), FOUND_BY, unit)
    if budget is None or allocated is None:
        return None
    funding = Funding()
    funding.budget.total, funding.allocated.total = budget, allocated
    return funding
