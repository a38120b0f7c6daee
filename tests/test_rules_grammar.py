"""The narrative grammar on small hand-built paragraphs, one phrasing each."""

from __future__ import annotations

from jixiao.extract.rules.funding import extract_funding, source_of
from jixiao.extract.rules.indicators import extract_indicators
from jixiao.model import FundSource, Indicator, Op
from reading import read


def _indicators(raw: str) -> list[Indicator]:
    return extract_indicators(read(raw))


def test_run_on_clauses_with_program_switch() -> None:
    found = _indicators(
        "1、数量指标：就业补助资金，享受见习补贴人数24人，实际完成值20人；"
        "创业补贴资金，创业培训人数一百二十人，全年实际完成值130人。\n"
    )
    assert [(i.program, i.name, i.target.value, i.actual.value) for i in found] == [
        ("就业补助资金", "享受见习补贴人数", 24, 20),
        ("创业补贴资金", "创业培训人数", 120, 130),
    ]
    assert found[0].level1 == "产出指标" and found[0].level2 == "数量指标"


def test_enumerated_item_with_completion_reason_and_breakdown() -> None:
    found = _indicators(
        "5. 经济效益指标\n就业补助资金\n"
        "(1) 城镇新增就业人数年度目标指标值为 800 人，2023 年实际完成 812 人，完成年度预期目标的 101.5%。\n"
        "(2) 就业见习人数年度指标值 50 人，2023 年实际完成 40 人，完成年度预期目标的 80%，因企业岗位减少未完成。\n"
        "(3) 培训人数年度指标值 90 人，2023 年实际完成 90 人；其中，脱贫劳动力 30 人，高校毕业生 60 人。\n"
    )
    assert [(i.name, i.target.value, i.actual.value) for i in found] == [
        ("城镇新增就业人数", 800, 812),
        ("就业见习人数", 50, 40),
        ("培训人数", 90, 90),
    ]
    assert found[0].completion.text == "101.5%"
    assert found[1].deviation_reason == "因企业岗位减少未完成"
    assert [(part.name, part.figure.value) for part in found[2].breakdown] == [("脱贫劳动力", 30), ("高校毕业生", 60)]


def test_comparator_and_text_targets() -> None:
    found = _indicators(
        "8、服务对象满意度指标：就业补助资金，就业政策满意度≥90%，全年实际完成93.5%，"
        "项目持续发挥作用期限长期，实际完成值长期。\n"
    )
    assert found[0].target.op is Op.GE and found[0].actual.value == 93.5
    assert (found[1].name, found[1].target.text, found[1].actual.text) == ("项目持续发挥作用期限", "长期", "长期")


def test_two_values_in_one_indicator_become_two_labelled_indicators() -> None:
    found = _indicators(
        "4、成本指标：就业补助资金，补贴标准养老6420元，医疗2568元，全年实际完成值养老6420元，医疗2500元。\n"
    )
    assert [(i.name, i.target.value, i.actual.value) for i in found] == [
        ("补贴标准（养老）", 6420, 6420),
        ("补贴标准（医疗）", 2568, 2500),
    ]


def test_targets_without_actuals_are_kept_in_a_listing_of_indicators() -> None:
    found = _indicators(
        "1、数量指标：志愿者补助资金，享受见习补贴人数24人，实际完成值20人；每年计划招募人数32人，每年招募人员体检32人。\n"
    )
    assert [(i.name, i.target.value, i.actual.value if i.actual else None) for i in found] == [
        ("享受见习补贴人数", 24, 20),
        ("每年计划招募人数", 32, None),
        ("每年招募人员体检", 32, None),
    ]


def test_a_paragraph_without_markers_is_description_not_indicators() -> None:
    found = _indicators(
        "1、数量指标\n2022年初危房改造资金预算安排286.4万元，计划补助96户。公示时间不少于7天，最终确定改造218户。\n"
        "2、时效指标\n项目完成时间年初指标值为2023年12月底，实际在规定时间内完成。\n"
    )
    assert [(i.level2, i.name, i.target.text, i.actual) for i in found] == [
        ("时效指标", "项目完成时间", "2023年12月底", None)
    ]


