"""Spending structure: categories add up to the executed total, shares equal amount ÷ total and add to 100 %."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.checks.arranged import MONEY, arranged_line, spent_line
from jixiao.checks.engine import CheckContext, ref, rule
from jixiao.checks.tolerance import (
    EPSILON,
    half_unit,
    input_err,
    percent_matches,
    places,
    printed_places,
    ratio_range,
    sum_matches,
    sum_tolerance,
)
from jixiao.model import Figure, Finding, Report, Severity


def _amounts(report: Report) -> list[tuple[int, Figure]] | None:
    """(index, amount) of every spending item, or None when some item has no numeric amount."""
    pairs = [(i, item.amount) for i, item in enumerate(report.spending)]
    if not pairs or any(amount is None or amount.value is None for _, amount in pairs):
        return None
    return [(i, amount) for i, amount in pairs if amount is not None]


def _places(report: Report, amounts: list[tuple[int, Figure]]) -> int:
    total = report.funding.executed.total
    return printed_places([a for _, a in amounts] + ([total] if total else []))


def _sums_to_executed(report: Report) -> bool | None:
    """Whether the categories add up to the executed total; None when either side is missing."""
    amounts, total = _amounts(report), report.funding.executed.total
    if amounts is None or total is None or total.value is None:
        return None
    return sum_matches(total.value, [a.value or 0.0 for _, a in amounts], _places(report, amounts))


def _breaks_down_a_budget(report: Report, amounts: list[tuple[int, Figure]], kept: int) -> bool:
    """The list adds up to the budget or the money allocated (`5400万元分解到位，其中某市620万元…`): it
    shares out that line, not the spending, and says nothing about the executed total."""
    values = [a.value or 0.0 for _, a in amounts]
    lines = (report.funding.budget, report.funding.allocated, report.funding.initial)
    return any(
        line.total is not None and line.total.value is not None and sum_matches(line.total.value, values, kept)
        for line in lines
    )


NEAR_MISS = 0.05
"""A 其中 list within 5 % of the figure it follows names all its parts (one misadded); short of that, some."""
_OPENER_REACH = 40  # characters from a list's 其中 to its first amount (the first part's name between)
_TOTAL_REACH = 12  # characters from the whole's printed figure to the 其中 after it (`1866.4万元,其中`)


def _line_split(report: Report, text: str | None) -> tuple[str, Figure] | None:
    """With no executed total, the budget, allocated or initial total a 其中 list shares out: the list follows
    that figure as printed (`总预算为1866.4万元,其中A 62.4万元,B 1804万元`) and covers it but for a few
    percent. Sums only over complete lists: a list covering less is part of the whole, not its split."""
    amounts = _amounts(report)
    if text is None or amounts is None or len(amounts) < 2 or report.funding.executed.total is not None:
        return None
    starts = _printed_at(report, text, amounts)
    if starts is None:
        return None
    opener = text.rfind("其中", max(0, min(starts) - _OPENER_REACH), min(starts))
    if opener < 0:
        return None
    before, parts = text[max(0, opener - _TOTAL_REACH) : opener], sum(a.value or 0.0 for _, a in amounts)
    for line in ("budget", "allocated", "initial"):
        total = getattr(report.funding, line).total
        if total is not None and total.value and total.text.strip() in before:
            return (f"funding.{line}.total", total) if abs(parts - total.value) <= NEAR_MISS * total.value else None
    return None


_NAME_REACH = 12  # characters from a labelled part's name to its amount (`…设备维护12.6万元`, `A：5万元`)


def _printed_at(report: Report, text: str, amounts: list[tuple[int, Figure]]) -> list[int] | None:
    """Where each amount was printed, in order: its span, or (a labelled figure has none) the first amount
    printed just after its item's name, after the one before. None when one cannot be placed."""
    starts: list[int] = []
    for i, amount in amounts:
        after = starts[-1] + 1 if starts else 0
        if amount.span is not None:
            starts.append(amount.span.start)
            continue
        name = report.spending[i].category
        at = text.find(name, after) if name else -1
        found = MONEY.search(text, at + len(name), at + len(name) + _NAME_REACH) if at >= 0 else None
        if found is None:
            return None
        starts.append(found.start())
    return starts


