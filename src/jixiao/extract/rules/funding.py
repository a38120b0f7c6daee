"""Funding lines and spending from narrative sentences.

Each money amount of a sentence is read with the clause it stands in (the text since the last comma):
the strongest line verb there says its line (`下达…预算352810万元` is allocated, `预算执行数` executed, 年初
before a budget verb makes it the initial budget); an amount with no verb of its own takes the verb that
follows it (`8236万元资金全部拨付到位`) or, alone in its sentence, the one an earlier clause states
(`批复项目9个，项目资金1950万元`). Precision first: an amount whose clause says it is a balance, an income,
a change or a standard is no line; several different amounts for one line in a sentence are batches
(提前下达…、下达…) and none of them is the line's total unless one is their stated sum.

Document titles 《…》 and numbers 〔2021〕15号 are masked first: `关于下达…预算的通知` is no 下达.
The 其中 / 包括 / 分别为 lists that follow a total are read by `money_lists`; sources stated by sentences about
one source or by clauses naming a level, by `source_clauses`.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.added_budget import read_added_budget
from jixiao.extract.rules.amount_clauses import (
    AMOUNT,
    Amount,
    clause_start,
    head_amounts,
    line_in,
    masked,
    totals_of,
)
from jixiao.extract.rules.colon_lists import colon_list, listed_before
from jixiao.extract.rules.figures import WEIGHT_SCORE, figure_at, money_at
from jixiao.extract.rules.funding_reading import Reading
from jixiao.extract.rules.given_parts import given_parts
from jixiao.extract.rules.labelled_uses import labelled_uses
from jixiao.extract.rules.list_splits import attach_lists
from jixiao.extract.rules.money_lists import MoneyList, about_equal, is_part, list_in, quoted_parts
from jixiao.extract.rules.opened_parts import opened_parts
from jixiao.extract.rules.period_parts import period_parts
from jixiao.extract.rules.project_parts import drop_item_totals, project_paragraphs
from jixiao.extract.rules.sentences import SentenceEnds
from jixiao.extract.rules.source_clauses import (
    add_level_rows,
    add_source_rows,
    drop_level_share_totals,
    drop_one_level_totals,
    drop_partial_subject_rows,
    level_clauses,
    offer_total,
    subject_source,
)
from jixiao.extract.rules.summed_parts import (
    MIN_AMOUNTS,
    amounts_in,
    batched_parts,
    numbered_parts,
    parts_after_whole,
    parts_before_sum,
    sources_before_sum,
    spent_items,
    spent_parts,
)
from jixiao.extract.rules.unstated_budget import unstated_budget, unstated_line
from jixiao.extract.rules.use_rate import made_by_the_lines
from jixiao.extract.rules.used_for import circled_uses, used_for_parts
from jixiao.model import Figure, Funding, FundingLine, SourceAmount, SpendingItem
from jixiao.vocabulary import source_of

_PERCENT = r"\d+(?:\.\d+)?[ \t]?%"  # `87.46 %`: a space a converter put before the sign
# the formula a form's label prints after it: `预算执行率(B/A) 100%`, `执行率(%)：98%`
_FORMULA = r"(?:[（(](?:[A-Z][ \t]*/[ \t]*[A-Z]|%)[)）][:：]?[ \t]*)?"
_RATE = re.compile(
    rf"(?:预算执行率|资金执行率|执行率|支付率|完成(?:全年)?预算的){_FORMULA}(?:为|达到|达|是)?(?P<rate>{_PERCENT})"
)  # `完成预算的98%`: the share of the budget spent
_INDICATOR_SECTION = re.compile(
    r"(?m)^[ \t]*(?:[（(]?[一二三四五六七八九十\d]+[、.）)]\s*)?"
    r"(?:[^\n，,。]{0,6}绩效指标(?:完成情况|.{0,6}分析)(?:分析)?(?:$|[。:：\s])|数量指标)"
)  # a heading: `(三)绩效指标完成情况分析`, never `…对全部绩效指标完成情况开展了核查`
_DIGIT = re.compile(r"\d")
_WHOLE_OF_ONE_SOURCE = re.compile(r"[，,]\s*(?:全部|均)(?:为|是|系)(?P<name>[^，,。；;]{2,14}?资金)")


def _funding_text_end(text: str) -> int:
    if "绩效指标" not in text and "数量指标" not in text:
        return len(text)  # the heading names one of them: a text with neither is not scanned line by line
    match = _INDICATOR_SECTION.search(text)
    return match.start() if match else len(text)


def extract_funding(text: str) -> tuple[Funding, list[SpendingItem]]:
    reading = Reading(text=text, plain=masked(text), funding=Funding(), spending=[])
    limit = _funding_text_end(text)
    lists: list[MoneyList] = []
    unsummed: list[SpendingItem] = []  # the parts of colon lists with no total: the spending if nothing else is
    position = 0
    ends = SentenceEnds(text, limit)
    parts = project_paragraphs(text) if "个项目" in text else []  # each listed project's own lines: not the report's
    while position < limit:
        if parts and (part := next((span for span in parts if span[0] <= position < span[1]), None)):
            position = part[1] + 1
            continue
        end = ends.after(position)
        reach = min(end, position + _COLON_REACH)
        if (
            text.find(":", position, reach) >= 0
            or text.find("：", position, reach) >= 0
            or text.find("用于", position, reach) >= 0
        ) and (colon := colon_list(text, reading.plain, position)):
            if not listed_before(colon[0], unsummed):
                unsummed.extend(colon[0])
            position = colon[1] + 1
            continue
        if _DIGIT.search(text, position, end) is None:  # every reading below needs a digit (most lines have none)
            position = end + 1
            continue
        if (numbered := _numbered_parts(reading, position, end, limit)) is not None:
            lists.append(numbered)
            position = ends.after(numbered.end) + 1  # its items' sentences are read as its items
            continue
        if (rest := _summed_sources(reading, position, end)) is not None:
            lists.extend(rest)
        elif (summed := _summed_parts(reading, position, end)) is not None:
            lists.append(summed)
        elif _lists_uses(reading, position, end):
            _read_rate(reading, position, end)
        else:
            lists.extend(_read_sentence(reading, position, end))
        position = end + 1
    attach_lists(text, lists, reading.funding, reading.spending)
    drop_partial_subject_rows(reading.funding)
    add_level_rows(reading)
    drop_one_level_totals(reading)
    drop_level_share_totals(reading)
    drop_item_totals(reading)
    read_added_budget(text, reading.plain, limit, reading.funding)  # 预算X，其中年初预算A，追加B
    if len(reading.rates) > 1:  # `某补助资金…预算执行率100%。另一补助资金…预算执行率0%`: each a part's, none the fund's
        reading.funding.execution_rate = _rate_of_lines(reading)
    if not reading.spending:
        reading.spending.extend(unsummed or quoted_parts(text, limit, reading.funding))
    if not reading.spending:  # `…合计900万元。其中:` then `收到甲…500万元,…` and `收到乙…400万元,…` paragraphs
        reading.spending.extend(opened_parts(text, reading.plain, limit, reading.funding))
    # `安排X万元支持…;安排Y万元支持…`: checked against the sum they make up, read past the indicator heading too
    reading.spending.extend(used_for_parts(text, len(text), reading.spending))
    if not reading.spending:  # `主要用于：①A…；②B…`: the numbered uses of an amount
        reading.spending.extend(circled_uses(text, len(text)))
    _read_execution_points(text, reading.funding)
    if not reading.spending:  # `预算资金主要用途:\n1)租车费:…7.00万元。`: the numbered, labelled uses
        reading.spending.extend(labelled_uses(text, reading.funding))
    if not reading.spending:  # `春季学期共拨付…X万元。…秋季学期合计拨付…Y万元。…全年共拨付Z万元`
        reading.spending.extend(period_parts(text, limit, reading.funding))
    return reading.funding, reading.spending


_COLON_REACH = 45  # chars from a sentence's start to the colon (or the 用于) of a list (colon_lists)


_NUMBER_REACH = 40  # chars from a sentence's start to the `(1)` of a numbered list of parts


def _numbered_parts(reading: Reading, start: int, end: int, limit: int) -> MoneyList | None:
    """`(1)A经费50万元。(2)B经费20万元。…` after a line's total: its parts (see summed_parts)."""
    one = reading.plain.find("1", start, min(end, start + _NUMBER_REACH))
    if one < 0 or AMOUNT.search(reading.plain, start, one):
        return None  # no `(1)` near the start, or an amount of the sentence's own before it
    totals = {
        line: (total.value, (total.span.start, total.span.end))
        for line in ("budget", "allocated", "executed")
        if (total := getattr(reading.funding, line).total) is not None
        and total.value is not None and total.span is not None
    }  # fmt: skip
    return numbered_parts(reading.text, reading.plain, start, limit, totals)