def test_funding_lines_sources_and_rate() -> None:
    text = read(
        "2023年共筹集资金2468.30万元，其中：中央资金1500万元，省级资金600.3万元，县级资金368万元。\n"
        "全年支出2301.75万元，执行率93.25%。\n"
    )
    funding, spending = extract_funding(text)
    assert funding.budget.total.value == 2468.30
    assert [(row.source, row.amount.value) for row in funding.budget.by_source] == [
        (FundSource.CENTRAL, 1500),
        (FundSource.PROVINCIAL, 600.3),
        (FundSource.COUNTY, 368),
    ]
    assert funding.executed.total.value == 2301.75
    assert funding.execution_rate.text == "93.25%"
    assert spending == []


def test_amounts_in_yuan_are_converted_to_wan_yuan() -> None:
    text = read("全年预算资金12,980,000元，其中：中央补助资金10,000,000元，以前年度结转资金2,980,000元。\n")
    funding, _ = extract_funding(text)
    assert funding.budget.total.value == 1298.0
    assert funding.budget.total.text == "12,980,000元"
    assert [row.source for row in funding.budget.by_source] == [FundSource.CENTRAL, FundSource.CARRYOVER]


def test_source_labels() -> None:
    assert source_of("自治区补助") is FundSource.PROVINCIAL
    assert source_of("盟市财政资金") is FundSource.PREFECTURAL
    assert source_of("旗县财政资金") is FundSource.COUNTY
    assert source_of("上年结余资金") is FundSource.CARRYOVER
    assert source_of("其他资金(包括以前年度结转资金)") is FundSource.OTHER
    assert source_of("社会保险补贴") is None


def test_two_totals_in_one_sentence_and_a_payment_rate() -> None:
    text = read("全年预算资金512.4万元，实际支付487.1万元，支付率为95%。\n")
    funding, _ = extract_funding(text)
    assert (funding.budget.total.value, funding.executed.total.value) == (512.4, 487.1)
    assert funding.execution_rate.text == "95%"


def test_a_sentence_about_one_source_adds_its_rows() -> None:
    text = read(
        "年度资金总额512.4万元，执行487.1万元。中央财政资金预算400万元，执行380.5万元，执行率95.13%。"
        "地方财政资金预算112.4万元，执行106.6万元。\n"
    )
    funding, _ = extract_funding(text)
    assert [(r.source, r.amount.value) for r in funding.budget.by_source] == [
        (FundSource.CENTRAL, 400),
        (FundSource.LOCAL, 112.4),
    ]
    assert [(r.source, r.amount.value) for r in funding.executed.by_source] == [
        (FundSource.CENTRAL, 380.5),
        (FundSource.LOCAL, 106.6),
    ]
    assert funding.execution_rate is None  # 95.13% is the central row's rate, not the total's


def test_funds_arriving_are_allocated() -> None:
    text = read("2023年到位资金300万元，其中：中央资金200万元，省级资金100万元。\n")
    funding, _ = extract_funding(text)
    assert funding.allocated.total.value == 300
    assert funding.budget.total is None


def test_loose_sentences_outside_indicator_blocks() -> None:
    found = _indicators(
        "（三）绩效目标完成情况\n"
        "2023年，城镇新增就业人数年度目标值为800人，实际完成812人，完成率101.5%。"
        "我县全年举办招聘会12场。\n"
        "目标1：完成城镇新增就业4.5万人；完成情况：新增就业4.62万人。\n"
    )
    assert [(i.name, i.target.text, i.actual.text) for i in found] == [
        ("城镇新增就业人数", "800人", "812人"),
        ("城镇新增就业", "4.5万人", "4.62万人"),
    ]
    assert found[0].completion.text == "101.5%"
    assert found[1].target.unit == "万人"


def test_first_level_heading_without_second_level() -> None:
    found = _indicators("（一）产出指标完成情况\n1.培训人数年度目标值为300人，实际完成320人。\n")
    assert [(i.level1, i.level2, i.name, i.actual.value) for i in found] == [("产出指标", None, "培训人数", 320)]


