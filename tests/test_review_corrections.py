"""Corrections: figures edited, removed and added by path; the checks rerun on the corrected report."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.checks import run_checks
from jixiao.documents import load_document
from jixiao.model import Figure, NamedFigure, Report, Span
from jixiao.review.corrections import (
    PathError,
    apply_corrections,
    figure_at,
    figure_from_text,
    figure_slots,
    set_figure,
)
from jixiao.review.decisions import Action, Correction, CorrectionKind, Decision, DismissReason, finding_key
from jixiao.review.states import State, review_document
from jixiao.store import Store, StoredResult
from review_fixtures import build_store, misreading_extractor, write_documents


@pytest.fixture
def xiling(tmp_path: Path) -> tuple[str, Report]:
    path = next(p for p in write_documents(tmp_path) if p.name == "xiling_2023.txt")
    document = load_document(path)
    return document.text, misreading_extractor(document)


def _correction(path: str, before: Figure | None, after: Figure | None, id_: int = 1) -> Decision:
    return Decision(
        id=id_,
        created_at=0.0,
        reviewer="alice",
        document_sha256="0" * 64,
        document_path="xiling_2023.txt",
        extractor="rules",
        action=Action.CORRECT,
        figure_path=path,
        correction=Correction(kind=CorrectionKind.EDIT, before=before, after=after),
    )


def _figure_of(text: str, printed: str, path: str) -> Figure:
    start = text.index(printed)
    return figure_from_text(printed, Span(start=start, end=start + len(printed)), path, found_by="review:alice")


def test_paths_name_figure_slots_and_nothing_else(xiling: tuple[str, Report]) -> None:
    _, report = xiling
    assert figure_at(report, "funding.budget.total").text == "1000万元"  # type: ignore[union-attr]
    assert figure_at(report, "indicators[0].actual") is None  # an empty slot is still a slot
    for bad in ("funding.budget", "indicators[7].actual", "indicators[0].name", "funding..total", "x"):
        with pytest.raises(PathError):
            figure_at(report, bad)
    with pytest.raises(PathError, match="cannot be removed"):
        report.indicators[0].breakdown = [NamedFigure(name="其中女性", figure=Figure(text="30人", value=30))]
        set_figure(report, "indicators[0].breakdown[0].figure", None)


def test_slots_list_every_place_a_figure_can_go_with_a_label(xiling: tuple[str, Report]) -> None:
    _, report = xiling
    slots = {slot.path: slot for slot in figure_slots(report)}
    assert slots["indicators[0].actual"].figure is None
    assert "培训后就业率" in slots["indicators[0].actual"].label and "实际完成值" in slots["indicators[0].actual"].label
    assert slots["funding.allocated.total"].figure is None
    assert slots["total_score"].label == "自评总分"


def test_a_money_figure_from_text_is_in_wan_yuan_and_a_reviewer_value_wins() -> None:
    assert figure_from_text("1,200元", None, "funding.executed.total", found_by="r").value == 0.12
    assert figure_from_text("1,200元", None, "indicators[0].target", found_by="r").value == 1200
    assert figure_from_text("≥60%", None, "indicators[0].target", found_by="r").op == "≥"
    assert figure_from_text("约九成", None, "indicators[0].actual", found_by="r", value=90, unit="%").value == 90
    assert figure_from_text("65%", None, "indicators[0].actual", found_by="r").grounding == "ungrounded"


def test_corrections_apply_to_a_copy_and_the_latest_per_slot_wins(xiling: tuple[str, Report]) -> None:
    text, report = xiling
    before = report.funding.budget.total
    first = _correction("funding.budget.total", before, _figure_of(text, "900万元", "funding.budget.total"), 1)
    second = _correction("funding.budget.total", before, _figure_of(text, "855万元", "funding.budget.total"), 2)
    corrected = apply_corrections(report, [first, second])
    assert corrected.report.funding.budget.total.text == "855万元"  # type: ignore[union-attr]
    assert report.funding.budget.total.text == "1000万元"  # type: ignore[union-attr]
    assert corrected.applied == {"funding.budget.total": second} and corrected.stale == []


def test_a_correction_made_on_another_reading_is_stale_not_applied(xiling: tuple[str, Report]) -> None:
    text, report = xiling
    other_reading = Figure(text="1000万元", value=10.0, unit="万元")
    decision = _correction("funding.budget.total", other_reading, _figure_of(text, "900万元", "x"))
    corrected = apply_corrections(report, [decision])
    assert corrected.stale == [decision] and not corrected.applied
    assert corrected.report.funding.budget.total.value == 1000  # type: ignore[union-attr]


def _xiling_result(tmp_path: Path) -> StoredResult:
    with Store(build_store(tmp_path)) as store:
        return next(r for r in store.results() if r.document.path.endswith("xiling_2023.txt"))


def test_correcting_the_misread_budget_clears_the_findings_it_caused(tmp_path: Path) -> None:
    result = _xiling_result(tmp_path)
    text = result.document.text
    budget = result.report.funding.budget.total
    sources = next(f for f in result.findings if f.rule == "funding.sources_sum")
    fix = _correction("funding.budget.total", budget, _figure_of(text, "900万元", "funding.budget.total"))
    fix = fix.model_copy(update={"finding_key": finding_key(sources), "rule": sources.rule})
    review = review_document(result, [fix], run_checks)
    states = {item.finding.rule: (item.state, item.raised_now) for item in review.items}
    assert states == {
        "funding.sources_sum": (State.CORRECTED, False),  # the decision's own finding
        "funding.execution_rate": (State.CORRECTED, False),  # gone with it
        "narrative.low_execution_unexplained": (State.CORRECTED, False),
        "indicators.missing_value": (State.OPEN, True),  # another misreading, still to fix
    }


def test_a_finding_confirmed_then_reopened_is_open_again(tmp_path: Path) -> None:
    result = _xiling_result(tmp_path)
    key = finding_key(next(f for f in result.findings if f.rule == "indicators.missing_value"))
    base = _correction("indicators[0].actual", None, None).model_copy(update={"finding_key": key, "correction": None})
    confirm = base.model_copy(update={"action": Action.CONFIRM, "id": 1})
    dismiss = base.model_copy(update={"action": Action.DISMISS, "reason": DismissReason.REPORT_RIGHT, "id": 2})
    reopen = base.model_copy(update={"action": Action.REOPEN, "id": 3})
    expected = (
        ([confirm], State.CONFIRMED),
        ([confirm, dismiss], State.DISMISSED),
        ([confirm, dismiss, reopen], State.OPEN),
    )
    for decisions, state in expected:
        assert review_document(result, decisions, run_checks).item(key).state is state  # type: ignore[union-attr]
