"""Honest flags: the checks never accuse a report of the tool's own misreading (issue 18).

A figure no reader would accept makes the finding that uses it an `extraction.suspect` note; a figure read
from prose or squashed text cannot carry an error; a sum is taken only over a list read whole; a reason is
not missing from a document that stops before it could be given.
"""

from __future__ import annotations

from check_builders import fig, indicator, line, report, spending
from jixiao.checks import run_checks
from jixiao.model import Confidence, Funding, FundSource, Report, Severity, Span


def _found_by(figure_report: Report, found_by: str) -> Report:
    for figure in (
        figure_report.funding.budget.total,
        figure_report.funding.executed.total,
        figure_report.funding.execution_rate,
    ):
        if figure is not None:
            figure.found_by = found_by
    return figure_report


def _loud(findings: list) -> list[tuple[str, str]]:
    return [(f.rule, f.severity.value) for f in findings if f.severity is not Severity.INFO]


def test_a_budget_glued_from_three_cells_is_a_suspect_not_a_rate_error() -> None:
    funding = Funding(
        budget=line("56005600100", (FundSource.CENTRAL, "中央补助", "5600")),
        executed=line("5600", (FundSource.CENTRAL, "中央补助", "5600")),
        execution_rate=fig("100%"),
    )
    findings = run_checks(report(funding=funding))
    assert _loud(findings) == []
    suspects = [f for f in findings if f.rule == "extraction.suspect"]
    assert suspects and all(f.severity is Severity.INFO for f in suspects)
    assert any("funding.budget.total" in [ref.path for ref in f.figures] for f in suspects)


def test_an_execution_rate_of_thousands_of_percent_is_a_suspect() -> None:
    funding = Funding(budget=line("0.3792"), executed=line("2595.64"), execution_rate=fig("684499%"))
    findings = run_checks(report(funding=funding))
    assert _loud(findings) == []
    assert any(f.rule == "extraction.suspect" and "执行率" in f.message_zh for f in findings)


def test_a_budget_of_0_beside_an_executed_amount_is_a_suspect() -> None:
    """Forms print 0 in the cells a project does not use: a 0 budget read beside 186.35 spent is the wrong column."""
    findings = run_checks(report(funding=Funding(budget=line("0"), executed=line("186.3524"))))
    assert _loud(findings) == []
    assert any(f.rule == "extraction.suspect" and "预算数为 0" in f.message_zh for f in findings)


def test_executed_at_twice_the_budget_is_a_suspect_not_an_overrun() -> None:
    """Overruns reports print are a few percent (268.40 over 259.85); twice the budget is a total misread."""
    findings = run_checks(report(funding=Funding(budget=line("458.83"), executed=line("1042.97"))))
    assert _loud(findings) == []
    assert any(f.rule == "extraction.suspect" and "相差过大" in f.message_zh for f in findings)


def test_executed_well_over_but_under_twice_the_budget_is_an_overrun() -> None:
    """A small fund spent at 1.7 times its budget (7.65 against 4.5) is what the report says, not a misread."""
    findings = run_checks(report(funding=Funding(budget=line("4.5"), executed=line("7.65"))))
    assert ("funding.executed_within_budget", "error") in _loud(findings)
    assert not any(f.rule == "extraction.suspect" and "相差过大" in f.message_zh for f in findings)


def test_a_source_read_twice_is_a_suspect_not_a_sum_error() -> None:
    funding = Funding(
        budget=line(
            "423.38",
            (FundSource.PROVINCIAL, "自治区", "169.35"),
            (FundSource.PREFECTURAL, "市级", "254.03"),
            (FundSource.PROVINCIAL, "自治区", "169.35"),
        )
    )
    findings = run_checks(report(funding=funding))
    assert ("funding.sources_sum", "error") not in _loud(findings)
    assert any(f.rule == "extraction.suspect" and "两次" in f.message_zh for f in findings)


def test_sources_all_0_under_a_total_are_a_suspect_not_a_sum_error() -> None:
    """The 其中 rows of a form print 0 when unused: all of them 0 under 250000 means the money row was misread."""
    funding = Funding(
        budget=line("25", (FundSource.APPROPRIATION, "当年财政拨款", "0"), (FundSource.CARRYOVER, "上年结转", "0"))
    )
    findings = run_checks(report(funding=funding))
    assert _loud(findings) == []
    assert any(f.rule == "extraction.suspect" and "各来源均为 0" in f.message_zh for f in findings)