def test_statements_on_an_achievement_heading_line_are_actuals() -> None:
    found = _indicators(
        "（三）绩效指标完成情况分析。\n1.效益指标完成情况分析。\n"
        "（1）经济效益。亩均增收320元。\n"
        "（2）生态效益。年减少泥沙流失2.4万t；林草覆盖率61.5%。\n"
        "（3）社会效益。受益人口≥5000人，实际受益5212人。\n"
    )
    assert [(i.level2, i.name, i.actual.text) for i in found] == [
        ("经济效益指标", "亩均增收", "320元"),
        ("生态效益指标", "年减少泥沙流失", "2.4万t"),
        ("生态效益指标", "林草覆盖率", "61.5%"),
        ("社会效益指标", "受益人口", "5212人"),  # a target and its actual: read by the clause grammar
    ]
    assert found[-1].target.text == "≥5000人"


def test_a_list_run_into_an_indicator_completion_heading_gives_actuals() -> None:
    found = _indicators(
        "（三）绩效指标完成情况分析。道路硬化长度4.2公里,竣工验收合格率100%,"
        "资金拨付及时率≥95%,带动村民增收效果明显,\n四、存在的问题\n"
    )  # every part states what was achieved: a bound restated as the result and an outcome word are actuals
    assert [(i.name, i.actual.text) for i in found] == [
        ("道路硬化长度", "4.2公里"),
        ("竣工验收合格率", "100%"),
        ("资金拨付及时率", "≥95%"),
        ("带动村民增收", "效果明显"),
    ]
    assert all(i.target is None for i in found)
    assert not _indicators("（三）绩效指标完成情况分析。受益人口≥5000人,实际受益5212人,满意度达95%。\n")[1:]


def test_a_satisfaction_stated_with_its_percent_is_an_actual_unless_it_is_a_goal() -> None:
    found = _indicators("三、项目绩效情况\n受助学生及家长的满意度达98.5%。\n")
    assert [(i.name, i.actual.text) for i in found] == [("受助学生及家长的满意度", "98.5%")]
    assert not _indicators("年度目标：确保受助学生满意度达到95%。\n2.满意度达到90% 。\n")


def test_score_and_grade_as_stated() -> None:
    from jixiao.extract.rules.score import extract_score

    text = read("一、自评结论\n(一)自评得分 本项目自评得分96.5分，等级为优。\n")
    score, grade = extract_score(text)
    assert (score.value, score.unit, grade.text) == (96.5, "分", "优")
    assert extract_score("执行率优良，无得分")[0] is None
    assert extract_score("对本部门整体支出开展了绩效评价，综合评分为93分。")[0].value == 93
    assert extract_score("按照评分标准，本项目自评分为88.5分。")[0].value == 88.5
    assert extract_score("评分标准：每项评分2分")[0] is None
    assert extract_score("项目实施效果较好，评价得分及绩效等级为(良)。")[1].text == "良"
    squashed = "项目名称校舍维护经费主管部门市教育局自评得分91财政审核评分实施单位第三中学"
    assert extract_score(squashed)[0].text == "91"
    assert extract_score("三级指标指标值自评得分10数量指标")[0] is None  # a header before the rows
    for field in ("填报日期:2023年5月6日自评总分:93项目权重评价内容", "项目负责人 某某 自评总分: 93 项目实施单位"):
        assert extract_score(field)[0].text == "93"  # a form's field, the next field glued or spaced after it
    assert extract_score("自评总分:93%")[0] is None


def test_a_budget_said_to_be_年初_is_the_initial_budget() -> None:
    text = read("年初预算500万元，调整后预算512.4万元，全年执行487.1万元，预算执行率95.06%。\n")
    funding, _ = extract_funding(text)
    assert (funding.initial.total.text, funding.budget.total.text) == ("500万元", "512.4万元")
    assert funding.executed.total.value == 487.1
    alone, _ = extract_funding(read("年初批复预算7个项目940万元，全年执行480万元。\n"))
    assert (alone.initial.total.value, alone.budget.total) == (940, None)


