"""Funding lines and spending from prose: which line an amount is, and when a list splits it."""

from __future__ import annotations

import pytest

from jixiao.extract.rules.use_rate import read_use_rate
from jixiao.model import Funding, FundSource
from reading import funding_of


def _totals(funding: Funding) -> dict[str, float | None]:
    lines = ("initial", "budget", "allocated", "executed")
    return {line: total.value for line in lines if (total := getattr(funding, line).total) is not None}


def test_the_strongest_verb_of_the_clause_says_the_line() -> None:
    funding, _ = funding_of(
        "2023年中央下达我县农田建设专项转移支付预算860万元；"
        "年初批复预算10个项目940万元，调整预算后项目预算872.35万元，预算执行数850万元。\n"
    )
    assert _totals(funding) == {"initial": 940, "budget": 872.35, "allocated": 860, "executed": 850}
    assert funding.allocated.by_source == []  # `中央下达…` names who issued the money, not a one-row split


def test_document_titles_and_nouns_with_verbs_are_no_verbs() -> None:
    funding, _ = funding_of(
        "根据《关于下达2023年农业资金预算的通知》(岚财农〔2023〕12号)要求，我县农业资金共计300万元。"
        "中央转移支付补助资金合计500万元，用于项目支出绩效管理。\n"
    )
    assert _totals(funding) == {"budget": 300}


def test_an_amount_before_its_verb_and_a_verb_in_an_earlier_clause() -> None:
    funding, _ = funding_of(
        "2023年批复我局项目6个，项目资金1740万元。\n"
        "1200万元资金全部拨付到位，资金到位率100%。\n"
        "全年发放补助资金为312.6万元。\n"
    )
    assert _totals(funding) == {"budget": 1740, "allocated": 1200, "executed": 312.6}
    assert funding.execution_rate is None  # 到位率 is no execution rate


def test_batches_are_no_total_unless_their_sum_is_stated() -> None:
    batches, _ = funding_of("2022年11月提前下达600万元、2023年3月下达200万元，用于就业补贴。\n")
    assert batches.allocated.total is None
    summed, _ = funding_of("2022年11月提前下达600万元；2023年3月下达200万元；2023年合计800万元。\n")
    assert _totals(summed) == {"allocated": 800}


def test_the_amount_the_others_add_up_to_is_their_total() -> None:
    funding, _ = funding_of(
        "一、资金下达情况(一)2021年中央下达食品监管补助资金预算3万元，下达我局补助资金1.5万元、补助资金1.5万元，"
        "二、资金使用情况，本年度收到中央补助1.5万元、中央补助1.5万元，全年支出2.8万元。\n"
    )
    assert _totals(funding) == {"allocated": 3, "executed": 2.8}


def test_balances_incomes_changes_and_standards_are_no_lines() -> None:
    funding, spending = funding_of(
        "上年结转结余资金2万元。\n1、收入：500万元。\n同比上年度增加30万元。\n其中：财政拨款收入500万元，其他收入0万元。\n"
        "补贴标准为每人200元。\n"
    )
    assert (_totals(funding), spending) == ({}, [])


def test_a_list_after_a_total_splits_it_into_sources() -> None:
    funding, spending = funding_of(
        "全年下达义务教育补助经费5332.35万元，其中中央专项资金4120万元，自治区专项资金810万元，本级财政配套资金402.35万元。\n"
    )
    assert funding.allocated.total.value == 5332.35
    assert [(row.source, row.amount.value) for row in funding.allocated.by_source] == [
        (FundSource.CENTRAL, 4120),
        (FundSource.PROVINCIAL, 810),
        (FundSource.COUNTY, 402.35),
    ]
    assert spending == []


def test_sources_in_brackets_are_read_once_and_a_partial_mention_is_no_split() -> None:
    funding, _ = funding_of("项目预算合计为386.50万元(其中:自治区142.30万元,市级244.20万元)。\n")
    assert [row.amount.value for row in funding.budget.by_source] == [142.30, 244.20]
    partial, _ = funding_of("年初批复预算7个项目940万元(含1个年初结转结余项目45万元)。\n")
    assert (partial.initial.total.value, partial.initial.by_source) == (940, [])


