"""Findings the checks raise once the reader gives a layout's figures (issue 18, set 16's labelled findings).

Each test builds the report as the reader is to give it, in our own words and figures, with spans where the
check needs to know where a figure was printed: a missed finding in these layouts is then a misread, not a
check that cannot see it.
"""

from __future__ import annotations

from check_builders import check, fig, line, report
from jixiao.model import Coverage, Figure, Finding, Funding, FundingLine, Indicator, Op, Span, SpendingItem


def _at(text: str, figure: Figure, after: int = 0) -> Figure:
    """The figure with the span of its first printing at or after `after`."""
    start = text.index(figure.text, after)
    figure.span = Span(start=start, end=start + len(figure.text))
    return figure


def _loud(findings: list[Finding], rule: str) -> list[tuple[str, float]]:
    """(severity, expected value at two decimals) of the rule's warnings and errors."""
    return [
        (f.severity.value, round(f.expected or 0, 2)) for f in findings if f.rule == rule and f.severity.value != "info"
    ]


def test_an_execution_row_opening_the_indicator_table_is_the_execution_line() -> None:
    """A Hubei 项目支出绩效自评表 whose funding row prints the whole table's points (分值 100, 得分 97) while the
    indicator table opens with `预算执行率 | 100% | 84% | 20 | 19`: that row is the execution line's. Read so,
    19 of 20 at 84 % (201.6 of 240) is above 20 × 84 % = 16.8."""
    funding = Funding(
        budget=line("240万"),
        executed=line("201.6万"),
        execution_rate=fig("84%"),
        execution_weight=fig("20"),
        execution_score=fig("19"),
    )
    findings = check(report(funding=funding), skip=["narrative"])
    assert _loud(findings, "scoring.execution_score") == [("warning", 16.8)]
    funding.execution_score = fig("17")  # scored by the rule (16.8 at whole points): nothing to say
    assert _loud(check(report(funding=funding), skip=["narrative"]), "scoring.execution_score") == []


_SPLIT = (
    "2023年中央补助地方文化惠民工程专项资金共计2468万元,其中:乡镇综合文化站(含流动服务点)设备更新与运行维护"
    "52.8万元;县级图书馆总分馆建设65万元;村级应急广播终端建设2351万元。"
)
_PARTS = [
    ("乡镇综合文化站(含流动服务点)设备更新与运行维护", "52.8万元"),
    ("县级图书馆总分馆建设", "65万元"),
    ("村级应急广播终端建设", "2351万元"),
]


def test_a_transfer_reports_sub_projects_after_its_total_are_that_totals_split() -> None:
    """`…专项资金共计X万元,其中:A a万元;B b万元;C c万元。` (a 转移支付 report's sub-projects, the first name long):
    the list follows the budget as printed and names all of it, so 52.8 + 65 + 2351 = 2468.8 against 2468 is
    the report's error, once the three sub-projects are read as the budget's spending."""
    budget = _at(_SPLIT, fig("2468万元"))
    items = [SpendingItem(category=name, amount=_at(_SPLIT, fig(amount))) for name, amount in _PARTS]
    findings = check(report(funding=Funding(budget=FundingLine(total=budget)), spending=items), _SPLIT)
    assert _loud(findings, "spending.categories_sum") == [("error", 2468.0)]
    honest = _SPLIT.replace("2351万元", "2350.2万元")
    budget, items[2].amount = _at(honest, fig("2468万元")), _at(honest, fig("2350.2万元"))
    for item in items[:2]:
        assert item.amount is not None
        _at(honest, item.amount)
    findings = check(report(funding=Funding(budget=FundingLine(total=budget)), spending=items), honest)
    assert _loud(findings, "spending.categories_sum") == []


_FORM = (
    "2022 年市级文化出口扶持资金项目自评表 单位名称:区文旅局 预算执行 情况(万元) (20 分) 年度财政 资金总额 "
    "预算数 (A) 执行数(B) 执行率(B/A) 得分 (20 分*执行率) 163.20 163.20 100% 20 三级指标 年初目标值 (A) "
    "实际完成值 (B) 得分 出口演出场次 12 14 10 海外参展次数 3 3 10 扶持出口企业数量 5 5 10 资金拨付及时性 "
    "95%以上 100% 10 海外受众评价 受欢迎 较受欢迎 社会效益 指标 年度 绩效 目标 (80 分) 总分 20 20 100 —1— "
    "备注: 1.预算执行情况口径:预算数为调整后财政资金总额"
)
_ROWS = [
    ("出口演出场次", "12", "14", "10"),
    ("海外参展次数", "3", "3", "10"),
    ("扶持出口企业数量", "5", "5", "10"),
    ("资金拨付及时性", "95%以上", "100%", "10"),
]