def test_disbursed_money_is_the_executed_line_when_the_printed_rate_says_so() -> None:
    text = read(
        "二、自评工作开展情况\n我单位于12月对全部绩效指标完成情况开展了核查。\n"
        "三、资金执行情况\n项目资金共860万元,截至12月20日,已完成拨付731万元,执行率85%。\n"
    )
    funding, _ = extract_funding(text)  # the survey sentence names the indicators, it is no section heading
    assert (funding.budget.total.text, funding.executed.total.text, funding.execution_rate.text) == (
        "860万元",
        "731万元",
        "85%",
    )
    other, _ = extract_funding(read("项目资金共860万元,已完成拨付600万元,执行率85%。\n"))
    assert other.executed.total is None  # 600 over 860 is not the printed 85%: 拨付 alone says no line


def test_execution_progress_as_a_factor_is_no_execution_verb() -> None:
    text = read(
        "资金按因素法分配，并将上年度资金执行进度作为调节因素，对专项资金2400万元进行了分解。"
        "目前，资金已执行1530万元，预算执行率63.75%。\n"
    )
    funding, _ = extract_funding(text)
    assert (funding.allocated.total.text, funding.executed.total.text) == ("2400万元", "1530万元")
    paid, _ = extract_funding(read("已兑现困难群众临时救助资金9620元。\n"))
    assert paid.executed.total.text == "9620元"


def test_bare_target_word_before_a_number() -> None:
    found = _indicators(
        "产出指标：城镇新增就业目标800人，实际完成812人，完成率101.5%；绩效目标完成率≥95%，实际完成97%。\n"
    )
    assert [(i.level1, i.name, i.target.text, i.actual.text) for i in found] == [
        ("产出指标", "城镇新增就业", "800人", "812人"),
        ("产出指标", "绩效目标完成率", "≥95%", "97%"),
    ]


def test_sources_in_brackets_after_a_total() -> None:
    text = read("2019年全年预算640万元（中央资金400万元、省级资金160万元、县级资金80万元），全年支出618.4万元。\n")
    funding, _ = extract_funding(text)
    assert [(r.source, r.amount.value) for r in funding.budget.by_source] == [
        (FundSource.CENTRAL, 400),
        (FundSource.PROVINCIAL, 160),
        (FundSource.COUNTY, 80),
    ]
    assert funding.executed.total.value == 618.4


def test_a_restated_total_takes_the_list_that_follows() -> None:
    text = read(
        "项目年度预算资金1260.00万元，全年执行1197.00万元，预算执行率95%，分值10分，得分9.5分。\n"
        "2024年项目年度预算资金1260.00万元，其中：中央财政资金860.00万元，省级财政资金400.00万元。\n"
    )
    funding, _ = extract_funding(text)
    assert [r.amount.value for r in funding.budget.by_source] == [860, 400]
    assert funding.executed.by_source == []
    assert (funding.execution_weight.text, funding.execution_score.text) == ("10分", "9.5分")


def test_report_cut_mid_sentence_is_truncated() -> None:
    from jixiao.extract.rules.cut_end import ends_mid_sentence

    assert ends_mid_sentence("一、情况\n（3）职业培训人数年度目标值为1000人，实际完")
    assert not ends_mid_sentence(
        "（3）职业培训人数年度目标值为1000人，实际完成1000人。\n附件：某市就业补助资金绩效目标自评表"
    )
    assert not ends_mid_sentence("报告正文。\n扎兰屯市就业服务中心\n2026年3月9日")
    assert ends_mid_sentence("四是成本指标:人均补助标准指标值600元/生.年。\n(2)\n")  # a part with no text
    assert ends_mid_sentence("（一）基本支出\n全年基本支出820万元,其中:(1)")  # a list opened, its first item cut
    assert ends_mid_sentence("项目支出分为三类:1.")
    assert not ends_mid_sentence("详见附表(1)")  # a reference, no list opened


def test_goal_pair_with_completion_and_level_heading_with_points() -> None:
    found = _indicators(
        "（一）产出指标（分值50分，得分49.04分）\n"
        "目标1：完成城镇新增就业4.5万人；完成情况：新增就业4.62万人，完成率102.67%。\n"
    )
    assert [(i.name, i.target.text, i.actual.text, i.completion.text) for i in found] == [
        ("城镇新增就业", "4.5万人", "4.62万人", "102.67%")
    ]


