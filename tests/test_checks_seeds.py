"""The two real seed reports: every problem a careful reviewer raises is found, honest figures stay quiet.

The expected findings were written from reading the sample texts (and checked against eval/gold), before
the rules: (rule, severity, stable path of the finding's first figure). A stable path names an indicator by
its programme and name (`indicators[就业补助资金/城镇新增就业人数].actual`) and a funding row by its source
level, never by its position in the extractor's lists, so a better extractor that finds one more row does
not break these expectations.
"""

from __future__ import annotations

import pytest

from conftest import GOLD, SAMPLES
from jixiao.checks import run_checks
from jixiao.documents import load_document
from jixiao.evaluation import own_keys, stable_path
from jixiao.extract import extract
from jixiao.model import Finding, Report

VOLUNTEERS = "高校毕业生社区民生志愿者补助资金"
SMES = "高校毕业生到中小企业及非公有制组织就业补助经费"

ERGUNA = {
    # 城镇新增就业人数 actual -61人: a count cannot be negative; it is unmet, and section 三 gives the reason.
    # Read from prose (medium confidence), so a warning: an error needs a figure read from an exact table.
    ("indicators.count_value", "warning", "indicators[就业补助资金/城镇新增就业人数].actual"),
    ("indicators.target_unmet", "info", "indicators[就业补助资金/城镇新增就业人数].actual"),
    # Rows executed above their budget: 自治区 210.95 > 184.44, 盟市 122.05 > 121.84,
    # 以前年度结转 592.73 > 其他资金(含以前年度结转) 479.
    ("funding.executed_within_budget", "warning", "funding.executed.by_source[provincial].amount"),
    ("funding.executed_within_budget", "warning", "funding.executed.by_source[prefectural].amount"),
    ("funding.executed_within_budget", "warning", "funding.executed.by_source[carryover].amount"),
    # 1298.17 / 1435.89 = 90.41 % printed as 90 %: honest at integer precision, but low precision.
    ("funding.execution_rate", "info", "funding.execution_rate"),
    # 社区民生志愿者: 每年计划招募人数 32人 and 每年招募人员体检 32人 have no actual (read from prose: a note).
    ("indicators.missing_value", "info", f"indicators[{VOLUNTEERS}/每年计划招募人数].target"),
    ("indicators.missing_value", "info", f"indicators[{VOLUNTEERS}/每年招募人员体检].target"),
    # 资金下达准确率 filed (a second time) under 时效指标.
    ("indicators.category", "warning", f"indicators[{VOLUNTEERS}/资金下达准确率#2].name"),
    # Actuals printed as the target's bound (≥95%, ≥90%) are not measured values.
    *(
        ("indicators.actual_not_measured", "warning", f"indicators[{name}].actual")
        for name in (
            "就业补助资金/年末高校毕业生就业去向落实率",
            "就业补助资金/促进高校毕业生就业",
            "自治区就业补助资金/优化创业环境，强化公共就业创业服务水平",
            "高校毕业生到中小企业及非公有制组织就业之补助经费/促进高校毕业生就业",
            "就业补助资金/就业政策满意度",
            "就业补助资金/公共就业服务满意度",
        )
    ),
}

ZALANTUN = {
    # 937.56 / 3861.14 = 24.28 % printed 24.27 % so that the shares add to 100.00.
    ("spending.share", "warning", "spending[其他就业补助].share"),
    # Section 三 claims 各项绩效目标全面完成 while five indicators missed their targets.
    ("narrative.claims_all_met", "warning", "text"),
    # 零就业家庭帮扶率: target 100 % and completion 100 % but no actual (read from prose: a note).
    ("indicators.missing_value", "info", "indicators[就业补助资金/零就业家庭帮扶率].target"),
    # The five unmet targets, each with its reason in the text (so no narrative.unmet_without_reason).
    *(
        ("indicators.target_unmet", "info", f"indicators[{name}].actual")
        for name in (
            "就业补助资金/享受就业见习补贴人数",
            f"{SMES}/2025年招募人员体检",
            f"{SMES}/新招募人员体检工作完成时间",
            f"{SMES}/体检费标准",
            "就业补助资金/就业困难人员就业人数",
        )
    ),
}
EXPECTED = {"seed_erguna_2024": ERGUNA, "seed_zalantun_2025": ZALANTUN}


def _keys(findings: list[Finding], report: Report) -> set[tuple[str, str, str]]:
    """(rule, severity, stable path of the first figure) of each finding."""
    keys = own_keys(report)
    return {
        (f.rule, f.severity.value, stable_path(f.figures[0].path, report, keys) if f.figures else "") for f in findings
    }


ERROR_ON_GOLD = {("indicators.count_value", "indicators[就业补助资金/城镇新增就业人数].actual")}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_extracted_from_its_text(seed: str) -> None:
    document = load_document(SAMPLES / f"{seed}.txt")
    report = extract(document)
    findings = run_checks(report, document.text)
    assert _keys(findings, report) == EXPECTED[seed]
    assert len(findings) == len(EXPECTED[seed])  # one finding per expected problem, no repeats


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_gold_report_gives_the_same_findings(seed: str) -> None:
    """The same problems on the hand-checked figures; an error the extraction only warns of (its figure was
    read from prose) stands as an error on the gold, whose figures a person gave."""
    gold = Report.model_validate_json((GOLD / f"{seed}.json").read_text(encoding="utf-8"))
    findings = run_checks(gold, load_document(SAMPLES / f"{seed}.txt").text)
    expected = {
        (rule, "error" if (rule, path) in ERROR_ON_GOLD else severity, path) for rule, severity, path in EXPECTED[seed]
    }
    assert _keys(findings, gold) == expected


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
