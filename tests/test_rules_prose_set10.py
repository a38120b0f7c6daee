"""Prose shapes of held-out set 10 (narrative reports of many funds), one class each, on invented paragraphs."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.extract.rules.fund_names import subject_of
from jixiao.extract.rules.funding import extract_funding
from jixiao.extract.rules.goal_targets import attach_goal_targets
from jixiao.extract.rules.indicators import extract_indicators
from jixiao.model import Indicator
from reading import header_of


def _indicators(raw: str) -> list[tuple[str | None, str, str | None, str | None]]:
    text, _ = normalize(raw)
    return [
        (found.program, found.name, found.target and found.target.text, found.actual and found.actual.text)
        for found in extract_indicators(text)
    ]


# ---- one figure stated as both the plan and the result ----------------------------------------------------

_LINES = (
    "一、各险种承保情况\n"
    "1、小麦保险:今年计划和实际承保面积为9.6万亩,保费合计288万元。\n"
    "2、奶牛保险:计划与实际投保1.25万头,保费合计150万元。\n"
    "3、林木保险:计划和实际投保2400户。\n"
)


def test_a_figure_that_was_both_planned_and_done_is_the_target_and_the_actual_of_its_line() -> None:
    assert _indicators(_LINES) == [
        ("小麦保险", "承保面积", "9.6万亩", "9.6万亩"),
        ("奶牛保险", "投保", "1.25万头", "1.25万头"),
        ("林木保险", "投保", "2400户", "2400户"),
    ]


def test_money_said_to_be_planned_and_paid_is_no_indicator() -> None:
    assert _indicators("1、水稻保险:计划和实际补贴资金为120万元。\n") == []


def test_a_plan_alone_is_no_indicator_of_this_shape() -> None:
    assert _indicators("1、小麦保险:计划承保面积9.6万亩,总保费288万元。\n") == []


# ---- a title that prints the year inside the fund's name -------------------------------------------------


def test_the_year_printed_inside_a_funds_name_leaves_the_name_whole() -> None:
    assert subject_of("临川市非遗传承保护2021年度专项资金绩效自评报告") == "非遗传承保护专项资金"
    assert subject_of("临川市非遗传承保护2021年度专项经费绩效自评报告") == "非遗传承保护专项经费"


def test_a_unit_or_nothing_before_the_year_names_no_fund() -> None:
    assert subject_of("临川市文化局2021年度专项资金绩效自评报告") is None
    assert subject_of("临川市2021年度专项资金绩效自评报告") is None


# ---- the part of a sentence about work still to finish states its scope, not what was done ----------------

_SUB_PROJECTS = (
    "二、绩效目标完成情况\n产出指标完成情况分析。\n"
    "①东坡巷改造工程尾款30万元,该项目改造楼栋数4栋,改造户数120户,已于2021年10月竣工验收;"
    "②西坡巷改造工程缺口资金70万元,该项目改造楼栋数9栋,改造户数310户,预计于2022年5月完工。\n"
)


def test_counts_of_a_part_that_is_still_expected_to_finish_are_no_actuals() -> None:
    assert _indicators(_SUB_PROJECTS) == [(None, "改造楼栋数", None, "4栋"), (None, "改造户数", None, "120户")]


# ---- circled uses of an amount, each opening on its name and amount ---------------------------------------


def _spending(raw: str) -> list[tuple[str, str | None]]:
    text, _ = normalize(raw)
    _, spending = extract_funding(text)
    return [(item.category, item.amount.text if item.amount else None) for item in spending]


def test_circled_uses_that_make_up_the_amount_before_them_are_its_spending() -> None:
    found = _spending(
        "县级年初安排配套资金100万元,主要用于:①东坡巷改造尾款30万元,已结清;②西坡巷改造补助70万元,年内分两次拨付。\n"
    )
    assert found == [("东坡巷改造尾款", "30万元"), ("西坡巷改造补助", "70万元")]


def test_circled_uses_that_do_not_make_up_the_amount_are_left_out() -> None:
    found = _spending(
        "县级年初安排配套资金100万元,主要用于:①东坡巷改造尾款30万元,已结清;②西坡巷改造补助50万元,年内分两次拨付。\n"
    )
    assert found == []


# ---- a goal stated before the results, a result 基本完成 with parts that add up to it ----------------------

_RESULTS = (
    "二、绩效目标完成情况分析\n"
    "(二)总体绩效目标完成情况分析。\n"
    "项目年度绩效目标为新增灌溉面积860.5hm,其中渠灌320.5hm,滴灌540hm。\n"
    "(三)绩效指标完成情况分析。\n"
    "1.产出指标完成情况分析。\n"
    "(1)数量指标。基本完成新增灌溉面积860.5hm,其中渠灌320.5hm,滴灌540hmm。\n"
    "2.效益指标完成情况分析。\n"
    "(1)生态效益。灌区配套建成后年节水量120万立方米;节水率18.5%。\n"
)


def _report(raw: str) -> list[Indicator]:
    text, _ = normalize(raw)
    found = extract_indicators(text)
    attach_goal_targets(text, found)
    return found


def test_a_result_takes_the_goal_of_its_name_as_target_and_its_summed_parts_as_breakdown() -> None:
    area, *rest = _report(_RESULTS)
    assert (area.name, area.target and area.target.text, area.actual and area.actual.text) == (
        "新增灌溉面积",
        "860.5hm",
        "860.5hm",
    )
    assert [(part.name, part.figure.value, part.figure.unit) for part in area.breakdown] == [
        ("渠灌", 320.5, "hm"),
        ("滴灌", 540.0, "hm"),
    ]
    assert [(found.name, found.actual and found.actual.text) for found in rest] == [
        ("年节水量", "120万立方米"),
        ("节水率", "18.5%"),
    ]


def test_parts_that_do_not_add_up_are_no_breakdown_and_a_goal_of_another_unit_no_target() -> None:
    changed = _RESULTS.replace("滴灌540hmm", "滴灌500hm").replace(
        "面积860.5hm,其中渠灌320.5hm,滴灌540hm。", "面积8605亩。"
    )
    area = _report(changed)[0]
    assert area.actual is not None and area.actual.text == "860.5hm"
    assert area.breakdown == [] and area.target is None


# ---- funding words: what was obtained, planned, due, and a fund's size ----------------------------------


def _lines(raw: str) -> dict[str, str | None]:
    text, _ = normalize(raw)
    funding, _ = extract_funding(text)
    return {
        line: total.text if (total := getattr(funding, line).total) else None
        for line in ("budget", "allocated", "executed")
    }


def test_money_a_unit_obtained_or_a_higher_treasury_paid_it_is_allocated() -> None:
    assert _lines("今年共争取到省级图书购置补助资金36万元。\n")["allocated"] == "36万元"
    assert _lines("省级财政拨付本县文化下乡补助资金5.2万元。\n")["allocated"] == "5.2万元"


def test_money_paid_as_the_contract_or_the_works_went_on_is_executed() -> None:
    assert _lines("区级年初预算150万元,已按合同约定和工程进度拨付资金42.5万元。\n")["executed"] == "42.5万元"
    assert _lines("上级拨付资金42.5万元。\n")["executed"] is None


def test_a_funds_plan_and_what_was_due_are_its_budget_and_what_arrived_is_allocated() -> None:
    assert _lines("项目资金计划为600万元,到年末实际到位580万元。\n") == {
        "budget": "600万元",
        "allocated": "580万元",
        "executed": None,
    }
    assert _lines("2021年,某基金应到位800万元。\n") == {"budget": "800万元", "allocated": None, "executed": None}


def test_a_funds_size_with_its_local_self_raised_part_is_the_budget_with_sources() -> None:
    text, _ = normalize(
        "(一)中央下达某储备基金专项转移支付预算和绩效目标情况\n"
        "2022年某储备基金规模为5000.00万元,其中:中央补助2000.00万元,地方自筹3000.00万元。\n"
    )
    funding, _ = extract_funding(text)
    assert funding.allocated.total is None  # the section title's 下达 governs no amount of the paragraph
    assert funding.budget.total is not None and funding.budget.total.text == "5000.00万元"
    assert [(part.source.value, part.amount.text) for part in funding.budget.by_source] == [
        ("central", "2000.00万元"),
        ("local", "3000.00万元"),
    ]


# ---- headers of reports printed without a title --------------------------------------------------------


def test_a_fund_transfer_named_as_a_jijin_keeps_its_name_without_the_transfer_words() -> None:
    assert subject_of("某储备调节基金专项转移支付") == "某储备调节基金"


def test_a_paragraph_opening_on_the_funds_name_and_amount_names_the_fund_and_its_place() -> None:
    header = header_of(
        "一、基本情况\n该厂位于城东,日处理能力2万吨。\n二、资金安排\n"
        "(一)资金情况。\n青石县污水处理厂提标改造工程经费800万元,已全部批复。\n"
    )
    assert (header.fund, header.region) == ("污水处理厂提标改造工程经费", "青石县")


def test_a_report_opening_on_its_provinces_government_that_says_wo_sheng_is_that_provinces() -> None:
    opening = (
        "甘肃省委、省政府高度重视某储备工作,我省认真组织开展自评。现将自评情况报告如下:\n一、绩效目标分解下达情况\n"
    )
    assert header_of(opening).region == "甘肃省"
    assert header_of(opening.replace("我省", "本单位")).region is None


def test_the_one_place_a_projects_name_gives_in_brackets_is_the_region_of_a_report_that_says_wo_xian() -> None:
    opening = (
        "一、绩效目标分解下达情况\n某厅《关于下达某资金的通知》下达我县中央水利发展资金300万元。\n"
        "某小型水库除险加固工程(青石县)东沟水库项目总投资计划320万元。\n"
    )
    assert header_of(opening).region == "青石县"
    assert header_of(opening.replace("我县", "该地")).region is None


def test_an_amount_planned_and_spent_is_no_indicator_whatever_its_noun() -> None:
    assert _indicators("1、道路工程:计划和实际完成额为320万元。\n") == []


def test_a_ten_thousands_unit_misprinted_before_a_count_unit_is_read_as_printed() -> None:
    [(_, _, target, actual)] = _indicators("1、油茶保险:计划和实际投保5.6万元亩。\n")
    assert target == actual == "5.6万元亩"