def _row(text: str, name: str, target: str, actual: str, score: str) -> Indicator:
    """A row's cells, each at its first printing after the one before."""
    cells, after = [], text.index(name) + len(name)
    for cell in (target, actual, score):
        figure = _at(text, fig(cell), after)
        assert figure.span is not None
        cells.append(figure)
        after = figure.span.end
    return Indicator(name=name, target=cells[0], actual=cells[1], score=cells[2])


def _form(text: str, rows: list[tuple[str, str, str, str]], unread: str | None = None) -> list[Finding]:
    """The squashed form read row by row (a 得分 and no 分值 per row; the last two rows' scores printed after
    the 总分 heading, as the form's cells run), cut in its notes."""
    read = [_row(text, *cells) for cells in rows]
    after = text.index("总分")
    for name in ("海外受众评价", "带动出口作用"):
        score = _at(text, fig("20"), after)
        assert score.span is not None
        read.append(Indicator(name=name, score=score))
        after = score.span.end
    cell = text.index("163.20 163.20 100% 20")
    funding = Funding(
        budget=FundingLine(total=_at(text, fig("163.20"), cell)),
        executed=FundingLine(total=_at(text, fig("163.20"), cell + 1)),
        execution_rate=_at(text, fig("100%"), cell),
        execution_weight=fig("20"),
        execution_score=_at(text, fig("20"), cell + len("163.20 163.20 100% ")),
    )
    sheet = report(funding=funding, indicators=read, total_score=_at(text, fig("100"), after), truncated=True)
    if unread is not None:  # a row the reader left unread, among the rows: the list is not read whole
        start = text.index(unread)
        sheet.coverage = Coverage(figures=20, read=17, unread=[Span(start=start, end=start + len(unread))])
    return check(sheet, text, skip=["narrative", "indicators"])


def test_a_squashed_form_whose_rows_outscore_their_block_misses_its_total() -> None:
    """A Hubei 项目自评表 squashed into one run: the execution line 20 of 20, rows scored 10 + 10 + 10 + 10 + 20
    + 20 with no 分值 of their own, 总分 100 printed after every row (the excerpt cut in the form's notes). The
    rows are the sheet (a table's rows, closed by its 总分): 20 + 80 = 100 adds up; a fifth 10-point row makes
    110 against the 100, the report's error, and still a warning when a row among them was left unread."""
    assert _loud(_form(_FORM, _ROWS), "scoring.total") == []
    more = _FORM.replace("资金拨付及时性", "海外合作项目数 2 2 10 资金拨付及时性")
    rows = [*_ROWS[:3], ("海外合作项目数", "2", "2", "10"), _ROWS[3]]
    assert _loud(_form(more, rows), "scoring.total") == [("error", 110.0)]
    # a second 预算执行率 row among the rows, left unread: no sum, but the rows read already score 110
    row = "预算资金执行率 90% 100% 10 "
    again = more.replace("资金拨付及时性", row + "资金拨付及时性")
    assert _loud(_form(again, rows, unread=row.strip()), "scoring.total") == [("warning", 110.0)]
    assert (
        _loud(_form(_FORM.replace("资金拨付及时性", row + "资金拨付及时性"), _ROWS, row.strip()), "scoring.total") == []
    )


def test_targets_with_a_comparator_column_and_a_unit_column_are_bounds() -> None:
    """A pipe sheet's `指标性质 | 指标值 | 度量单位` (`004 >= | 25 | 次`, `004 >= | 2亿 | 元`) read as bounds with
    their units: 140 visits against ≥25 (5.6×) and 30亿 against ≥2亿 (15×) are far above their targets."""
    count = Indicator(
        name="赴项目现场督导检查次数",
        target=Figure(text="25", value=25, unit="次", op=Op.GE, kind="number"),
        actual=Figure(text="140", value=140, unit="次", kind="number"),
    )
    money = Indicator(
        name="新增新能源投资额",
        target=Figure(text="2亿", value=2, unit="亿元", op=Op.GE, kind="number"),
        actual=Figure(text="30亿", value=30, unit="亿元", kind="number"),
    )
    cost = Indicator(  # `005 <= | 40 | 万元` met at 39.5: a cost within its cap, nothing to say
        name="经费支出",
        target=Figure(text="40", value=40, unit="万元", op=Op.LE, kind="number"),
        actual=Figure(text="39.5", value=39.5, unit="万元", kind="number"),
    )
    findings = check(report(indicators=[count, money, cost]), skip=["narrative"])
    assert _loud(findings, "indicators.over_achievement") == [("warning", 25.0), ("warning", 2.0)]