def test_actual_first_with_share_of_the_target() -> None:
    found = _indicators("5、经济效益指标：全年城镇新增就业2989人，完成目标任务1686人的100%。\n")
    assert [(i.name, i.target.text, i.actual.text, i.completion.text) for i in found] == [
        ("城镇新增就业", "1686人", "2989人", "100%")
    ]


def test_key_value_indicator_lines() -> None:
    found = _indicators(
        "（一）产出指标\n"
        "（1）指标名称：就业见习人数；指标值：≥50人；完成值：46人；完成情况：已完成。\n"
        "（2）三级指标：项目持续期限；年度指标值：长期；实际完成值：长期；偏差原因：无。\n"
    )
    assert [(i.level1, i.name, i.target.text, i.actual.text) for i in found] == [
        ("产出指标", "就业见习人数", "≥50人", "46人"),
        ("产出指标", "项目持续期限", "长期", "长期"),
    ]


def test_actual_first_prose_with_targets_in_brackets() -> None:
    found = _indicators(
        "参训人员满意度为97.5%，高于年度目标值（≥90%）；补贴发放到位率达到100%（目标值100%）；"
        "帮助312名就业困难人员实现再就业，年度目标为300名。\n"
    )
    assert sorted((i.name, i.target.text, i.actual.text) for i in found) == [
        ("参训人员满意度", "≥90%", "97.5%"),
        ("就业困难人员实现再就业", "300名", "312名"),
        ("补贴发放到位率", "100%", "100%"),
    ]


def test_sources_listed_before_their_sum() -> None:
    text = read("资金来源：中央补助687万元、省级补助215万元、县本级配套98万元，合计1000万元。\n")
    funding, _ = extract_funding(text)
    assert funding.budget.total.value == 1000
    assert [(r.source, r.amount.value) for r in funding.budget.by_source] == [
        (FundSource.CENTRAL, 687),
        (FundSource.PROVINCIAL, 215),
        (FundSource.COUNTY, 98),
    ]


def test_actual_as_实际为_and_target_as_目标任务() -> None:
    found = _indicators(
        "1.产出指标\n（1）数量指标：城镇新增就业目标任务2000人，实际完成2150人。\n"
        "（2）社会效益指标：城镇登记失业率：目标值≤4.5%，实际为3.9%。\n"
    )
    assert [(i.level2, i.name, i.target.text, i.actual.text) for i in found] == [
        ("数量指标", "城镇新增就业", "2000人", "2150人"),
        ("社会效益指标", "城镇登记失业率", "≤4.5%", "3.9%"),
    ]


def test_a_one_figure_statement_under_a_completion_heading_is_the_actual() -> None:
    found = _indicators(
        "2. 完成的绩效目标。\n(1)产出指标\n①数量指标:2024年,我校收到设备购置经费12.60万元。\n"
        "②时效指标:设备购置经费到位率为100%。\n③质量指标:经费保障了学校正常运转，效果良好。\n"
    )
    assert [(i.level2, i.name, i.target, i.actual.text) for i in found] == [
        ("数量指标", "收到设备购置经费", None, "12.60万元"),
        ("时效指标", "设备购置经费到位率", None, "100%"),
    ]
    planned = _indicators("二、年度绩效目标\n(1)产出指标\n①数量指标:培训人数1200人。\n")
    assert planned == []  # under a goals heading a bare figure is no actual (nor surely a target)


def test_a_cause_after_a_run_on_actual_is_its_deviation_reason() -> None:
    found = _indicators(
        "1、产出数量指标：日间照料服务次数年初指标值为不低于80人次，全年实际完成值77人次，因一家照料中心停业整改，"
        "未完成年度目标。康复人数年初指标值为不低于150人，全年实际完成值163人，超额完成。\n"
    )
    assert [(i.name, i.actual.text, i.deviation_reason) for i in found] == [
        ("日间照料服务次数", "77人次", "因一家照料中心停业整改，未完成年度目标"),
        ("康复人数", "163人", None),
    ]