def test_the_whole_replaces_a_part_read_first() -> None:
    funding, _ = funding_of(
        "2022年我区见习计划中央转移支付补助资金合计800万元(其中:2021年12月提前下达600万元、2022年3月下达200万元)。\n"
        "2022年见习计划补助资金共计1200万元，其中：中央转移支付我区见习计划补助资金800万元，"
        "我区见习计划自治区财政补助资金400万元。\n全年支出为1100万元，预算总执行率为91.67%。\n"
    )
    assert _totals(funding) == {"budget": 1200, "executed": 1100}
    assert [(row.source, row.amount.value) for row in funding.budget.by_source] == [
        (FundSource.CENTRAL, 800),
        (FundSource.PROVINCIAL, 400),
    ]


def test_a_total_said_to_be_all_one_sources_money() -> None:
    funding, _ = funding_of("2023年我校设备购置经费总额12.60万元，均为县级配套资金，已拨付使用12.60万元。\n")
    assert _totals(funding) == {"budget": 12.60, "executed": 12.60}
    assert [(row.source, row.amount.value) for row in funding.budget.by_source] == [(FundSource.COUNTY, 12.60)]


def test_one_sources_sentence_alone_is_no_split() -> None:
    funding, _ = funding_of("上级财政下达我区耕地补贴资金8140万元。\n中央财政耕地补贴资金下达资金7360万元。\n")
    assert (funding.allocated.total.value, funding.allocated.by_source) == (8140, [])


def test_sub_projects_listed_after_a_total_are_spending() -> None:
    _, spending = funding_of(
        "2021年批复我局项目3个，项目资金1650万元。\n分别为：2021年土壤污染防治专项资金900万元，资金直接拨付至市财政局；"
        "环境监测经费580万元；中央、省环保督察整改工作经费170万元。\n"
    )
    assert [(item.category, item.amount.value) for item in spending] == [
        ("年土壤污染防治专项资金", 900),
        ("环境监测经费", 580),
        ("中央、省环保督察整改工作经费", 170),
    ]


def test_the_list_of_money_spent_wins_over_the_same_list_planned() -> None:
    _, spending = funding_of(
        "本项目共申请预算资金200000元，其中村级组织运转80000元，村级事务补助120000元。\n"
        "本项目共完成预算资金150000元，其中村级组织运转70000元，村级事务补助80000元。\n"
    )
    assert [(item.category, item.amount.text) for item in spending] == [
        ("村级组织运转", "70000元"),
        ("村级事务补助", "80000元"),
    ]


def test_groups_of_projects_and_a_second_level_of_a_split_are_no_spending() -> None:
    _, spending = funding_of(
        "2023年安排专项资金项目共计30个，财政资金500万元。\n"
        "其中自评“优”的项目20个财政资金400万元；自评“良”的项目10个财政资金100万元。\n"
        "2、支出：520万元。\n其中：人员经费支出300万元，公用经费支出100万元，项目支出120万元。\n"
        "项目支出包括会议经费42万元，培训经费78万元。\n"
    )
    assert [(item.category, item.amount.value) for item in spending] == [
        ("人员经费", 300),
        ("公用经费", 100),
        ("项目支出", 120),
    ]


def test_an_approved_investment_and_what_was_to_be_spent_are_the_budget() -> None:
    funding, _ = funding_of("该工程属省级水利发展资金项目，工程批复总投资48.6万元。\n")
    assert _totals(funding) == {"budget": 48.6}
    funding, _ = funding_of("全年应执行数为9.6万元，实际执行率为100%。\n")
    assert _totals(funding) == {"budget": 9.6}
    funding, _ = funding_of("该项目总投资120万元，其中财政资金80万元。\n")
    assert _totals(funding) == {}  # a project's investment is no funding line


def test_a_matching_share_is_no_budget_and_the_final_amount_after_a_cut_is_the_line() -> None:
    funding, _ = funding_of("各级财政积极安排配套资金2100万元。\n全年预算数8800万元，全区执行数8650万元。\n")
    assert _totals(funding) == {"budget": 8800, "executed": 8650}
    funding, _ = funding_of(
        "2022年中央财政某救助补助资金下达我区90万元（某财〔2021〕12号），调减25万元（某财〔2022〕3号），"
        "全年实际下达65万元，已全额划转至各街道。\n"
    )
    assert _totals(funding) == {"allocated": 65}


