"""The scorer: facts, indicator matching, precision/recall/F1 and family accuracy."""

from __future__ import annotations

from jixiao.evaluation import matched_keys, own_keys, report_facts, score_report, stable_path
from jixiao.model import (
    ExtractorInfo,
    Figure,
    FundingLine,
    FundSource,
    Indicator,
    Kind,
    NamedFigure,
    Op,
    Report,
    SourceAmount,
    SourceInfo,
)


def _money(value: float) -> Figure:
    return Figure(text=f"{value}万元", value=value, unit="万元")


def _count(value: float, op: Op | None = None) -> Figure:
    return Figure(text=f"{op or ''}{value:g}人", value=value, unit="人", op=op)


def _percent(value: float, op: Op | None = None) -> Figure:
    return Figure(text=f"{op or ''}{value:g}%", value=value, unit="%", op=op, kind=Kind.PERCENT)


def _indicator(name: str, target: Figure, actual: Figure, program: str = "就业补助资金") -> Indicator:
    return Indicator(program=program, level1="产出指标", level2="数量指标", name=name, target=target, actual=actual)


def _report(indicators: list[Indicator], budget: float = 800.0) -> Report:
    report = Report(
        source=SourceInfo(path="x.txt", sha256="0", format="txt"),
        extractor=ExtractorInfo(backend="test"),
        region="青禾县",
        year=2023,
        indicators=indicators,
    )
    report.funding.budget = FundingLine(
        total=_money(budget),
        by_source=[
            SourceAmount(source=FundSource.CENTRAL, name="中央资金", amount=_money(500.0)),
            SourceAmount(source=FundSource.COUNTY, name="县级资金", amount=_money(budget - 500.0)),
        ],
    )
    return report


def _gold() -> Report:
    return _report(
        [
            _indicator("享受社会保险补贴人数", _count(300), _count(312)),
            _indicator("资金发放准确率", _percent(95, Op.GE), _percent(100)),
            _indicator("资金下达准确率", _percent(100), _percent(100)),
        ]
    )


def test_a_perfect_output_scores_one() -> None:
    score, _, _ = score_report(_gold(), _gold())
    assert (score.facts.precision, score.facts.recall, score.facts.f1) == (1.0, 1.0, 1.0)
    assert score.facts.gold == score.facts.correct > 10
    assert not score.differences


def test_a_missing_indicator_lowers_recall_only() -> None:
    output = _gold()
    del output.indicators[2]
    score, _, _ = score_report(_gold(), output)
    assert score.facts.precision == 1.0
    assert score.facts.recall < 1.0
    assert score.facts.gold - score.facts.correct == 3  # its target, actual and category
    assert score.families["indicator target"].accuracy == 2 / 3


def test_a_wrong_number_lowers_precision_and_names_the_fact() -> None:
    output = _gold()
    output.indicators[0].actual = _count(321)
    score, _, _ = score_report(_gold(), output)
    assert score.facts.precision < 1.0
    assert score.facts.recall < 1.0
    assert [(d.path, d.gold, d.output) for d in score.differences] == [
        ("indicators[就业补助资金/享受社会保险补贴人数].actual", "312人", "321人")
    ]
    assert score.families["indicator actual"].accuracy == 2 / 4  # 2 agree of 3 gold + 1 wrong output
    assert score.families["indicator target"].accuracy == 1.0


def test_a_lost_comparator_is_a_wrong_target() -> None:
    output = _gold()
    output.indicators[1].target = _percent(95)
    score, _, _ = score_report(_gold(), output)
    assert [d.path for d in score.differences] == ["indicators[就业补助资金/资金发放准确率].target"]


def test_a_renamed_but_same_indicator_still_matches() -> None:
    output = _gold()
    output.indicators[0].name = "社会保险补贴人数"
    output.indicators[1].name = "资金发放 准确率（%）"
    score, _, _ = score_report(_gold(), output)
    assert score.facts.f1 == 1.0


def test_two_similar_but_different_indicators_are_not_merged() -> None:
    gold = _gold()
    output = _gold()
    del output.indicators[1]  # 资金发放准确率 is gone; 资金下达准确率 must not stand in for it
    _, gold_keys, output_keys = score_report(gold, output)
    assert output_keys.indicators == [gold_keys.indicators[0], gold_keys.indicators[2]]


def test_order_of_indicators_and_money_text_do_not_matter() -> None:
    output = _gold()
    output.indicators.reverse()
    output.funding.budget.total = Figure(text="8,000,000元", value=800.0, unit="万元")
    score, _, _ = score_report(_gold(), output)
    assert score.facts.f1 == 1.0


