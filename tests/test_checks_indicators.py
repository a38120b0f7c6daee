"""Indicator rules on hand-built indicators: one case that must fire and one that must not, per rule."""

from __future__ import annotations

import pytest

from check_builders import check, fig, indicator, report, rules_of
from jixiao.checks.attainment import Status, attainment, is_cost_standard
from jixiao.model import Coverage, Indicator, NamedFigure, Span
from jixiao.vocabulary import is_reverse


def _rules(*indicators: Indicator, at_least: str = "info", year: int = 2024) -> list[str]:
    return rules_of(check(report(indicators=list(indicators), year=year), skip=["narrative"]), at_least)


@pytest.mark.parametrize(
    ("name", "target", "actual", "status"),
    [
        ("享受社会保险补贴人数", "2300人", "2781人", Status.MET),
        ("享受就业见习补贴人数", "113人", "46人", Status.UNMET),
        ("城镇调查失业率", "5.5%", "5.8%", Status.UNMET),  # reverse-type name: ≤ without a printed comparator
        ("城镇调查失业率", "≤5.5%", "5.2%", Status.MET),
        ("就业政策满意度", "≥95%", "94.9%", Status.UNMET),
        ("体检费标准", "200元/人", "0", Status.UNMET),  # a cost standard means =
        ("招募工作完成时间", "12月底前", "12月底前", Status.MET),
        ("招募工作完成时间", "2024年10月", "2024年11月", Status.UNMET),
        ("新招募人员体检工作完成时间", "12月底前", "未完成", Status.UNMET),
        ("因就业问题发生重大群体性事件数量", "0", "无重大群体性事件发生", Status.MET),
        ("学历标准", "大专及以上", "大专及以上", Status.MET),
        ("创业能力", "有效提升", "部分达成", Status.UNMET),
        ("就业政策满意度", "≥95%", "≥95%", Status.UNKNOWN),  # a bound is no measurement
        ("城镇新增就业人数", "1.2万人", "11800人", Status.UNMET),  # 万人 converts to 人
    ],
)
def test_attainment_by_comparator(name: str, target: str, actual: str, status: Status) -> None:
    assert attainment(indicator(name, target, actual)).status == status


def test_completion_honest_passes_and_wrong_last_digit_fires() -> None:
    assert _rules(indicator("社会保险补贴人数", "2300人", "2781人", completion="120.91%")) == []
    assert _rules(indicator("社会保险补贴人数", "2300人", "2781人", completion="120.92%")) == ["indicators.completion"]


def test_completion_integer_precision_edge() -> None:
    # 2781/2300 = 120.913 %: "121%" is honest rounding, "120%" is not.
    assert _rules(indicator("社会保险补贴人数", "2300人", "2781人", completion="121%")) == []
    assert _rules(indicator("社会保险补贴人数", "2300人", "2781人", completion="120%")) == ["indicators.completion"]


def test_completion_capped_at_100_is_flagged() -> None:
    # DOMAIN I15: 2989 人 against 1686 人 reported as 100 %.
    rules = _rules(indicator("城镇新增就业人数", "1686人", "2989人", completion="100%", deviation_reason="超额"))
    assert "indicators.completion" in rules


def test_target_unmet_is_info() -> None:
    findings = check(report(indicators=[indicator("见习人数", "113人", "46人")]), skip=["narrative"])
    assert [(f.rule, f.severity.value) for f in findings] == [("indicators.target_unmet", "info")]
    assert _rules(indicator("见习人数", "113人", "113人")) == []


def test_count_value_negative_and_fractional() -> None:
    assert "indicators.count_value" in _rules(indicator("城镇新增就业人数", "120人", "-61人"), at_least="error")
    assert "indicators.count_value" in _rules(indicator("培训人数", "10人", "10.5人"), at_least="error")
    assert _rules(indicator("培训人数", "10人", "12人")) == []
    assert _rules(indicator("城镇新增就业", "4.5万人", "4.62万人")) == []  # 45000 and 46200 人


def test_percent_range_for_rates_but_not_growth() -> None:
    assert _rules(indicator("就业政策满意度", "≥95%", "105%"), at_least="error") == ["indicators.percent_range"]
    assert _rules(indicator("就业政策满意度", "≥95%", "100%")) == []
    assert _rules(indicator("创业担保贷款增长率", "≥10%", "120%"), at_least="error") == []
    assert _rules(indicator("年度任务完成率", "≥100%", "112%"), at_least="error") == []


