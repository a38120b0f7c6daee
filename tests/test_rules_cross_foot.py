"""Glued weight|score splits confirmed by both column sums, and left at low confidence when a sum is off."""

from __future__ import annotations

from check_builders import fig, indicator, report
from jixiao.checks.plausibility import confidence
from jixiao.extract.rules.cross_foot import confirm_glued_splits
from jixiao.model import Confidence, Report

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
