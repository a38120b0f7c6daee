"""Honest flags about one indicator row (issue 18): a label finding is as sure as the row it was read from,
a figure and its unit cut apart are no word actual, and a block's first level read a column off is no pair
the report printed. A 其中 list that follows a budget and covers it is that budget's split."""

from __future__ import annotations

from check_builders import check, fig, indicator, report, rules_of, spending
from jixiao.model import Funding, FundingLine, Indicator, Severity, Span


def _read_by(row: Indicator, found_by: str) -> Indicator:
    for figure in (row.target, row.actual):
        assert figure is not None
        figure.found_by = found_by
    return row


def _loud(row: Indicator, text: str = "") -> list[str]:
    return rules_of(check(report(indicators=[row]), text, skip=["narrative"]), "warning")


def test_a_label_finding_takes_its_rows_provenance() -> None:
    """Taxonomy and year cite only the name: the levels and name came with the row's cells, so a row placed by
    shapes alone (a second table's header read as an indicator) accuses nothing."""
    misfiled = indicator("新增座椅", "12个", "12个", level1="效益指标", level2="采购单价(元/个)")
    assert _loud(_read_by(misfiled, "table.t1.indicator")) == ["indicators.taxonomy"]
    by_shape = _read_by(misfiled.model_copy(deep=True), "table.t5.indicator")
    findings = check(report(indicators=[by_shape]), skip=["narrative"])
    assert rules_of(findings, "warning") == []
    assert any(f.rule == "extraction.suspect" and f.severity is Severity.INFO for f in findings)
    dated = indicator("在2019年度第三期结余中列支", "5个", "5个")
    assert _loud(_read_by(dated, "table.t1.indicator")) == ["indicators.year"]
    assert _loud(_read_by(dated.model_copy(deep=True), "table.t5.indicator")) == []


def test_a_figure_and_its_unit_cut_apart_are_no_word_actual() -> None:
    """`30TB | 30TB` read as target 30 and actual TB: nothing stands between them in a pipe dump, or the cut
    cell is printed again (the actual column), so they were one cell."""
    glued = _read_by(indicator("备份盘容量", "30", "TB"), "table.t1.indicator")
    assert glued.target is not None and glued.actual is not None
    glued.target.span, glued.actual.span = Span(start=40, end=42), Span(start=42, end=44)
    assert _loud(glued) == []
    squashed = _read_by(glued.model_copy(deep=True), "table.t3.indicator")
    assert _loud(squashed, "备份盘容量 30TB 30TB 10") == []  # the cut cell printed again: the actual column
    assert _loud(squashed, "备份盘容量 30TB 10") == ["indicators.actual_not_numeric"]  # `30 TB` normalised?
    apart = glued.model_copy(deep=True)
    assert apart.actual is not None
    apart.actual.span = Span(start=45, end=47)  # `30 | TB`: two cells, a word where a figure was due
    assert _loud(apart) == ["indicators.actual_not_numeric"]


def test_a_first_level_printed_with_its_points_is_no_second_level() -> None:
    """`满意度指标(10分) | 读者 | …` read under the block above as 效益指标 / 满意度指标."""
    shifted = indicator("读者", "≥90%", "95%", level1="效益指标", level2="满意度指标")
    assert _loud(shifted, "效益指标(30分) | 社会效益 | …\n满意度指标(10分) | 读者 | ≥90% | 95% |") == []
    assert _loud(shifted, "效益指标 | 满意度指标 | 读者 | ≥90% | 95% |") == ["indicators.taxonomy"]


def _listed(text: str, total: str, parts: list[tuple[str, str]], line: str = "budget") -> list[str]:
    """Rules at warning or above on a report whose `line` total and spending are read where `text` prints them."""
    whole = fig(total)
    whole.span = Span(start=text.index(total), end=text.index(total) + len(total))
    items = spending(*[(name, amount, None) for name, amount in parts])
    for item, (name, amount) in zip(items, parts, strict=True):
        assert item.amount is not None
        at = text.index(name + amount) + len(name)
        item.amount.span = Span(start=at, end=at + len(amount))
    funding = Funding(**{line: FundingLine(total=whole)})
    return rules_of(check(report(funding=funding, spending=items), text, skip=["narrative"]), "warning")


def test_a_split_that_misadds_the_figure_it_follows_is_found_without_an_executed_total() -> None:
    """`总预算为530.5万元,其中甲类12.5万元,乙类500万元`: two classes named as the whole's split, adding to 512.5."""
    text = "本局项目资金总预算为530.5万元,其中甲类支出12.5万元,乙类支出500万元。"
    parts = [("甲类支出", "12.5万元"), ("乙类支出", "500万元")]
    assert _listed(text, "530.5万元", parts) == ["spending.categories_sum"]
    assert _listed(text.replace("530.5", "512.5"), "512.5万元", parts) == []  # adds up
    assert _listed(text, "530.5万元", parts, line="allocated") == ["spending.categories_sum"]
    some = "本局项目资金总预算为930.5万元,其中甲类支出12.5万元,乙类支出500万元。"
    assert _listed(some, "930.5万元", parts) == []  # covers 55 %: some parts of the whole, not its split
    apart = "本局项目资金总预算为530.5万元。全年重点工作较多。其中甲类支出12.5万元,乙类支出500万元。"
    assert _listed(apart, "530.5万元", parts) == []  # the list does not follow the figure


