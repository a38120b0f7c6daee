"""Prose and squashed-form phrasings first met on held-out set 12 (own words and invented figures)."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract.rules.glued_pairs import read_glued_pairs
from jixiao.extract.rules.repeated_spending import repeated_spending
from reading import read, rules_report


def test_money_sub_titles_in_a_results_section_keep_their_rates_out_of_the_indicators(tmp_path: Path) -> None:
    raw = (
        "二、绩效目标完成情况分析\n一)资金投入情况分析。\n1项目资金到位情况分析。\n"
        "资金文件下达后及时申请拨付,项目资金到位率100%。\n"
        "二)产出情况分析。\n全年组织乡村文艺汇演,演出场次覆盖率100%。\n"
    )
    names = [indicator.name for indicator in rules_report(tmp_path, raw).indicators]
    assert not any("到位率" in name for name in names)
    assert any("演出场次覆盖率" in name for name in names)  # a sub-title on the results reads again


def test_a_standardisation_fund_is_no_per_head_standard(tmp_path: Path) -> None:
    allocated = rules_report(tmp_path, "市财政局下达团体标准化建设补助经费36万元。\n").funding.allocated.total
    assert allocated is not None and allocated.text == "36万元"
    per_head = rules_report(tmp_path, "按每人每月补助标准300元发放补助资金36万元。\n").funding
    assert per_head.allocated.total is None and per_head.executed.total is None


def test_a_bare_decimal_cell_ends_the_clause_its_heads_belong_to(tmp_path: Path) -> None:
    raw = "资金情况实际分配下达县本级40.25乡镇59.75年度预算计划安排2022年100万元资金分配方法因素法\n"
    funding = rules_report(tmp_path, raw).funding
    assert funding.allocated.total is None
    assert funding.budget.total is not None and funding.budget.total.text == "100万元"


def test_rows_printing_one_amount_per_column_are_spending_and_the_cut_row_is_not() -> None:
    text = read(
        "资金合计150万元。资金使用方向安排实际下达额度实际支出金额农机补贴505050设施维护12.512.512.5宣传印制8.58.5"
    )
    items = [(item.category, item.amount.value if item.amount else None) for item in repeated_spending(text)]
    assert items == [("农机补贴", 50.0), ("设施维护", 12.5)]


def test_rows_whose_columns_differ_or_whose_unit_is_unknown_are_not_read() -> None:
    differs = read("资金合计150万元。资金使用方向安排实际支出金额农机补贴5048设施维护12.512.5培训费3.23.2\n")
    assert repeated_spending(differs) == []  # the first row does not split into equal copies: nothing read
    no_unit = read("资金使用方向安排实际支出金额农机补贴5050设施维护12.512.5培训费3.23.2\n")
    assert repeated_spending(no_unit) == []


def test_glued_target_and_actual_in_one_unit_are_indicators() -> None:
    text = read("附表时效 指标验收时间2023年6月2023年6月济益标 经效指培训农户320人次335人次示范户数18户18户注:略。\n")
    found = [
        (i.name, i.target.text if i.target else None, i.actual.text if i.actual else None)
        for i in read_glued_pairs(text)
    ]
    assert found == [
        ("验收时间", "2023年6月", "2023年6月"),
        ("培训农户", "320人次", "335人次"),
        ("示范户数", "18户", "18户"),
    ]


def test_glued_pairs_in_two_units_glued_points_or_a_lone_row_are_not_read() -> None:
    assert read_glued_pairs(read("培训农户320人次335户示范户数18户18户\n")) == []  # one row left: not a table
    assert read_glued_pairs(read("培训农户320人次335人次10示范户数18户18户8\n")) == []  # 分值 glued on
    assert read_glued_pairs(read("资金总额120万元118万元培训经费30万元30万元\n")) == []  # funding rows


def test_a_lone_row_reads_under_the_forms_own_head_after_its_level_cells_points() -> None:
    """湖北's squashed 自评表: `年初指 年终完 … 标值 成值` heads the line, `数量指 标15分` is a level cell with its
    points, and the row's actual is followed by a space, not glued to the next cell."""
    line = "一级 指标 二级 指标名称 年初指 年终完 自评 指标 (三级指标) 标值 成值 分 数量指 标15分 整治河岸8处8处 及时\n"
    found = [(i.name, i.target.text if i.target else None) for i in read_glued_pairs(read(line))]
    assert found == [("整治河岸", "8处")]
    assert read_glued_pairs(read(line.replace("标值 成值", "标准"))) == []  # no head: one row is no table