def _split_misadded(ctx: CheckContext) -> Iterator[Finding]:
    found, amounts = _line_split(ctx.report, ctx.text), _amounts(ctx.report)
    if found is None or amounts is None:
        return
    kept = printed_places([a for _, a in amounts] + [found[1]])
    if not sum_matches(found[1].value or 0.0, [a.value or 0.0 for _, a in amounts], kept):
        messages = (
            "其中所列各项之和 {parts}万元 与其前所述合计 {total} 不符",
            "the parts listed after {total} add to {parts} (10k yuan)",
        )
        yield _misadded(ctx, found, amounts, kept, messages)


def _arrangement_misadded(ctx: CheckContext) -> Iterator[Finding]:
    """A list given as the year's whole arrangement (`arranged_line`) that adds up to no funding line. A warning:
    prose gives no cell to tell a misadded list from an item left unnamed."""
    found, amounts = arranged_line(ctx.report, ctx.text), _amounts(ctx.report)
    if found is None or amounts is None or _line_split(ctx.report, ctx.text) is not None:
        return
    kept = printed_places([a for _, a in amounts] + [found[1]])
    if not _breaks_down_a_budget(ctx.report, amounts, kept):
        messages = (
            "资金安排所列各项之和 {parts}万元 与所安排资金 {total} 不符",
            "the parts of the year's arrangement add to {parts} (10k yuan), not {total}",
        )
        yield _misadded(ctx, found, amounts, kept, messages, Severity.WARNING)


def _overspent(ctx: CheckContext) -> Iterator[Finding]:
    """Spent parts with no executed total (`spent_line`) that add to more than there was to spend, past their
    rounding. A warning: the money of another line (a carry-over) may have been spent too. Parts short of the
    money are an execution under 100 %, nothing to say."""
    found, amounts = spent_line(ctx.report, ctx.text), _amounts(ctx.report)
    if found is None or amounts is None or _line_split(ctx.report, ctx.text) or arranged_line(ctx.report, ctx.text):
        return
    kept = printed_places([a for _, a in amounts] + [found[1]])
    parts = sum(a.value or 0.0 for _, a in amounts)
    if parts > (found[1].value or 0.0) + sum_tolerance(len(amounts), kept) + EPSILON:
        messages = (
            "所列已支出各项之和 {parts}万元 超过可支出的资金 {total}",
            "the parts spent add to {parts} (10k yuan), more than the {total} there was to spend",
        )
        yield _misadded(ctx, found, amounts, kept, messages, Severity.WARNING)


def _misadded(
    ctx: CheckContext,
    found: tuple[str, Figure],
    amounts: list[tuple[int, Figure]],
    kept: int,
    messages: tuple[str, str],
    severity: Severity | None = None,
) -> Finding:
    """The finding on a list of parts that does not add up to the line `found` it splits (`messages`, Chinese and
    English, format `{parts}` and `{total}`)."""
    path, total = found
    parts, shown = sum(a.value or 0.0 for _, a in amounts), min(kept, 4)
    chinese, english = (message.format(parts=f"{parts:.{shown}f}", total=total.text) for message in messages)
    return ctx.finding(
        f"{chinese}（容差 {sum_tolerance(len(amounts), kept):g}）",
        english,
        [ref(path, total)] + [ref(f"spending[{i}].amount", a) for i, a in amounts],
        expected=total.value,
        found=parts,
        severity=severity,
    )


