"""Payments made period by period, each closed by its subtotal, then the year's total:

    春季学期…第二批共拨付80人次16.00万元；春季学期共拨付1200人次240.00万元。…秋季学期合计拨付1100人次220.00万元。
    目前项目已实施完成，全年共拨付460.00万元。

When two or more periods (春季/秋季学期, 上/下半年, 季度) each close on `<period>共/合计<verb>…X万元` and a later
`全年共<verb>Y万元` of the same verb is their sum, Y is the money paid out (executed) and each period a spending
item. 发放 / 支出 / 兑付 say so themselves; 拨付 says so when every subtotal counts the persons it was paid to
(`拨付1200人次…`): money handed to its beneficiaries, not to a unit. Anything short of the sum is left to the
funding grammar (the batches inside a period are not read).
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import amount_in_wan, money_at
from jixiao.extract.rules.money_lists import about_equal
from jixiao.model import Funding, SpendingItem

FOUND_BY = "narrative.period_parts"
_PERIOD = r"(?:春季|秋季|春|秋)学期|上半年|下半年|第?[一二三四]季度"
_AMOUNT = r"\d+(?:\.\d+)?万元"
_SUBTOTAL = re.compile(
    rf"(?P<period>{_PERIOD})(?:共计|合计|共)(?P<verb>拨付|发放|支出|兑付)(?P<count>[^，,。；;\d]{{0,6}}\d+人次?)?"
    rf"(?P<amount>{_AMOUNT})"
)
_YEAR_TOTAL = re.compile(rf"全年(?:共计|合计|共)?(?P<verb>拨付|发放|支出|兑付)(?P<amount>{_AMOUNT})")
_PAID_OUT = ("发放", "支出", "兑付")
_PERIOD_WORDS = ("学期", "半年", "季度")
_MIN_PERIODS = 2


def period_parts(text: str, limit: int, funding: Funding) -> list[SpendingItem]:
    """Set the executed total from the periods' sum and return the periods as spending (see the module)."""
    if "全年" not in text or not any(word in text for word in _PERIOD_WORDS):
        return []  # the cheap test first: the pattern would try every position of the text
    subtotals = list(_SUBTOTAL.finditer(text, 0, limit))
    if len(subtotals) < _MIN_PERIODS or len({found["period"] for found in subtotals}) != len(subtotals):
        return []
    verbs = {found["verb"] for found in subtotals}
    total = _YEAR_TOTAL.search(text, subtotals[-1].end(), limit)
    if len(verbs) != 1 or total is None or total["verb"] not in verbs:
        return []
    if total["verb"] not in _PAID_OUT and not all(found["count"] for found in subtotals):
        return []
    parts = [amount_in_wan(found["amount"]) or 0.0 for found in subtotals]
    whole = amount_in_wan(total["amount"])
    executed = funding.executed.total
    if whole is None or not about_equal(sum(parts), whole) or (executed is not None and executed.value != whole):
        return []
    if executed is None:
        funding.executed.total = money_at(text, *total.span("amount"), FOUND_BY)
    return [
        SpendingItem(category=found["period"], amount=money_at(text, *found.span("amount"), FOUND_BY))
        for found in subtotals
    ]