def _summed_sources(reading: Reading, start: int, end: int) -> list[MoneyList] | None:
    """A sentence opening with source-named amounts and their sum: the line's total and its sources (a line
    already read keeps what it has); the rest of the sentence is read as a sentence. None: no such start."""
    if reading.text.find("计", start, end) < 0:
        return None  # every such sum is a 共计 / 合计 / 总计
    found = sources_before_sum(reading.text, reading.plain, start, end, line_in)
    if found is None:
        return None
    block: FundingLine = getattr(reading.funding, found.line)
    if block.total is None:
        block.total = money_at(reading.text, *found.whole, "narrative.funding")
        block.by_source = [
            SourceAmount(source=source, name=name, amount=money_at(reading.text, *span, "narrative.sources"))
            for source, name, span in found.rows
        ]
    reading.current, reading.current_span = found.line, None
    return _read_sentence(reading, found.whole[1], end) if found.whole[1] < end else []


def _summed_parts(reading: Reading, start: int, end: int) -> MoneyList | None:
    """A sentence of named amounts that add up to the sum stated after them (the sum's clause says the line)
    or to a line's total stated before: one list, not amounts of lines."""
    text, plain = reading.text, reading.plain
    amounts = amounts_in(plain, start, end)
    if len(amounts) < MIN_AMOUNTS:
        return None
    if (parts := parts_before_sum(text, plain, start, amounts)) is not None and parts.whole is not None:
        if parts.whole[1] <= end:  # `安排…即A…、B…，共X万元`: the sum closes this sentence
            return _closing_whole(reading, start, end, parts)
        parts.line = line_in(plain[clause_start(plain, parts.end, parts.whole[0]) : parts.whole[0]])
        return parts if parts.line else None
    totals = {
        line: total.value
        for line in ("budget", "allocated", "executed")
        if (total := getattr(reading.funding, line).total) is not None and total.value is not None
    }
    return parts_after_whole(text, plain, start, amounts, totals) or spent_parts(text, plain, start, amounts, totals)