def test_a_status_word_after_a_level_heading_is_the_actual() -> None:
    found = _indicators(
        "1.产出指标完成情况分析。\n数量指标:新建村级文化广场12个,已完成;\n质量指标:验收合格,已全部完成;\n"
        "时效指标:按期完成施工,按工程进度推进;\n"
    )
    assert [(i.level2, i.name, i.target and i.target.text, i.actual and i.actual.text) for i in found] == [
        ("数量指标", "新建村级文化广场", "12个", "已完成"),
        ("质量指标", "验收合格", None, "已全部完成"),
    ]


def test_a_status_word_in_loose_prose_is_not_an_indicator() -> None:
    assert _indicators("项目于2023年10月开工建设,已完成。\n全年培训农民600人,已完成。\n") == []


def test_a_level_word_followed_by_指标值_is_the_indicators_name() -> None:
    found = _indicators("二、绩效指标完成情况\n服务对象满意度指标值为≥90%，实际完成95%。\n")
    assert [(i.name, i.target.text, i.actual.text) for i in found] == [("服务对象满意度", "≥90%", "95%")]


def test_a_numbered_list_with_年初目标值_实际完成值_and_a_line_score() -> None:
    found = _indicators(
        "（二）绩效目标完成情况\n"
        "1.农作物病虫害统防统治覆盖率，年初目标值≥40%，实际完成值45%，自评得分15分；\n"
        "2.疫苗接种补助发放率，初目标值=100%，实际完成值=100%，自评得分20分；\n"
    )
    assert [(i.name, i.target.text, i.actual.text, i.score.text) for i in found] == [
        ("农作物病虫害统防统治覆盖率", "≥40%", "45%", "15分"),
        ("疫苗接种补助发放率", "=100%", "=100%", "20分"),
    ]


def test_the_total_score_is_never_an_indicator_lines_score() -> None:
    from jixiao.extract.rules.score import extract_score

    lines = "1.补助发放率，年初目标值=100%，实际完成值=100%，自评得分20分；\n"
    assert extract_score(lines) == (None, None)
    score, grade = extract_score("经综合评价，因此评价分95分，自评等级为良好。\n" + lines)
    assert (score.value, grade.text) == (95, "良好")
    score, grade = extract_score("项目按方案开展，绩效评分98分，自评为优。\n")
    assert (score.value, grade.text) == (98, "优")


def test_an_ordinal_lead_in_names_the_level_and_a_sentence_ends_the_name() -> None:
    found = _indicators(
        "2. 完成的绩效目标。\n产出指标完成情况。一是数量指标:2022年,我校资助学生人次620人次,实际发放620人次。"
        "二是质量指标:资助对象全覆盖。三是时效指标:2022年收到资金合计86.2万元,实际发放80.5万元,实际执行率为93.39%,"
        "秋季学期资金延后发放。四是成本指标:初中住宿生人均补助标准指标值800元/生.年,全年实际完成值800元/生.年;"
        "小学住宿生人均补助标准指标值600元/生.年,全年实际完成值600元/生.年。\n"
    )
    assert [(i.level2, i.name, i.actual.text) for i in found] == [
        ("数量指标", "资助学生人次", "620人次"),
        ("成本指标", "初中住宿生人均补助标准", "800元/生.年"),
        ("成本指标", "小学住宿生人均补助标准", "600元/生.年"),
    ]  # the funding restated under 时效指标 is no indicator
    assert (found[1].target.value, found[1].target.unit) == (800, "元/生.年")


def test_noun_figure_statements_under_a_completion_title_are_actuals() -> None:
    found = _indicators(
        "(二)项目绩效指标完成情况\n1.产出指标完成情况。该项指标完成100%。2022年草原防火期,全区共发生草原火灾2起,"
        "低于控制指标5起;火情处置率100%;应急物资储备55万元,高于控制指标10万元;未发生人员伤亡。\n"
        "2.效益指标完成情况。草原受害率0.0125‰,低于控制指标0.9875个千分点。\n"
    )
    assert [(i.level1, i.name, i.target, i.actual.text) for i in found] == [
        ("产出指标", "发生草原火灾", None, "2起"),
        ("产出指标", "火情处置率", None, "100%"),
        ("产出指标", "应急物资储备", None, "55万元"),
        ("效益指标", "草原受害率", None, "0.0125‰"),
    ]  # `低于控制指标5起` is a difference, never a target


