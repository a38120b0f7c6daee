"""The two real seed reports: every problem a careful reviewer raises is found, honest figures stay quiet.

The expected findings were written from reading the sample texts (and checked against eval/gold), before
the rules: (rule, severity, path of the finding's first figure).
"""

from __future__ import annotations

import pytest

from conftest import GOLD, SAMPLES
from jixiao.checks import run_checks
from jixiao.documents import load_document
from jixiao.extract import extract
from jixiao.model import Finding, Report

ERGUNA = {
    # 城镇新增就业人数 actual -61人: a count cannot be negative; it is unmet, and section 三 gives the reason.
    ("indicators.count_value", "error", "indicators[31].actual"),
    ("indicators.target_unmet", "info", "indicators[31].actual"),
    # Rows executed above their budget: 自治区 210.95 > 184.44, 盟市 122.05 > 121.84,
    # 以前年度结转 592.73 > 其他资金(含以前年度结转) 479.
    ("funding.executed_within_budget", "warning", "funding.executed.by_source[1].amount"),
    ("funding.executed_within_budget", "warning", "funding.executed.by_source[2].amount"),
    ("funding.executed_within_budget", "warning", "funding.executed.by_source[4].amount"),
    # 1298.17 / 1435.89 = 90.41 % printed as 90 %: honest at integer precision, but low precision.
    ("funding.execution_rate", "info", "funding.execution_rate"),
    # 社区民生志愿者: 每年计划招募人数 32人 and 每年招募人员体检 32人 have no actual.
    ("indicators.missing_value", "warning", "indicators[8].target"),
    ("indicators.missing_value", "warning", "indicators[9].target"),
    # 资金下达准确率 filed (a second time) under 时效指标.
    ("indicators.category", "warning", "indicators[21].name"),
    # Actuals printed as the target's bound (≥95%, ≥90%) are not measured values.
    *(("indicators.actual_not_measured", "warning", f"indicators[{i}].actual") for i in (32, 36, 37, 38, 40, 41)),
}

ZALANTUN = {
    # 937.56 / 3861.14 = 24.28 % printed 24.27 % so that the shares add to 100.00.
    ("spending.share", "warning", "spending[5].share"),
    # Section 三 claims 各项绩效目标全面完成 while five indicators missed their targets.
    ("narrative.claims_all_met", "warning", "text"),
    # 零就业家庭帮扶率: target 100 % and completion 100 % but no actual.
    ("indicators.missing_value", "warning", "indicators[34].target"),
    # The five unmet targets, each with its reason in the text (so no narrative.unmet_without_reason).
    *(("indicators.target_unmet", "info", f"indicators[{i}].actual") for i in (1, 6, 17, 26, 33)),
}
EXPECTED = {"seed_erguna_2024": ERGUNA, "seed_zalantun_2025": ZALANTUN}


def _keys(findings: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.rule, f.severity.value, f.figures[0].path if f.figures else "") for f in findings}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_extracted_from_its_text(seed: str) -> None:
    document = load_document(SAMPLES / f"{seed}.txt")
    findings = run_checks(extract(document), document.text)
    assert _keys(findings) == EXPECTED[seed]
    assert len(findings) == len(EXPECTED[seed])  # one finding per expected problem, no repeats


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_gold_report_gives_the_same_findings(seed: str) -> None:
    gold = Report.model_validate_json((GOLD / f"{seed}.json").read_text(encoding="utf-8"))
    findings = run_checks(gold, load_document(SAMPLES / f"{seed}.txt").text)
    assert _keys(findings) == EXPECTED[seed]


def test_zalantun_honest_figures_raise_nothing_above_info() -> None:
    """Funding sums, 99.57 %, every completion %, the 其中 breakdown 2574+108+99 = 2781 are honest."""
    document = load_document(SAMPLES / "seed_zalantun_2025.txt")
    findings = run_checks(extract(document), document.text)
    loud = [f for f in findings if f.severity != "info"]
    honest_prefixes = ("funding.", "indicators.completion", "indicators.breakdown", "spending.categories")
    assert not [f for f in loud if f.rule.startswith(honest_prefixes)]


def test_findings_are_sorted_errors_first_then_by_position() -> None:
    document = load_document(SAMPLES / "seed_erguna_2024.txt")
    findings = run_checks(extract(document), document.text)
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks, reverse=True)
    warnings = [f.figures[0].span.start for f in findings if f.severity == "warning" and f.figures[0].span]
    assert warnings == sorted(warnings)


def test_without_text_narrative_rules_do_not_run_and_say_so() -> None:
    gold = Report.model_validate_json((GOLD / "seed_zalantun_2025.json").read_text(encoding="utf-8"))
    findings = run_checks(gold)
    rules = {f.rule for f in findings}
    assert "narrative.claims_all_met" not in rules
    note = [f for f in findings if f.rule == "engine.no_text"]
    assert len(note) == 1 and note[0].severity == "info" and "narrative.claims_all_met" in note[0].message_en