def _lists_uses(reading: Reading, start: int, end: int) -> bool:
    """`累计支出A12.30万元，B4.50万元，C26.80万元` adding up to no total read: named uses, the first of them no
    line's total (what they add up to is not stated, so none of them is read)."""
    items = spent_items(reading.text, reading.plain, start, amounts_in(reading.plain, start, end))
    return items is not None and all(is_part(item) for item in items)


_AFTER_WHOLE = 40  # chars from a closing sum to its sentence's end (`，具体项目情况说明如下：`)


def _closing_whole(reading: Reading, start: int, end: int, parts: MoneyList) -> MoneyList | None:
    """A list closed by its sum in its own sentence (`2023年安排支出项目4个，即A…、B…，共X万元`), the sentence
    ending soon after: the line is the verb of the words that open the list (none: the sentence grammar's), and
    the sum its total when the line has none yet."""
    lead = reading.plain[start : parts.items[0].start]
    opening = lead[: max(lead.rfind(mark) for mark in "，,：:")]  # the words before the first item's clause
    if parts.whole is None or end > parts.whole[1] + _AFTER_WHOLE or (line := line_in(opening)) is None:
        return None
    block: FundingLine = getattr(reading.funding, line)
    if block.total is None:
        block.total = money_at(reading.text, *parts.whole, "narrative.funding")
    parts.line = line
    return parts


