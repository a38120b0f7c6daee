"""Findings precision/recall and the seeded-error score, with a small stand-in for the checks engine."""

from __future__ import annotations

from jixiao.evaluation import ExpectedFinding, mutated, own_keys, score_findings, seeded_error_score
from jixiao.evaluation.findings import raised
from jixiao.model import Figure, FigureRef, Finding, Report, Severity
from test_eval_scoring import _gold, _percent


def _finding(rule: str, paths: list[str], severity: Severity = Severity.ERROR) -> Finding:
    refs = [FigureRef(path=path, text="") for path in paths]
    return Finding(rule=rule, severity=severity, message_zh="", message_en="", figures=refs)


def sources_sum(report: Report, text: str | None = None) -> list[Finding]:
    """Flags a budget total that is not the sum of its sources, naming the total and every source."""
    line = report.funding.budget
    if line.total is None or line.total.value is None:
        return []
    parts = sum(row.amount.value or 0 for row in line.by_source)
    if abs(parts - line.total.value) <= 0.005:
        return []
    paths = ["funding.budget.total"] + [f"funding.budget.by_source[{i}]" for i in range(len(line.by_source))]
    return [_finding("funding.sources_sum", paths), _finding("note", [], Severity.INFO)]


def test_mutation_changes_the_value_at_its_printed_precision() -> None:
    assert mutated(1435.89, "1435.89万元") == (1579.48, "1579.48万元")
    assert mutated(100.0, "≥100%") == (110.0, "≥110%")
    assert mutated(0.0, "0起") == (1.0, "1起")
    assert mutated(1.0, "1个") == (2.0, "2个")


def test_seeded_errors_count_only_mutations_a_finding_names() -> None:
    score = seeded_error_score(_gold(), sources_sum)
    assert score.families["funding totals"].detected == score.families["funding totals"].mutations == 1
    assert score.families["funding sources"].detected == 2
    assert score.families["indicator actual"].mutations == 3
    assert score.families["indicator actual"].detected == 0
    assert score.total.detected == 3
    assert "funding.budget.total" not in score.undetected


def every_change(report: Report, text: str | None = None) -> list[Finding]:
    """Names any indicator figure off the gold's values (300, 95, 100): catches every mutation it is shown."""
    found = []
    for i, indicator in enumerate(report.indicators):
        for name in ("target", "actual"):
            figure = getattr(indicator, name)
            if figure is not None and figure.value not in (None, 300, 95, 100):
                found.append(_finding("changed", [f"indicators[{i}].{name}"]))
    return found


def test_a_count_with_no_other_half_is_left_out_and_a_lone_rate_or_a_word_actual_is_not() -> None:
    gold = _gold()
    assert seeded_error_score(gold, every_change).uncompared == 0
    gold.indicators[0].actual = None  # 300人 with no actual: nothing to hold it against
    gold.indicators[1].actual = None  # ≥95% alone: still bounded by 100 %
    gold.indicators[2].target = _percent(100)
    gold.indicators[2].actual = Figure(text="已完成")  # a word actual: read against its target
    score = seeded_error_score(gold, every_change)
    assert score.uncompared == 1
    target, actual = score.families["indicator target"], score.families["indicator actual"]
    assert (target.mutations, target.detected, actual.mutations) == (2, 2, 0)


def test_a_finding_already_raised_before_the_mutation_does_not_count() -> None:
    gold = _gold()
    gold.funding.budget.total.value = 900.0  # type: ignore[union-attr]
    score = seeded_error_score(gold, sources_sum)
    assert score.total.detected == 0


def test_findings_precision_and_recall() -> None:
    gold = _gold()
    gold.funding.budget.total.value = 900.0  # type: ignore[union-attr]
    found = raised(sources_sum(gold), gold, own_keys(gold))
    expected = [
        ExpectedFinding(rule="funding.sources_sum", path="funding.budget.total"),
        ExpectedFinding(rule="indicators.completion_rate", path="indicators[就业补助资金/资金下达准确率].actual"),
    ]
    score = score_findings(expected, found)
    assert (score.raised, score.raised_correct, score.precision) == (1, 1, 1.0)  # the info finding is not counted
    assert (score.expected, score.expected_met, score.recall) == (2, 1, 0.5)
    assert score.missed == ["indicators.completion_rate @ indicators[就业补助资金/资金下达准确率].actual"]


def test_an_unexpected_finding_lowers_precision() -> None:
    gold = _gold()
    gold.funding.budget.total.value = 900.0  # type: ignore[union-attr]
    found = raised(sources_sum(gold), gold, own_keys(gold))
    score = score_findings([ExpectedFinding(rule="funding.sources_sum", path="funding.executed.total")], found)
    assert (score.precision, score.recall) == (0.0, 0.0)
    assert score.unexpected[0].startswith("funding.sources_sum (error) @ funding.budget.by_source[central].amount")


def test_findings_precision_is_also_counted_per_severity() -> None:
    gold = _gold()
    gold.funding.budget.total.value = 900.0  # type: ignore[union-attr]
    found = raised(sources_sum(gold), gold, own_keys(gold))
    wrong = score_findings([ExpectedFinding(rule="funding.sources_sum", path="funding.executed.total")], found)
    right = score_findings([ExpectedFinding(rule="funding.sources_sum", path="funding.budget.total")], found)
    assert (wrong.raised_errors, wrong.error_precision, wrong.warning_precision) == (1, 0.0, 1.0)
    assert (right.raised_errors, right.error_precision) == (1, 1.0)


def test_an_extractor_that_crashes_costs_its_sample_every_fact_and_nothing_else() -> None:
    from conftest import GOLD, SAMPLES
    from jixiao.evaluation import load_cases, run_eval

    def broken(document: object) -> Report:
        raise RuntimeError("grammar bug")

    cases = [case for case in load_cases(GOLD, SAMPLES)[0] if case.expected_findings][:2]
    run = run_eval(cases, broken, backend="broken", checker=sources_sum)
    assert all("RuntimeError: grammar bug" in (s.error or "") for s in run.samples)
    assert run.overall.facts.recall == 0.0 and run.overall.facts.gold > 0
    assert run.findings is not None and run.findings.expected > 0 and run.findings.recall == 0.0
