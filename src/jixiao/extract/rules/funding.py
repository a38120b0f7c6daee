"""Funding and spending from narrative sentences.

The grammar: a head amount whose verb says which line it is (预算/筹集 -> budget, 下达 -> allocated,
执行/支出 -> executed), then an optional 其中 list of `name amount [占…share]` items. An item named
for a level of government or a carry-over is a funding source of the line above it; any other item
(…补贴, …补助支出) is a spending category.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import WEIGHT_SCORE, figure_at, money_at
from jixiao.model import Figure, Funding, FundingLine, FundSource, SourceAmount, SpendingItem

_AMOUNT = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|亿元|千元|元)"
_PERCENT = r"\d+(?:\.\d+)?%"
_LINE_VERBS = {
    "budget": "预算|筹集|安排|资金总额|总额|总计|合计",
    "allocated": "下达|分配|下拨|到位",
    "executed": "执行|支出|支付|使用|拨付",
}
_HEAD = re.compile(rf"(?P<verb>{'|'.join(_LINE_VERBS.values())})[^。；;，,\d]{{0,20}}?(?P<amount>{_AMOUNT})")
_ITEM = re.compile(rf"(?P<name>[^\d，,；;。:：、()（）]{{2,30}}?(?:[（(][^)）]{{0,30}}[)）])?)(?P<amount>{_AMOUNT})")
_SHARE = re.compile(rf"[，,]?\s*占[^\d，,；;。]{{0,10}}?(?P<share>{_PERCENT})")
_RATE = re.compile(rf"(?:预算执行率|资金执行率|执行率|支付率)(?:为|达到|达|是)?(?P<rate>{_PERCENT})")
_INDICATOR_SECTION = re.compile(
    r"绩效指标完成情况|绩效指标.{0,6}分析|[（(]?[一二三四五六七八九十\d]+[、.）)]\s*数量指标"
)
_SOURCE_NAMES: list[tuple[str, FundSource]] = [
    (r"^(?:上年|以前年度|往年).{0,4}(?:结转|结余)|^(?:结转|结余)", FundSource.CARRYOVER),
    (r"^其他资金|^其他来源|^社会资金|^自有资金", FundSource.OTHER),
    (r"^中央", FundSource.CENTRAL),
    (r"^地方", FundSource.LOCAL),
    (r"^(?:省级|省|自治区|本省)", FundSource.PROVINCIAL),
    (r"^(?:盟市|市级|州级|市本级|地市|市)", FundSource.PREFECTURAL),
    (r"^(?:旗县|县级|区级|县区|旗|县|区本级|区)", FundSource.COUNTY),
]


def source_of(name: str) -> FundSource | None:
    """The funding level a row label names, or None when the label is not a funding source."""
    label = re.sub(r"^(?:其中|含)[:：]?", "", name.strip())
    for pattern, source in _SOURCE_NAMES:
        if re.search(pattern, label):
            return source
    return None


_INITIAL_BUDGET = "narrative.funding.initial_budget"


def _is_initial(text: str, verb_start: int) -> bool:
    return text[max(0, verb_start - 2) : verb_start] == "年初"


def _is_initial_budget(figure: Figure) -> bool:
    return figure.found_by == _INITIAL_BUDGET


def _category(name: str) -> str:
    return re.sub(r"(?:资金)?支出$", "", name.strip())


def _line_of(verb: str) -> str:
    return next(line for line, verbs in _LINE_VERBS.items() if re.fullmatch(verbs, verb))


def _funding_text_end(text: str) -> int:
    match = _INDICATOR_SECTION.search(text)
    return match.start() if match else len(text)


def _sentence_end(text: str, start: int, limit: int) -> int:
    end = text.find("。", start, limit)
    newline = text.find("\n", start, limit)
    ends = [e for e in (end, newline) if e >= 0]
    return min(ends) if ends else limit


def extract_funding(text: str) -> tuple[Funding, list[SpendingItem]]:
    funding = Funding()
    spending: list[SpendingItem] = []
    limit = _funding_text_end(text)
    current: FundingLine | None = None
    position = 0
    while position < limit:
        end = _sentence_end(text, position, limit)
        current = _read_sentence(text, position, end, funding, spending, current)
        position = end + 1
    return funding, spending


def _read_sentence(
    text: str, start: int, end: int, funding: Funding, spending: list[SpendingItem], current: FundingLine | None
) -> FundingLine | None:
    """Read one sentence; return the funding line a following 其中 list would belong to.

    `全年预算512.4万元，执行487.1万元` sets two totals; `中央财政资金预算400万元，执行380.5万元` (a sentence
    whose subject is a source) adds that source's row to each line instead.
    """
    listing = text.find("其中", start, end)
    heads_end = listing if listing >= 0 else end
    heads = list(_HEAD.finditer(text, start, heads_end))
    subject = source_of(text[start : heads[0].start()]) if heads else None
    for head in heads:
        line: FundingLine = getattr(funding, _line_of(head["verb"]))
        amount = money_at(text, *head.span("amount"), "narrative.funding")
        if subject is not None:
            name = text[start : heads[0].start()].strip(" ，,：:")
            line.by_source.append(SourceAmount(source=subject, name=name, amount=amount))
        elif line.total is None or _is_initial_budget(line.total):
            # 年初预算 gives way to the adjusted 全年预算 / 调整后预算 (A) when the report states both
            if _is_initial(text, head.start()):
                amount.found_by = _INITIAL_BUDGET
            line.total = amount
            current = line
            _read_parenthesis(text, head.end(), end, line)
            if head["verb"] in _SUM_VERBS:  # 松坪 2023: `资金来源：中央补助687万元、…，合计1000万元`
                _read_sources(text, start, head.start(), line)
        elif line.total.value == amount.value:
            current = line  # 云栖 2024 restates the budget total before listing its sources
    if (rate := _RATE.search(text, start, end)) and subject is None:
        if funding.execution_rate is None:
            funding.execution_rate = figure_at(text, *rate.span("rate"), "narrative.execution_rate")
        if funding.execution_weight is None and (points := WEIGHT_SCORE.search(text, rate.end(), end)):
            funding.execution_weight = figure_at(text, *points.span("weight"), "narrative.execution_weight")
            funding.execution_score = figure_at(text, *points.span("score"), "narrative.execution_score")
    if listing >= 0:
        _read_listing(text, listing + 2, end, spending, current)
    return current


_SUM_VERBS = ("合计", "总计", "资金总额", "总额")


def _read_parenthesis(text: str, start: int, end: int, line: FundingLine) -> None:
    """`全年预算640万元（中央资金400万元、省级资金160万元、县级资金80万元）`: sources in brackets."""
    if start >= end or text[start] not in "（(":
        return
    close = min((i for i in (text.find("）", start, end), text.find(")", start, end)) if i > 0), default=-1)
    if close >= 0:
        _read_sources(text, start + 1, close, line)


def _read_sources(text: str, start: int, end: int, line: FundingLine) -> None:
    """Funding-source items in text[start:end] (other items are ignored) into the line's rows."""
    for item in _ITEM.finditer(text, start, end):
        name = item["name"].strip(" .．:：、")
        source = source_of(name)
        if source is not None:
            amount = money_at(text, *item.span("amount"), "narrative.sources")
            line.by_source.append(SourceAmount(source=source, name=name, amount=amount))


def _read_listing(text: str, start: int, end: int, spending: list[SpendingItem], current: FundingLine | None) -> None:
    """The items of a 其中 list: funding sources of the current line, or spending categories."""
    for item in _ITEM.finditer(text, start, end):
        name = item["name"].strip(" .．:：")
        source = source_of(name)
        amount = money_at(text, *item.span("amount"), "narrative.其中")
        if source is not None and current is not None:
            current.by_source.append(SourceAmount(source=source, name=name, amount=amount))
        elif source is None:
            share = _SHARE.match(text, item.end(), end)
            spending.append(
                SpendingItem(
                    category=_category(name),
                    amount=amount,
                    share=figure_at(text, *share.span("share"), "narrative.share") if share else None,
                )
            )


__all__ = ["extract_funding", "source_of"]