def _read_sentence(reading: Reading, start: int, end: int) -> list[MoneyList]:
    text, plain = reading.text, reading.plain
    if not _DIGIT.search(text, start, end):
        return []  # no amount, no list, no rate: a sentence without a digit reads as nothing
    if text.find("元", start, end) < 0 and text.find("万", start, end) < 0:
        _read_rate(reading, start, end)  # every amount ends in 元 or 万: no amount and no list, a rate at most
        return []
    found = list_in(text, plain, start, end)
    if (batched := batched_parts(text, plain, start, end)) is not None:  # the batches' parts, not the batches
        found = [lst for lst in found if lst.end <= batched.start or lst.start >= batched.end] + [batched]
    amounts = head_amounts(text, plain, start, end, [(item.start, item.end) for item in found])
    if subject_source(plain, start, amounts, found) is not None:
        add_source_rows(reading, start, amounts)
        return []
    totals = totals_of(amounts)
    if not totals and reading.funding.budget.total is None:  # `…资金1293.5万元，其中…` with no verb
        found_budget = unstated_budget(text, plain, start, amounts, found)
        totals = {unstated_line(text, start): found_budget} if found_budget else {}
    for line, amount in totals.items():
        offer_total(reading, line, amount, start)
        _set_total(reading, line, amount, end)
        _whole_of_earlier_parts(reading, line, amount, amounts, start)
    level_clauses(reading, amounts, totals, start)
    if totals:
        reading.current = list(totals)[-1]
        reading.current_span = (totals[reading.current].start, totals[reading.current].end)
    elif any(amount.line is None for amount in amounts):
        reading.current = None  # 收入:615.40万元。其中:… is no funding line's split
    _read_rate(reading, start, end)
    _executed_by_rate(reading, amounts, totals, start, end)
    for money_list in found:
        money_list.line = money_list.line or _line_before(money_list, totals, reading.current, start)
        if money_list.line is not None and money_list.whole is None and not totals:
            money_list.whole = reading.current_span  # `…下达资金900万元。具体是：…`: a split of that amount
    return found


def _line_before(money_list: MoneyList, totals: dict[str, Amount], current: str | None, start: int) -> str | None:
    """The line whose total a list splits: the last total before it in its sentence (or the stated sum
    right after a `资金来源：` list), or, for a list that opens its sentence (`其中：…`, `分别为：…`), the
    line of the sentence before."""
    before = [(amount.end, line, amount) for line, amount in totals.items() if amount.end <= money_list.start]
    after = [(amount.start, line, amount) for line, amount in totals.items() if amount.start >= money_list.end]
    chosen = max(before, key=lambda found: found[0]) if before else None
    if money_list.sum_after and after:
        chosen = min(after, key=lambda found: found[0])
    if chosen is not None:
        money_list.whole = (chosen[2].start, chosen[2].end)
        return chosen[1]
    return current if money_list.opens_sentence else None


def _whole_of_earlier_parts(reading: Reading, line: str, amount: Amount, amounts: list[Amount], start: int) -> None:
    """`下达我市A补助40万元，下达我市B补助2万元。…某资金下达42万元`: the line's total was set from a sentence
    that gave the money out in parts, and a later amount of the line is what those parts add up to: the whole
    is the total, the first part was not, and the parts are its spending when each names one (given_parts)."""
    block: FundingLine = getattr(reading.funding, line)
    if block.total is None or amount.value is None:
        return
    if block.total.span is not None and block.total.span.start == amount.start:  # set here
        reading.set_among[line] = (start, amounts)
        return
    begin, among = reading.set_among.get(line, (0, []))
    parts = [found.value for found in among if found.value is not None]
    if len(parts) >= 2 and not block.by_source and about_equal(sum(parts), amount.value):
        block.total = money_at(reading.text, amount.start, amount.end, "narrative.funding")
        reading.set_among[line] = (0, [])
        if not reading.spending:
            reading.spending.extend(given_parts(reading.text, reading.plain, line, begin, among))