def test_categories_far_above_their_total_make_the_total_a_suspect() -> None:
    """A category's own sentence (`科普经费支出42.6万元，分别是…`) read as the executed total: the categories
    add to many times it, which no report prints; the total is the tool's misreading."""
    categories = spending(("科普经费", "42.6万元", None), ("研发补助", "1310万元", None))
    findings = run_checks(report(funding=Funding(executed=line("42.6")), spending=categories))
    assert ("spending.categories_sum", "error") not in _loud(findings)
    assert ("spending.categories_sum", "warning") not in _loud(findings)
    assert any(f.rule == "extraction.suspect" and "远超支出合计" in f.message_zh for f in findings)


def test_categories_a_little_off_their_total_still_accuse_the_report() -> None:
    categories = spending(("科普经费", "42.6万元", None), ("研发补助", "131万元", None))
    findings = run_checks(report(funding=Funding(executed=line("180.6")), spending=categories))
    assert any(f.rule == "spending.categories_sum" for f in findings if f.severity is not Severity.INFO)


def test_sources_far_above_their_total_make_the_total_a_suspect() -> None:
    funding = Funding(
        budget=line("56", (FundSource.CENTRAL, "中央补助", "56"), (FundSource.PROVINCIAL, "省级补助", "730"))
    )
    findings = run_checks(report(funding=funding))
    assert ("funding.sources_sum", "error") not in _loud(findings)
    assert any(f.rule == "extraction.suspect" and "各来源之和" in f.message_zh for f in findings)


def test_an_error_needs_figures_read_from_an_exact_table() -> None:
    def over_budget(found_by: str) -> list:
        funding = Funding(budget=line("259.85"), executed=line("268.40"))
        return run_checks(_found_by(report(funding=funding), found_by))

    from_table = [f for f in over_budget("table.t1.funding") if f.rule == "funding.executed_within_budget"]
    from_prose = [f for f in over_budget("narrative.funding") if f.rule == "funding.executed_within_budget"]
    assert [(f.severity, f.confidence) for f in from_table] == [(Severity.ERROR, Confidence.HIGH)]
    assert [(f.severity, f.confidence) for f in from_prose] == [(Severity.WARNING, Confidence.MEDIUM)]


def test_a_figure_from_a_glued_split_never_accuses_the_report() -> None:
    row = indicator("新增就业人数", "≥800人", "600人", weight="10", score="10")
    assert row.weight is not None and row.score is not None
    row.weight.found_by = row.score.found_by = "table.t4.glued_split"
    findings = run_checks(report(indicators=[row]))
    assert not [f for f in findings if f.rule == "scoring.full_score_unmet"]
    assert any(f.rule == "extraction.suspect" and f.confidence is Confidence.LOW for f in findings)


def test_a_score_many_times_its_weight_is_a_suspect_and_a_little_over_is_the_reports() -> None:
    """99 under a weight of 10 is the form's total read into the row; 12 of 10 is the report's own slip."""
    far = run_checks(report(funding=Funding(execution_weight=fig("10"), execution_score=fig("99"))))
    assert _loud(far) == []
    assert any(f.rule == "extraction.suspect" and "远超分值" in f.message_zh for f in far)
    near = run_checks(report(funding=Funding(execution_weight=fig("10"), execution_score=fig("12"))))
    assert ("scoring.score_range", "error") in _loud(near)


def _prose_row(target: str, actual: str) -> Report:
    row = indicator("资金到位率", target, actual)
    assert row.target is not None and row.actual is not None
    row.target.found_by = row.actual.found_by = "narrative.sentence"
    return report(indicators=[row])


def test_a_prose_pair_of_money_against_a_share_is_a_suspect_not_a_unit_mismatch() -> None:
    """A target of 10万元 paired with an actual of 100%: the reader took figures of two sentences."""
    findings = run_checks(_prose_row("10万元", "100%"))
    assert _loud(findings) == []
    assert any(f.rule == "extraction.suspect" and "量纲不同" in f.message_zh for f in findings)