def test_money_remitted_or_paid_out_under_a_completion_title_is_no_indicator() -> None:
    found = _indicators(
        "(二)项目绩效指标完成情况\n1.产出指标完成情况。全县完成殡葬改革任务,火化率达98.5%。"
        "全县减免城乡困难群众基本殡葬费用86.2万元,兑现各类惠民奖励48.4万元。\n"
    )
    assert [(i.name, i.actual.text) for i in found] == [("火化率", "98.5%")]  # the money is the funding's


def test_a_shared_predicate_and_clauses_that_lost_their_commas() -> None:
    found = _indicators(
        "(四)绩效指标完成情况分析\n3.质量指标。资金拨付率为97%及时率和准确率均为100%。\n"
        "4.时效指标。补贴每月上旬发放指标为100%实际完成值为100%护理补贴每年6月、12月发放指标为100%实际完成值为100%\n"
    )
    assert [(i.level2, i.name, i.target and i.target.text, i.actual.text) for i in found] == [
        ("质量指标", "资金拨付率", None, "97%"),
        ("质量指标", "及时率", None, "100%"),
        ("质量指标", "准确率", None, "100%"),
        ("时效指标", "补贴每月上旬发放", "100%", "100%"),
        ("时效指标", "护理补贴每年6月、12月发放", "100%", "100%"),
    ]


def test_statements_that_are_standards_parts_or_goals_are_not_read() -> None:
    found = _indicators(
        "1.产出指标完成情况分析\n(2)质量指标\n补助发放准确率100%。按照规定,城乡低保标准为800元/人/月,据实发放。\n"
        "(3)数量指标\n基本完成治理面积1200亩,其中坡改梯300亩,封育治理600亩。\n"
    )
    # `基本完成X` is what was done; its 其中 parts are no indicators, nor its breakdown when they fall short of it
    assert [(i.name, i.actual.text, i.breakdown) for i in found] == [
        ("补助发放准确率", "100%", []),
        ("治理面积", "1200亩", []),
    ]
    assert _indicators("（一）绩效目标\n1.数量指标。培训农民600人。\n") == []  # a goal, not what was done


def test_a_goal_then_what_is_done_so_far_and_its_parts() -> None:
    found = _indicators(
        "2、分解下达情况\n下达到某区中低产田改造工程,计划改造中低产田0.8万亩,下达资金960万元。"
        "目前已落实5300亩,并启动建设了东村1组900亩,西村2、3队1400亩,和平村(补水工程)3000亩。\n"
    )
    assert [(i.name, i.target.text, i.actual.text) for i in found] == [("改造中低产田", "0.8万亩", "5300亩")]
    assert [(part.name, part.figure.text) for part in found[0].breakdown] == [
        ("东村1组", "900亩"),
        ("西村2、3队", "1400亩"),
        ("和平村(补水工程)", "3000亩"),
    ]
    # no goal in the same unit before it, or money: nothing is read
    assert _indicators("下达资金960万元。目前已落实5300亩。\n") == []
    assert _indicators("计划投入资金960万元。目前已完成800万元。\n") == []


def test_a_flattened_forms_labels_are_no_indicator_name() -> None:
    """A 自评表 flattened to one line: its labels run into a sentence with a target and an actual marker."""
    raw = (
        "全年执行数 分值 执行率 得分 184000 184000 171,350.2 10 9.31 其中:当年财政拨款 预期目标 年度 总体 "
        "目标93.13%实际完成情况 已完成场馆保洁服务费用结算。\n"
        "群众健身活动参与人数年度目标1200人次,实际完成1350人次。\n"
    )
    names = [indicator.name for indicator in _indicators(raw)]
    assert not any("预期目标" in name for name in names)
    assert any("参与人数" in name for name in names)