def _set_total(reading: Reading, line: str, amount: Amount, end: int) -> None:
    block: FundingLine = getattr(reading.funding, line)
    figure = money_at(reading.text, amount.start, amount.end, "narrative.funding")
    if block.total is None:
        block.total = figure
        if whole := _WHOLE_OF_ONE_SOURCE.match(reading.plain, amount.end, end):  # 全部为县级配套资金
            source = source_of(whole["name"])
            if source is not None:
                block.by_source.append(SourceAmount(source=source, name=whole["name"], amount=figure.model_copy()))


_RATE_TOLERANCE = 0.5  # percentage points: the rate a report prints is rounded


def _executed_by_rate(reading: Reading, amounts: list[Amount], totals: dict[str, Amount], start: int, end: int) -> None:
    """`项目资金共1860万元，…已完成拨付1804.20万元，执行率97%`: 拨付 says neither line, but the sentence's
    rate does — the amount that over the budget gives the printed rate is the executed one. A sentence with
    no total of its own (`目前已拨付补助资金600万元，…，实际支出率40%`) takes the budget (or else the
    allocation) read before; its rate is the execution rate only where the report states none (a stated
    `执行率100%` the figures do not bear out stays, for the checks to weigh)."""
    rate = _RATE.search(reading.text, start, end)
    if rate is None and reading.text.find("实际支出率", start, end) >= 0:
        rate = _SPENT_RATE.search(reading.text, start, end)
    base = _rate_base(reading, totals)
    if rate is None or base is None or reading.funding.executed.total is not None:
        return
    printed = float(rate["rate"].rstrip("%"))
    fits = [
        amount
        for amount in amounts
        if amount.line is None and amount.value is not None
        and abs(100 * amount.value / base - printed) <= _RATE_TOLERANCE
    ]  # fmt: skip
    if len(fits) == 1:
        _set_total(reading, "executed", fits[0], end)
        if not totals and reading.funding.execution_rate is None:
            reading.funding.execution_rate = figure_at(reading.text, *rate.span("rate"), "narrative.execution_rate")


_EXECUTION_POINTS = re.compile(r"预算执行(?:情况|率)?得分(?:为|是)?(?P<score>\d{1,3}(?:\.\d+)?分)")


def _read_execution_points(text: str, funding: Funding) -> None:
    """`自评得分为100。其中，预算执行得分20分，得分率100%`: the points the execution line was given, stated in
    prose with the other parts' (no weight printed)."""
    if funding.execution_score is not None or "预算执行" not in text:
        return
    if (points := _EXECUTION_POINTS.search(text)) is not None:
        funding.execution_score = figure_at(text, *points.span("score"), "narrative.execution_score")


_SPENT_RATE = re.compile(rf"实际支出率(?:为|达到|达|是)?(?P<rate>{_PERCENT})")


def _rate_base(reading: Reading, totals: dict[str, Amount]) -> float | None:
    """The whole a sentence's rate is taken of: its own budget, or, with no total of its own, the budget or
    allocation read before."""
    if totals:
        budget = totals.get("budget")
        return budget.value if budget is not None and budget.value else None
    for line in ("budget", "allocated"):
        total = getattr(reading.funding, line).total
        if total is not None and total.value:
            return float(total.value)
    return None


def _rate_of_lines(reading: Reading) -> Figure | None:
    """Of several stated rates (one per project), the first one read when it is the executed total over the
    budget (or allocated) total read, at the decimals printed: the rate of the lines kept; else none."""
    rate = reading.funding.execution_rate
    return rate if rate is not None and made_by_the_lines(reading.funding, rate) else None


def _read_rate(reading: Reading, start: int, end: int) -> None:
    funding, text = reading.funding, reading.text
    rate = _RATE.search(text, start, end)
    if rate is None:
        return
    figure = figure_at(text, *rate.span("rate"), "narrative.execution_rate")
    reading.rates.add(figure.value or 0.0)
    if funding.execution_rate is None:
        funding.execution_rate = figure
    if funding.execution_weight is None and (points := WEIGHT_SCORE.search(text, rate.end(), end)):
        funding.execution_weight = figure_at(text, *points.span("weight"), "narrative.execution_weight")
        funding.execution_score = figure_at(text, *points.span("score"), "narrative.execution_score")


__all__ = ["extract_funding", "source_of"]