def test_the_same_name_under_two_programs_pairs_by_program() -> None:
    gold = _report(
        [
            _indicator("资金下达准确率", _percent(100), _percent(100), program="见习补助"),
            _indicator("资金下达准确率", _percent(100), _percent(98), program="志愿者补助"),
        ]
    )
    output = gold.model_copy(deep=True)
    output.indicators.reverse()
    score, _, _ = score_report(gold, output)
    assert score.facts.f1 == 1.0


def test_an_invented_indicator_lowers_precision_only() -> None:
    output = _gold()
    output.indicators.append(_indicator("创业担保贷款发放笔数", _count(20), _count(22)))
    score, _, keys = score_report(_gold(), output)
    assert score.facts.recall == 1.0
    assert score.facts.precision < 1.0
    assert keys.indicators[-1] == "就业补助资金/创业担保贷款发放笔数"


def test_funding_sources_pair_by_level_not_by_wording() -> None:
    output = _gold()
    output.funding.budget.by_source[0].name = "中央财政补助资金"
    score, _, _ = score_report(_gold(), output)
    assert score.families["funding sources"].accuracy == 1.0
    output.funding.budget.by_source[0].source = FundSource.PROVINCIAL
    score, _, _ = score_report(_gold(), output)
    assert score.families["funding sources"].accuracy == 1 / 3


def test_fact_paths_name_items_by_key() -> None:
    gold = _gold()
    paths = set(report_facts(gold, own_keys(gold)))
    assert {
        "region",
        "year",
        "funding.budget.total",
        "funding.budget.by_source[central].amount",
        "indicators[就业补助资金/资金发放准确率].target",
        "indicators[就业补助资金/资金发放准确率].category",
    } <= paths


def test_figure_ref_paths_turn_into_stable_paths() -> None:
    gold = _gold()
    output = _gold()
    output.indicators.reverse()
    keys = matched_keys(output, gold, own_keys(gold))
    assert stable_path("indicators[0].actual", output, keys) == "indicators[就业补助资金/资金下达准确率].actual"
    assert stable_path("funding.budget.by_source[1]", output, keys) == "funding.budget.by_source[county].amount"
    assert stable_path("funding.budget.total", output, keys) == "funding.budget.total"
    assert stable_path("indicators[9].actual", output, keys) == "indicators[9].actual"


def test_a_name_in_traditional_characters_is_the_same_indicator() -> None:
    output = _gold()
    output.indicators[0].name = "享受社會保險補貼人數"
    output.region = "青禾縣"
    score, _, _ = score_report(_gold(), output)
    assert score.facts.f1 == 1.0


def test_compound_units_compare_without_their_joiners() -> None:
    gold, output = _gold(), _gold()
    gold.indicators[0].actual = Figure(text="420元/人·月", value=420, unit="元/人·月")
    output.indicators[0].actual = Figure(text="420元/人*月", value=420, unit="元/人*月")
    assert score_report(gold, output)[0].facts.f1 == 1.0
    output.indicators[0].actual = Figure(text="420元/户", value=420, unit="元/户")
    assert score_report(gold, output)[0].facts.f1 < 1.0


def test_a_fund_named_with_or_without_a_generic_tail_is_the_same_fund() -> None:
    gold, output = _gold(), _gold()
    gold.fund = "城乡义务教育补助经费"
    output.fund = "城乡义务教育补助经费项目"
    assert score_report(gold, output)[0].families["header"].correct == 3
    output.fund = "补助经费"  # too little of the name
    assert score_report(gold, output)[0].families["header"].correct == 2


def test_a_part_named_in_full_width_brackets_is_the_same_part() -> None:
    def with_part(name: str) -> Report:
        indicator = _indicator("改造中低产田", _count(8000), _count(5300))
        indicator.breakdown = [NamedFigure(name=name, figure=_count(3000))]
        return _report([indicator])

    score = score_report(with_part("和平村(补水工程)"), with_part("和平村（补水工程）"))[0].facts
    assert score.correct == score.gold == score.output
    other = score_report(with_part("和平村(补水工程)"), with_part("东村(补水工程)"))[0].facts
    assert other.correct == other.gold - 1


def test_a_second_level_in_traditional_characters_implies_its_first_level() -> None:
    gold, output = _gold(), _gold()
    gold.indicators[0].level1, gold.indicators[0].level2 = None, "數量指標"  # the gold as a traditional text prints it
    assert score_report(gold, output)[0].families["indicator category"].correct == 3
    output.indicators[0].level2 = "质量指标"
    assert score_report(gold, output)[0].families["indicator category"].correct == 2
