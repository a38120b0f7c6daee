"""The engine: registry, skipping by id or family, config loading, a crashing rule, tolerance helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from check_builders import check, fig, indicator, report
from jixiao.checks import CheckConfig, all_rules, load_config, run_checks
from jixiao.checks.engine import FAMILIES, CheckContext, rule
from jixiao.checks.tolerance import percent_matches, places, ratio_range, sum_matches
from jixiao.errors import ConfigError
from jixiao.model import Figure, Funding, FundingLine, FundSource, Severity, SourceAmount

UNMET = report(indicators=[indicator("见习人数", "113人", "46人")])


def test_every_rule_has_a_family_an_id_and_a_stated_rule() -> None:
    rules = all_rules()
    assert len({r.id for r in rules}) == len(rules) >= 25
    assert {r.family for r in rules} == set(FAMILIES)
    assert all(r.summary and r.id.count(".") == 1 for r in rules)


def test_skip_by_rule_id_and_by_family() -> None:
    assert [f.rule for f in check(UNMET)] == ["narrative.unmet_without_reason", "indicators.target_unmet"]
    assert [f.rule for f in check(UNMET, skip=["narrative.unmet_without_reason"])] == ["indicators.target_unmet"]
    assert [f.rule for f in check(UNMET, skip=["narrative", "indicators"])] == []


def test_unknown_skip_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="narative"):
        run_checks(UNMET, skip=["narative"])


def test_config_from_toml_changes_thresholds(tmp_path: Path) -> None:
    path = tmp_path / "checks.toml"
    path.write_text("over_achievement_k = 1.2\n[grade_cuts]\nexcellent = 95\n", encoding="utf-8")
    config = load_config(path)
    assert config.over_achievement_k == 1.2 and config.grade_cuts.excellent == 95 and config.grade_cuts.good == 80
    over = report(indicators=[indicator("新增就业人数", "100人", "130人")])
    assert "indicators.over_achievement" not in [f.rule for f in check(over)]
    assert "indicators.over_achievement" in [f.rule for f in check(over, config=config)]


def test_bad_config_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("over_achievment_k = 1.2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml.*over_achievment_k"):
        load_config(path)
    with pytest.raises(ConfigError, match=r"missing\.toml"):
        load_config(tmp_path / "missing.toml")


def test_a_crashing_rule_becomes_an_error_finding_and_others_still_run() -> None:
    from jixiao.checks import engine

    @rule("scoring.test_crash", Severity.WARNING)
    def crash(ctx: CheckContext) -> list:
        """Always crashes (test only)."""
        raise RuntimeError("boom")

    try:
        findings = check(UNMET)
        assert ("engine.rule_failed", "error") in [(f.rule, f.severity.value) for f in findings]
        assert "indicators.target_unmet" in [f.rule for f in findings]
    finally:
        del engine._RULES["scoring.test_crash"]


def test_default_config_matches_the_domain_defaults() -> None:
    config = CheckConfig()
    assert (config.weights.execution, config.weights.output, config.weights.effect, config.weights.satisfaction) == (
        10,
        50,
        30,
        10,
    )
    assert (config.grade_cuts.excellent, config.grade_cuts.good, config.grade_cuts.passing) == (90, 80, 60)
    assert config.execution_explain_below == 90 and config.over_achievement_k == 1.5


def test_tolerance_follows_printed_precision() -> None:
    assert sum_matches(7165.29, [3144.00, 570.17, 433.00, 1426.90, 1591.22], 2)
    assert not sum_matches(7165.32, [3144.00, 570.17, 433.00, 1426.90, 1591.22], 2)  # 临河 2022
    assert percent_matches(fig("86%"), ratio_range(553.42, 0.005, 645.18, 0.005))  # 85.78 % at integer precision
    assert not percent_matches(fig("24.27%"), ratio_range(937.56, 0.005, 3861.14, 0.005))
    assert percent_matches(fig("24.28%"), ratio_range(937.56, 0.005, 3861.14, 0.005))


def test_places_follow_a_unit_conversion() -> None:
    # A table in 元: 8,236,500.00 read as 823.65 万元 is precise to 0.000001 万元.
    in_yuan = Figure(text="8,236,500.00", value=823.65, unit="万元")
    assert places(in_yuan) == 6 and places(fig("823.65万元")) == 2 and places(fig("86%")) == 0


def test_sum_in_yuan_is_compared_at_yuan_precision() -> None:
    def yuan(text: str) -> Figure:
        return Figure(text=text, value=float(text.replace(",", "")) / 1e4, unit="万元")

    budget = FundingLine(
        total=yuan("8,236,500.02"),  # two fen off: beyond any rounding of one addend
        by_source=[SourceAmount(source=FundSource.CENTRAL, name="中央", amount=yuan("8,236,500.00"))],
    )
    assert [f.rule for f in check(report(funding=Funding(budget=budget)))] == ["funding.sources_sum"]
