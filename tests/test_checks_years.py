"""Checks across years: every problem planted in the 青岭县 series is found, the honest 柳溪旗 series is clean,
and each finding quotes figures of both reports."""

from __future__ import annotations

from functools import cache

import pytest

from check_builders import indicator, line, report
from conftest import SAMPLES
from jixiao.checks import CheckConfig
from jixiao.checks.engine import run_checks, run_year_checks, select_rules
from jixiao.documents import load_document
from jixiao.extract import extract_rules
from jixiao.model import Coverage, Finding, FundSource, Report, Severity, Span

SERIES = SAMPLES / "series"

# What was planted in samples/series/qingling_*.txt (rule, indicator or subject named in the message).
PLANTED = {
    2022: {
        ("years.carryover_mismatch", "150.00"),  # 2021 left 150.00 unspent; 2022 carries over 98.00
        ("years.target_flat_after_overachievement", "城镇新增就业人数"),  # 2989 of 1686 in 2021, 1686 again
        ("years.dropped_after_miss", "就业见习人数"),  # 90 of 150 in 2021, gone in 2022
    },
    2023: {
        ("years.target_lowered_after_miss", "失业人员再就业人数"),  # 820 of 900 in 2022, target 700 in 2023
        ("years.copied_actual", "享受社会保险补贴人数"),  # 4443 in both years
        ("years.count_jump", "创业培训人数"),  # 85 -> 920, not explained
        ("years.copied_narrative", "相似度"),  # 存在的问题 paragraph carried over from 2022
    },
}


@cache
def read(name: str) -> tuple[Report, str]:
    document = load_document(SERIES / f"{name}.txt")
    return extract_rules(document), document.match_text


def across(region: str, year: int, **options: object) -> list[Finding]:
    (before, before_text), (now, now_text) = read(f"{region}_{year - 1}"), read(f"{region}_{year}")
    return run_year_checks(before, now, before_text, now_text, **options)  # type: ignore[arg-type]


def flagged(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity.rank >= Severity.WARNING.rank]


@pytest.mark.parametrize("year", sorted(PLANTED))
def test_every_planted_problem_is_found_and_nothing_else_is_flagged(year: int) -> None:
    warnings = flagged(across("qingling", year))
    found = {(f.rule, subject) for f in warnings for _, subject in PLANTED[year] if subject in f.message_zh}
    assert found == PLANTED[year]
    assert len(warnings) == len(PLANTED[year])


@pytest.mark.parametrize("year", [2022, 2023])
def test_an_honest_series_gets_no_warning_across_years(year: int) -> None:
    assert flagged(across("liuxi", year)) == []


def test_findings_quote_figures_of_both_reports_at_their_own_places() -> None:
    (before, before_text), (_, now_text) = read("qingling_2022"), read("qingling_2023")
    for finding in across("qingling", 2023):
        years = {ref.year for ref in finding.figures}
        assert years == {2022, 2023}, finding.rule
        for ref in finding.figures:
            text, source = (before_text, before.source.path) if ref.year == 2022 else (now_text, None)
            assert ref.source_path == source
            assert ref.span is not None and text[ref.span.start : ref.span.end] == ref.text


def test_the_carryover_finding_states_expected_and_printed() -> None:
    finding = next(f for f in across("qingling", 2022) if f.rule == "years.carryover_mismatch")
    assert (finding.expected, finding.found) == (150.0, 98.0)
    assert [ref.path for ref in finding.figures] == [
        "funding.budget.total",
        "funding.executed.total",
        "funding.budget.by_source[3].amount",
    ]


def test_single_report_checks_do_not_run_rules_across_years() -> None:
    now, text = read("qingling_2023")
    assert not any(f.rule.startswith("years.") for f in run_checks(now, text))
    assert {r.family for r in select_rules()} >= {"years"}


def test_without_texts_the_narrative_comparison_is_named_as_not_run() -> None:
    (before, _), (now, _) = read("qingling_2022"), read("qingling_2023")
    findings = run_year_checks(before, now)
    assert "years.copied_narrative" not in {f.rule for f in findings}
    note = next(f for f in findings if f.rule == "engine.no_text")
    assert "years.copied_narrative" in note.message_en


def test_a_family_or_rule_can_be_skipped() -> None:
    assert across("qingling", 2023, skip=["years"]) == []
    rules = {f.rule for f in across("qingling", 2023, skip=["years.copied_actual"])}
    assert "years.copied_actual" not in rules and "years.count_jump" in rules


# --- hand-built pairs: the edges of each rule -------------------------------------------------------


def pair(before: Report, now: Report, config: CheckConfig | None = None) -> list[str]:
    return [f.rule for f in run_year_checks(before, now, config=config, skip=["years.copied_narrative"])]


def funded(year: int, budget: str, executed: str, *sources: tuple[FundSource, str, str]) -> Report:
    made = report(year=year, indicators=[indicator("人数", "≥1人", "1人")])
    made.funding.budget = line(budget, *sources)
    made.funding.executed = line(executed)
    return made