@rule("spending.categories_sum", Severity.ERROR)
def categories_sum(ctx: CheckContext) -> Iterator[Finding]:
    """支出结构各类别金额之和等于全年执行数（容差同资金合计）；无执行数时，紧随预算/下达数的“其中”清单、
    或全年“资金安排是：”清单之和等于该数（后者为警告），“累计支出A…，B…”所列各项之和不超过可支出的资金（警告）。"""
    report = ctx.report
    if report.funding.executed.total is None:
        yield from _split_misadded(ctx)
        yield from _arrangement_misadded(ctx)
        yield from _overspent(ctx)
        return
    if _sums_to_executed(report) is not False or _cut_list(ctx):
        return
    amounts = _amounts(report) or []
    total = report.funding.executed.total
    assert total is not None and total.value is not None
    kept = _places(report, amounts)
    if _breaks_down_a_budget(report, amounts, kept):
        return
    found, shown = sum(a.value or 0.0 for _, a in amounts), min(kept, 4)
    yield ctx.finding(
        f"支出类别之和 {found:.{shown}f}万元 与支出合计 {total.text} 不符"
        f"（容差 {sum_tolerance(len(amounts), kept):g}）",
        f"spending categories add to {found:.{shown}f} (10k yuan), not the executed total {total.text}",
        [ref("funding.executed.total", total)] + [ref(f"spending[{i}].amount", a) for i, a in amounts],
        expected=total.value,
        found=found,
    )


_CUT_REACH = 60  # characters from the list's last amount to the excerpt's end: an item may be lost in between


def _cut_list(ctx: CheckContext) -> bool:
    """A truncated excerpt that ends right after the list's last amount (`…5.5万元。\n8)办公设`): items may be cut
    off, and the sum of those printed says nothing about the total."""
    text = ctx.text
    if not (ctx.report.truncated and text):
        return False
    ends = [_end_in(text, item.amount) for item in ctx.report.spending if item.amount]
    return bool(ends) and len(text.rstrip()) - max(ends) <= _CUT_REACH


def _end_in(text: str, amount: Figure) -> int:
    """Where the amount ends in the text: its span, or (a labelled figure has none) its last printing."""
    if amount.span is not None:
        return amount.span.end
    at = text.rfind(amount.text)
    return at + len(amount.text) if at >= 0 else -1


def _shares(report: Report) -> list[tuple[int, Figure]]:
    return [(i, item.share) for i, item in enumerate(report.spending) if item.share and item.share.value is not None]


def _common_whole(report: Report, kept: int) -> tuple[float, float] | None:
    """The range of wholes every printed share puts its amount against (amount ÷ share), when they agree.

    Shares that agree on one whole are right about it, whatever it is: the report's own list of parts
    of that whole. None when some item has a share but no amount, or the shares disagree.
    """
    low, high = 0.0, float("inf")
    shares = _shares(report)
    for i, stated in shares:
        amount = report.spending[i].amount
        if amount is None or amount.value is None or stated.value is None:
            return None
        share_err = half_unit(places(stated))
        if stated.value - share_err <= 0:
            return None
        low = max(low, (amount.value - input_err(kept)) / (stated.value + share_err) * 100)
        high = min(high, (amount.value + input_err(kept)) / (stated.value - share_err) * 100)
    return (low, high) if shares and low <= high + EPSILON else None


def _within(total: Figure, low: float, high: float) -> bool:
    assert total.value is not None
    err = input_err(places(total))
    return total.value + err >= low - EPSILON and total.value - err <= high + EPSILON


def _of_another_line(report: Report, kept: int) -> bool:
    """The shares agree on the budget, allocated or initial total (`占全局预算的20.00%`): they are right about
    that line, whatever the executed total."""
    whole = _common_whole(report, kept)
    lines = (report.funding.budget, report.funding.allocated, report.funding.initial)
    totals = [line.total for line in lines if line.total is not None and line.total.value is not None]
    return whole is not None and any(_within(total, *whole) for total in totals)