def test_missing_value_both_ways() -> None:
    assert _rules(indicator("每年计划招募人数", "32人", None)) == ["indicators.missing_value"]
    assert _rules(indicator("每年计划招募人数", None, "32人")) == ["indicators.missing_value"]
    assert _rules(indicator("每年计划招募人数", "32人", "32人")) == []


def test_actual_not_measured() -> None:
    assert _rules(indicator("就业政策满意度", "≥95%", "≥95%")) == ["indicators.actual_not_measured"]
    assert "indicators.actual_not_measured" not in _rules(indicator("验收合格率", "=100%", "=100%"))  # measured
    assert _rules(indicator("就业政策满意度", "≥95%", "98%")) == []


def test_actual_not_numeric_but_not_for_nothing_happened() -> None:
    assert _rules(indicator("成本控制数", "≤30万元", "完成")) == ["indicators.actual_not_numeric"]
    assert _rules(indicator("重大群体性事件数量", "0", "无重大群体性事件发生")) == []
    assert _rules(indicator("重大群體性事件數量", "0", "無重大羣體性事件發生")) == []  # a traditional-script page
    unmet = _rules(indicator("驗收合格數", "10個", "沒有完成"))
    assert "indicators.actual_not_numeric" not in unmet and "indicators.target_unmet" in unmet  # an unmet target


def test_unit_mismatch_unless_convertible() -> None:
    assert "indicators.unit_mismatch" in _rules(indicator("培训人数", "100人", "100户"))
    assert "indicators.unit_mismatch" not in _rules(indicator("城镇新增就业人数", "1.2万人", "12000人"))
    assert "indicators.unit_mismatch" not in _rules(indicator("造林面积", "1.2万亩", "12500亩"))  # 万 of any unit
    assert "indicators.unit_mismatch" not in _rules(indicator("检测合格率", "≥100百分比", "100"))  # bare: same unit


@pytest.mark.parametrize(
    ("name", "target", "standard"),
    [
        ("巡查人员人均补助标准", "800元/人", True),
        ("困难群众基本生活救助标准(≥**元/人·月)", "650元/人/月", True),
        ("临时救助标准(<**元/户)——每户最高3000元", "3000元/户", True),
        ("教材采购平均单价", "38元", True),
        ("参训人员人均补助", "150元", True),  # 人均 with money: a set amount
        ("人均增加养殖面积", "0.2亩", False),  # 人均 of something else: an output
        ("地方标准宣传册发放(份)", "400", False),  # 标准 is the subject, the head is 发放
        ("企业标准化意识提升(人)", "1500", False),
        ("参与修订团体标准(项)", "3", False),  # head 标准, but counted: no set amount is counted in 项
        ("补助标准落实率", "95%", False),  # a rate about the standard, not the standard
    ],
)
def test_a_cost_standard_is_named_by_its_head_and_is_never_a_count(name: str, target: str, standard: bool) -> None:
    assert is_cost_standard(indicator(name, target)) is standard


def test_standard_as_the_subject_of_a_count_is_met_by_exceeding_it() -> None:
    """标准 inside a count indicator's name (制修订标准, 标准化宣传) is what the work is about: 9 of a target of 3
    is met (and over-achieved), not a missed '= 3' with a full score held against the report."""
    counted = indicator("牵头起草地方标准项目(项)", "3", "9", weight="8", score="8")
    rules = _rules(counted, at_least="warning")
    assert "indicators.over_achievement" in rules
    assert not {"scoring.full_score_unmet", "scoring.indicator_score", "indicators.target_unmet"} & set(rules)
    assert "scoring.full_score_unmet" not in _rules(indicator("标准化知识宣讲(场)", "20", "26", weight="6", score="6"))
    standard = indicator("保洁人员人均补助标准", "900元/人", "1100元/人", weight="6", score="6")
    assert "scoring.full_score_unmet" in _rules(standard)  # a set amount exceeded is still not met


def test_over_achievement_needs_analysis() -> None:
    findings = check(report(indicators=[indicator("城镇新增就业人数", "1686人", "2989人")]), skip=["narrative"])
    assert [(f.rule, f.severity.value) for f in findings] == [("indicators.over_achievement", "warning")]
    explained = indicator("城镇新增就业人数", "1686人", "2989人", deviation_reason="政策拉动，超额完成")
    assert _rules(explained, at_least="warning") == []
    assert _rules(indicator("城镇新增就业人数", "1686人", "2500人")) == []  # 1.48 < k = 1.5


