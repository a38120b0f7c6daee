"""A 区域绩效目标自评表's funding block as label-amount pairs, a 预算数 and an 执行数 column (四川):

    预算执行情况
    预算数:
    2.38
    执行数:
    2.38
    20
    其中:中央补助
    2.38 万元
    其中:中央补助
    2.38万元

Each amount follows its own label; a source prints its label once per column, budget first. A bare number
after the executed amount is the block's score in the form's 自评得分 column, and is not read. Amounts are in
万元 unless the head says 元 (see paired_funding for the three-column form).

Other forms head the two columns otherwise, and a squashed page runs the cells together, each row's left cell
before its right one (the 转移支付 form's 资金情况 | 资金使用情况 block):

    资金情况(万元)年度金额(提前下达):300万元资金使用情况(万元)合计:240万元中央财政200万元中央财政160万元…

The left head names the line of the first column (预算数: budget; 下达, 到位: allocated), the right head the
executed one (执行数, 资金使用情况 … 合计, 实际支出数); the repeated labels still pair each source's amounts.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import money_in_unit
from jixiao.model import Figure, Funding, SourceAmount
from jixiao.vocabulary import row_source_of, source_label

FOUND_BY = "form.paired_funding"
_AMOUNT = r"(\d[\d,]*(?:\.\d+)?(?:[ \t]*万元)?)"
_LEFT = (
    r"(?P<budget>(?:全年|年度|调整后)?预算数)"
    r"|(?P<allocated>年度金额[（(](?:提前)?下达[)）]|(?:全年|年度)?(?:下达|到位)(?:数|金额|资金))"
)
_RIGHT = r"(?:全年)?执行数|(?:资金)?使用情况(?:[（(]万元[)）])?[\s|]*合计|(?:全年|实际)?(?:支出|使用)(?:数|金额)"
_GAP = r"[\s|]*"  # spaces, line breaks and the pipes of a table's cells
_MONEY = _AMOUNT[1:-1]  # the amount without its group
_TOTALS = re.compile(
    rf"(?:{_LEFT}){_GAP}[:：]{_GAP}(?P<first>{_MONEY}){_GAP}(?:{_RIGHT}){_GAP}[:：]{_GAP}(?P<executed>{_MONEY})(?![\d.])"
)
_SCORE = re.compile(r"\s+\d{1,3}(?:\.\d+)?(?=\s)")
_SOURCE_PAIR = re.compile(
    rf"{_GAP}((?:其中[:：])?[\u4e00-\u9fff]{{2,10}}?){_GAP}{_AMOUNT}{_GAP}\1{_GAP}{_AMOUNT}(?![\d.])"
)
_IN_YUAN = re.compile(r"金额单位\s*[:：]\s*元|单位\s*[:：]\s*元(?!/)")
_HEADS = ("执行数:", "执行数：", "合计:", "合计：", "支出数", "使用数", "支出金额", "使用金额")
_ROWS_AFTER = 3  # source pairs read after the totals at most


def two_column_funding(text: str) -> Funding | None:
    """The funding block of budget (or allocated) and executed label-amount pairs, or None when the text
    prints none."""
    if not any(word in text for word in _HEADS):
        return None  # the pairs need the label's colon: most texts print 执行数 without one, and are not searched
    totals = _TOTALS.search(text)
    if totals is None:
        return None
    unit = "元" if _IN_YUAN.search(text, 0, totals.start()) else "万元"
    funding = Funding()
    first = funding.budget if totals["budget"] else funding.allocated
    first.total = _amount(text, totals, "first", unit)
    funding.executed.total = _amount(text, totals, "executed", unit)
    position = totals.end()
    if score := _SCORE.match(text, position):
        position = score.end()
    for _ in range(_ROWS_AFTER):
        row = _SOURCE_PAIR.match(text, position)
        if row is None or (source := row_source_of(row.group(1))) is None:
            break
        name = source_label(row.group(1))
        for line, group in ((first, 2), (funding.executed, 3)):
            if (amount := _amount(text, row, group, unit)) is not None:
                line.by_source.append(SourceAmount(source=source, name=name, amount=amount))
        position = row.end()
    return funding


def _amount(text: str, match: re.Match[str], group: int | str, unit: str) -> Figure | None:
    return money_in_unit(text, match.start(group), match.end(group), FOUND_BY, unit)
