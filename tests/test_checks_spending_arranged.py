"""A list given as the year's whole arrangement of a funding line (`某资金安排是:支持A8万元,…`) adds up to it; parts
spent (`累计支出A…，B…`) with no executed total do not pass the money there was."""

from __future__ import annotations

from check_builders import check, fig, report, spending
from jixiao.model import Funding, FundingLine, Span

_GIVEN = "2024年，省下达我县文化专项资金36.5万元。\n"
_LIST = "2024年我县文化资金安排是:支持站点设备8万元,支持队伍培训4.5万元,支持展演活动6万元、图书补充5万元。"
_PARTS = [("站点设备", "8万元"), ("队伍培训", "4.5万元"), ("展演活动", "6万元"), ("图书补充", "5万元")]


def _loud(text: str, total: str | None = "36.5万元", line: str = "allocated", executed: str | None = None) -> list:
    """Warning-or-worse categories_sum findings on a report whose list is read where `text` prints it."""
    items = spending(*[(name, amount, None) for name, amount in _PARTS])
    for item, (name, amount) in zip(items, _PARTS, strict=True):
        assert item.amount is not None
        at = text.index(name + amount) + len(name)
        item.amount.span = Span(start=at, end=at + len(amount))
    lines = {line: FundingLine(total=fig(total))} if total else {}
    if executed:
        lines["executed"] = FundingLine(total=fig(executed))
    findings = check(report(funding=Funding(**lines), spending=items), text, skip=["narrative"])
    return [f for f in findings if f.rule == "spending.categories_sum" and f.severity.value != "info"]


def test_an_arrangement_that_misses_the_money_it_arranges_is_a_warning() -> None:
    text = _GIVEN.replace("36.5", "40.5") + _LIST
    findings = _loud(text, "40.5万元")
    assert [(f.severity.value, f.expected, f.found) for f in findings] == [("warning", 40.5, 23.5)]
    assert findings[0].figures[0].path == "funding.allocated.total"
    assert [f.figures[0].path for f in _loud(text, "40.5万元", line="budget")] == ["funding.budget.total"]


def test_an_arrangement_that_adds_up_or_is_not_the_whole_raises_nothing() -> None:
    assert _loud(_GIVEN.replace("36.5", "23.5") + _LIST, "23.5万元") == []  # adds up
    assert _loud(_GIVEN + _LIST, "23.6万元") == []  # within the sum tolerance (4 × 0.05)
    assert _loud(_GIVEN + _LIST, "80万元") == []  # covers under half: it arranges other money
    partial = _LIST.replace("安排是:", "安排是:其中")
    assert _loud(_GIVEN + partial, "30万元") == []  # a 其中 list names some parts only
    twice = _GIVEN + _LIST + "\n2023年资金安排是:支持站点设备6万元。"
    assert _loud(twice, "30万元") == []  # two arrangements: which one is the year's is not sure
    more = _LIST.replace("图书补充5万元", "图书补充5万元、其他2万元")
    assert _loud(_GIVEN + more, "30万元") == []  # an amount of the sentence left unread
    plain = _LIST.replace("资金安排是:", "资金:")
    assert _loud(_GIVEN + plain, "30万元") == []  # a colon list with no word that it is the whole arrangement
    assert _loud(_GIVEN + _LIST, "30万元", executed="30万元") != []  # an executed total: held against it


def test_a_labelled_arrangement_is_placed_by_its_names() -> None:
    """Gold figures carry no span: each item's name must come just before its amount of the list, so a changed
    amount (8 → 8.8) is still held against the line, and items not of that list are not."""
    text = _GIVEN + _LIST
    labelled = spending(*[(name, amount, None) for name, amount in _PARTS])
    funding = Funding(allocated=FundingLine(total=fig("23.5万元")))
    assert check(report(funding=funding, spending=labelled), text, skip=["narrative"]) == []
    changed = spending(*[(name, "8.8万元" if amount == "8万元" else amount, None) for name, amount in _PARTS])
    rules = [f.rule for f in check(report(funding=funding, spending=changed), text, skip=["narrative"])]
    assert rules == ["spending.categories_sum"]
    renamed = [item.model_copy(update={"category": item.category + "费"}) for item in changed]
    assert check(report(funding=funding, spending=renamed), text, skip=["narrative"]) == []


_GIVEN_ALL = "2023年，县财政局下达我站设施维护专项资金50万元，资金到位50万元。\n"
_SPENT_LIST = "资金到位后按计划实施，2023年累计支出设备维护费21.40万元，宣传印制费9.80万元，巡查租车费20.30万元。"
_SPENT_PARTS = [("设备维护费", "21.40万元"), ("宣传印制费", "9.80万元"), ("巡查租车费", "20.30万元")]


def _spent(text: str, parts: list[tuple[str, str]] = _SPENT_PARTS, total: str = "50万元", spans: bool = True) -> list:
    """(severity, expected, found) of the categories_sum findings on a report whose parts are read where `text`
    prints them (labelled, with no span, when `spans` is off), against an allocated and budget `total`."""
    items = spending(*[(name, amount, None) for name, amount in parts])
    for item, (name, amount) in zip(items, parts, strict=True):
        assert item.amount is not None
        if spans:
            at = text.index(name + amount) + len(name)
            item.amount.span = Span(start=at, end=at + len(amount))
    funding = Funding(allocated=FundingLine(total=fig(total)), budget=FundingLine(total=fig(total)))
    findings = check(report(funding=funding, spending=items), text, skip=["narrative"])
    return [
        (f.severity.value, f.expected, round(f.found or 0, 2)) for f in findings if f.rule == "spending.categories_sum"
    ]


def test_parts_spent_past_the_money_there_was_are_a_warning() -> None:
    """`2023年累计支出A…，B…，C…。` with no executed total: the parts are the year's spending, 51.50 of 50."""
    assert _spent(_GIVEN_ALL + _SPENT_LIST) == [("warning", 50.0, 51.5)]
    assert _spent(_GIVEN_ALL + _SPENT_LIST, spans=False) == [("warning", 50.0, 51.5)]  # labelled: placed by names
    shorter = _SPENT_LIST.replace("20.30", "18.80")
    assert _spent(_GIVEN_ALL + shorter, [*_SPENT_PARTS[:2], ("巡查租车费", "18.80万元")]) == []  # 50.00: adds up


def test_parts_spent_short_of_the_money_or_not_shown_whole_raise_nothing() -> None:
    assert _spent(_GIVEN_ALL + _SPENT_LIST, total="52万元") == []  # 51.5 of 52: an execution under 100 %
    assert _spent(_GIVEN_ALL + _SPENT_LIST, total="30万元") == []  # 1.7 times the money: other money spent too
    some = _SPENT_LIST.replace("资金到位后按计划实施，", "资金已全部到位，其中")
    assert _spent(_GIVEN_ALL + some) == []  # a 其中 list names some parts
    more = _SPENT_LIST.replace("20.30万元。", "20.30万元等。")
    assert _spent(_GIVEN_ALL + more) == []  # `等`: parts left out
    unled = _SPENT_LIST.replace("累计支出", "")
    assert _spent(_GIVEN_ALL + unled) == []  # no verb of spending opens the list: amounts of what?
    twice = _GIVEN_ALL + _SPENT_LIST + "\n" + _SPENT_LIST
    assert _spent(twice, spans=False) == []  # printed twice (two years?): which one is this year's is not sure