def test_breakdown_sum_over_is_error_under_is_warning() -> None:
    def with_parts(actual: str, *parts: str) -> Indicator:
        ind = indicator("社会保险补贴人数", "2300人", actual)
        ind.breakdown = [NamedFigure(name=f"分项{i}", figure=fig(p)) for i, p in enumerate(parts)]
        return ind

    assert _rules(with_parts("2781人", "2574人", "108人", "99人")) == []
    assert _rules(with_parts("2781人", "2574人", "108人", "100人"), at_least="error") == ["indicators.breakdown_sum"]
    assert _rules(with_parts("2781人", "2574人", "108人", "98人")) == ["indicators.breakdown_sum"]


def test_a_placeholder_second_level_is_no_category() -> None:
    """湖北's form prints 具体指标 where the category would stand: nothing to judge, neither way."""
    for placeholder in ("具体指标", "其他指标", "其它指标"):
        unnamed = indicator("教职工满意度", "≥90%", "96%", level1="满意度指标", level2=placeholder)
        assert _rules(unnamed) == [], placeholder
    assert _rules(indicator("教职工满意度", "≥90%", "96%", level1="满意度指标", level2="数量指标")) == [
        "indicators.category",
        "indicators.taxonomy",
    ]


def test_category_misfit() -> None:
    assert _rules(indicator("资金下达准确率", "100%", "100%", level1="产出指标", level2="时效指标")) == [
        "indicators.category"
    ]
    assert _rules(indicator("资金在规定时间内下达率", "100%", "100%", level1="产出指标", level2="时效指标")) == []
    assert _rules(indicator("招募工作完成时间", "12月底前", "12月底前", level1="产出指标", level2="数量指标")) == [
        "indicators.category"
    ]


def test_taxonomy_pairs() -> None:
    assert _rules(indicator("新增就业", "1人", "1人", level1="产出指标", level2="社会效益指标")) == [
        "indicators.taxonomy"
    ]
    assert _rules(indicator("新增就业", "1人", "1人", level1="效益指标", level2="社会效益指标")) == []
    template = indicator("家长满意度", "≥95%", "98%", level1="满意度指标", level2="服务对象满意度指标等")
    assert _rules(template) == []  # the template's own wording of the level, 等 and all
    public = indicator("居民对服务满意度", "≥90%", "95%", level1="满意度指标", level2="居民满意度 指标")
    assert _rules(public) == []  # whose satisfaction it is, named in the level
    for misprint in ("时效性指标", "日效性指标", "质量质量指标", "进度指标"):  # as printed (湖北's 进度), or OCR'd
        assert _rules(indicator("维修完成时间", "12月底前", "11月", level1="产出指标", level2=misprint)) == []
    misfiled = indicator("居民对服务绿化率", "≥90%", "95%", level1="满意度指标", level2="社会效益指标")
    assert _rules(misfiled) == ["indicators.taxonomy"]
    older = indicator("年度资料上报完成时间", "12月底前", "11月", level1="产出指标", level2="进度指标")
    assert _rules(older) == []  # an older template's name for 时效指标
    assert _rules(older.model_copy(update={"level1": "效益指标"})) == ["indicators.taxonomy"]
    mixed = indicator("成本控制数", "≤30万元", "28万元", level1="产出指标", level2="经济成本指标")
    assert [(f.rule, f.severity.value) for f in check(report(indicators=[mixed]), skip=["narrative"])] == [
        ("indicators.taxonomy", "info")
    ]


def test_duplicate_with_different_values() -> None:
    first = indicator("资金下达准确率", "100%", "100%", program="P")
    second = indicator("资金下达准确率", "100%", "98%", program="P")
    assert _rules(first, second, at_least="warning") == ["indicators.duplicate"]
    assert _rules(first, indicator("资金下达准确率", "100%", "100%", program="P")) == []
    assert _rules(first, indicator("资金下达准确率", "100%", "98%", program="Q"), at_least="warning") == []