def _partial_by_shares(report: Report, amounts: list[tuple[int, Figure]], kept: int) -> bool:
    """The shares agree on a whole larger than the parts add to: the report lists only some parts of it
    (a unit's two projects at 20 % and 5 % of its budget), so no sum over the list is a contradiction."""
    whole = _common_whole(report, kept)
    parts = sum(a.value or 0.0 for _, a in amounts)
    return whole is not None and whole[0] > parts + sum_tolerance(len(amounts), kept) + EPSILON


@rule("spending.share", Severity.ERROR)
def share(ctx: CheckContext) -> Iterator[Finding]:
    """每一类别所述占比等于 金额 ÷ 支出合计 × 100%，按所印位数比较。

    Base: the executed total, else the sum of the categories; none when the shares agree on another line
    (`_of_another_line`) or, with no executed total, on a whole the list is part of (`_partial_by_shares`).
    When the printed shares add to exactly 100 and the gap is one unit of the last digit, the share was
    most likely nudged to make the column add up (扎兰屯 2025: 937.56/3861.14 = 24.28 % printed 24.27 %):
    still wrong, reported as a warning.
    """
    report = ctx.report
    amounts = _amounts(report)
    if amounts is None:
        return
    total_figure = report.funding.executed.total
    kept = _places(report, amounts)
    if _of_another_line(report, kept) or (total_figure is None and _partial_by_shares(report, amounts, kept)):
        return
    if total_figure is not None and total_figure.value is not None:
        base, base_err, base_refs = total_figure.value, input_err(kept), [ref("funding.executed.total", total_figure)]
    else:
        base, base_err, base_refs = sum(a.value or 0.0 for _, a in amounts), half_unit(kept) * len(amounts), []
    shares = _shares(report)
    forced = len(shares) == len(report.spending) and abs(sum(s.value or 0.0 for _, s in shares) - 100) < 1e-6
    for i, stated in shares:
        amount = report.spending[i].amount
        if amount is None or amount.value is None or stated.value is None:
            continue
        low, high = ratio_range(amount.value, input_err(kept), base, base_err)
        if percent_matches(stated, (low, high)):
            continue
        expected = (low + high) / 2
        one_digit = abs(expected - stated.value) < 1.5 * 10.0 ** -places(stated)
        nudged = forced and one_digit
        note = "；各占比之和恰为100%，疑为凑整调整" if nudged else ""
        yield ctx.finding(
            f"{report.spending[i].category} 占比 {stated.text} 与 {amount.text}÷合计 = {expected:.2f}% 不符{note}",
            f"{report.spending[i].category}: share {stated.text} != amount/total = {expected:.2f}%"
            + (" (shares nudged to sum to 100?)" if nudged else ""),
            [ref(f"spending[{i}].share", stated), ref(f"spending[{i}].amount", amount), *base_refs],
            expected=expected,
            found=stated.value,
            severity=Severity.WARNING if nudged else None,
        )


@rule("spending.shares_sum", Severity.WARNING)
def shares_sum(ctx: CheckContext) -> Iterator[Finding]:
    """各类别占比之和为 100%（仅当类别覆盖全部支出：金额之和等于支出合计或无合计可比）。

    A sum only over a list read whole: not when the shares agree on another line or a larger whole.
    """
    report = ctx.report
    shares = _shares(report)
    if len(shares) < 2 or len(shares) != len(report.spending) or _sums_to_executed(report) is False:
        return
    amounts = _amounts(report)
    at = _places(report, amounts or [])
    if amounts is not None and (_of_another_line(report, at) or _partial_by_shares(report, amounts, at)):
        return
    kept = printed_places(s for _, s in shares)
    found = sum(s.value or 0.0 for _, s in shares)
    # each share may be off by half a unit of its last digit, so n of them by n half-units
    if abs(found - 100) <= sum_tolerance(len(shares), kept) + 1e-9:
        return
    yield ctx.finding(
        f"各类别占比之和为 {found:.{kept}f}%，不等于 100%",
        f"shares add to {found:.{kept}f}%, not 100%",
        [ref(f"spending[{i}].share", s) for i, s in shares],
        expected=100.0,
        found=round(found, 6),
    )