def test_carryover_within_rounding_passes_and_a_row_of_other_money_is_taken_as_at_least() -> None:
    before = funded(2022, "1,000.00", "880.00")
    exact = funded(2023, "1,100.00", "1,000.00", (FundSource.CARRYOVER, "上年结转资金", "120.00"))
    other_more = funded(2023, "1,100.00", "1,000.00", (FundSource.OTHER, "其他资金（含以前年度结转资金）", "300.00"))
    other_less = funded(2023, "1,100.00", "1,000.00", (FundSource.OTHER, "其他资金（含以前年度结转资金）", "100.00"))
    assert "years.carryover_mismatch" not in pair(before, exact)
    assert "years.carryover_mismatch" not in pair(before, other_more)
    assert "years.carryover_mismatch" in pair(before, other_less)


def test_recovered_money_mentioned_in_the_text_makes_the_carryover_gap_a_note() -> None:
    before = funded(2022, "1,000.00", "880.00")
    now = funded(2023, "1,100.00", "1,000.00", (FundSource.CARRYOVER, "上年结转资金", "20.00"))
    text = "上年结余资金中100.00万元已按规定收回财政统筹使用。"
    finding = next(f for f in run_year_checks(before, now, text, text) if f.rule == "years.carryover_mismatch")
    assert finding.severity == Severity.INFO


def test_units_are_converted_before_comparing_counts() -> None:
    before = report(year=2022, indicators=[indicator("新增就业人数", "≥0.2万人", "0.35万人")])
    now = report(year=2023, indicators=[indicator("新增就业人数", "≥3600人", "3500人")])
    rules = pair(before, now)
    assert "years.count_jump" not in rules and "years.copied_actual" in rules  # 0.35万人 is 3500人


def test_a_quota_met_exactly_every_year_is_not_a_copied_actual() -> None:
    before = report(year=2022, indicators=[indicator("公益性岗位开发数", "=120个", "120个")])
    now = report(year=2023, indicators=[indicator("公益性岗位开发数", "=120个", "120个")])
    assert pair(before, now) == []


def test_rates_are_never_copied_actuals() -> None:
    before = report(year=2022, indicators=[indicator("发放准确率", "=100%", "100%")])
    now = report(year=2023, indicators=[indicator("发放准确率", "=100%", "100%")])
    assert pair(before, now) == []


def test_a_relaxed_reverse_target_after_a_miss_is_flagged() -> None:
    before = report(year=2022, indicators=[indicator("城镇调查失业率", "≤5.5%", "5.8%")])
    now = report(year=2023, indicators=[indicator("城镇调查失业率", "≤6.0%", "5.9%")])
    assert "years.target_lowered_after_miss" in pair(before, now)


def test_a_jump_the_report_explains_is_not_flagged() -> None:
    before = report(year=2022, indicators=[indicator("创业培训人数", "≥80人", "85人")])
    now = report(year=2023, indicators=[indicator("创业培训人数", "≥90人", "920人")])
    text = "创业培训人数大幅增加，原因是本年新增线上培训平台。"
    assert "years.count_jump" in pair(before, now)
    assert "years.count_jump" not in [f.rule for f in run_year_checks(before, now, text, text)]


def test_a_jump_factor_comes_from_the_config() -> None:
    before = report(year=2022, indicators=[indicator("见习人数", "≥40人", "44人")])
    now = report(year=2023, indicators=[indicator("见习人数", "≥100人", "140人")])
    assert "years.count_jump" not in pair(before, now)
    assert "years.count_jump" in pair(before, now, CheckConfig(years_count_jump_factor=3))


def test_a_dropped_indicator_is_only_noted_when_this_year_was_read_in_part() -> None:
    before = report(year=2022, indicators=[indicator("见习人数", "≥150人", "90人"), indicator("人数", "≥1人", "1人")])
    read_in_full = report(year=2023, indicators=[indicator("人数", "≥1人", "1人")])
    in_part = report(
        year=2023,
        indicators=[indicator("人数", "≥1人", "1人")],
        coverage=Coverage(figures=10, read=6, unread=[Span(start=0, end=5)]),
    )
    nothing = report(year=2023)
    severity = {
        name: [f.severity for f in run_year_checks(before, now) if f.rule == "years.dropped_after_miss"]
        for name, now in (("full", read_in_full), ("part", in_part), ("nothing", nothing))
    }
    assert severity == {"full": [Severity.WARNING], "part": [Severity.INFO], "nothing": []}


def test_indicators_with_one_name_under_two_programmes_are_matched_by_programme() -> None:
    def two(year: int, first: str, second: str) -> Report:
        return report(
            year=year,
            indicators=[
                indicator("招募人数", "≥60人", first, program="高校毕业生就业补助经费"),
                indicator("招募人数", "≥60人", second, program="社区民生志愿者补助资金"),
            ],
        )

    findings = run_year_checks(two(2022, "61人", "75人"), two(2023, "75人", "62人"))
    assert [f.rule for f in findings if f.rule == "years.copied_actual"] == []  # 75 moved, not copied