def test_a_row_giving_what_the_other_left_out_is_no_duplicate() -> None:
    """A targets table then a results table: `≥12个` with no actual, then `≥12个` done 13个."""
    planned = indicator("新建监测站点", "≥12个", program="P")
    assert _rules(planned, indicator("新建监测站点", None, "13个", program="P"), at_least="warning") == []
    assert _rules(planned, indicator("新建监测站点", "≥15个", program="P"), at_least="warning") == [
        "indicators.duplicate"
    ]


def test_prose_restating_a_table_row_is_no_duplicate() -> None:
    row = indicator("资金下达准确率", "100%", "100%", program="P")
    prose = indicator("资金下达准确率", "100%", "99%", program="P")
    for found_by, read in (("table.t1.indicator", row), ("narrative.indicator", prose)):
        for figure in (read.target, read.actual):
            assert figure is not None
            figure.found_by = found_by
    assert _rules(row, prose, at_least="warning") == []


def test_a_whole_list_coming_again_is_another_form_not_duplicates() -> None:
    names = ("培训人次", "培训合格率", "学员满意度")
    first = [indicator(name, "≥90%", "95%") for name in names]
    again = [indicator(name, "≥90%", "97%") for name in names]
    assert _rules(*first, *again, at_least="warning") == []
    assert _rules(*first, again[0], at_least="warning") == ["indicators.duplicate"]


def test_year_inside_indicator() -> None:
    assert _rules(indicator("2023年招募人员体检", "15人", "15人"), year=2024) == ["indicators.year"]
    assert _rules(indicator("2024年招募人员体检", "15人", "15人"), year=2024) == []
    assert _rules(indicator("招募工作完成时间", "2023年10月", "2023年10月"), year=2024) == [
        "indicators.year",
        "indicators.year",
    ]


def test_a_year_in_a_name_that_is_a_sentence_is_no_finding() -> None:
    """A scoring criterion read as a name (`该指标以2015年完工的楼堂馆所为评价内容。`) says nothing of the year."""
    assert _rules(indicator("该指标以2019年完工的新建场馆为评价内容。", "≥1个", "1个"), year=2024) == []


def test_direction_of_comparator() -> None:
    assert _rules(indicator("城镇调查失业率", "≥5.5%", "5.2%"), at_least="warning") == ["indicators.direction"]
    assert _rules(indicator("城镇调查失业率", "≤5.5%", "5.2%")) == []
    assert _rules(indicator("就业政策满意度", "≤95%", "90%")) == ["indicators.direction"]
    assert _rules(indicator("改造村级文化广场建设数量", "≤6个", "6个")) == ["indicators.direction"]
    assert _rules(indicator("文化广场建设数量", "≥6个", "6个")) == []


def test_completion_of_a_worded_target_says_what_the_actual_says() -> None:
    met = indicator("招募工作完成时间", "12月底前", "12月底前", completion="100%")
    assert _rules(met) == []
    assert _rules(indicator("招募工作完成时间", "12月底前", "12月底前", completion="90%")) == ["indicators.completion"]
    unmet = indicator("体检工作完成时间", "12月底前", "未完成", completion="100%")
    assert "indicators.completion" in _rules(unmet)
    assert "indicators.completion" not in _rules(indicator("体检工作完成时间", "12月底前", "未完成", completion="0%"))


def test_handling_complaints_is_not_a_less_is_better_indicator() -> None:
    assert is_reverse("投诉件数") and is_reverse("安全生产事故次数")
    assert not is_reverse("投诉处理及时率") and not is_reverse("事故隐患整改率")
    assert is_reverse("财政供养人员控制率") and is_reverse("公用经费控制率") and is_reverse("预算调整率")
    assert not is_reverse("高血压患者血压控制率")  # a health outcome: more is better
    assert is_reverse("违法案件数") and not is_reverse("违法行为责停率")  # stopping violations: more is better


def test_a_bare_zero_needs_no_unit() -> None:
    zero = indicator("结转结余率", "≤5%", "0")
    assert "indicators.unit_mismatch" not in rules_of(check(report(indicators=[zero])))


def _from_a_table(item: Indicator) -> Indicator:
    for figure in (item.target, item.actual):
        if figure is not None:
            figure.found_by = "table.t1.indicator"
    return item