def test_splits_in_prose_a_glued_year_a_verb_lead_and_a_restated_whole() -> None:
    funding, _ = funding_of(
        "全年收到资金共860.5万元，其中：中央资金500万元，省级资金120.5万元，县级资金240万元2022年支出812.3万元，"
        "其中中央资金480万元，省级资金100万元，县级资金232.3万元\n"
    )
    assert _totals(funding) == {"allocated": 860.5, "executed": 812.3}
    assert [row.amount.value for row in funding.executed.by_source] == [480, 100, 232.3]
    funding, _ = funding_of(
        "项目批复总投资40万元。其中：依据《某厅关于下达资金的通知》（某财农【2021】88号）下达中央财政资金25万元，"
        "县财政资金15万元，共计下达40万元。\n项目批复总投资40万元，其中中央财政资金25万元，县财政配套资金15万元，"
        "2022年度中央下达资金40万元。\n"
    )
    assert _totals(funding) == {"budget": 40, "allocated": 40}
    assert [(row.source, row.amount.value) for row in funding.allocated.by_source] == [
        (FundSource.CENTRAL, 25),
        (FundSource.COUNTY, 15),
    ]
    assert [row.name for row in funding.budget.by_source] == ["中央财政资金", "县财政配套资金"]


def test_each_level_giving_its_money_in_its_own_clause_is_a_source() -> None:
    funding, _ = funding_of("2023年省级下拨某护理费2.5万元；市级下拨某护理费2.5万元；全年应执行数为5万元。\n")
    assert [(row.source, row.name, row.amount.value) for row in funding.allocated.by_source] == [
        (FundSource.PROVINCIAL, "省级", 2.5),
        (FundSource.PREFECTURAL, "市级", 2.5),
    ]
    funding, _ = funding_of("3月中央下达补助资金30万元；9月中央下达补助资金20万元。\n")
    assert funding.allocated.by_source == []  # two batches of one level are no split


_LEVEL_SENTENCES = [
    # Sichuan's outline: a section per level, each stating what that level gave
    "(一)中央下达预算情况\n2022年我局共收到中央下达某救助补助资金600万元。\n"
    "(二)省内资金安排情况\n省级下达资金80万元。\n(三)市县资金安排情况\n市县下达资金45.5万元。\n",
    # one paragraph, each level its own sentence
    "2022年中央财政下达某补助资金600万元。自治区财政下达配套资金80万元。县财政下拨配套资金45.5万元。\n",
]


@pytest.mark.parametrize("text", _LEVEL_SENTENCES)
def test_each_level_giving_its_money_in_its_own_sentence_is_a_source(text: str) -> None:
    funding, _ = funding_of(text)
    assert funding.allocated.total is None  # the whole is not stated
    assert [(row.source, row.amount.value) for row in funding.allocated.by_source] == [
        (FundSource.CENTRAL, 600),
        (FundSource.PROVINCIAL, 80),
        (FundSource.LOCAL if "市县" in text else FundSource.COUNTY, 45.5),
    ]
    assert funding.allocated.by_source[1].name in {"省级下达资金", "自治区财政下达配套资金"}


def test_level_sentences_with_an_unnamed_or_repeated_level_are_no_split() -> None:
    batches = "中央下达某补助资金600万元。省级下达资金80万元。中央下达第二批资金30万元。\n"
    assert funding_of(batches)[0].allocated.by_source == []  # one level with two amounts: batches
    unnamed = "中央下达某补助资金600万元。省级下达资金80万元。另下达资金30万元。\n"
    assert funding_of(unnamed)[0].allocated.by_source == []  # an amount whose level is not said


def test_quoted_projects_with_bracketed_amounts_that_make_up_the_total_are_spending() -> None:
    text = (
        "2023年度，中央下达我市污染防治资金共900万元。\n"
        "3月，我市将600万元资金下拨至某旗，用于实施“某厂地块调查项目”(400万元)和“某池应急工程地块调查项目”(200万元)。\n"
        "8月，我市将300万元资金下拨至某区，用于实施“某区耕地安全利用项目”(300万元)。\n"
    )
    _, spending = funding_of(text)
    assert [(item.category, item.amount.value) for item in spending] == [
        ("某厂地块调查项目", 400),
        ("某池应急工程地块调查项目", 200),
        ("某区耕地安全利用项目", 300),
    ]
    _, spending = funding_of(text.replace("(300万元)", "(250万元)"))
    assert spending == []  # 850 is not the 900 allocated: some projects, not the whole