def test_a_fund_named_from_its_level_finds_the_place_the_body_prints_before_it(tmp_path: Path) -> None:
    raw = (
        "项目绩效自评信息表基本情况项目名称市文化惠民专项资金(乡村书场)评价年度2021年资金情况预算计划安排80万元。\n"
        "2021年度青岭市文化惠民专项资金(乡村书场)采用项目制分配。\n"
    )
    assert rules_report(tmp_path, raw).region == "青岭市"


def test_a_level_fund_takes_the_place_of_the_one_government_of_that_level(tmp_path: Path) -> None:
    raw = (
        "2022年项目支出绩效自评报告(2022年州级非遗保护专项资金)\n一、项目概况\n经我局向州政府申请,"
        "非遗保护资金300万元在十四届云溪州人民政府第12次常务会议上审定通过。\n"
    )
    assert rules_report(tmp_path, raw).region == "云溪州"
    two = raw.replace("审定通过。", "审定通过,并报石门州人民政府备案。")
    assert rules_report(tmp_path, two).region is None  # two governments of that level: neither is sure
    county = raw.replace("州级非遗", "县级非遗")
    assert rules_report(tmp_path, county).region is None  # the government named is not of the fund's level


def test_a_squashed_row_named_by_its_value_keeps_that_value_as_its_name(tmp_path: Path) -> None:
    raw = (
        "2022年度财政项目绩效自评表项目名称乡村道路养护补助主管部门石桥县交通运输局预算执行情况 (万元) (20 分)"
        "预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政 资金总额300300100%20年度绩效目标(80分)一级指标"
        "二级指标三级指标年初目标值 (A)实际完成值 (B)得分产出 指标数量指标养护农村公路里程120公里120公里20"
        "质量指标路面完好率≥90%93%20时效2年2年2年20效益 指标社会效益群众出行满意度≥90%95%20\n"
    )
    rows = {
        i.name: (i.target.text if i.target else None, i.score.text if i.score else None)
        for i in rules_report(tmp_path, raw).indicators
    }
    assert rows.get("2年") == ("2年", "20")  # `时效 | 2年 | 2年 | 2年 | 20`: the term is the row's name
    assert rows.get("养护农村公路里程") == ("120公里", "20")


def test_each_listed_projects_own_paragraph_is_not_the_reports_funding(tmp_path: Path) -> None:
    raw = (
        "二、资金情况\n2021年县财政共计下达我馆项目资金50万元,涉及2个项目,分别为:古籍修复经费35万元;"
        "阅读推广活动经费15万元。\n三、项目资金使用情况\n1.古籍修复经费。该项目财政拨入资金35万元,截至年底支出资金"
        "33.6万元,用于修复破损古籍。\n2.阅读推广活动经费。该项目财政拨入资金15万元,截至年底支出资金15万元。\n"
    )
    funding = rules_report(tmp_path, raw).funding
    assert funding.allocated.total is not None and funding.allocated.total.text == "50万元"
    assert funding.executed.total is None  # 33.6 is the first project's, not the report's
    single = raw.replace("涉及2个项目,", "")
    # no count of projects: two paragraphs that each say 该项目 still make 33.6 one project's (drop_item_totals)
    assert rules_report(tmp_path, single).funding.executed.total is None
    one = single.split("\n2.")[0] + "\n"  # a single project paragraph: its lines may be the report's
    assert rules_report(tmp_path, one).funding.executed.total is not None


def test_a_year_row_under_two_stacked_heads_gives_the_budget_and_the_allocation(tmp_path: Path) -> None:
    raw = "资金情况分年度明细年度预算计划安排实际安排额度2022年640万元(含上年度结转40万元)615.5万元资金分配方法因素法\n"
    funding = rules_report(tmp_path, raw).funding
    budget, allocated = funding.budget.total, funding.allocated.total
    assert budget is not None and budget.text == "640万元"
    assert allocated is not None and allocated.text == "615.5万元"
    years = raw.replace("615.5万元资金", "615.5万元2023年700万元690万元资金")
    assert rules_report(tmp_path, years).funding.allocated.total is None  # several years' rows: none singled out