def test_a_missing_actual_is_a_warning_in_a_table_but_not_when_no_row_has_one() -> None:
    rows = [("补充图书册数", "6000册", "6100册"), ("阅览室开放天数", "≥250天", None), ("借阅人次", "3000人次", None)]
    filled = [_from_a_table(indicator(name, target, actual)) for name, target, actual in rows]
    assert rules_of(check(report(indicators=filled)), "warning") == ["indicators.missing_value"] * 2
    # a 绩效目标表, or a form whose 完成值 column nobody filled in: the gap is the form's, said once as info
    declared = [_from_a_table(indicator(name, target, None)) for name, target, _ in rows]
    found = check(report(indicators=declared), "项目支出绩效目标表\n项目名称 | 乡村阅览室图书补充\n")
    assert rules_of(found, "warning") == []
    assert rules_of(found) == ["indicators.missing_value"] * 3


def _rows_in(text: str, rows: list[tuple[str, str]]) -> list[Indicator]:
    """Table rows read from `text`: each target's span where the text prints it after its name."""
    found = []
    for name, target in rows:
        item = _from_a_table(indicator(name, target, None))
        assert item.target is not None
        start = text.index(target, text.index(name))
        item.target.span = Span(start=start, end=start + len(target))
        found.append(item)
    return found


def test_a_self_evaluation_form_whose_results_column_is_blank_warns_on_each_row() -> None:
    """The head prints 完成值 (a 自评表), yet no row fills it: each target stands without its result; a
    绩效目标表's head prints only 指标值, and its empty rows are no gap of the report."""
    rows = [("病媒生物监测点位数", "≥12个"), ("监测报告按时报送率", "100%")]
    head = "一级指标 |\n二级指标 |\n三级指标 |\n指标值 |\n度量单位 |\n完成值 |\n权重 |\n得分 |\n"
    body = "".join(f"产出指标 |\n数量指标 |\n{name} |\n{target} |\n |\n |\n40 |\n |\n" for name, target in rows)
    self_evaluation = "项目支出绩效自评表\n" + head + body
    found = check(report(indicators=_rows_in(self_evaluation, rows)), self_evaluation)
    assert rules_of(found, "warning") == ["indicators.missing_value"] * 2
    labelled = [_from_a_table(indicator(name, target, None)) for name, target in rows]  # no spans: found by name
    assert rules_of(check(report(indicators=labelled), self_evaluation), "warning") == ["indicators.missing_value"] * 2
    plan = "项目支出绩效目标表\n" + head.replace("完成值 |\n", "").replace("得分 |\n", "") + body
    found = check(report(indicators=_rows_in(plan, rows)), plan)
    assert rules_of(found, "warning") == []
    assert rules_of(found) == ["indicators.missing_value"] * 2


def test_a_missing_value_in_a_row_placed_by_cell_shapes_is_not_held_against_the_report() -> None:
    shaped = [
        _from_a_table(indicator(name, target, actual))
        for name, target, actual in [("补充图书册数", "6000册", "6100册"), ("阅览室开放天数", "≥250天", None)]
    ]
    for item in shaped:
        for figure in (item.target, item.actual):
            if figure is not None:
                figure.found_by = "table.t3.indicator"  # a cell per line: the actual may sit in a neighbour
    assert rules_of(check(report(indicators=shaped)), "warning") == []
    assert rules_of(check(report(indicators=shaped))) == ["indicators.missing_value"]


def test_a_missing_value_where_the_layout_prints_no_cell_borders_is_info() -> None:
    """One cell per line (T2) or cells between spaces: an empty cell goes with its separator when the sheet is
    flattened, so the actual may be the next line's; only pipes or a grid show an empty cell as one."""
    rows = [("补充图书册数", "6000册", "6100册"), ("阅览室开放天数", "≥250天", None)]
    lines = [_from_a_table(indicator(name, target, actual)) for name, target, actual in rows]
    assert rules_of(check(report(indicators=lines)), "warning") == ["indicators.missing_value"]
    for item in lines:
        for figure in (item.target, item.actual):
            if figure is not None:
                figure.found_by = "table.t2.indicator"
    assert rules_of(check(report(indicators=lines)), "warning") == []
    assert rules_of(check(report(indicators=lines))) == ["indicators.missing_value"]


def test_a_target_level_under_an_evaluation_level_is_misfiled() -> None:
    """数量指标 under 项目决策 (a level of the evaluation sheet, whose second levels are 项目立项 …)."""
    misfiled = indicator("培训场次", "≥3场", "4场", level1="项目决策", level2="数量指标")
    assert _rules(misfiled, at_least="warning") == ["indicators.taxonomy"]
    assert _rules(misfiled.model_copy(update={"level1": "过程"}), at_least="warning") == ["indicators.taxonomy"]
    sheet = indicator("立项依据充分性", "充分", "充分", level1="项目决策", level2="项目立项")
    assert _rules(sheet, at_least="warning") == []  # the evaluation sheet's own second level
    assert _rules(misfiled.model_copy(update={"level1": "项目产出"}), at_least="warning") == []