def test_a_list_cut_by_the_end_of_the_text_splits_nothing() -> None:
    """An excerpt that stops inside the list may have lost items: the total stands, the parts are no split."""
    whole = "全年累计支付资金合计50万元，其中项目材料费30万元、劳务费20万元。"
    _, spending = funding_of(whole)
    assert [(item.category, item.amount.value) for item in spending] == [("项目材料费", 30), ("劳务费", 20)]
    funding, spending = funding_of("全年累计支付资金合计50万元，其中项目材料费30万元、劳务费15万元、扣除村民")
    assert (funding.executed.total.value, spending, funding.executed.by_source) == (50, [], [])


def test_a_funding_block_of_label_amount_pairs_reads_each_column_and_its_sources() -> None:
    from jixiao.extract.rules.paired_funding import paired_funding

    text = (
        "金额单位: 万元\n二、预算执行情况 预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)\n"
        "预算数 20.00 到位数 18.00 执行数 17.10 85.50\n"
        "其中:财政资金 16.00 其中:财政资金 14.00 其中:财政资金 13.10\n"
        "其他 4.00 其他 4.00 其他 4.00\n"
    )
    funding = paired_funding(text)
    assert funding is not None
    totals = [line.total.text if line.total else None for line in (funding.budget, funding.allocated, funding.executed)]
    assert totals == ["20.00", "18.00", "17.10"]
    assert funding.execution_rate is not None and funding.execution_rate.value == 85.5
    assert funding.execution_rate.unit == "%"
    sources = [(s.source.value, s.name, s.amount.value) for s in funding.executed.by_source]
    assert sources == [("appropriation", "财政资金", 13.1), ("other", "其他", 4.0)]
    span = funding.allocated.total.span if funding.allocated.total else None
    assert span is not None and text[span.start : span.end] == "18.00"


def test_amounts_in_yuan_by_the_heads_unit_are_converted_and_prose_has_no_paired_block() -> None:
    from jixiao.extract.rules.paired_funding import paired_funding

    funding = paired_funding("金额单位: 元\n预算数 68400 到位数 68400 执行数 68400\n")
    assert funding is not None and funding.budget.total is not None and funding.budget.total.value == 6.84
    assert funding.execution_rate is None
    assert paired_funding("全年预算数为20万元，执行数为17.1万元。") is None


def test_a_forms_spending_split_in_label_amount_cells_is_spending() -> None:
    from jixiao.extract.rules.paired_funding import paired_spending

    piped = paired_spending("基本支出总额 | 120.4万 | 项目支出总额 | 0 | ||||\n")
    assert [(item.category, item.amount.value if item.amount else None) for item in piped] == [
        ("基本支出总额", 120.4),
        ("项目支出总额", 0.0),
    ]
    glued = paired_spending("按支出性质分:300.5其中:基本支出:260.5政府性基金拨款:项目支出:40其他资金:")
    assert [(item.category, item.amount.text if item.amount else None) for item in glued] == [
        ("基本支出", "260.5"),
        ("项目支出", "40"),
    ]


def test_one_spending_kind_alone_is_no_split() -> None:
    from jixiao.extract.rules.paired_funding import paired_spending

    assert paired_spending("全年基本支出 | 88.2 |") == []


def test_a_list_of_amounts_each_used_for_a_part_splits_the_line_before() -> None:
    funding, spending = funding_of(
        "本项目共完成预算资金59.9万元。其中:20万元用于河道清淤;19.9万元用于堤防加固;20万元用于监测设备购置。"
        "全年召开会议3次。\n"
    )
    assert _totals(funding) == {"executed": 59.9}
    assert [(item.category, item.amount.value) for item in spending] == [
        ("河道清淤", 20),
        ("堤防加固", 19.9),
        ("监测设备购置", 20),
    ]


def test_one_amount_used_for_a_purpose_is_no_list() -> None:
    _, spending = funding_of("本项目共完成预算资金59.9万元。其中:20万元用于河道清淤，其余资金结转下年使用。\n")
    assert spending == []


def test_a_use_rate_is_the_execution_rate_only_when_the_lines_make_it() -> None:
    for text, rate in (
        ("下达专项资金300万元，实际支付270.6万元，资金使用率90.2%。\n", 90.2),
        ("下达专项资金300万元，实际支付270.6万元，其中某子项目资金使用率76.40%。\n", None),
    ):
        funding, _ = funding_of(text)
        read_use_rate(text, funding)
        assert (funding.execution_rate.value if funding.execution_rate else None) == rate
