"""Glued weight|score splits confirmed by both column sums (a funding row by its own arithmetic), and left at
low confidence when a sum is off."""

from __future__ import annotations

from check_builders import fig, indicator, report
from check_builders import line as funding_line
from jixiao.checks.plausibility import confidence
from jixiao.extract.rules.cross_foot import confirm_funding_row, confirm_glued_splits
from jixiao.model import Confidence, Figure, Funding, Report

GLUED = "table.t4.glued_split"


def _glued_form(scores: tuple[str, str, str], total: str) -> Report:
    """Three lines of 40/30/30 points whose 分值得分 cells were split by shape."""
    lines = [
        indicator(f"指标{n}", "≥90%", "95%", weight=weight, score=score)
        for n, (weight, score) in enumerate(zip(("40", "30", "30"), scores, strict=True))
    ]
    made = report(indicators=lines, total_score=fig(total))
    for line in made.indicators:
        for figure in (line.weight, line.score):
            assert figure is not None
            figure.found_by = GLUED
    assert made.total_score is not None
    made.total_score.found_by = GLUED
    return made


def test_splits_whose_columns_add_up_to_the_form_are_confirmed() -> None:
    form = _glued_form(("38", "30", "27"), "95")
    confirm_glued_splits(form)
    figures = [f for line in form.indicators for f in (line.weight, line.score) if f is not None]
    assert {f.found_by for f in [*figures, form.total_score]} == {"table.t4.checked"}
    assert {confidence(f) for f in figures} == {Confidence.MEDIUM}


def test_a_column_off_its_total_confirms_nothing() -> None:
    form = _glued_form(("38", "30", "27"), "96")  # scores add to 95, not the printed 96
    confirm_glued_splits(form)
    assert {line.score.found_by for line in form.indicators if line.score} == {GLUED}
    short = _glued_form(("38", "30", "27"), "95")
    short.indicators[0].weight = fig("4")  # 4 + 30 + 30: not the form's 100 points
    confirm_glued_splits(short)
    assert confidence(short.indicators[1].score) == Confidence.LOW


def _glued_row(budget: str, executed: str, rate: str, weight: str, score: str) -> Report:
    """A funding row `年度资金总额:<A><B><分值><执行率><得分>` split by shape."""
    funding = Funding(budget=funding_line(budget), executed=funding_line(executed), execution_rate=fig(rate))
    funding.execution_weight, funding.execution_score = fig(weight), fig(score)
    made = report(funding=funding)
    for figure in _row(made):
        figure.found_by = GLUED
    return made


def _row(made: Report) -> list[Figure]:
    funding = made.funding
    row = [funding.budget.total, funding.executed.total, funding.execution_rate]
    return [f for f in [*row, funding.execution_weight, funding.execution_score] if f is not None]


def test_a_glued_funding_row_whose_rate_and_score_follow_from_its_amounts_is_confirmed() -> None:
    for row in (("20", "20", "100.00%", "10", "10"), ("42.6", "41.2", "96.71%", "10", "9.67")):
        made = _glued_row(*row)
        confirm_funding_row(made)
        assert {f.found_by for f in _row(made)} == {"table.t4.checked"}, row


def test_a_glued_funding_row_off_its_own_arithmetic_stays_low() -> None:
    # a rate that is not B/A (96.8 % printed for 96.71 %), or a score that is not 分值 × 执行率
    for row in (("42.6", "41.2", "96.8%", "10", "9.67"), ("20", "20", "100.00%", "10", "8")):
        made = _glued_row(*row)
        confirm_funding_row(made)
        assert {confidence(f) for f in _row(made)} == {Confidence.LOW}, row