def test_a_satisfaction_level_naming_whom_it_asked_and_an_older_level_name_are_no_misfit() -> None:
    """`满意度指标 | 读者 | 读者满意度调查`: the template's 服务对象 written out; `环境效益`: the older 生态效益."""
    asked = indicator("读者满意度调查", "≥90%", "95%", level1="满意度指标", level2="读者")
    assert _loud(asked) == []
    assert _loud(asked.model_copy(update={"level2": "社会效益指标"})) == ["indicators.category", "indicators.taxonomy"]
    older = indicator("馆内环境整洁", "良好", "良好", level1="效益指标", level2="环境效益")
    assert _loud(older) == []
    assert _loud(older.model_copy(update={"level1": "产出指标"})) == ["indicators.taxonomy"]


def test_a_header_run_read_as_a_value_accuses_nothing() -> None:
    """A squashed sheet's header cells (`完成情况 年度目标 年度目标完成情况2021年…`) read as a target: its year
    is the header's sentence, not a value the report set; one header word in a worded value is still a value."""
    run = indicator("项目概况", "完成情况 年度目标 年度目标完成情况2021年安排补助资金30万元", None)
    findings = check(report(indicators=[run], year=2022), skip=["narrative"])
    assert rules_of(findings, "warning") == []
    assert "extraction.suspect" in rules_of(findings)
    worded = indicator("项目概况", "2021年度目标完成情况良好", None)
    assert "indicators.year" in rules_of(check(report(indicators=[worded], year=2022), skip=["narrative"]), "warning")


def test_a_labelled_split_is_placed_by_its_names() -> None:
    """Gold figures carry no span: each part is found by its name, its amount printed just after it, so a list
    labelled from `总预算为530.5万元,其中甲类支出12.5万元,乙类支出500万元` is held against the 530.5 it follows,
    a part changed (12.5 -> 13.8) still is, and parts whose names the text does not print are not."""
    text = "本局项目资金总预算为512.5万元,其中甲类支出12.5万元,乙类支出500万元。"
    budget = Funding(budget=FundingLine(total=fig("512.5万元")))

    def rules(parts: list[tuple[str, str]]) -> list[str]:
        items = spending(*[(name, amount, None) for name, amount in parts])
        return rules_of(check(report(funding=budget, spending=items), text, skip=["narrative"]), "warning")

    assert rules([("甲类支出", "12.5万元"), ("乙类支出", "500万元")]) == []
    assert rules([("甲类支出", "13.8万元"), ("乙类支出", "500万元")]) == ["spending.categories_sum"]
    assert rules([("甲类", "13.8万元"), ("丙类支出", "500万元")]) == []  # 丙类支出 is not printed


def _one_sided(name: str, target: str, text: str) -> Indicator:
    """A pipe-table row read with a target at its first printing after the name, and no actual."""
    row = indicator(name, target, None)
    assert row.target is not None
    row.target.found_by = "table.t1.indicator"
    start = text.index(target, text.index(name))
    row.target.span = Span(start=start, end=start + len(target))
    return row


def test_a_word_of_the_heads_attribute_columns_is_no_target() -> None:
    """`指标性质 | 比较方式 | 指标值 | 完成值` with each cell on its line: a row taken one column early reads 正向
    (or 大于等于) as its target and finds no actual; the missing value is the tool's, not the report's."""
    head = "三级指标 |\n指标性质 |\n比较方式 |\n指标值 |\n完成值 |\n"
    text = head + "指标1:巡查次数(次) |\n正向 |\n大于等于 |\n12 |\n12 |\n"
    for cell in ("正向", "大于等于"):
        findings = check(report(indicators=[_one_sided("指标1:巡查次数(次)", cell, text)]), text, skip=["narrative"])
        assert rules_of(findings, "warning") == []
        assert {f.rule for f in findings} == {"extraction.suspect"}
        assert any("未载实际完成值" in f.message_zh for f in findings)  # the missing value, said as a misread
    assert _loud(_one_sided("指标1:巡查次数(次)", "12", text), text) == ["indicators.missing_value"]


def test_a_number_inside_a_names_words_is_no_target() -> None:
    """`新建泵站2000KW机组2套 | 2 | …`: a reader that cuts the name at its digits takes 2000 for the target of a
    row `新建泵站` and finds no actual; a number standing in its own cell stays a value."""
    text = "数量指标 | 新建泵站2000KW机组2套 | 2 | 8 | 8 |\n"
    assert _loud(_one_sided("新建泵站", "2000", text), text) == []
    own_cell = "数量指标 | 新建泵站 | 2000 | | 8 | 8 |\n"
    assert _loud(_one_sided("新建泵站", "2000", own_cell), own_cell) == ["indicators.missing_value"]