def test_a_prose_pair_of_people_against_households_is_still_a_unit_mismatch() -> None:
    """Two counts (人 and 户) measure alike: different units of one kind are the report's to explain."""
    assert ("indicators.unit_mismatch", "warning") in _loud(run_checks(_prose_row("≥500人", "520户")))


def test_a_table_row_of_a_count_against_a_share_is_still_a_unit_mismatch() -> None:
    row = indicator("资金到位率", "2个", "100%")
    assert row.target is not None and row.actual is not None
    row.target.found_by = row.actual.found_by = "table.t1.indicator"
    assert ("indicators.unit_mismatch", "warning") in _loud(run_checks(report(indicators=[row])))


def test_no_reason_is_missing_from_a_document_that_stops_early() -> None:
    rows = [indicator("新增就业人数", "≥800人", "600人")]
    text = "一、绩效指标完成情况\n新增就业人数指标值800人，实际完成600人。\n二、存在问题\n部分"
    whole = run_checks(report(indicators=rows), text)
    cut = run_checks(report(indicators=rows, truncated=True), text)
    assert "narrative.unmet_without_reason" in [f.rule for f in whole]
    assert "narrative.unmet_without_reason" not in [f.rule for f in cut]


def test_weights_are_summed_only_over_a_list_read_whole() -> None:
    rows = [indicator("新增就业人数", "≥800人", "812人", weight="20", score="20")]
    assert "scoring.weights_sum" in [f.rule for f in run_checks(report(indicators=rows))]
    assert "scoring.weights_sum" not in [f.rule for f in run_checks(report(indicators=rows, truncated=True))]
    # cut off later (a second project's form), but the table's 总分 row closed the list: it was read whole
    located = [row.model_copy(deep=True) for row in rows]
    located[0].weight.span, located[0].score.span = Span(start=10, end=12), Span(start=12, end=14)
    total = fig("20")
    total.span = Span(start=20, end=22)
    closed = report(indicators=located, truncated=True, total_score=total)
    assert "scoring.weights_sum" in [f.rule for f in run_checks(closed)]
    total.span = Span(start=5, end=7)  # a total before the indicators closes nothing
    assert "scoring.weights_sum" not in [f.rule for f in run_checks(closed)]


def _glued_row(completion: str) -> Report:
    """`≥40人70人175%` run together: cells placed by their shapes, then checked by the row's own 完成率."""
    row = indicator("志愿服务人次", "≥40人", "70人", completion=completion)
    for figure in (row.target, row.actual, row.completion):
        assert figure is not None
        figure.found_by = "table.t4.indicator"
    return report(indicators=[row])


def test_a_glued_row_its_own_completion_rate_confirms_can_be_held_against_the_report() -> None:
    confirmed = run_checks(_glued_row("175%"))
    assert ("indicators.over_achievement", "warning") in _loud(confirmed)
    assert [f.confidence for f in confirmed if f.rule == "indicators.over_achievement"] == [Confidence.MEDIUM]
    unconfirmed = run_checks(_glued_row("57%"))  # the rate does not follow: the split may be wrong
    assert ("indicators.over_achievement", "warning") not in _loud(unconfirmed)
    assert any(f.rule == "extraction.suspect" for f in unconfirmed)


def test_bare_figures_ten_times_apart_are_a_suspect_not_a_full_score_error() -> None:
    """`550 | 20 | 9.3 | 9.3`: with no unit on either, 20 against 550 may count another thing (an amount and a
    count); a full score on them is not held against the report. With units, or close together, it is."""
    far = run_checks(report(indicators=[indicator("设备购置及安装", "550", "20", weight="9", score="9")]))
    assert not [f for f in far if f.rule == "scoring.full_score_unmet"]
    assert any(f.rule == "extraction.suspect" and "相差十倍" in f.message_zh for f in far)
    near = run_checks(report(indicators=[indicator("设备购置及安装", "550", "500", weight="9", score="9")]))
    assert [f.severity for f in near if f.rule == "scoring.full_score_unmet"] == [Severity.ERROR]
    units = run_checks(report(indicators=[indicator("新增就业人数", "550人", "20人", weight="9", score="9")]))
    assert [f.severity for f in units if f.rule == "scoring.full_score_unmet"] == [Severity.ERROR]
