"""Narrative rules: reasons for unmet targets, claims that all was met, explanations of low execution."""

from __future__ import annotations

from check_builders import check, fig, indicator, line, report, rules_of
from jixiao.model import Funding

UNMET = indicator("享受就业见习补贴人数", "113人", "46人")
TABLE_SENTENCE = "享受就业见习补贴人数年度目标指标值为113人，2025年实际完成46人，完成年度预期目标的40.71%。"


def _narrative(text: str, *indicators, funding: Funding | None = None) -> list[str]:
    r = report(indicators=list(indicators), funding=funding or Funding())
    return rules_of(check(r, text, skip=["indicators", "funding"]))


def test_unmet_without_reason_fires() -> None:
    assert _narrative(TABLE_SENTENCE, UNMET) == ["narrative.unmet_without_reason"]


def test_reason_in_the_same_sentence_is_enough() -> None:
    text = TABLE_SENTENCE.replace("。", "，因2025年部分见习人员未达到发放补贴时间所以未完成目标值。")
    assert _narrative(text, UNMET) == []


def test_reason_elsewhere_in_the_report_is_enough() -> None:
    text = TABLE_SENTENCE + "\n三、偏离绩效目标的原因\n享受就业见习补贴人数未完成原因是见习人员减少。"
    assert _narrative(text, UNMET) == []


def test_reason_in_the_model_is_enough_but_boilerplate_is_not() -> None:
    with_reason = indicator("享受就业见习补贴人数", "113人", "46人", deviation_reason="见习人员未达到发放条件")
    assert _narrative(TABLE_SENTENCE, with_reason) == []
    boilerplate = indicator("享受就业见习补贴人数", "113人", "46人", deviation_reason="无")
    assert _narrative(TABLE_SENTENCE, boilerplate) == ["narrative.unmet_without_reason"]


def test_claim_of_all_met_while_some_unmet() -> None:
    text = TABLE_SENTENCE + "\n2025年度资金使用规范，各项绩效目标全面完成，有效稳定就业岗位。"
    findings = check(report(indicators=[UNMET]), text, skip=["indicators", "narrative.unmet_without_reason"])
    assert [f.rule for f in findings] == ["narrative.claims_all_met"]
    claim = findings[0].figures[0]
    assert claim.path == "text" and claim.span is not None
    assert text[claim.span.start : claim.span.end] == claim.text == "各项绩效目标全面完成"
    assert findings[0].figures[1].path == "indicators[0].actual"


def test_claim_of_all_met_is_fine_when_all_met() -> None:
    met = indicator("享受就业见习补贴人数", "113人", "120人")
    assert _narrative("各项绩效目标均已完成。", met) == []


def test_claim_words_without_a_claim_do_not_fire() -> None:
    assert _narrative("已完成年度预期目标。", UNMET, indicator("x人数", "1人", "1人")) == [
        "narrative.unmet_without_reason"
    ]


def _low(rate: str = "85.75%") -> Funding:
    return Funding(budget=line("808.10万元"), executed=line("692.98万元"), execution_rate=fig(rate))


def test_low_execution_without_explanation_fires() -> None:
    assert _narrative("2024年预算执行率85.75%。", funding=_low()) == ["narrative.low_execution_unexplained"]


def test_low_execution_with_explanation_passes() -> None:
    text = "2024年预算执行率85.75%，执行率偏低的原因是部分补贴在年底申领，资金结转下年使用。"
    assert _narrative(text, funding=_low()) == []


def test_execution_threshold_edge_and_config() -> None:
    at_90 = Funding(budget=line("1000.00万元"), executed=line("900.00万元"))
    assert _narrative("执行率90%。", funding=at_90) == []
    just_below = Funding(budget=line("1000.00万元"), executed=line("899.90万元"))
    assert _narrative("执行率90%。", funding=just_below) == ["narrative.low_execution_unexplained"]


def test_a_reason_of_the_next_indicator_in_a_run_on_list_does_not_count() -> None:
    # 额尔古纳-style run-on list: indicators separated by ；, the second one carries the reason.
    text = "享受就业见习补贴人数113人，实际完成值46人；城镇新增就业人数120人，实际完成值-61人，未完成原因是统计口径。"
    assert _narrative(text, UNMET) == ["narrative.unmet_without_reason"]


def test_a_reason_naming_the_indicator_by_its_tail_counts() -> None:
    # 鹤汀 2020 pattern: 职业技能培训人数 explained as “培训人数略低于年度目标”, cause before the mention.
    training = indicator("职业技能培训人数", "1800人", "1750人")
    text = (
        "职业技能培训人数指标值为1800人，实际完成1750人。\n三、存在问题\n"
        "受疫情影响，部分线下培训改为线上开展，培训人数略低于年度目标。"
    )
    assert _narrative(text, training) == []


def test_a_tail_shared_with_another_indicator_does_not_count() -> None:
    # “就业人数” names both indicators, so its reason cannot be credited to either.
    new_jobs = indicator("城镇新增就业人数", "120人", "100人")
    hard = indicator("就业困难人员就业人数", "67人", "67人")
    text = "城镇新增就业人数120人，实际100人。\n受政策调整影响，就业人数减少。"
    assert _narrative(text, new_jobs, hard) == ["narrative.unmet_without_reason"]


def test_an_aim_to_complete_all_targets_is_not_a_claim() -> None:
    text = TABLE_SENTENCE + "\n下一步改进措施：加强宣传，确保全面完成年度目标任务。"
    assert _narrative(text, UNMET, indicator("x人数", "1人", "1人")) == ["narrative.unmet_without_reason"]


def test_a_reason_for_another_row_of_a_run_on_table_is_not_this_rows_reason() -> None:
    covered = indicator("示范小区覆盖率", "60%", "52%")
    cleared = indicator("生活垃圾清运量", "36500吨", "35040吨")
    text = (
        "示范小区覆盖率%定量指标60%52%100%88否生活垃圾清运量吨定量指标36500吨35040吨96%109.6是"
        "说明:生活垃圾清运量未达年初指标值,主要因辖区两处农贸市场搬迁。"
    )
    findings = check(report(indicators=[covered, cleared]), text, skip=["indicators", "funding"])
    unexplained = [f.figures[0].path for f in findings if f.rule == "narrative.unmet_without_reason"]
    assert unexplained == ["indicators[0].actual"]  # the 说明 explains the second row only