def test_one_measure_named_per_item_of_a_prose_list_is_no_duplicate() -> None:
    """`①东区改造户数120户…②西区改造户数80户`: one measure, two sub-projects' figures."""
    east, west = indicator("改造户数", None, "120户"), indicator("改造户数", None, "80户")
    assert _rules(east, west, at_least="warning") == ["indicators.duplicate"]  # as two table rows
    for read in (east, west):
        assert read.actual is not None
        read.actual.found_by = "narrative.achieved"
    assert _rules(east, west, at_least="warning") == []


def test_a_missing_actual_beside_an_unread_number_of_its_row_is_info() -> None:
    """`围栏长度 | 800米 | 0 | 待审批`: the tool read the target and left the row's 0 unread."""
    text = "数量指标 | 围栏长度 | 800米 | 0 | 待审批\n质量指标 | 验收合格率 | 100% | 100% |\n"
    fence = _from_a_table(indicator("围栏长度", "800米", None))
    assert fence.target is not None
    fence.target.span = Span(start=text.index("800米"), end=text.index("800米") + 4)
    zero = text.index("| 0 |") + 2
    unread = report(indicators=[fence], coverage=Coverage(figures=3, read=2, unread=[Span(start=zero, end=zero + 1)]))
    assert rules_of(check(unread, text), "warning") == []
    assert "indicators.missing_value" in rules_of(check(unread, text))
    second_line = Span(start=text.index("100%"), end=text.index("100%") + 4)
    elsewhere = unread.model_copy(update={"coverage": Coverage(figures=3, read=2, unread=[second_line])})
    assert rules_of(check(elsewhere, text), "warning") == ["indicators.missing_value"]  # on another line


def test_over_achievement_analysed_in_the_prose_is_info() -> None:
    """The analysis may stand in the text: a sentence on exceeding the plan that gives a cause and names
    the work. A scoring note's 得分原因 beside the row is no analysis."""
    over = report(indicators=[indicator("旧桥加固座数", "20座", "45座")])
    assert rules_of(check(over, "全年加固旧桥45座。\n"), "warning") == ["indicators.over_achievement"]
    exceeded = "由于汛期冲毁较多，实际加固数超任务125%。\n"
    assert rules_of(check(over, exceeded), "warning") == []
    assert "indicators.over_achievement" in rules_of(check(over, exceeded))
    scoring_note = "旧桥加固座数本项满分10分，得10分，得分原因为：完成目标。\n"
    assert rules_of(check(over, scoring_note), "warning") == ["indicators.over_achievement"]
    elsewhere = "由于采购延误，绿化面积未超计划。\n"  # exceeding and a cause, but about other work
    assert rules_of(check(over, elsewhere), "warning") == ["indicators.over_achievement"]


def test_parts_short_of_the_whole_only_over_a_list_read_to_its_end() -> None:
    """A 其中 list whose last item the reader lost (cut by a line break) adds to less than the whole; the
    sentence still holding a figure after the last part read says so. Parts over the whole stay an error."""
    text = "实际修缮屋面820平方米，其中：东片区300平方米，西片区260平方米，南片区\n260平方米。"

    def read(*parts: str) -> list[str]:
        ind = indicator("修缮屋面面积", "800平方米", "820平方米")
        ind.breakdown = []
        for i, part in enumerate(parts):
            figure = fig(part)
            start = text.index(part, text.index("其中"))
            figure.span = Span(start=start, end=start + len(part))
            ind.breakdown.append(NamedFigure(name=f"分项{i}", figure=figure))
        findings = check(report(indicators=[ind]), text, skip=["narrative"])
        return [f.rule for f in findings if f.rule == "indicators.breakdown_sum"]

    assert read("300平方米", "260平方米") == []  # the third item was not read
    assert read("300平方米") == []
    full = text.replace("，南片区\n260平方米", "")  # the list ends with what was read: 560 of 820
    text = full
    assert read("300平方米", "260平方米") == ["indicators.breakdown_sum"]
